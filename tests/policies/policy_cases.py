"""Compliant and violating cases for every SafeNow policy.

Each case starts from the compliant baseline (policy_fixtures.baseline), changes
one thing, and states whether `policy` must report a violation. The case marked
`example=True` must produce the policy's documented example message verbatim.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from policy_fixtures import Fixture, labels, metadata, selector

Mutation = Callable[[Fixture], None]
STABLE = ("Deployment", "safenow-stable")
CONTAINER = "spec.template.spec.containers.0"
POD = "spec.template.spec"


@dataclass(frozen=True)
class Case:
    policy: str
    id: str
    change: Mutation
    violates: bool
    params: dict[str, Any] | None = None
    expect: str | None = None  # a substring one message must contain
    example: bool = False


def _walk(node: Any, parts: list[str], create: bool) -> Any:
    for part in parts:
        if isinstance(node, list):
            node = node[int(part)]
        else:
            if part not in node and create:
                node[part] = {}
            node = node[part]
    return node


Path = str | tuple[str, ...]


def _parts(path: Path) -> list[str]:
    """A dotted path, or a tuple where a key itself has dots (label keys)."""
    return list(path) if isinstance(path, tuple) else path.split(".")


def put(target: tuple[str, str], path: Path, value: Any) -> Mutation:
    def change(f: Fixture) -> None:
        *parents, last = _parts(path)
        parent = _walk(f.props(*target), parents, create=True)
        if isinstance(parent, list) and int(last) == len(parent):
            parent.append(copy.deepcopy(value))  # index one past the end: append
        else:
            parent[int(last) if isinstance(parent, list) else last] = copy.deepcopy(value)

    return change


def drop(target: tuple[str, str], path: Path) -> Mutation:
    def change(f: Fixture) -> None:
        *parents, last = _parts(path)
        parent = _walk(f.props(*target), parents, create=False)
        if isinstance(parent, list):
            del parent[int(last)]
        else:
            del parent[last]

    return change


def both(*changes: Mutation) -> Mutation:
    def change(f: Fixture) -> None:
        for c in changes:
            c(f)

    return change


def remove(kind: str, name: str) -> Mutation:
    return lambda f: f.remove(kind, name)


def add(props: dict[str, Any], token: str | None = None) -> Mutation:
    return lambda f: f.add(copy.deepcopy(props), token)


def config(key: str, value: Any) -> Mutation:
    def change(f: Fixture) -> None:
        if value is None:
            f.config.pop(key, None)
        else:
            f.config[key] = copy.deepcopy(value)

    return change


def plan(**fields: Any) -> Mutation:
    def change(f: Fixture) -> None:
        for key, value in fields.items():
            if value is None:
                f.config["safenow:canary"].pop(key, None)
            else:
                f.config["safenow:canary"][key] = value

    return change


SECURITY = f"{CONTAINER}.securityContext"
CANARY = ("Deployment", "safenow-canary")
ROUTE = ("HTTPRoute", "safenow")
CONFIG_MAP = ("ConfigMap", "safenow-env")

CASES: list[Case] = [
    # --- pod security -------------------------------------------------------
    Case(
        "no-privileged-containers",
        "privileged",
        put(STABLE, f"{SECURITY}.privileged", True),
        True,
        example=True,
    ),
    Case(
        "no-privileged-containers",
        "explicit-false",
        put(STABLE, f"{SECURITY}.privileged", False),
        False,
    ),
    Case(
        "no-privilege-escalation",
        "unset",
        drop(STABLE, f"{SECURITY}.allowPrivilegeEscalation"),
        True,
        example=True,
    ),
    Case(
        "no-privilege-escalation",
        "true",
        put(STABLE, f"{SECURITY}.allowPrivilegeEscalation", True),
        True,
    ),
    Case(
        "run-as-non-root",
        "unset-everywhere",
        both(
            drop(STABLE, f"{SECURITY}.runAsNonRoot"),
            drop(STABLE, f"{POD}.securityContext.runAsNonRoot"),
        ),
        True,
        example=True,
    ),
    Case(
        "run-as-non-root",
        "uid-0",
        put(STABLE, f"{SECURITY}.runAsUser", 0),
        True,
        expect="runs as UID 0",
    ),
    Case("run-as-non-root", "pod-level-only", drop(STABLE, f"{SECURITY}.runAsNonRoot"), False),
    Case(
        "high-uid-gid",
        "low-uid",
        both(
            put(STABLE, f"{SECURITY}.runAsUser", 1000),
            put(STABLE, f"{POD}.securityContext.runAsUser", 1000),
        ),
        True,
        example=True,
    ),
    Case(
        "high-uid-gid",
        "gid-unset",
        both(
            drop(STABLE, f"{SECURITY}.runAsGroup"),
            drop(STABLE, f"{POD}.securityContext.runAsGroup"),
        ),
        True,
        expect="leaves runAsGroup unset",
    ),
    Case(
        "high-uid-gid",
        "lower-floor",
        put(STABLE, f"{SECURITY}.runAsUser", 1000),
        False,
        params={"minId": 1000},
    ),
    Case(
        "read-only-root-filesystem",
        "false",
        put(STABLE, f"{SECURITY}.readOnlyRootFilesystem", False),
        True,
        example=True,
    ),
    Case(
        "drop-all-capabilities",
        "no-drop",
        put(STABLE, f"{SECURITY}.capabilities.drop", []),
        True,
        example=True,
    ),
    Case(
        "drop-all-capabilities",
        "adds-sys-admin",
        put(STABLE, f"{SECURITY}.capabilities.add", ["SYS_ADMIN"]),
        True,
        expect="adds capabilities SYS_ADMIN",
    ),
    Case(
        "drop-all-capabilities",
        "net-bind-service",
        put(STABLE, f"{SECURITY}.capabilities.add", ["NET_BIND_SERVICE"]),
        False,
    ),
    Case(
        "seccomp-profile-set",
        "unconfined",
        both(
            put(STABLE, f"{SECURITY}.seccompProfile", {"type": "Unconfined"}),
            put(STABLE, f"{POD}.securityContext.seccompProfile", {"type": "Unconfined"}),
        ),
        True,
        example=True,
    ),
    Case(
        "seccomp-profile-set",
        "unset",
        both(
            drop(STABLE, f"{SECURITY}.seccompProfile"),
            drop(STABLE, f"{POD}.securityContext.seccompProfile"),
        ),
        True,
        expect="seccompProfile unset",
    ),
    Case(
        "seccomp-profile-set",
        "localhost-accepted",
        put(
            STABLE,
            f"{SECURITY}.seccompProfile",
            {"type": "Localhost", "localhostProfile": "safenow.json"},
        ),
        False,
    ),
    Case(
        "seccomp-profile-set",
        "localhost-without-file",
        put(STABLE, f"{SECURITY}.seccompProfile", {"type": "Localhost"}),
        True,
        expect="without a path",
    ),
    Case(
        "no-host-namespaces",
        "host-network",
        put(STABLE, f"{POD}.hostNetwork", True),
        True,
        example=True,
    ),
    Case(
        "no-host-namespaces",
        "host-pid",
        put(STABLE, f"{POD}.hostPID", True),
        True,
        expect="hostPID",
    ),
    Case("no-host-namespaces", "explicit-false", put(STABLE, f"{POD}.hostIPC", False), False),
    Case(
        "no-host-ports",
        "host-port",
        put(STABLE, f"{CONTAINER}.ports.0.hostPort", 8080),
        True,
        example=True,
    ),
    Case(
        "no-host-path-volumes",
        "docker-socket",
        put(
            STABLE,
            f"{POD}.volumes.1",
            {"name": "runtime", "hostPath": {"path": "/var/run/docker.sock"}},
        ),
        True,
        example=True,
    ),
    Case(
        "no-host-path-volumes",
        "host-dir",
        put(STABLE, f"{POD}.volumes.1", {"name": "logs", "hostPath": {"path": "/var/log"}}),
        True,
        expect="hostPath volume (/var/log)",
    ),
    Case(
        "allowed-volume-types",
        "nfs",
        put(STABLE, f"{POD}.volumes.1", {"name": "shared", "nfs": {"server": "nfs", "path": "/x"}}),
        True,
        example=True,
    ),
    Case(
        "allowed-volume-types",
        "pvc-and-projected",
        both(
            put(
                STABLE,
                f"{POD}.volumes.1",
                {"name": "data", "persistentVolumeClaim": {"claimName": "d"}},
            ),
            put(STABLE, f"{POD}.volumes.2", {"name": "p", "projected": {"sources": []}}),
        ),
        False,
    ),
    Case(
        "pod-security-baseline-fields",
        "unsafe-sysctl",
        put(STABLE, f"{POD}.securityContext.sysctls", [{"name": "kernel.msgmax", "value": "1"}]),
        True,
        example=True,
    ),
    Case(
        "pod-security-baseline-fields",
        "safe-sysctl",
        put(
            STABLE,
            f"{POD}.securityContext.sysctls",
            [{"name": "net.ipv4.ip_local_port_range", "value": "1024 65000"}],
        ),
        False,
    ),
    Case(
        "pod-security-baseline-fields",
        "proc-mount",
        put(STABLE, f"{SECURITY}.procMount", "Unmasked"),
        True,
        expect="procMount Unmasked",
    ),
    Case(
        "pod-security-baseline-fields",
        "probe-host",
        put(STABLE, f"{CONTAINER}.livenessProbe.httpGet.host", "169.254.169.254"),
        True,
        expect="livenessProbe.httpGet.host is 169.254.169.254",
    ),
    Case(
        "pod-security-baseline-fields",
        "selinux-user",
        put(STABLE, f"{SECURITY}.seLinuxOptions", {"user": "system_u"}),
        True,
        expect="seLinuxOptions.user",
    ),
    Case(
        "pod-security-baseline-fields",
        "apparmor-unconfined",
        put(STABLE, f"{SECURITY}.appArmorProfile", {"type": "Unconfined"}),
        True,
        expect="appArmorProfile Unconfined",
    ),
    Case("security-context-set", "container", drop(STABLE, f"{SECURITY}"), True, example=True),
    Case(
        "security-context-set",
        "pod",
        drop(STABLE, f"{POD}.securityContext"),
        True,
        expect="pod spec has no securityContext",
    ),
    Case(
        "no-service-account-token-automount",
        "unset",
        drop(STABLE, f"{POD}.automountServiceAccountToken"),
        True,
        example=True,
    ),
    Case(
        "no-service-account-token-automount",
        "true",
        put(STABLE, f"{POD}.automountServiceAccountToken", True),
        True,
    ),
    Case(
        "dedicated-service-account",
        "unset",
        drop(STABLE, f"{POD}.serviceAccountName"),
        True,
        example=True,
    ),
    Case(
        "dedicated-service-account",
        "default",
        put(STABLE, f"{POD}.serviceAccountName", "default"),
        True,
    ),
    Case(
        "dedicated-service-account",
        "binding-to-default",
        add(
            {
                "apiVersion": "rbac.authorization.k8s.io/v1",
                "kind": "RoleBinding",
                "metadata": metadata("reader"),
                "roleRef": {
                    "kind": "Role",
                    "name": "reader",
                    "apiGroup": "rbac.authorization.k8s.io",
                },
                "subjects": [
                    {"kind": "ServiceAccount", "name": "default", "namespace": "safenow-prod"}
                ],
            }
        ),
        True,
        expect="grants a role to the default service account",
    ),
    # --- images ---------------------------------------------------------------
    Case(
        "image-tag-pinned",
        "latest",
        put(STABLE, f"{CONTAINER}.image", "ghcr.io/safenow/safenow:latest"),
        True,
        example=True,
    ),
    Case(
        "image-tag-pinned",
        "untagged",
        put(STABLE, f"{CONTAINER}.image", "ghcr.io/safenow/safenow"),
        True,
    ),
    Case(
        "image-tag-pinned",
        "registry-port",
        put(STABLE, f"{CONTAINER}.image", "localhost:5000/safenow"),
        True,
    ),
    Case(
        "image-tag-pinned",
        "tag-only",
        put(STABLE, f"{CONTAINER}.image", "ghcr.io/safenow/safenow:0.1.0"),
        False,
    ),
    Case(
        "image-tag-pinned",
        "digest-only",
        put(STABLE, f"{CONTAINER}.image", "ghcr.io/safenow/safenow@sha256:" + "c" * 64),
        False,
    ),
    Case(
        "image-digest-pinned",
        "tag-only",
        put(STABLE, f"{CONTAINER}.image", "ghcr.io/safenow/safenow:0.1.0"),
        True,
        example=True,
    ),
    Case(
        "image-digest-pinned",
        "bad-digest",
        put(STABLE, f"{CONTAINER}.image", "ghcr.io/safenow/safenow@sha256:abc"),
        True,
    ),
    Case(
        "image-pull-policy-always",
        "tag-if-not-present",
        put(STABLE, f"{CONTAINER}.image", "ghcr.io/safenow/safenow:0.1.0"),
        True,
        example=True,
    ),
    Case(
        "image-pull-policy-always",
        "tag-always",
        both(
            put(STABLE, f"{CONTAINER}.image", "ghcr.io/safenow/safenow:0.1.0"),
            put(STABLE, f"{CONTAINER}.imagePullPolicy", "Always"),
        ),
        False,
    ),
    Case(
        "image-allowed-registry",
        "foreign",
        put(STABLE, f"{CONTAINER}.image", "docker.io/attacker/safenow:0.1.0"),
        True,
        example=True,
    ),
    Case(
        "image-allowed-registry",
        "lookalike-prefix",
        put(STABLE, f"{CONTAINER}.image", "ghcr.io/safenow-evil/safenow:0.1.0"),
        True,
    ),
    Case(
        "image-allowed-registry",
        "docker-hub-short",
        put(STABLE, f"{CONTAINER}.image", "redis:7.4"),
        True,
    ),
    Case(
        "image-allowed-registry",
        "docker-hub-allowed",
        put(STABLE, f"{CONTAINER}.image", "redis:7.4"),
        False,
        params={"allowedRegistries": ["ghcr.io/safenow", "docker.io/library/redis"]},
    ),
    # --- resources and probes -----------------------------------------------------
    Case(
        "resource-requests-set",
        "no-cpu",
        drop(STABLE, f"{CONTAINER}.resources.requests.cpu"),
        True,
        example=True,
    ),
    Case(
        "resource-requests-set",
        "no-requests",
        drop(STABLE, f"{CONTAINER}.resources.requests"),
        True,
        expect="no memory request",
    ),
    Case(
        "memory-limit-set",
        "no-memory",
        drop(STABLE, f"{CONTAINER}.resources.limits.memory"),
        True,
        example=True,
    ),
    Case(
        "cpu-limit-and-ephemeral-storage",
        "no-cpu",
        drop(STABLE, f"{CONTAINER}.resources.limits.cpu"),
        True,
        example=True,
    ),
    Case(
        "cpu-limit-and-ephemeral-storage",
        "no-storage-request",
        drop(STABLE, f"{CONTAINER}.resources.requests.ephemeral-storage"),
        True,
        expect="no ephemeral-storage request",
    ),
    Case(
        "readiness-probe-set",
        "missing",
        drop(STABLE, f"{CONTAINER}.readinessProbe"),
        True,
        example=True,
    ),
    Case(
        "liveness-probe-distinct",
        "same-as-readiness",
        put(
            STABLE,
            f"{CONTAINER}.livenessProbe",
            {"httpGet": {"path": "/readyz", "port": "http"}, "periodSeconds": 30},
        ),
        True,
        example=True,
    ),
    Case(
        "liveness-probe-distinct",
        "missing",
        drop(STABLE, f"{CONTAINER}.livenessProbe"),
        True,
        expect="no livenessProbe",
    ),
    # --- availability and scaling ---------------------------------------------------
    Case(
        "minimum-replicas",
        "hpa-floor-1",
        put(("HorizontalPodAutoscaler", "safenow-stable"), "spec.minReplicas", 1),
        True,
        example=True,
    ),
    Case(
        "minimum-replicas",
        "replicas-without-hpa",
        both(remove("HorizontalPodAutoscaler", "safenow-stable"), put(STABLE, "spec.replicas", 2)),
        True,
        expect="runs as few as 2 pod(s) (spec.replicas)",
    ),
    Case(
        "minimum-replicas",
        "dev-floor",
        put(("HorizontalPodAutoscaler", "safenow-stable"), "spec.minReplicas", 2),
        False,
        params={"minReplicas": 2},
    ),
    Case(
        "rolling-update-strategy",
        "recreate",
        put(STABLE, "spec.strategy", {"type": "Recreate"}),
        True,
        example=True,
    ),
    Case(
        "rolling-update-strategy",
        "zero-surge-zero-unavailable",
        put(STABLE, "spec.strategy.rollingUpdate", {"maxSurge": 0, "maxUnavailable": "0%"}),
        True,
        expect="both to 0",
    ),
    Case("rolling-update-strategy", "default", drop(STABLE, "spec.strategy"), False),
    Case(
        "selector-matches-template",
        "mismatch",
        put(STABLE, ("spec", "selector", "matchLabels", "safenow.io/track"), "other"),
        True,
        example=True,
    ),
    Case(
        "selector-matches-template",
        "missing",
        drop(STABLE, "spec.selector"),
        True,
        expect="has no spec.selector",
    ),
    Case(
        "selector-matches-template",
        "expressions",
        put(
            STABLE,
            "spec.selector",
            {
                "matchExpressions": [
                    {"key": "safenow.io/track", "operator": "In", "values": ["stable"]}
                ]
            },
        ),
        False,
    ),
    Case(
        "pod-spread-or-anti-affinity",
        "none",
        drop(STABLE, f"{POD}.topologySpreadConstraints"),
        True,
        example=True,
    ),
    Case(
        "pod-spread-or-anti-affinity",
        "anti-affinity",
        both(
            drop(STABLE, f"{POD}.topologySpreadConstraints"),
            put(
                STABLE,
                f"{POD}.affinity",
                {
                    "podAntiAffinity": {
                        "preferredDuringSchedulingIgnoredDuringExecution": [
                            {
                                "weight": 100,
                                "podAffinityTerm": {
                                    "topologyKey": "kubernetes.io/hostname",
                                    "labelSelector": {"matchLabels": selector("stable")},
                                },
                            }
                        ]
                    }
                },
            ),
        ),
        False,
    ),
    Case(
        "pdb-allows-disruption",
        "max-unavailable-0",
        put(("PodDisruptionBudget", "safenow-stable"), "spec.maxUnavailable", 0),
        True,
        example=True,
    ),
    Case(
        "pdb-allows-disruption",
        "min-available-100",
        both(
            drop(("PodDisruptionBudget", "safenow-stable"), "spec.maxUnavailable"),
            put(("PodDisruptionBudget", "safenow-stable"), "spec.minAvailable", "100%"),
        ),
        True,
        expect="minAvailable 100%",
    ),
    Case(
        "priority-class-set",
        "missing",
        drop(STABLE, f"{POD}.priorityClassName"),
        True,
        example=True,
    ),
    Case(
        "hpa-replica-bounds",
        "min-1",
        put(("HorizontalPodAutoscaler", "safenow-stable"), "spec.minReplicas", 1),
        True,
        example=True,
    ),
    Case(
        "hpa-replica-bounds",
        "max-equals-min",
        put(("HorizontalPodAutoscaler", "safenow-stable"), "spec.maxReplicas", 3),
        True,
        expect="not above minReplicas 3",
    ),
    # --- networking -----------------------------------------------------------------
    Case(
        "service-type-allowed",
        "load-balancer",
        put(("Service", "safenow-stable"), "spec.type", "LoadBalancer"),
        True,
        example=True,
    ),
    Case(
        "service-type-allowed",
        "external-ips",
        put(("Service", "safenow-stable"), "spec.externalIPs", ["203.0.113.7"]),
        True,
        expect="sets externalIPs",
    ),
    Case(
        "service-type-allowed",
        "node-port-allowed",
        put(("Service", "safenow-stable"), "spec.type", "NodePort"),
        False,
        params={"allowedServiceTypes": ["ClusterIP", "NodePort"]},
    ),
    Case(
        "route-tls-no-wildcard",
        "wildcard",
        put(ROUTE, "spec.hostnames", ["*.safenow.example"]),
        True,
        example=True,
    ),
    Case(
        "route-tls-no-wildcard",
        "no-section",
        drop(ROUTE, "spec.parentRefs.0.sectionName"),
        True,
        expect="no sectionName",
    ),
    Case(
        "route-tls-no-wildcard",
        "plain-http-gateway",
        add(
            {
                "apiVersion": "gateway.networking.k8s.io/v1",
                "kind": "Gateway",
                "metadata": metadata("edge"),
                "spec": {
                    "gatewayClassName": "x",
                    "listeners": [{"name": "http", "port": 80, "protocol": "HTTP"}],
                },
            }
        ),
        True,
        expect="listener 'http' is HTTP, not TLS",
    ),
    Case(
        "route-tls-no-wildcard",
        "tls-ingress",
        add(
            {
                "apiVersion": "networking.k8s.io/v1",
                "kind": "Ingress",
                "metadata": metadata("edge"),
                "spec": {
                    "tls": [{"hosts": ["api.safenow.example"], "secretName": "tls"}],
                    "rules": [{"host": "api.safenow.example"}],
                },
            }
        ),
        False,
    ),
    Case(
        "httproute-well-formed",
        "fractional-weight",
        put(ROUTE, "spec.rules.0.backendRefs.1.weight", 12.5),
        True,
        example=True,
    ),
    Case(
        "httproute-well-formed",
        "no-parents",
        put(ROUTE, "spec.parentRefs", []),
        True,
        expect="no parentRefs",
    ),
    Case(
        "httproute-well-formed",
        "all-zero",
        both(
            put(ROUTE, "spec.rules.0.backendRefs.0.weight", 0),
            put(ROUTE, "spec.rules.0.backendRefs.1.weight", 0),
        ),
        True,
        expect="weights sum to 0",
    ),
    Case(
        "httproute-well-formed",
        "no-port",
        drop(ROUTE, "spec.rules.0.backendRefs.0.port"),
        True,
        expect="has no port",
    ),
    Case(
        "httproute-well-formed",
        "weight-too-big",
        put(ROUTE, "spec.rules.0.backendRefs.0.weight", 2_000_000),
        True,
    ),
    Case(
        "httproute-well-formed",
        "default-weights",
        both(
            drop(ROUTE, "spec.rules.0.backendRefs.0.weight"),
            drop(ROUTE, "spec.rules.0.backendRefs.1.weight"),
        ),
        False,
    ),
    # --- canary ---------------------------------------------------------------------
    Case(
        "canary-weight-within-cap",
        "forty-percent",
        both(
            put(ROUTE, "spec.rules.0.backendRefs.0.weight", 60),
            put(ROUTE, "spec.rules.0.backendRefs.1.weight", 40),
        ),
        True,
        example=True,
    ),
    Case(
        "canary-weight-within-cap",
        "within-staging-cap",
        both(
            put(ROUTE, "spec.rules.0.backendRefs.0.weight", 60),
            put(ROUTE, "spec.rules.0.backendRefs.1.weight", 40),
        ),
        False,
        params={"maxCanaryPercent": 50},
    ),
    Case(
        "canary-weight-within-cap",
        "replica-ratio",
        both(remove("HTTPRoute", "safenow"), lambda f: f.add(_entry_service())),
        True,
        expect="by replica ratio 3:3, 50% canary",
    ),
    Case(
        "canary-template-matches-stable",
        "memory-differs",
        put(CANARY, f"{CONTAINER}.resources.limits.memory", "2Gi"),
        True,
        example=True,
    ),
    Case(
        "canary-template-matches-stable",
        "orphan-canary",
        remove("Deployment", "safenow-stable"),
        True,
        expect="without a stable track",
    ),
    Case(
        "canary-template-matches-stable",
        "env-differs",
        put(CANARY, f"{CONTAINER}.env.1", {"name": "MODEL_API_KEY", "value": "x"}),
        True,
        expect="spec.containers[0].env[1]",
    ),
    Case(
        "canary-template-matches-stable",
        "version-label-differs",
        put(
            CANARY, ("spec", "template", "metadata", "labels", "app.kubernetes.io/version"), "0.2.0"
        ),
        False,
    ),
    Case("canary-step-plan-valid", "no-gates", plan(gates=None), True, example=True),
    Case(
        "canary-step-plan-valid",
        "unordered",
        plan(steps=[1, 10, 5, 100]),
        True,
        expect="must rise to 100",
    ),
    Case(
        "canary-step-plan-valid",
        "ends-at-90",
        plan(steps=[10, 50, 90]),
        True,
        expect="must rise to 100",
    ),
    Case("canary-step-plan-valid", "rollback-plan", plan(steps=[25, 10, 0]), False),
    Case(
        "canary-step-plan-valid",
        "over-cap",
        plan(steps=[10, 50, 100]),
        True,
        expect="[50] exceed this stack's canary cap of 25%",
    ),
    Case(
        "canary-step-plan-valid",
        "weak-gate",
        plan(gates={"minSuccessRate": 0.95, "maxP99Ms": 500}),
        True,
        expect="minSuccessRate is 0.95",
    ),
    Case(
        "canary-step-plan-valid",
        "slow-gate",
        plan(gates={"minSuccessRate": 0.99, "maxP99Ms": 900}),
        True,
        expect="maxP99Ms is 900",
    ),
    Case(
        "canary-step-plan-valid",
        "no-plan",
        config("safenow:canary", None),
        True,
        expect="no canary step plan",
    ),
    # --- service configuration ------------------------------------------------------------
    Case(
        "no-literal-secret-env",
        "model-key-literal",
        put(
            STABLE,
            f"{CONTAINER}.env.1",
            {"name": "MODEL_API_KEY", "value": "sk-test-not-a-real-key"},
        ),
        True,
        example=True,
    ),
    Case(
        "no-literal-secret-env",
        "config-map-url-with-password",
        put(CONFIG_MAP, "data.CACHE_URL", "redis://user:hunter2@cache:6379/0"),
        True,
        expect="holds CACHE_URL in plain text",
    ),
    Case(
        "no-literal-secret-env",
        "token-count-is-not-a-token",
        put(CONFIG_MAP, "data.MAX_PROMPT_TOKENS", "8192"),
        False,
    ),
    Case(
        "secrets-mounted-as-files",
        "secret-env",
        drop(STABLE, f"{CONTAINER}.env.1"),
        True,
        example=True,
    ),
    Case(
        "secrets-mounted-as-files",
        "mounted",
        both(
            drop(STABLE, f"{CONTAINER}.env"),
            drop(CANARY, f"{CONTAINER}.env"),
            put(STABLE, f"{POD}.volumes.1", {"name": "keys", "secret": {"secretName": "keys"}}),
        ),
        False,
    ),
    Case(
        "not-default-namespace", "omitted", drop(STABLE, "metadata.namespace"), True, example=True
    ),
    Case(
        "not-default-namespace",
        "explicit-default",
        put(STABLE, "metadata.namespace", "default"),
        True,
    ),
    Case(
        "ga-api-versions-only",
        "hpa-v1",
        lambda f: _retype(f, "HorizontalPodAutoscaler", "safenow-stable", "autoscaling/v1"),
        True,
        example=True,
    ),
    Case(
        "ga-api-versions-only",
        "beta-route",
        lambda f: _retype(f, "HTTPRoute", "safenow", "gateway.networking.k8s.io/v1beta1"),
        True,
        expect="pre-GA API",
    ),
    Case(
        "recommended-labels",
        "no-owner",
        both(
            drop(("Service", "safenow-stable"), "metadata.labels.owner"),
            drop(("Service", "safenow-stable"), "metadata.labels.data-classification"),
        ),
        True,
        example=True,
    ),
    Case(
        "log-redaction-enabled",
        "false-in-config-map",
        put(CONFIG_MAP, "data.LOG_REDACT_PII", "false"),
        True,
        example=True,
    ),
    Case(
        "log-redaction-enabled",
        "missing",
        drop(CONFIG_MAP, "data.LOG_REDACT_PII"),
        True,
        expect="does not set LOG_REDACT_PII",
    ),
    Case(
        "log-redaction-enabled",
        "env-overrides-config-map",
        both(
            put(CONFIG_MAP, "data.LOG_REDACT_PII", "false"),
            put(STABLE, f"{CONTAINER}.env.2", {"name": "LOG_REDACT_PII", "value": "true"}),
            put(CANARY, f"{CONTAINER}.env.2", {"name": "LOG_REDACT_PII", "value": "true"}),
        ),
        False,
    ),
    Case(
        "durable-audit-sink", "file", put(CONFIG_MAP, "data.AUDIT_SINK", "file"), True, example=True
    ),
    Case(
        "durable-audit-sink",
        "default",
        drop(CONFIG_MAP, "data.AUDIT_SINK"),
        True,
        expect="AUDIT_SINK=file (default)",
    ),
    Case(
        "durable-audit-sink",
        "dev",
        put(CONFIG_MAP, "data.AUDIT_SINK", "file"),
        False,
        params={"requireDurableSink": False},
    ),
    Case(
        "real-model-key-from-secret",
        "literal-key",
        put(
            STABLE,
            f"{CONTAINER}.env.1",
            {"name": "MODEL_API_KEY", "value": "sk-test-not-a-real-key"},
        ),
        True,
        example=True,
    ),
    Case(
        "real-model-key-from-secret",
        "no-key",
        drop(STABLE, f"{CONTAINER}.env.1"),
        True,
        expect="MODEL_API_KEY is not set",
    ),
    Case(
        "real-model-key-from-secret",
        "simulated-model",
        both(
            put(CONFIG_MAP, "data.ENABLE_REAL_MODEL", "false"),
            drop(STABLE, f"{CONTAINER}.env.1"),
            drop(CANARY, f"{CONTAINER}.env.1"),
        ),
        False,
    ),
    # --- stack level ------------------------------------------------------------------
    Case(
        "workload-has-pdb",
        "missing",
        remove("PodDisruptionBudget", "safenow-stable"),
        True,
        example=True,
    ),
    Case(
        "workload-has-pdb",
        "min-available-at-floor",
        both(
            drop(("PodDisruptionBudget", "safenow-stable"), "spec.maxUnavailable"),
            put(("PodDisruptionBudget", "safenow-stable"), "spec.minAvailable", 3),
        ),
        True,
        expect="keeps minAvailable 3",
    ),
    Case(
        "workload-has-pdb",
        "min-available-below-floor",
        both(
            drop(("PodDisruptionBudget", "safenow-stable"), "spec.maxUnavailable"),
            put(("PodDisruptionBudget", "safenow-stable"), "spec.minAvailable", "50%"),
        ),
        False,
    ),
    Case(
        "hpa-targets-existing-workload",
        "dangling",
        put(
            ("HorizontalPodAutoscaler", "safenow-stable"), "spec.scaleTargetRef.name", "safenow-old"
        ),
        True,
        example=True,
    ),
    Case(
        "hpa-targets-existing-workload",
        "two-hpas",
        put(
            ("HorizontalPodAutoscaler", "safenow-canary"),
            "spec.scaleTargetRef.name",
            "safenow-stable",
        ),
        True,
        expect="both scale Deployment 'safenow-stable'",
    ),
    Case("no-replicas-with-hpa", "replicas", put(STABLE, "spec.replicas", 3), True, example=True),
    Case(
        "no-replicas-with-hpa",
        "replicas-without-hpa",
        both(put(STABLE, "spec.replicas", 3), remove("HorizontalPodAutoscaler", "safenow-stable")),
        False,
    ),
    Case(
        "workload-has-network-policy",
        "none",
        both(
            remove("NetworkPolicy", "safenow-default-deny"), remove("NetworkPolicy", "safenow-api")
        ),
        True,
        example=True,
    ),
    Case(
        "workload-has-network-policy",
        "ingress-only",
        both(
            remove("NetworkPolicy", "safenow-default-deny"),
            put(("NetworkPolicy", "safenow-api"), "spec.policyTypes", ["Ingress"]),
            drop(("NetworkPolicy", "safenow-api"), "spec.egress"),
        ),
        True,
        expect="no NetworkPolicy restricts its Egress traffic",
    ),
    Case(
        "workload-has-network-policy",
        "no-dns",
        drop(("NetworkPolicy", "safenow-api"), "spec.egress.0"),
        True,
        expect="no egress rule allows DNS",
    ),
    Case(
        "service-selects-pods",
        "typo",
        put(("Service", "safenow-canary"), ("spec", "selector", "safenow.io/track"), "canery"),
        True,
        example=True,
    ),
    Case(
        "service-selects-pods",
        "no-selector",
        drop(("Service", "safenow-canary"), "spec.selector"),
        True,
        expect="has no selector",
    ),
    Case(
        "track-selectors-disjoint",
        "stable-selects-both",
        drop(("Service", "safenow-stable"), ("spec", "selector", "safenow.io/track")),
        True,
        example=True,
    ),
    Case(
        "track-selectors-disjoint", "entry-service-exempt", lambda f: f.add(_entry_service()), False
    ),
    Case(
        "route-backends-exist",
        "typo",
        put(ROUTE, "spec.rules.0.backendRefs.1.name", "safenow-canry"),
        True,
        example=True,
    ),
    Case(
        "route-backends-exist",
        "wrong-port",
        put(ROUTE, "spec.rules.0.backendRefs.1.port", 8080),
        True,
        expect="uses port 8080",
    ),
]


def _entry_service() -> dict[str, Any]:
    """The replica-ratio entry Service: selects both tracks on purpose."""
    props = {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": {"name": "safenow", "namespace": "safenow-prod", "labels": labels()},
        "spec": {
            "type": "ClusterIP",
            "selector": selector(),
            "ports": [{"name": "http", "port": 80, "targetPort": "http", "protocol": "TCP"}],
        },
    }
    return props


def _retype(f: Fixture, kind: str, name: str, api_version: str) -> None:
    for index, (_token, res_name, props) in enumerate(f.resources):
        if props.get("kind") == kind and res_name == name:
            props["apiVersion"] = api_version
            f.resources[index] = (f"kubernetes:{api_version}:{kind}", res_name, props)


# Policies the compliant baseline does not satisfy on purpose, and why.
BASELINE_FINDINGS = {
    "secrets-mounted-as-files": (
        "SafeNow reads secrets from env (secretKeyRef), which row 15 accepts; "
        "the advisory stays visible"
    ),
}
