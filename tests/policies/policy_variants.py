"""Seeded bad variants of the real stacks, each with the violation the pack must report.

A variant is one of dev/staging/prod captured from the infra program under
mocks, changed in one way: through stack config overrides where the infra's
own config validation lets the mistake through, otherwise by editing the
captured properties (what a hand edit of a component would produce). Each
names the policy and enforcement level the pack must answer with.
"""

from __future__ import annotations

import copy
import dataclasses
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from safenow_infra.capture import CapturedResource, apply_overrides, capture_stack, stack_config

Edit = Callable[[list[CapturedResource]], None]


@dataclass(frozen=True)
class Variant:
    id: str
    stack: str
    policy: str
    level: str  # "mandatory" or "advisory"
    family: str
    overrides: Mapping[str, Any] = field(default_factory=dict)
    edit: Edit | None = None

    def config(self) -> dict[str, Any]:
        """The stack config the engine would pass the pack (Pulumi.<stack>.yaml + overrides)."""
        return apply_overrides(stack_config(self.stack), dict(self.overrides))

    def resources(self) -> list[CapturedResource]:
        resources = [
            dataclasses.replace(r, props=copy.deepcopy(r.props))
            for r in _captured(self.stack, json.dumps(dict(self.overrides), sort_keys=True))
        ]
        if self.edit is not None:
            self.edit(resources)
        return resources


@cache
def _captured(stack: str, overrides_json: str) -> tuple[CapturedResource, ...]:
    return tuple(capture_stack(stack, json.loads(overrides_json)))


# --- edits of captured properties -------------------------------------------------


def find(resources: list[CapturedResource], kind: str, name: str) -> dict[str, Any]:
    for r in resources:
        if r.props.get("kind") == kind and (r.props.get("metadata") or {}).get("name") == name:
            return r.props
    raise LookupError(f"the captured stack has no {kind} {name}")


def container(resources: list[CapturedResource], name: str = "safenow-stable") -> dict[str, Any]:
    return pod(resources, name)["containers"][0]


def pod(resources: list[CapturedResource], name: str = "safenow-stable") -> dict[str, Any]:
    return find(resources, "Deployment", name)["spec"]["template"]["spec"]


def on_container(change: Callable[[dict[str, Any]], None], name: str = "safenow-stable") -> Edit:
    return lambda resources: change(container(resources, name))


def on_pod(change: Callable[[dict[str, Any]], None], name: str = "safenow-stable") -> Edit:
    return lambda resources: change(pod(resources, name))


def on(kind: str, name: str, change: Callable[[dict[str, Any]], None]) -> Edit:
    return lambda resources: change(find(resources, kind, name))


def drop_kind(kind: str) -> Edit:
    def edit(resources: list[CapturedResource]) -> None:
        resources[:] = [r for r in resources if r.props.get("kind") != kind]

    return edit


def drop_one(kind: str, name: str) -> Edit:
    def edit(resources: list[CapturedResource]) -> None:
        target = find(resources, kind, name)
        resources[:] = [r for r in resources if r.props is not target]

    return edit


def retype(kind: str, name: str, api_version: str) -> Edit:
    def edit(resources: list[CapturedResource]) -> None:
        for index, r in enumerate(resources):
            if r.props.get("kind") == kind and r.props["metadata"]["name"] == name:
                props = {**r.props, "apiVersion": api_version}
                resources[index] = dataclasses.replace(
                    r, type=f"kubernetes:{api_version}:{kind}", props=props
                )

    return edit


def security(field_name: str, value: Any) -> Edit:
    return on_container(lambda c: c["securityContext"].__setitem__(field_name, value))


def add_volume(volume: dict[str, Any]) -> Edit:
    return on_pod(lambda p: p.setdefault("volumes", []).append(volume))


def set_env(name: str, value: str, workload: str = "safenow-stable") -> Edit:
    def change(c: dict[str, Any]) -> None:
        env = [e for e in c.get("env", []) if e["name"] != name]
        c["env"] = [*env, {"name": name, "value": value}]

    return on_container(change, workload)


def set_config_map(key: str, value: str) -> Edit:
    return on("ConfigMap", "safenow-env", lambda props: props["data"].__setitem__(key, value))


