"""Availability and scaling: enough pods, replaced gently, spread out (control SN-C04)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from safenow_policies.k8s import (
    SCALABLE_KINDS,
    SERVING_KINDS,
    get,
    is_mapping,
    mapping,
    number,
    selector_matches,
)
from safenow_policies.model import Finding, SafeNowPolicy
from safenow_policies.resource import Resource
from safenow_policies.stack import StackView

FAMILY = "availability_scaling"
_SELECTOR_KINDS = frozenset({"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"})


def _minimum_replicas(stack: StackView, params: Mapping[str, Any]) -> Iterator[Finding]:
    floor = params["minReplicas"]
    for workload in stack.scalable_workloads:
        pods = stack.minimum_pods(workload)
        if pods < floor:
            source = "its HPA's minReplicas" if stack.hpas_targeting(workload) else "spec.replicas"
            yield Finding(
                f"{workload.display} runs as few as {pods} pod(s) ({source}); "
                f"this stack needs at least {floor}",
                workload.urn,
            )


def _rolling_update(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    if resource.kind == "Deployment":
        strategy = get(resource.props, "spec", "strategy", "type", default="RollingUpdate")
        if strategy != "RollingUpdate":
            yield f"{resource.display} uses the {strategy} strategy; RollingUpdate required"
        rolling = mapping(resource.props, "spec", "strategy", "rollingUpdate")
        if (
            rolling
            and _is_zero(rolling.get("maxSurge"))
            and _is_zero(rolling.get("maxUnavailable"))
        ):
            yield f"{resource.display} sets maxSurge and maxUnavailable both to 0"
    else:
        strategy = get(resource.props, "spec", "updateStrategy", "type", default="RollingUpdate")
        if strategy != "RollingUpdate":
            yield f"{resource.display} uses the {strategy} update strategy; RollingUpdate required"


def _is_zero(value: Any) -> bool:
    return value in ("0%", "0") or number(value) == 0


def _selector_matches_template(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    selector = get(resource.props, "spec", "selector")
    if not is_mapping(selector) or not (
        mapping(selector, "matchLabels") or get(selector, "matchExpressions")
    ):
        yield f"{resource.display} has no spec.selector"
    elif not selector_matches(selector, resource.pod_labels):
        yield f"{resource.display}: spec.selector does not match the pod template's labels"


def _spread(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    spec = resource.pod_spec or {}
    if not get(spec, "topologySpreadConstraints") and not mapping(
        spec, "affinity", "podAntiAffinity"
    ):
        yield f"{resource.display} has neither topologySpreadConstraints nor podAntiAffinity"


def _pdb_allows_disruption(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    spec = mapping(resource.props, "spec")
    max_unavailable = spec.get("maxUnavailable")
    min_available = spec.get("minAvailable")
    if max_unavailable is None and min_available is None:
        yield f"{resource.display} sets neither maxUnavailable nor minAvailable"
    if max_unavailable is not None and _is_zero(max_unavailable):
        yield f"{resource.display} sets maxUnavailable 0, which blocks every node drain"
    if min_available == "100%":
        yield f"{resource.display} sets minAvailable 100%, which blocks every node drain"


def _priority_class(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    if not get(resource.pod_spec, "priorityClassName"):
        yield f"{resource.display} sets no priorityClassName"


def _hpa_bounds(resource: Resource, params: Mapping[str, Any]) -> Iterator[str]:
    spec = mapping(resource.props, "spec")
    low = number(spec.get("minReplicas", 1))
    high = number(spec.get("maxReplicas"))
    floor = params["minReplicas"]
    if low is None or low < floor:
        yield f"{resource.display} has minReplicas {low}; at least {floor} required"
    if high is None or low is None or high <= low:
        yield f"{resource.display} has maxReplicas {high}, not above minReplicas {low}"


POLICIES = [
    SafeNowPolicy(
        name="minimum-replicas",
        family=FAMILY,
        rows=(26,),
        control_ids=("SN-C04",),
        default_level="M-prod",
        parameters={
            "minReplicas": {
                "type": "integer",
                "minimum": 1,
                "default": 3,
                "description": "Fewest pods each workload (each track) may run.",
            }
        },
        description=(
            "Each Deployment or StatefulSet (each canary track too) runs at least minReplicas "
            "pods, counted as its HPA's minReplicas or else spec.replicas (default 1): 2 in dev "
            "and staging, 3 in prod, so one node loss or one rolling pod never takes a track "
            "down. Evaluated on the whole stack because the floor lives in the HPA."
        ),
        remediation="Raise safenow:scaling.minReplicas (HPA minReplicas) to the stack's floor.",
        example_message=(
            "Deployment 'safenow-stable' runs as few as 1 pod(s) (its HPA's minReplicas); "
            "this stack needs at least 3"
        ),
        stack_check=_minimum_replicas,
        stack_note="policy-checks row 26: at least 2 pods per track, 3 in prod.",
        stack_parameters={
            "dev": {"minReplicas": 2},
            "staging": {"minReplicas": 2},
            "prod": {"minReplicas": 3},
        },
    ),
    SafeNowPolicy(
        name="rolling-update-strategy",
        family=FAMILY,
        rows=(27,),
        control_ids=("SN-C04", "SN-C06"),
        default_level="M",
        kinds=_SELECTOR_KINDS - {"ReplicaSet"},
        description=(
            "Deployments roll out with RollingUpdate (StatefulSets and DaemonSets with the "
            "RollingUpdate update strategy), and not with maxSurge and maxUnavailable both 0. "
            "Recreate stops every pod before starting new ones: an outage on every deploy; "
            "OnDelete never rolls out at all."
        ),
        remediation=(
            "Remove spec.strategy (RollingUpdate is the default) or set type: RollingUpdate."
        ),
        example_message=(
            "Deployment 'safenow-stable' uses the Recreate strategy; RollingUpdate required"
        ),
        resource_check=_rolling_update,
    ),
    SafeNowPolicy(
        name="selector-matches-template",
        family=FAMILY,
        rows=(27,),
        control_ids=("SN-C04",),
        default_level="M",
        kinds=_SELECTOR_KINDS,
        description=(
            "A workload's spec.selector is set and selects its own pod template's labels. The "
            "API server rejects a mismatch only at apply time; catching it in preview keeps a "
            "broken deploy from starting, and it guards canary/stable selectors from drifting."
        ),
        remediation="Make spec.selector.matchLabels a subset of spec.template.metadata.labels.",
        example_message=(
            "Deployment 'safenow-stable': spec.selector does not match the pod template's labels"
        ),
        resource_check=_selector_matches_template,
    ),
    SafeNowPolicy(
        name="pod-spread-or-anti-affinity",
        family=FAMILY,
        rows=(28,),
        control_ids=("SN-C04",),
        default_level="A",
        kinds=SCALABLE_KINDS,
        description=(
            "Replicated workloads spread their pods over nodes/zones (topologySpreadConstraints "
            "or podAntiAffinity), so replicas do not all die with one node. Advisory: a "
            "single-node dev cluster cannot honour it."
        ),
        remediation=(
            "Add topologySpreadConstraints on kubernetes.io/hostname (and topology.kubernetes.io/"
            "zone) with whenUnsatisfiable: ScheduleAnyway."
        ),
        example_message=(
            "Deployment 'safenow-stable' has neither topologySpreadConstraints nor podAntiAffinity"
        ),
        resource_check=_spread,
    ),
    SafeNowPolicy(
        name="pdb-allows-disruption",
        family=FAMILY,
        rows=(29,),
        control_ids=("SN-C04",),
        default_level="M-prod",
        kinds=frozenset({"PodDisruptionBudget"}),
        description=(
            "A PodDisruptionBudget sets maxUnavailable or minAvailable, and not maxUnavailable 0 "
            "or minAvailable 100%: such a budget never allows an eviction, so node upgrades "
            "hang until someone deletes it by hand. (Whether minAvailable stays below the HPA "
            "floor is checked on the whole stack by workload-has-pdb.)"
        ),
        remediation="Use maxUnavailable: 1 (safenow:scaling.pdbMaxUnavailable).",
        example_message=(
            "PodDisruptionBudget 'safenow-stable' sets maxUnavailable 0, which blocks every "
            "node drain"
        ),
        resource_check=_pdb_allows_disruption,
    ),
    SafeNowPolicy(
        name="priority-class-set",
        family=FAMILY,
        rows=(30,),
        control_ids=("SN-C04",),
        default_level="A",
        kinds=SERVING_KINDS,
        description=(
            "Serving workloads name a priorityClassName so that under pressure the scheduler "
            "preempts batch work before the gateway. Advisory: the class is a cluster-wide "
            "object the platform team owns; dev clusters usually have none."
        ),
        remediation=(
            "Set safenow:priorityClassName to the platform's class for user-facing services."
        ),
        example_message="Deployment 'safenow-stable' sets no priorityClassName",
        resource_check=_priority_class,
    ),
    SafeNowPolicy(
        name="hpa-replica-bounds",
        family=FAMILY,
        rows=(32,),
        control_ids=("SN-C04",),
        default_level="M",
        kinds=frozenset({"HorizontalPodAutoscaler"}),
        parameters={
            "minReplicas": {
                "type": "integer",
                "minimum": 1,
                "default": 2,
                "description": "Lowest minReplicas an HPA may declare.",
            }
        },
        description=(
            "Every HPA has minReplicas of at least 2 and a maxReplicas above it. An HPA at 1 "
            "lets the autoscaler shrink a track to a single pod; max equal to min is no "
            "autoscaling at all, just a misleading object."
        ),
        remediation="Set safenow:scaling.minReplicas >= 2 and maxReplicas > minReplicas.",
        example_message=(
            "HorizontalPodAutoscaler 'safenow-stable' has minReplicas 1; at least 2 required"
        ),
        resource_check=_hpa_bounds,
    ),
]
