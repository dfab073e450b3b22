"""The resource set of each stack, from the real program run under Pulumi mocks."""

from __future__ import annotations

import copy
from collections import Counter

import pytest

from safenow_infra.capture import StackCapture, run_stack
from safenow_infra.envfile import SECRET_VARIABLES
from safenow_infra.naming import TRACK_LABEL

EXPECTED_KINDS = {
    "dev": {
        "Namespace": 1,
        "ServiceAccount": 1,
        "ConfigMap": 1,
        "Deployment": 2,  # stable + in-cluster Redis
        "Service": 3,  # stable + entry (no Gateway) + Redis
        "HorizontalPodAutoscaler": 1,
        "PodDisruptionBudget": 1,
        "NetworkPolicy": 3,
    },
    "staging": {
        "Namespace": 1,
        "ServiceAccount": 1,
        "ConfigMap": 1,
        "Deployment": 1,
        "Service": 1,
        "HorizontalPodAutoscaler": 1,
        "PodDisruptionBudget": 1,
        "NetworkPolicy": 2,
        "HTTPRoute": 1,
    },
    "prod": {
        "Namespace": 1,
        "ServiceAccount": 1,
        "ConfigMap": 1,
        "Deployment": 2,  # stable + canary
        "Service": 2,
        "HorizontalPodAutoscaler": 2,
        "PodDisruptionBudget": 2,
        "NetworkPolicy": 2,
        "HTTPRoute": 1,
    },
}
NAMESPACES = {"dev": "safenow-dev", "staging": "safenow-staging", "prod": "safenow-prod"}
STACKS = tuple(EXPECTED_KINDS)


def k8s_resources(capture: StackCapture):
    return [r for r in capture.resources if r.kind]


def pod_labels(deployment) -> dict[str, str]:
    return deployment.props["spec"]["template"]["metadata"]["labels"]


def selects(selector: dict[str, str], labels: dict[str, str]) -> bool:
    return all(labels.get(key) == value for key, value in selector.items())


@pytest.mark.parametrize("stack", STACKS)
def test_resource_kinds_and_counts(captures, stack):
    counts = Counter(r.kind for r in k8s_resources(captures[stack]))
    assert dict(counts) == EXPECTED_KINDS[stack]


@pytest.mark.parametrize("stack", STACKS)
def test_names_are_unique_per_kind_and_in_the_stack_namespace(captures, stack):
    keys = [(r.kind, r.k8s_name) for r in k8s_resources(captures[stack])]
    assert len(keys) == len(set(keys))
    for resource in k8s_resources(captures[stack]):
        if resource.kind == "Namespace":
            assert resource.k8s_name == NAMESPACES[stack]
        else:
            assert resource.props["metadata"]["namespace"] == NAMESPACES[stack], resource.urn


@pytest.mark.parametrize("stack", STACKS)
def test_every_resource_carries_recommended_and_policy_labels(captures, stack):
    owner_class = {"dev": "internal", "staging": "confidential", "prod": "restricted"}[stack]
    for resource in k8s_resources(captures[stack]):
        labels = resource.props["metadata"]["labels"]
        assert labels["app.kubernetes.io/name"] == "safenow"
        assert labels["app.kubernetes.io/instance"] == f"safenow-{stack}"
        assert labels["app.kubernetes.io/part-of"] == "safenow"
        assert labels["app.kubernetes.io/managed-by"] == "pulumi"
        assert labels["owner"] == "team-safenow"
        assert labels["data-classification"] == owner_class


@pytest.mark.parametrize("stack", STACKS)
def test_selectors_match_their_pods(captures, stack):
    capture = captures[stack]
    deployments = capture.of_kind("Deployment")
    for deployment in deployments:
        selector = deployment.props["spec"]["selector"]["matchLabels"]
        assert selects(selector, pod_labels(deployment)), deployment.k8s_name
    for service in capture.of_kind("Service"):
        selector = service.props["spec"]["selector"]
        matched = [d.k8s_name for d in deployments if selects(selector, pod_labels(d))]
        if service.k8s_name == "safenow":  # the replica-ratio entry Service: both tracks
            assert sorted(matched) == sorted(
                d.k8s_name for d in deployments if TRACK_LABEL in pod_labels(d)
            )
        else:
            assert matched == [service.k8s_name], f"{service.k8s_name} selects {matched}"
        assert service.props["spec"]["type"] == "ClusterIP"
    for budget in capture.of_kind("PodDisruptionBudget"):
        selector = budget.props["spec"]["selector"]["matchLabels"]
        matched = [d.k8s_name for d in deployments if selects(selector, pod_labels(d))]
        assert matched == [budget.k8s_name]