def add_resource(kind_token: str, props: dict[str, Any]) -> Edit:
    def edit(resources: list[CapturedResource]) -> None:
        stack = resources[0].urn.split("::")[0].removeprefix("urn:pulumi:")
        name = props["metadata"]["name"]
        urn = f"urn:pulumi:{stack}::safenow::{kind_token}::{name}"
        resources.append(CapturedResource(kind_token, name, urn, props, None, dict(props)))

    return edit


def chain(*edits: Edit) -> Edit:
    def edit(resources: list[CapturedResource]) -> None:
        for each in edits:
            each(resources)

    return edit


CANARY_IMAGE = "ghcr.io/safenow/safenow:0.2.0@sha256:" + "2" * 64
STAGING_CANARY_IMAGE = "ghcr.io/safenow/safenow:0.2.0"
SOCKET = {"name": "runtime", "hostPath": {"path": "/var/run/docker.sock"}}


def _same_probe(c: dict[str, Any]) -> None:
    c["livenessProbe"] = copy.deepcopy(c["readinessProbe"])


def _weights(stable: float, canary: float) -> Edit:
    def change(props: dict[str, Any]) -> None:
        refs = props["spec"]["rules"][0]["backendRefs"]
        refs[0]["weight"], refs[1]["weight"] = stable, canary

    return on("HTTPRoute", "safenow", change)


