"""Hand-written resource property sets for the policy unit tests.

`baseline()` is a small, fully compliant SafeNow stack written independently
of the infra program (stable and canary Deployments, their Services, HPAs,
PDBs, NetworkPolicies, a weighted HTTPRoute, namespace, account and
ConfigMap), in the camelCase shape the engine sends. Cases copy it, change one
thing and evaluate one policy. `engine_shape` pushes properties through the
same protobuf Struct and proxies pulumi_policy uses, so rules see floats and
read-only Mapping proxies exactly as under the engine.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from google.protobuf import json_format, struct_pb2
from pulumi_policy.deserialize import deserialize_properties
from pulumi_policy.proxy import unknown_checking_proxy

from safenow_policies.model import SafeNowPolicy
from safenow_policies.resource import Resource
from safenow_policies.stack import StackView

NS = "safenow-prod"
TRACK = "safenow.io/track"
IMAGE = "ghcr.io/safenow/safenow:0.1.0@sha256:" + "a" * 64
CANARY_IMAGE = "ghcr.io/safenow/safenow:0.2.0@sha256:" + "b" * 64
TOKENS = {
    "Namespace": "kubernetes:core/v1:Namespace",
    "ServiceAccount": "kubernetes:core/v1:ServiceAccount",
    "ConfigMap": "kubernetes:core/v1:ConfigMap",
    "Deployment": "kubernetes:apps/v1:Deployment",
    "Service": "kubernetes:core/v1:Service",
    "HorizontalPodAutoscaler": "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
    "PodDisruptionBudget": "kubernetes:policy/v1:PodDisruptionBudget",
    "NetworkPolicy": "kubernetes:networking.k8s.io/v1:NetworkPolicy",
    "HTTPRoute": "kubernetes:gateway.networking.k8s.io/v1:HTTPRoute",
    "Gateway": "kubernetes:gateway.networking.k8s.io/v1:Gateway",
    "Ingress": "kubernetes:networking.k8s.io/v1:Ingress",
    "Pod": "kubernetes:core/v1:Pod",
    "CronJob": "kubernetes:batch/v1:CronJob",
    "RoleBinding": "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
}
API_VERSIONS = {kind: token.split(":")[1].removeprefix("core/") for kind, token in TOKENS.items()}

# The stack configuration the canary plan rule reads (what the engine passes as PULUMI_CONFIG).
STACK_CONFIG = {
    "safenow:environment": "prod",
    "safenow:canary": {
        "weight": 10,
        "maxWeight": 25,
        "steps": [1, 5, 10, 25, 100],
        "gates": {"minSuccessRate": 0.99, "maxP99Ms": 500, "intervalMinutes": 15},
    },
}


def labels(component: str = "api", track: str | None = None) -> dict[str, str]:
    result = {
        "app.kubernetes.io/name": "safenow",
        "app.kubernetes.io/instance": "safenow-prod",
        "app.kubernetes.io/component": component,
        "app.kubernetes.io/part-of": "safenow",
        "app.kubernetes.io/managed-by": "pulumi",
        "owner": "team-safenow",
        "data-classification": "restricted",
    }
    if track:
        result[TRACK] = track
    return result


def selector(track: str | None = None) -> dict[str, str]:
    result = {
        "app.kubernetes.io/name": "safenow",
        "app.kubernetes.io/instance": "safenow-prod",
        "app.kubernetes.io/component": "api",
    }
    if track:
        result[TRACK] = track
    return result


def metadata(name: str, component: str = "api", track: str | None = None) -> dict[str, Any]:
    return {"name": name, "namespace": NS, "labels": labels(component, track)}


def container(image: str) -> dict[str, Any]:
    return {
        "name": "safenow",
        "image": image,
        "imagePullPolicy": "IfNotPresent",
        "ports": [{"name": "http", "containerPort": 8080}],
        "envFrom": [{"configMapRef": {"name": "safenow-env"}}],
        "env": [
            {"name": "API_KEYS", "valueFrom": {"secretKeyRef": {"name": "keys", "key": "k"}}},
            {"name": "MODEL_API_KEY", "valueFrom": {"secretKeyRef": {"name": "m", "key": "k"}}},
        ],
        "resources": {
            "requests": {"cpu": "500m", "memory": "512Mi", "ephemeral-storage": "128Mi"},
            "limits": {"cpu": "2", "memory": "1Gi", "ephemeral-storage": "512Mi"},
        },
        "readinessProbe": {"httpGet": {"path": "/readyz", "port": "http"}, "periodSeconds": 5},
        "livenessProbe": {"httpGet": {"path": "/healthz", "port": "http"}, "periodSeconds": 10},
        "securityContext": {
            "allowPrivilegeEscalation": False,
            "privileged": False,
            "readOnlyRootFilesystem": True,
            "runAsNonRoot": True,
            "runAsUser": 10001,
            "runAsGroup": 10001,
            "capabilities": {"drop": ["ALL"]},
            "seccompProfile": {"type": "RuntimeDefault"},
        },
        "volumeMounts": [{"name": "tmp", "mountPath": "/tmp"}],
    }


def deployment(track: str, image: str) -> dict[str, Any]:
    return {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": metadata(f"safenow-{track}", track=track),
        "spec": {
            "selector": {"matchLabels": selector(track)},
            "strategy": {
                "type": "RollingUpdate",
                "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": 0},
            },
            "template": {
                "metadata": {"labels": labels(track=track)},
                "spec": {
                    "serviceAccountName": "safenow",
                    "automountServiceAccountToken": False,
                    "priorityClassName": "safenow-critical",
                    "securityContext": {
                        "runAsNonRoot": True,
                        "runAsUser": 10001,
                        "runAsGroup": 10001,
                        "fsGroup": 10001,
                        "seccompProfile": {"type": "RuntimeDefault"},
                    },
                    "topologySpreadConstraints": [
                        {
                            "maxSkew": 1,
                            "topologyKey": "kubernetes.io/hostname",
                            "whenUnsatisfiable": "ScheduleAnyway",
                            "labelSelector": {"matchLabels": selector(track)},
                        }
                    ],
                    "containers": [container(image)],
                    "volumes": [{"name": "tmp", "emptyDir": {"sizeLimit": "64Mi"}}],
                },
            },
        },
    }


def service(track: str | None, name: str) -> dict[str, Any]:
    return {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": metadata(name, track=track),
        "spec": {
            "type": "ClusterIP",
            "selector": selector(track),
            "ports": [{"name": "http", "port": 80, "targetPort": "http", "protocol": "TCP"}],
        },
    }


def hpa(track: str) -> dict[str, Any]:
    return {
        "apiVersion": "autoscaling/v2",
        "kind": "HorizontalPodAutoscaler",
        "metadata": metadata(f"safenow-{track}", track=track),
        "spec": {
            "scaleTargetRef": {
                "apiVersion": "apps/v1",
                "kind": "Deployment",
                "name": f"safenow-{track}",
            },
            "minReplicas": 3,
            "maxReplicas": 12,
            "metrics": [
                {
                    "type": "Resource",
                    "resource": {
                        "name": "cpu",
                        "target": {"type": "Utilization", "averageUtilization": 65},
                    },
                }
            ],
        },
    }


def pdb(track: str) -> dict[str, Any]:
    return {
        "apiVersion": "policy/v1",
        "kind": "PodDisruptionBudget",
        "metadata": metadata(f"safenow-{track}", track=track),
        "spec": {"maxUnavailable": 1, "selector": {"matchLabels": selector(track)}},
    }


def network_policies() -> list[dict[str, Any]]:
    deny = {
        "apiVersion": "networking.k8s.io/v1",
        "kind": "NetworkPolicy",
        "metadata": metadata("safenow-default-deny", component="network"),
        "spec": {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]},
    }
    allow = {
        "apiVersion": "networking.k8s.io/v1",
        "kind": "NetworkPolicy",
        "metadata": metadata("safenow-api", component="network"),
        "spec": {
            "podSelector": {"matchLabels": selector()},
            "policyTypes": ["Ingress", "Egress"],
            "ingress": [
                {
                    "from": [
                        {
                            "namespaceSelector": {
                                "matchLabels": {"kubernetes.io/metadata.name": "gateway-system"}
                            }
                        }
                    ],
                    "ports": [{"protocol": "TCP", "port": 8080}],
                }
            ],
            "egress": [
                {
                    "to": [
                        {
                            "namespaceSelector": {
                                "matchLabels": {"kubernetes.io/metadata.name": "kube-system"}
                            }
                        }
                    ],
                    "ports": [{"protocol": "UDP", "port": 53}, {"protocol": "TCP", "port": 53}],
                },
                {
                    "to": [{"ipBlock": {"cidr": "10.40.0.0/16"}}],
                    "ports": [{"protocol": "TCP", "port": 6379}],
                },
            ],
        },
    }
    return [deny, allow]


def route(stable: int = 90, canary: int = 10) -> dict[str, Any]:
    return {
        "apiVersion": "gateway.networking.k8s.io/v1",
        "kind": "HTTPRoute",
        "metadata": metadata("safenow"),
        "spec": {
            "parentRefs": [
                {"name": "shared-gateway", "namespace": "gateway-system", "sectionName": "https"}
            ],
            "hostnames": ["api.safenow.example"],
            "rules": [
                {
                    "matches": [{"path": {"type": "PathPrefix", "value": "/"}}],
                    "backendRefs": [
                        {
                            "group": "",
                            "kind": "Service",
                            "name": "safenow-stable",
                            "port": 80,
                            "weight": stable,
                        },
                        {
                            "group": "",
                            "kind": "Service",
                            "name": "safenow-canary",
                            "port": 80,
                            "weight": canary,
                        },
                    ],
                }
            ],
        },
    }


def foundation() -> list[dict[str, Any]]:
    namespace = {
        "apiVersion": "v1",
        "kind": "Namespace",
        "metadata": {"name": NS, "labels": labels()},
    }
    account = {
        "apiVersion": "v1",
        "kind": "ServiceAccount",
        "metadata": metadata("safenow"),
        "automountServiceAccountToken": False,
    }
    config_map = {
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": metadata("safenow-env"),
        "data": {
            "SAFENOW_ENV": "prod",
            "LOG_REDACT_PII": "true",
            "AUDIT_SINK": "postgres",
            "ENABLE_REAL_MODEL": "true",
            "MAX_OUTPUT_TOKENS": "1024",
        },
    }
    return [namespace, account, config_map]


@dataclass
class Fixture:
    """A mutable copy of a stack: look resources up by kind and name, change them."""

    resources: list[tuple[str, str, dict[str, Any]]]
    config: dict[str, Any] = field(default_factory=lambda: copy.deepcopy(STACK_CONFIG))

    def props(self, kind: str, name: str) -> dict[str, Any]:
        for _, _, props in self.resources:
            if props.get("kind") == kind and props["metadata"]["name"] == name:
                return props
        raise LookupError(f"no {kind} {name}")

    def add(self, props: dict[str, Any], token: str | None = None) -> dict[str, Any]:
        self.resources.append((token or TOKENS[props["kind"]], props["metadata"]["name"], props))
        return props

    def remove(self, kind: str, name: str) -> None:
        target = self.props(kind, name)
        self.resources = [r for r in self.resources if r[2] is not target]

    def pod_spec(self, name: str = "safenow-stable") -> dict[str, Any]:
        return self.props("Deployment", name)["spec"]["template"]["spec"]

    def container(self, name: str = "safenow-stable") -> dict[str, Any]:
        return self.pod_spec(name)["containers"][0]

    def engine_resources(self) -> list[Resource]:
        return [
            Resource(token, name, urn(token, name), engine_shape(props))
            for token, name, props in self.resources
        ]


def urn(token: str, name: str) -> str:
    return f"urn:pulumi:prod::safenow::{token}::{name}"


def baseline() -> Fixture:
    items: list[dict[str, Any]] = [
        *foundation(),
        deployment("stable", IMAGE),
        deployment("canary", CANARY_IMAGE),
        service("stable", "safenow-stable"),
        service("canary", "safenow-canary"),
        hpa("stable"),
        hpa("canary"),
        pdb("stable"),
        pdb("canary"),
        *network_policies(),
        route(),
    ]
    return Fixture([(TOKENS[p["kind"]], p["metadata"]["name"], p) for p in items])


def engine_shape(props: Mapping[str, Any]) -> Mapping[str, Any]:
    """Properties as a policy sees them under the engine: Struct round trip, then proxies."""
    message = struct_pb2.Struct()
    message.update(copy.deepcopy(dict(props)))
    return unknown_checking_proxy(deserialize_properties(json_format.MessageToDict(message)))


def run_policy(
    policy: SafeNowPolicy, fixture: Fixture, params: Mapping[str, Any] | None = None
) -> list[str]:
    """Every violation message `policy` reports on the fixture (resource or stack scope)."""
    resources = fixture.engine_resources()
    if policy.scope == "stack":
        found = policy.check_stack(StackView(resources, fixture.config), params)
        return [f.message for f in found or ()]
    messages: list[str] = []
    for resource in resources:
        messages.extend(policy.check_resource(resource, params) or ())
    return messages


Mutation = Callable[[Fixture], None]