@pytest.mark.parametrize("stack", STACKS)
def test_hpa_owned_deployments_set_no_replicas(captures, stack):
    capture = captures[stack]
    deployments = {d.k8s_name: d for d in capture.of_kind("Deployment")}
    targets = [
        h.props["spec"]["scaleTargetRef"] for h in capture.of_kind("HorizontalPodAutoscaler")
    ]
    assert len({t["name"] for t in targets}) == len(targets), "one HPA per Deployment"
    for target in targets:
        assert target["kind"] == "Deployment" and target["apiVersion"] == "apps/v1"
        assert target["name"] in deployments
        assert "replicas" not in deployments[target["name"]].props["spec"]
    for hpa in capture.of_kind("HorizontalPodAutoscaler"):
        spec = hpa.props["spec"]
        assert 2 <= spec["minReplicas"] < spec["maxReplicas"]
        if stack == "prod":
            assert spec["minReplicas"] >= 3
        scale_down = spec["behavior"]["scaleDown"]["stabilizationWindowSeconds"]
        assert scale_down > 0
        assert spec["metrics"][0]["resource"]["name"] == "cpu"
    untargeted = set(deployments) - {t["name"] for t in targets}
    assert untargeted == ({"safenow-redis"} if stack == "dev" else set())


@pytest.mark.parametrize("stack", STACKS)
def test_pods_are_hardened(captures, stack):
    for deployment in captures[stack].of_kind("Deployment"):
        pod = deployment.props["spec"]["template"]["spec"]
        assert pod["automountServiceAccountToken"] is False
        assert pod["serviceAccountName"] == "safenow"
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert pod["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault"
        assert deployment.props["spec"]["strategy"]["type"] == "RollingUpdate"
        for container in pod["containers"]:
            security = container["securityContext"]
            assert security["readOnlyRootFilesystem"] is True
            assert security["allowPrivilegeEscalation"] is False
            assert security["capabilities"]["drop"] == ["ALL"]
            assert security["runAsUser"] >= 10000
            assert {"cpu", "memory"} <= set(container["resources"]["requests"])
            assert "memory" in container["resources"]["limits"]
            assert container["livenessProbe"] != container["readinessProbe"]
        volumes = {v["name"]: v for v in pod["volumes"]}
        assert all(set(v) == {"name", "emptyDir"} for v in volumes.values())


@pytest.mark.parametrize("stack", STACKS)
def test_api_pods_probe_the_service_endpoints(captures, stack):
    for name in ("safenow-stable", "safenow-canary"):
        found = [d for d in captures[stack].of_kind("Deployment") if d.k8s_name == name]
        for deployment in found:
            container = deployment.props["spec"]["template"]["spec"]["containers"][0]
            assert container["ports"] == [{"name": "http", "containerPort": 8080}]
            assert container["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
            assert container["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "http"}
            spread = deployment.props["spec"]["template"]["spec"]["topologySpreadConstraints"]
            assert {c["topologyKey"] for c in spread} >= {"kubernetes.io/hostname"}


@pytest.mark.parametrize("stack", STACKS)
def test_secrets_reach_pods_only_through_secret_key_refs(captures, stack):
    capture = captures[stack]
    config_map = capture.one("ConfigMap", "safenow-env").props["data"]
    leaked = set(config_map) & SECRET_VARIABLES
    if stack == "dev":
        # The in-cluster dev Redis has no password; its URL is plain config.
        assert leaked == {"REDIS_URL"}
        assert config_map["REDIS_URL"] == "redis://safenow-redis:6379/0"
    else:
        assert leaked == set()
    for deployment in capture.of_kind("Deployment"):
        for container in deployment.props["spec"]["template"]["spec"]["containers"]:
            for variable in container.get("env", []):
                assert "value" not in variable, variable
                assert set(variable["valueFrom"]) == {"secretKeyRef"}


def test_prod_secret_references_name_the_configured_secrets(captures):
    stable = captures["prod"].one("Deployment", "safenow-stable")
    env = stable.props["spec"]["template"]["spec"]["containers"][0]["env"]
    refs = {v["name"]: v["valueFrom"]["secretKeyRef"] for v in env}
    assert refs == {
        "API_KEYS": {"name": "safenow-api-keys", "key": "API_KEYS"},
        "REDIS_URL": {"name": "safenow-redis", "key": "url"},
        "AUDIT_DATABASE_URL": {"name": "safenow-audit-db", "key": "url"},
        "AUDIT_CHECKPOINT_KEY": {"name": "safenow-audit-checkpoint", "key": "key"},
        "MODEL_API_KEY": {"name": "safenow-model", "key": "api-key"},
    }


def _normalised_template(deployment) -> dict:
    template = copy.deepcopy(deployment.props["spec"]["template"])
    for container in template["spec"]["containers"]:
        container["image"] = "<image>"

    def scrub(node):
        if isinstance(node, dict):
            return {k: ("<track>" if k == TRACK_LABEL else scrub(v)) for k, v in node.items()}
        if isinstance(node, list):
            return [scrub(item) for item in node]
        return node

    return scrub(template)


def test_canary_template_equals_stable_except_image_and_track(captures):
    prod = captures["prod"]
    stable = prod.one("Deployment", "safenow-stable")
    canary = prod.one("Deployment", "safenow-canary")
    assert pod_labels(stable)[TRACK_LABEL] == "stable"
    assert pod_labels(canary)[TRACK_LABEL] == "canary"
    assert _normalised_template(stable) == _normalised_template(canary)
    images = [
        d.props["spec"]["template"]["spec"]["containers"][0]["image"] for d in (stable, canary)
    ]
    assert images[0] != images[1]
    assert all("@sha256:" in image for image in images)


def test_prod_route_carries_the_configured_weights(captures):
    route = captures["prod"].one("HTTPRoute", "safenow")
    backends = route.props["spec"]["rules"][0]["backendRefs"]
    assert [(b["name"], b["weight"], b["port"]) for b in backends] == [
        ("safenow-stable", 90, 80),
        ("safenow-canary", 10, 80),
    ]
    assert route.props["spec"]["parentRefs"] == [
        {
            "group": "gateway.networking.k8s.io",
            "kind": "Gateway",
            "name": "shared-gateway",
            "namespace": "gateway-system",
            "sectionName": "https",
        }
    ]
    assert route.props["spec"]["hostnames"] == ["api.safenow.example"]


def test_staging_route_sends_everything_to_stable_without_a_canary(captures):
    route = captures["staging"].one("HTTPRoute", "safenow")
    backends = route.props["spec"]["rules"][0]["backendRefs"]
    assert [(b["name"], b["weight"]) for b in backends] == [("safenow-stable", 100)]


@pytest.mark.parametrize("weight", [0, 1, 25])
def test_prod_weight_from_config_reaches_the_route(weight):
    capture = run_stack("prod", {"safenow:canary.weight": weight})
    backends = capture.one("HTTPRoute", "safenow").props["spec"]["rules"][0]["backendRefs"]
    assert [b["weight"] for b in backends] == [100 - weight, weight]
    assert capture.outputs["trafficSplit"]["effectiveWeights"] == {
        "stable": 100 - weight,
        "canary": weight,
    }


def test_dev_canary_without_gateway_falls_back_to_replica_ratio():
    image = "ghcr.io/safenow/safenow:0.2.0"
    capture = run_stack("dev", {"safenow:canary.image": image, "safenow:canary.weight": 50})
    assert capture.of_kind("HTTPRoute") == []
    canary_hpa = capture.one("HorizontalPodAutoscaler", "safenow-canary").props["spec"]
    stable_hpa = capture.one("HorizontalPodAutoscaler", "safenow-stable").props["spec"]
    assert canary_hpa["minReplicas"] == stable_hpa["minReplicas"] == 2
    split = capture.outputs["trafficSplit"]
    assert split["mode"] == "replica-ratio"
    assert split["effectiveWeights"] == {"stable": 50, "canary": 50}
    assert "replica ratio" in split["note"]
    entry = capture.one("Service", "safenow").props["spec"]["selector"]
    assert TRACK_LABEL not in entry
    assert capture.outputs["serviceNames"] == {
        "stable": "safenow-stable",
        "canary": "safenow-canary",
        "entry": "safenow",
    }
    assert capture.outputs["canaryImage"] == image


def test_dev_small_weight_reports_the_share_it_can_really_give():
    capture = run_stack(
        "dev",
        {"safenow:canary.image": "ghcr.io/safenow/safenow:0.2.0", "safenow:canary.weight": 10},
    )
    split = capture.outputs["trafficSplit"]
    # Two canary pods is the floor; against two stable pods that is 50 %, not 10 %.
    assert split["requestedCanaryWeight"] == 10
    assert split["effectiveWeights"]["canary"] == 50
    assert "about 50 % canary for 10 % requested" in split["note"]


def test_dev_canary_image_at_weight_zero_is_not_deployed_without_gateway():
    capture = run_stack("dev", {"safenow:canary.image": "ghcr.io/safenow/safenow:0.2.0"})
    assert {d.k8s_name for d in capture.of_kind("Deployment")} == {
        "safenow-stable",
        "safenow-redis",
    }
    assert capture.outputs["trafficSplit"]["effectiveWeights"]["canary"] == 0
    assert "canary not deployed" in capture.outputs["trafficSplit"]["note"]


@pytest.mark.parametrize("stack", STACKS)
def test_stack_outputs(captures, stack):
    outputs = captures[stack].outputs
    assert outputs["namespace"] == NAMESPACES[stack]
    assert outputs["serviceNames"]["stable"] == "safenow-stable"
    assert outputs["stableImage"].startswith("ghcr.io/safenow/safenow:0.1.0")
    if stack == "dev":
        assert outputs["routeName"] is None
        assert outputs["url"] == "http://safenow.safenow-dev.svc.cluster.local:80/"
    else:
        assert outputs["routeName"] == "safenow"
        host = {"staging": "api.staging.safenow.example", "prod": "api.safenow.example"}[stack]
        assert outputs["url"] == f"https://{host}/"
    expected_canary = {"dev": 0, "staging": 0, "prod": 10}[stack]
    assert outputs["trafficSplit"]["effectiveWeights"]["canary"] == expected_canary
    assert (outputs["canaryImage"] is not None) == (stack == "prod")


@pytest.mark.parametrize("stack", STACKS)
def test_every_resource_is_parented_to_a_safenow_component(captures, stack):
    capture = captures[stack]
    by_urn = {r.urn: r for r in capture.resources}
    stack_resource = [r for r in capture.resources if r.type == "pulumi:pulumi:Stack"]
    assert len(stack_resource) == 1
    for resource in capture.resources:
        if resource.type == "pulumi:pulumi:Stack":
            continue
        parent = by_urn[resource.parent]
        if resource.custom:
            assert parent.type.startswith("safenow:infra:"), resource.urn
        else:
            assert parent.type == "pulumi:pulumi:Stack", resource.urn


def test_network_policies_default_deny_and_allow_only_what_is_needed(captures):
    prod = captures["prod"]
    deny = prod.one("NetworkPolicy", "safenow-default-deny").props["spec"]
    assert deny == {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}
    api = prod.one("NetworkPolicy", "safenow-api").props["spec"]
    sources = [
        peer["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"]
        for peer in api["ingress"][0]["from"]
    ]
    assert sources == ["gateway-system", "monitoring"]
    assert api["ingress"][0]["ports"] == [{"port": 8080, "protocol": "TCP"}]
    egress = api["egress"]
    assert egress[0]["ports"] == [{"port": 53, "protocol": "UDP"}, {"port": 53, "protocol": "TCP"}]
    destinations = [
        (rule["to"][0]["ipBlock"]["cidr"], rule["ports"][0]["port"]) for rule in egress[1:]
    ]
    assert destinations == [("10.40.0.0/16", 6379), ("10.50.0.0/16", 5432), ("0.0.0.0/0", 443)]


def test_dev_redis_is_reachable_only_from_api_pods(captures):
    dev = captures["dev"]
    policy = dev.one("NetworkPolicy", "safenow-redis").props["spec"]
    peer = policy["ingress"][0]["from"][0]["podSelector"]["matchLabels"]
    assert peer["app.kubernetes.io/component"] == "api"
    assert policy["egress"] == []
    api_egress = dev.one("NetworkPolicy", "safenow-api").props["spec"]["egress"]
    assert api_egress[1]["to"][0]["podSelector"]["matchLabels"]["app.kubernetes.io/component"] == (
        "redis"
    )


def test_build_enabled_deploys_the_pushed_digest():
    capture = run_stack("dev", {"safenow:build.enabled": True})
    images = [r for r in capture.resources if r.type == "docker:index/image:Image"]
    assert len(images) == 1
    assert images[0].props["imageName"] == "ghcr.io/safenow/safenow:0.1.0"
    assert images[0].props["build"]["dockerfile"].endswith("service/Dockerfile")
    stable = capture.one("Deployment", "safenow-stable")
    container = stable.props["spec"]["template"]["spec"]["containers"][0]
    assert container["image"] == images[0].outputs["repoDigest"]
    assert "@sha256:" in container["image"]
    assert container["imagePullPolicy"] == "IfNotPresent"


@pytest.mark.parametrize(("stack", "kind", "name"), [("prod", "HTTPRoute", "safenow"),
                                                     ("dev", "Service", "safenow")])  # fmt: skip
def test_split_resource_carries_the_canary_plan_for_policies(captures, stack, kind, name):
    import json

    annotations = captures[stack].one(kind, name).props["metadata"]["annotations"]
    plan = json.loads(annotations["safenow.io/canary-plan"])
    expected = {
        "prod": {"weight": 10, "maxWeight": 25, "steps": [1, 5, 10, 25, 100]},
        "dev": {"weight": 0, "maxWeight": 100, "steps": [10, 50, 100]},
    }[stack]
    assert {k: plan[k] for k in expected} == expected
    assert plan["gates"]["minSuccessRate"] >= 0.99 and plan["gates"]["maxP99Ms"] <= 500