VARIANTS: list[Variant] = [
    # --- pod security ---------------------------------------------------------------
    Variant(
        "privileged",
        "prod",
        "no-privileged-containers",
        "mandatory",
        "pod_security",
        edit=security("privileged", True),
    ),
    Variant(
        "privilege-escalation",
        "prod",
        "no-privilege-escalation",
        "mandatory",
        "pod_security",
        edit=security("allowPrivilegeEscalation", True),
    ),
    Variant(
        "root-user",
        "prod",
        "run-as-non-root",
        "mandatory",
        "pod_security",
        edit=chain(security("runAsUser", 0), security("runAsNonRoot", False)),
    ),
    Variant(
        "low-uid",
        "staging",
        "high-uid-gid",
        "advisory",
        "pod_security",
        edit=security("runAsUser", 1000),
    ),
    Variant(
        "writable-root",
        "prod",
        "read-only-root-filesystem",
        "mandatory",
        "pod_security",
        edit=security("readOnlyRootFilesystem", False),
    ),
    Variant(
        "sys-admin",
        "prod",
        "drop-all-capabilities",
        "mandatory",
        "pod_security",
        edit=security("capabilities", {"add": ["SYS_ADMIN"]}),
    ),
    Variant(
        "unconfined-seccomp",
        "prod",
        "seccomp-profile-set",
        "mandatory",
        "pod_security",
        edit=chain(
            security("seccompProfile", {"type": "Unconfined"}),
            on_pod(lambda p: p["securityContext"].pop("seccompProfile")),
        ),
    ),
    Variant(
        "host-network",
        "staging",
        "no-host-namespaces",
        "mandatory",
        "pod_security",
        edit=on_pod(lambda p: p.__setitem__("hostNetwork", True)),
    ),
    Variant(
        "host-pid",
        "prod",
        "no-host-namespaces",
        "mandatory",
        "pod_security",
        edit=on_pod(lambda p: p.__setitem__("hostPID", True)),
    ),
    Variant(
        "no-pod-security-context",
        "staging",
        "security-context-set",
        "advisory",
        "pod_security",
        edit=on_pod(lambda p: p.pop("securityContext")),
    ),
    Variant(
        "default-account-binding",
        "prod",
        "dedicated-service-account",
        "mandatory",
        "pod_security",
        edit=add_resource(
            "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
            {
                "apiVersion": "rbac.authorization.k8s.io/v1",
                "kind": "RoleBinding",
                "metadata": {"name": "read-config", "namespace": "safenow-prod"},
                "roleRef": {
                    "apiGroup": "rbac.authorization.k8s.io",
                    "kind": "Role",
                    "name": "reader",
                },
                "subjects": [
                    {"kind": "ServiceAccount", "name": "default", "namespace": "safenow-prod"}
                ],
            },
        ),
    ),
    Variant(
        "host-port",
        "dev",
        "no-host-ports",
        "mandatory",
        "pod_security",
        edit=on_container(lambda c: c["ports"][0].__setitem__("hostPort", 8080)),
    ),
    Variant(
        "docker-socket",
        "staging",
        "no-host-path-volumes",
        "mandatory",
        "pod_security",
        edit=add_volume(SOCKET),
    ),
    Variant(
        "docker-socket-volume-type",
        "staging",
        "allowed-volume-types",
        "mandatory",
        "pod_security",
        edit=add_volume(SOCKET),
    ),
    Variant(
        "unsafe-sysctl",
        "prod",
        "pod-security-baseline-fields",
        "mandatory",
        "pod_security",
        edit=on_pod(
            lambda p: p["securityContext"].__setitem__(
                "sysctls", [{"name": "kernel.msgmax", "value": "65536"}]
            )
        ),
    ),
    Variant(
        "no-security-context",
        "dev",
        "security-context-set",
        "advisory",
        "pod_security",
        edit=on_container(lambda c: c.pop("securityContext")),
    ),
    Variant(
        "token-automount",
        "prod",
        "no-service-account-token-automount",
        "mandatory",
        "pod_security",
        edit=on_pod(lambda p: p.pop("automountServiceAccountToken")),
    ),
    Variant(
        "default-service-account",
        "prod",
        "dedicated-service-account",
        "mandatory",
        "pod_security",
        edit=on_pod(lambda p: p.__setitem__("serviceAccountName", "default")),
    ),
    # --- images ---------------------------------------------------------------------
    Variant(
        "latest-tag",
        "prod",
        "image-tag-pinned",
        "mandatory",
        "images",
        edit=on_container(lambda c: c.__setitem__("image", "ghcr.io/safenow/safenow:latest")),
    ),
    Variant(
        "tag-without-digest",
        "prod",
        "image-digest-pinned",
        "mandatory",
        "images",
        edit=on_container(lambda c: c.__setitem__("image", "ghcr.io/safenow/safenow:0.1.0")),
    ),
    Variant(
        "cached-tag",
        "prod",
        "image-pull-policy-always",
        "advisory",
        "images",
        edit=on_container(lambda c: c.__setitem__("image", "ghcr.io/safenow/safenow:0.1.0")),
    ),
    Variant(
        "foreign-registry",
        "staging",
        "image-allowed-registry",
        "mandatory",
        "images",
        overrides={"safenow:image.repository": "docker.io/someone/safenow"},
    ),
    Variant(
        "foreign-redis",
        "dev",
        "image-allowed-registry",
        "mandatory",
        "images",
        overrides={"safenow:redis.image": "quay.io/opstree/redis:v7.0.15"},
    ),
    # --- resources and probes -----------------------------------------------------------
    Variant(
        "no-requests",
        "staging",
        "resource-requests-set",
        "mandatory",
        "resources_probes",
        edit=on_container(lambda c: c["resources"].pop("requests")),
    ),
    Variant(
        "no-cpu-request",
        "prod",
        "resource-requests-set",
        "mandatory",
        "resources_probes",
        edit=on_container(lambda c: c["resources"]["requests"].pop("cpu")),
    ),
    Variant(
        "no-liveness",
        "prod",
        "liveness-probe-distinct",
        "mandatory",
        "resources_probes",
        edit=on_container(lambda c: c.pop("livenessProbe")),
    ),
    Variant(
        "no-memory-limit",
        "prod",
        "memory-limit-set",
        "mandatory",
        "resources_probes",
        edit=on_container(lambda c: c["resources"]["limits"].pop("memory")),
    ),
    Variant(
        "no-cpu-limit",
        "prod",
        "cpu-limit-and-ephemeral-storage",
        "advisory",
        "resources_probes",
        edit=on_container(lambda c: c["resources"]["limits"].pop("cpu")),
    ),
    Variant(
        "no-readiness",
        "dev",
        "readiness-probe-set",
        "mandatory",
        "resources_probes",
        edit=on_container(lambda c: c.pop("readinessProbe")),
    ),
    Variant(
        "liveness-is-readiness",
        "prod",
        "liveness-probe-distinct",
        "mandatory",
        "resources_probes",
        edit=on_container(_same_probe),
    ),
    # --- availability and scaling --------------------------------------------------------
    Variant(
        "single-replica-dev",
        "dev",
        "hpa-replica-bounds",
        "mandatory",
        "availability_scaling",
        overrides={"safenow:scaling.minReplicas": 1},
    ),
    Variant(
        "single-replica-dev-floor",
        "dev",
        "minimum-replicas",
        "advisory",
        "availability_scaling",
        overrides={"safenow:scaling.minReplicas": 1},
    ),
    Variant(
        "recreate",
        "staging",
        "rolling-update-strategy",
        "mandatory",
        "availability_scaling",
        edit=on(
            "Deployment",
            "safenow-stable",
            lambda d: d["spec"].__setitem__("strategy", {"type": "Recreate"}),
        ),
    ),
    Variant(
        "selector-drift",
        "prod",
        "selector-matches-template",
        "mandatory",
        "availability_scaling",
        edit=on(
            "Deployment",
            "safenow-stable",
            lambda d: d["spec"]["selector"]["matchLabels"].__setitem__("safenow.io/track", "blue"),
        ),
    ),
    Variant(
        "no-spread",
        "prod",
        "pod-spread-or-anti-affinity",
        "advisory",
        "availability_scaling",
        edit=on_pod(lambda p: p.pop("topologySpreadConstraints")),
    ),
    Variant(
        "pdb-blocks-drains",
        "prod",
        "pdb-allows-disruption",
        "mandatory",
        "availability_scaling",
        edit=on(
            "PodDisruptionBudget",
            "safenow-stable",
            lambda b: b["spec"].__setitem__("maxUnavailable", 0),
        ),
    ),
    Variant(
        "no-priority-class",
        "prod",
        "priority-class-set",
        "advisory",
        "availability_scaling",
        overrides={"safenow:priorityClassName": None},
    ),
    # --- networking -----------------------------------------------------------------------
    Variant(
        "load-balancer",
        "prod",
        "service-type-allowed",
        "mandatory",
        "networking",
        edit=on(
            "Service", "safenow-stable", lambda s: s["spec"].__setitem__("type", "LoadBalancer")
        ),
    ),
    Variant(
        "wildcard-host",
        "staging",
        "route-tls-no-wildcard",
        "advisory",
        "networking",
        edit=on(
            "HTTPRoute",
            "safenow",
            lambda r: r["spec"].__setitem__("hostnames", ["*.staging.safenow.example"]),
        ),
    ),
    Variant(
        "fractional-weight",
        "prod",
        "httproute-well-formed",
        "mandatory",
        "networking",
        edit=_weights(87.5, 12.5),
    ),
    # --- canary ---------------------------------------------------------------------------
    Variant(
        "prod-canary-over-cap",
        "prod",
        "canary-weight-within-cap",
        "mandatory",
        "canary",
        overrides={
            "safenow:canary.maxWeight": 50,
            "safenow:canary.weight": 40,
            "safenow:canary.steps": [1, 5, 10, 25, 100],
        },
    ),
    Variant(
        "staging-canary-over-cap",
        "staging",
        "canary-weight-within-cap",
        "mandatory",
        "canary",
        overrides={
            "safenow:canary.image": STAGING_CANARY_IMAGE,
            "safenow:canary.maxWeight": 80,
            "safenow:canary.weight": 60,
        },
    ),
    Variant(
        "prod-plan-over-cap",
        "prod",
        "canary-step-plan-valid",
        "mandatory",
        "canary",
        overrides={"safenow:canary.maxWeight": 50, "safenow:canary.steps": [1, 10, 40, 100]},
    ),
    Variant(
        "weak-success-gate",
        "staging",
        "canary-step-plan-valid",
        "mandatory",
        "canary",
        overrides={"safenow:canary.gates.minSuccessRate": 0.95},
    ),
    Variant(
        "slow-p99-gate",
        "prod",
        "canary-step-plan-valid",
        "mandatory",
        "canary",
        overrides={"safenow:canary.gates.maxP99Ms": 800},
    ),
    Variant(
        "canary-drift",
        "prod",
        "canary-template-matches-stable",
        "mandatory",
        "canary",
        edit=on_container(
            lambda c: c["resources"]["limits"].__setitem__("memory", "2Gi"), "safenow-canary"
        ),
    ),
    # --- service configuration -----------------------------------------------------------
    Variant(
        "dev-logs-pii",
        "dev",
        "log-redaction-enabled",
        "mandatory",
        "service_config",
        overrides={"safenow:env.LOG_REDACT_PII": "false"},
    ),
    Variant(
        "staging-file-audit",
        "staging",
        "durable-audit-sink",
        "mandatory",
        "service_config",
        edit=set_config_map("AUDIT_SINK", "file"),
    ),
    Variant(
        "literal-model-key",
        "prod",
        "real-model-key-from-secret",
        "mandatory",
        "service_config",
        edit=set_env("MODEL_API_KEY", "sk-test-placeholder-not-real"),
    ),
    Variant(
        "literal-secret",
        "prod",
        "no-literal-secret-env",
        "mandatory",
        "service_config",
        edit=set_env("MODEL_API_KEY", "sk-test-placeholder-not-real"),
    ),
    Variant(
        "default-namespace",
        "staging",
        "not-default-namespace",
        "mandatory",
        "service_config",
        edit=on("Deployment", "safenow-stable", lambda d: d["metadata"].pop("namespace")),
    ),
    Variant(
        "hpa-v1",
        "staging",
        "ga-api-versions-only",
        "mandatory",
        "service_config",
        edit=retype("HorizontalPodAutoscaler", "safenow-stable", "autoscaling/v1"),
    ),
    Variant(
        "unlabelled-service",
        "prod",
        "recommended-labels",
        "advisory",
        "service_config",
        edit=on("Service", "safenow-stable", lambda s: s["metadata"]["labels"].pop("owner")),
    ),
    # --- stack level -----------------------------------------------------------------------
    Variant(
        "no-pdb",
        "prod",
        "workload-has-pdb",
        "mandatory",
        "stack_level",
        edit=drop_one("PodDisruptionBudget", "safenow-stable"),
    ),
    Variant(
        "no-pdb-staging",
        "staging",
        "workload-has-pdb",
        "advisory",
        "stack_level",
        edit=drop_one("PodDisruptionBudget", "safenow-stable"),
    ),
    Variant(
        "dangling-hpa",
        "prod",
        "hpa-targets-existing-workload",
        "mandatory",
        "stack_level",
        edit=on(
            "HorizontalPodAutoscaler",
            "safenow-stable",
            lambda h: h["spec"]["scaleTargetRef"].__setitem__("name", "safenow-old"),
        ),
    ),
    Variant(
        "replicas-under-hpa",
        "prod",
        "no-replicas-with-hpa",
        "mandatory",
        "stack_level",
        edit=on("Deployment", "safenow-stable", lambda d: d["spec"].__setitem__("replicas", 3)),
    ),
    Variant(
        "no-network-policy",
        "prod",
        "workload-has-network-policy",
        "mandatory",
        "stack_level",
        edit=drop_kind("NetworkPolicy"),
    ),
    Variant(
        "no-network-policy-dev",
        "dev",
        "workload-has-network-policy",
        "advisory",
        "stack_level",
        edit=drop_kind("NetworkPolicy"),
    ),
    Variant(
        "empty-service",
        "prod",
        "service-selects-pods",
        "mandatory",
        "stack_level",
        edit=on(
            "Service",
            "safenow-canary",
            lambda s: s["spec"]["selector"].__setitem__("safenow.io/track", "canery"),
        ),
    ),
    Variant(
        "overlapping-tracks",
        "prod",
        "track-selectors-disjoint",
        "mandatory",
        "stack_level",
        edit=on(
            "Service", "safenow-stable", lambda s: s["spec"]["selector"].pop("safenow.io/track")
        ),
    ),
    Variant(
        "missing-backend",
        "prod",
        "route-backends-exist",
        "mandatory",
        "stack_level",
        edit=on(
            "HTTPRoute",
            "safenow",
            lambda r: r["spec"]["rules"][0]["backendRefs"][1].__setitem__("name", "safenow-canry"),
        ),
    ),
]
