"""Stack-level rules: what only the whole resource set shows.

Each rule joins resources by namespace and label selector the way the
Kubernetes controllers do, so "has a PDB" means "a PDB selects its pods".
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Any

from safenow_policies.canary import route_backend_services
from safenow_policies.k8s import get, items, mapping, number, selector_matches
from safenow_policies.model import Finding, SafeNowPolicy
from safenow_policies.resource import Resource
from safenow_policies.stack import StackView

FAMILY = "stack_level"
DNS_PORT = 53


def _disruption_budgets(stack: StackView, _: Mapping[str, Any]) -> Iterator[Finding]:
    budgets = stack.of_kind("PodDisruptionBudget")
    for workload in stack.of_kind("Deployment", "StatefulSet"):
        matching = [
            pdb
            for pdb in budgets
            if pdb.namespace == workload.namespace
            and mapping(pdb.props, "spec", "selector")
            and selector_matches(get(pdb.props, "spec", "selector"), workload.pod_labels)
        ]
        if not matching:
            yield Finding(f"{workload.display} has no PodDisruptionBudget", workload.urn)
            continue
        floor = stack.minimum_pods(workload)
        for pdb in matching:
            required = _min_available(get(pdb.props, "spec", "minAvailable"), floor)
            if required is not None and required >= floor:
                yield Finding(
                    f"{pdb.display} keeps minAvailable {required} of {workload.display}'s "
                    f"{floor} minimum pods: no pod can ever be evicted",
                    pdb.urn,
                )


def _min_available(value: Any, pods: int) -> int | None:
    if isinstance(value, str) and value.endswith("%"):
        return math.ceil(float(value[:-1]) * pods / 100)
    as_number = number(value)
    return int(as_number) if as_number is not None else None


def _network_policies(stack: StackView, _: Mapping[str, Any]) -> Iterator[Finding]:
    policies = stack.of_kind("NetworkPolicy")
    for workload in stack.of_kind("Deployment", "StatefulSet", "DaemonSet", "Pod"):
        selecting = [
            p
            for p in policies
            if p.namespace == workload.namespace
            and selector_matches(get(p.props, "spec", "podSelector"), workload.pod_labels)
        ]
        if not selecting:
            yield Finding(f"{workload.display} is selected by no NetworkPolicy", workload.urn)
            continue
        types = {t for p in selecting for t in _policy_types(p)}
        missing = [t for t in ("Ingress", "Egress") if t not in types]
        if missing:
            yield Finding(
                f"{workload.display}: no NetworkPolicy restricts its {' and '.join(missing)} "
                "traffic (default deny needs both policyTypes)",
                workload.urn,
            )
        rules = [r for p in selecting for r in items(p.props, "spec", "egress")]
        if rules and not any(_allows_dns(r) for r in rules):
            yield Finding(
                f"{workload.display} may open connections but no egress rule allows DNS "
                f"(port {DNS_PORT})",
                workload.urn,
            )


def _policy_types(policy: Resource) -> list[str]:
    declared = items(policy.props, "spec", "policyTypes")
    if declared:
        return [str(t) for t in declared]
    # The API's default: Ingress always, Egress only when egress rules exist.
    return ["Ingress", "Egress"] if items(policy.props, "spec", "egress") else ["Ingress"]


def _allows_dns(rule: Any) -> bool:
    ports = items(rule, "ports")
    if not ports:
        return not items(rule, "to")  # no ports and no peers: all egress allowed
    return any(number(get(p, "port")) == DNS_PORT for p in ports)


def _hpa_targets(stack: StackView, _: Mapping[str, Any]) -> Iterator[Finding]:
    seen: dict[tuple[str, str, str], Resource] = {}
    for hpa in stack.of_kind("HorizontalPodAutoscaler"):
        ref = mapping(hpa.props, "spec", "scaleTargetRef")
        key = (hpa.namespace, str(ref.get("kind")), str(ref.get("name")))
        if stack.find(key[1], key[0], key[2]) is None:
            yield Finding(
                f"{hpa.display} targets {key[1]} '{key[2]}', which the stack does not declare",
                hpa.urn,
            )
        if key in seen:
            yield Finding(
                f"{hpa.display} and {seen[key].display} both scale {key[1]} '{key[2]}'",
                hpa.urn,
            )
        seen.setdefault(key, hpa)


def _no_replicas_under_hpa(stack: StackView, _: Mapping[str, Any]) -> Iterator[Finding]:
    for workload in stack.scalable_workloads:
        replicas = get(workload.props, "spec", "replicas")
        if replicas is not None and stack.hpas_targeting(workload):
            yield Finding(
                f"{workload.display} sets spec.replicas {number(replicas)} although an HPA owns "
                "its scale: every deploy would reset the autoscaler's decision",
                workload.urn,
            )


def _services_select_pods(stack: StackView, _: Mapping[str, Any]) -> Iterator[Finding]:
    for service in stack.of_kind("Service"):
        if get(service.props, "spec", "type") == "ExternalName":
            continue
        if not mapping(service.props, "spec", "selector"):
            yield Finding(f"{service.display} has no selector", service.urn)
        elif not stack.workloads_selected_by(service):
            yield Finding(f"{service.display} selects no workload of the stack", service.urn)


def _route_rules(stack: StackView) -> Iterator[tuple[Resource, int, list[Any]]]:
    for route in stack.of_kind("HTTPRoute"):
        for index, rule in enumerate(items(route.props, "spec", "rules")):
            yield route, index, items(rule, "backendRefs")


def _disjoint_backends(stack: StackView, _: Mapping[str, Any]) -> Iterator[Finding]:
    for route, index, refs in _route_rules(stack):
        resolved = [
            (s, {w.urn for w in stack.workloads_selected_by(s)})
            for s in (route_backend_services(stack, route, ref) for ref in refs)
            if s is not None
        ]
        for i, (first, first_pods) in enumerate(resolved):
            for second, second_pods in resolved[i + 1 :]:
                shared = first_pods & second_pods
                if shared and first.urn != second.urn:
                    names = ", ".join(sorted(r.display for r in stack.resources if r.urn in shared))
                    yield Finding(
                        f"{route.display} rule {index} weighs {first.display} against "
                        f"{second.display}, but both select {names}: the split is meaningless",
                        route.urn,
                    )


def _backends_exist(stack: StackView, _: Mapping[str, Any]) -> Iterator[Finding]:
    for route, index, refs in _route_rules(stack):
        for ref in refs:
            if get(ref, "kind", default="Service") != "Service":
                continue
            name = get(ref, "name")
            service = route_backend_services(stack, route, ref)
            if service is None:
                yield Finding(
                    f"{route.display} rule {index} sends traffic to Service '{name}', which the "
                    "stack does not declare",
                    route.urn,
                )
                continue
            ports = {number(get(p, "port")) for p in items(service.props, "spec", "ports")}
            port = number(get(ref, "port"))
            if port not in ports:
                yield Finding(
                    f"{route.display} rule {index} uses port {port} of {service.display}, which "
                    f"exposes {sorted(p for p in ports if p is not None)}",
                    route.urn,
                )


POLICIES = [
    SafeNowPolicy(
        name="workload-has-pdb",
        family=FAMILY,
        rows=(29,),
        control_ids=("SN-C04",),
        default_level="M-prod",
        description=(
            "Every Deployment and StatefulSet is selected by a PodDisruptionBudget, and a "
            "budget's minAvailable stays below the workload's minimum pods (HPA minReplicas). "
            "Without a budget a node drain may evict every replica at once; with minAvailable "
            "at the floor no drain can ever proceed."
        ),
        remediation=(
            "Give each track a PDB with maxUnavailable: 1 selecting its pods (the WorkloadTrack "
            "component does)."
        ),
        example_message="Deployment 'safenow-stable' has no PodDisruptionBudget",
        stack_check=_disruption_budgets,
    ),
    SafeNowPolicy(
        name="hpa-targets-existing-workload",
        family=FAMILY,
        rows=(31,),
        control_ids=("SN-C04",),
        default_level="M",
        description=(
            "Every HPA's scaleTargetRef names a workload the stack declares in the same "
            "namespace, and no two HPAs scale the same workload. A dangling HPA scales nothing; "
            "two HPAs fight and flap the replica count."
        ),
        remediation="Point scaleTargetRef at the track's Deployment; keep one HPA per Deployment.",
        example_message=(
            "HorizontalPodAutoscaler 'safenow-stable' targets Deployment 'safenow-old', which the "
            "stack does not declare"
        ),
        stack_check=_hpa_targets,
    ),
    SafeNowPolicy(
        name="no-replicas-with-hpa",
        family=FAMILY,
        rows=(33,),
        control_ids=("SN-C04",),
        default_level="M",
        description=(
            "A Deployment an HPA scales does not set spec.replicas. Every `pulumi up` would "
            "reset the replica count to the declared number, undoing the autoscaler during "
            "peak load (and a canary deploy would shrink the stable track)."
        ),
        remediation="Remove spec.replicas from HPA-owned Deployments; set HPA minReplicas instead.",
        example_message=(
            "Deployment 'safenow-stable' sets spec.replicas 3 although an HPA owns its scale: "
            "every deploy would reset the autoscaler's decision"
        ),
        stack_check=_no_replicas_under_hpa,
    ),
    SafeNowPolicy(
        name="workload-has-network-policy",
        family=FAMILY,
        rows=(35,),
        control_ids=("SN-C05",),
        default_level="M-prod",
        description=(
            "Every workload is selected by NetworkPolicies that together restrict both Ingress "
            "and Egress (default deny), and a workload allowed any egress may resolve names "
            "(an egress rule for port 53). Without them any compromised pod in the cluster "
            "reaches the gateway and the gateway reaches anything; without DNS the service "
            "fails its readiness checks instead."
        ),
        remediation=(
            "Keep the namespace's default-deny policy (podSelector {}, both policyTypes) and a "
            "per-workload allow policy with DNS egress to kube-dns (NetworkPolicies component)."
        ),
        example_message="Deployment 'safenow-stable' is selected by no NetworkPolicy",
        stack_check=_network_policies,
    ),
    SafeNowPolicy(
        name="service-selects-pods",
        family=FAMILY,
        rows=(37,),
        control_ids=("SN-C05", "SN-C04"),
        default_level="M",
        description=(
            "Every Service (except ExternalName) has a selector and it selects pods of a "
            "workload in the stack. A Service that selects nothing gives the route empty "
            "endpoints: 503 for every request sent to it."
        ),
        remediation="Use the track's selector labels (safenow_infra.naming.track_selector).",
        example_message="Service 'safenow-canary' selects no workload of the stack",
        stack_check=_services_select_pods,
    ),
    SafeNowPolicy(
        name="track-selectors-disjoint",
        family=FAMILY,
        rows=(37,),
        control_ids=("SN-C06", "SN-C05"),
        default_level="M",
        description=(
            "Services weighted against each other in one HTTPRoute rule select disjoint pods "
            "(stable and canary Services differ by the track label). If the stable Service "
            "also selected canary pods the configured weights would not be the real split. The "
            "replica-ratio entry Service, which selects both tracks on purpose, is not a route "
            "backend and is exempt."
        ),
        remediation="Include safenow.io/track in each track Service's selector.",
        example_message=(
            "HTTPRoute 'safenow' rule 0 weighs Service 'safenow-stable' against Service "
            "'safenow-canary', but both select Deployment 'safenow-canary': the split is "
            "meaningless"
        ),
        stack_check=_disjoint_backends,
    ),
    SafeNowPolicy(
        name="route-backends-exist",
        family=FAMILY,
        rows=(40,),
        control_ids=("SN-C05", "SN-C06"),
        default_level="M",
        description=(
            "Every Service an HTTPRoute sends traffic to exists in the stack and exposes the "
            "port the route uses. A missing backend turns its share of the weights into "
            "errors; the Gateway API only reports it in the route's status, after the deploy."
        ),
        remediation=(
            "Name the track Services the stack creates (<app>-stable, <app>-canary) and port 80."
        ),
        example_message=(
            "HTTPRoute 'safenow' rule 0 sends traffic to Service 'safenow-canry', which the stack "
            "does not declare"
        ),
        stack_check=_backends_exist,
    ),
]
