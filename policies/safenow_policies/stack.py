"""An index over a whole stack, for the rules no single resource can answer."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pulumi.runtime

from safenow_policies.k8s import (
    SCALABLE_KINDS,
    SERVING_KINDS,
    get,
    map_selector_matches,
    mapping,
    number,
)
from safenow_policies.resource import Resource


def engine_stack_config() -> dict[str, Any]:
    """The stack's configuration as the engine hands it to a policy pack.

    The engine starts the pack with PULUMI_CONFIG (a JSON map of "ns:key" to text,
    objects and lists as JSON text); this decodes it. Empty when the pack runs
    without a stack (e.g. `pulumi policy analyze`).
    """
    decoded: dict[str, Any] = {}
    for key, raw in pulumi.runtime.get_config_env().items():
        try:
            decoded[key] = json.loads(raw) if isinstance(raw, str) else raw
        except ValueError:
            decoded[key] = raw
    return decoded


@dataclass
class StackView:
    resources: Sequence[Resource]
    # The stack's configuration ("safenow:canary" -> {...}), see engine_stack_config.
    config: Mapping[str, Any] = field(default_factory=dict)
    _by_kind: dict[str, list[Resource]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for resource in self.resources:
            if resource.k8s is not None:
                self._by_kind.setdefault(resource.kind, []).append(resource)

    @classmethod
    def from_policy_resources(
        cls, resources: Iterable[Any], config: Mapping[str, Any] | None = None
    ) -> StackView:
        """From pulumi_policy's PolicyResource objects (what AnalyzeStack hands over)."""
        return cls(
            [
                Resource(
                    r.resource_type,
                    r.name,
                    r.urn,
                    r.props,
                    r.provider.props if r.provider is not None else None,
                )
                for r in resources
            ],
            dict(config or {}),
        )

    def of_kind(self, *kinds: str) -> list[Resource]:
        return [r for kind in kinds for r in self._by_kind.get(kind, ())]

    @property
    def serving_workloads(self) -> list[Resource]:
        """Long-running workloads: the ones that need PDBs, NetworkPolicies and Services."""
        return self.of_kind(*sorted(SERVING_KINDS - {"ReplicaSet", "Pod"}))

    @property
    def scalable_workloads(self) -> list[Resource]:
        return self.of_kind(*sorted(SCALABLE_KINDS))

    def find(self, kind: str, namespace: str, name: str) -> Resource | None:
        for resource in self.of_kind(kind):
            if resource.namespace == namespace and resource.k8s_name == name:
                return resource
        return None

    def workloads_selected_by(self, service: Resource) -> list[Resource]:
        selector = mapping(service.props, "spec", "selector")
        return [
            w
            for w in self.serving_workloads
            if w.namespace == service.namespace and map_selector_matches(selector, w.pod_labels)
        ]

    def hpas_targeting(self, workload: Resource) -> list[Resource]:
        return [
            hpa
            for hpa in self.of_kind("HorizontalPodAutoscaler")
            if hpa.namespace == workload.namespace
            and get(hpa.props, "spec", "scaleTargetRef", "kind") == workload.kind
            and get(hpa.props, "spec", "scaleTargetRef", "name") == workload.k8s_name
        ]

    def minimum_pods(self, workload: Resource) -> int:
        """The fewest pods the workload runs: its HPA's floor, else spec.replicas (default 1)."""
        floors = [
            number(get(h.props, "spec", "minReplicas", default=1)) or 1
            for h in self.hpas_targeting(workload)
        ]
        if floors:
            return int(min(floors))
        replicas = number(get(workload.props, "spec", "replicas"))
        if workload.kind == "DaemonSet":
            return 1
        return int(replicas) if replicas is not None else 1


def label(labels: Mapping[str, Any], key: str) -> str | None:
    value = labels.get(key)
    return value if isinstance(value, str) else None
