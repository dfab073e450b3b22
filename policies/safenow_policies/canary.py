"""Canary: progressive delivery stays progressive (control SN-C06).

SafeNow runs two tracks of one workload, told apart by the pod label
`safenow.io/track` (stable | canary). Traffic is split by HTTPRoute weights,
or, where no Gateway exists, by the replica ratio behind one Service.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import pairwise
from typing import Any

from safenow_policies.k8s import get, is_list, is_mapping, items, number, plain
from safenow_policies.model import Finding, NotApplicable, SafeNowPolicy
from safenow_policies.networking import backend_weight
from safenow_policies.resource import Resource
from safenow_policies.stack import StackView

FAMILY = "canary"
TRACK_LABEL = "safenow.io/track"
STABLE, CANARY = "stable", "canary"
# Labels allowed to differ between the tracks' pod templates besides the track:
# the version label mirrors the image tag, which is the one intended difference.
VERSION_LABEL = "app.kubernetes.io/version"
PLAN_KEY = "safenow:canary"

# The canary cap per stack (the same numbers as safenow:canary.maxWeight, enforced
# independently: a stack file cannot raise its own cap past the policy).
CAPS = {
    stack: {"maxCanaryPercent": cap} for stack, cap in (("dev", 100), ("staging", 50), ("prod", 25))
}

_CAP = {
    "maxCanaryPercent": {
        "type": "number",
        "minimum": 0,
        "maximum": 100,
        "default": 25,
        "description": "Largest share of traffic (percent) the canary track may receive.",
    }
}


def track_of(workload: Resource) -> str | None:
    value = workload.pod_labels.get(TRACK_LABEL)
    return value if isinstance(value, str) else None


def route_backend_services(stack: StackView, route: Resource, ref: Any) -> Resource | None:
    if get(ref, "kind", default="Service") != "Service" or get(ref, "group", default="") != "":
        return None
    namespace = get(ref, "namespace") or route.namespace
    return stack.find("Service", namespace, str(get(ref, "name")))


def _is_canary_backend(stack: StackView, route: Resource, ref: Any) -> bool:
    service = route_backend_services(stack, route, ref)
    if service is not None:
        tracks = {track_of(w) for w in stack.workloads_selected_by(service)}
        if tracks:
            return tracks == {CANARY}
        return get(service.props, "spec", "selector", TRACK_LABEL) == CANARY
    return str(get(ref, "name", default="")).endswith("-canary")


def _weight_cap(stack: StackView, params: Mapping[str, Any]) -> Iterator[Finding]:
    cap = params["maxCanaryPercent"]
    for route in stack.of_kind("HTTPRoute"):
        for index, rule in enumerate(items(route.props, "spec", "rules")):
            weights = [(ref, backend_weight(ref)) for ref in items(rule, "backendRefs")]
            numeric = [(ref, w) for ref, w in weights if isinstance(w, int | float)]
            total = sum(w for _, w in numeric)
            canary = sum(w for ref, w in numeric if _is_canary_backend(stack, route, ref))
            if total > 0 and 100 * canary / total > cap:
                yield Finding(
                    f"{route.display} rule {index} sends {100 * canary / total:g}% to the canary "
                    f"track; this stack's cap is {cap:g}%",
                    route.urn,
                )
    # Without a Gateway one Service over both tracks splits by the replica ratio.
    for service in stack.of_kind("Service"):
        selected = stack.workloads_selected_by(service)
        tracks = {track_of(w) for w in selected}
        if not {STABLE, CANARY} <= tracks:
            continue
        pods = {t: sum(stack.minimum_pods(w) for w in selected if track_of(w) == t) for t in tracks}
        total = sum(pods.values())
        share = 100 * pods[CANARY] / total if total else 0
        if share > cap:
            yield Finding(
                f"{service.display} spreads traffic over both tracks by replica ratio "
                f"{pods[STABLE]}:{pods[CANARY]}, {share:.0f}% canary; this stack's cap is {cap:g}%",
                service.urn,
            )


def _without_track(node: Any) -> Any:
    """The template with track (and version) labels dropped wherever a label map has them."""
    if is_mapping(node):
        return {k: _without_track(node[k]) for k in node if k not in (TRACK_LABEL, VERSION_LABEL)}
    if is_list(node):
        return [_without_track(v) for v in node]
    return plain(node)


def _without_images(template: dict[str, Any]) -> dict[str, Any]:
    spec = template.get("spec") or {}
    for section in ("containers", "initContainers"):
        for container in spec.get(section) or []:
            if isinstance(container, dict):
                container.pop("image", None)
    return template


def comparable_template(workload: Resource) -> dict[str, Any]:
    path = ("spec", "template") if workload.kind != "Pod" else ()
    template = get(workload.props, *path) if path else workload.props
    return _without_images(_without_track(template))


def differences(left: Any, right: Any, path: str = "") -> Iterator[str]:
    """Human-readable paths where two plain JSON values differ."""
    if isinstance(left, dict) and isinstance(right, dict):
        for key in sorted(set(left) | set(right)):
            yield from differences(left.get(key), right.get(key), f"{path}.{key}" if path else key)
    elif isinstance(left, list) and isinstance(right, list) and len(left) == len(right):
        for index, (a, b) in enumerate(zip(left, right, strict=True)):
            yield from differences(a, b, f"{path}[{index}]")
    elif left != right:
        yield f"{path} ({_short(left)} vs {_short(right)})"


def _short(value: Any) -> str:
    text = "unset" if value is None else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _templates_agree(stack: StackView, _: Mapping[str, Any]) -> Iterator[Finding]:
    canaries = [w for w in stack.serving_workloads if track_of(w) == CANARY]
    for canary in canaries:
        wanted = {
            k: v for k, v in canary.pod_labels.items() if k not in (TRACK_LABEL, VERSION_LABEL)
        }
        stables = [
            w
            for w in stack.serving_workloads
            if track_of(w) == STABLE
            and w.kind == canary.kind
            and w.namespace == canary.namespace
            and {k: v for k, v in w.pod_labels.items() if k not in (TRACK_LABEL, VERSION_LABEL)}
            == wanted
        ]
        if not stables:
            yield Finding(f"{canary.display} is a canary track without a stable track", canary.urn)
            continue
        diff = list(differences(comparable_template(stables[0]), comparable_template(canary)))
        if diff:
            shown = "; ".join(diff[:3]) + (f"; and {len(diff) - 3} more" if len(diff) > 3 else "")
            yield Finding(
                f"{canary.display} pod template differs from {stables[0].display} beyond image "
                f"and track label: {shown}",
                canary.urn,
            )


def _step_plan(stack: StackView, params: Mapping[str, Any]) -> Iterator[Finding]:
    if not any(key.startswith("safenow:") for key in stack.config):
        raise NotApplicable("the engine passed no safenow:* stack configuration")
    plan = stack.config.get(PLAN_KEY)
    if not is_mapping(plan):
        yield Finding(f"the stack has no canary step plan ({PLAN_KEY})")
        return
    steps = [number(s) for s in items(plan, "steps")]
    cap = params["maxCanaryPercent"]
    if not steps or any(s is None or not 0 <= s <= 100 for s in steps):
        yield Finding(f"{PLAN_KEY}.steps {plain(get(plan, 'steps'))} must be weights in 0..100")
    else:
        rising = all(b > a for a, b in pairwise(steps))
        falling = all(b < a for a, b in pairwise(steps))
        if not (rising and steps[-1] == 100) and not (falling and steps[-1] == 0):
            yield Finding(
                f"{PLAN_KEY}.steps {steps} must rise to 100 (promote) or fall to 0 (roll back)"
            )
        over = [s for s in steps[:-1] if s > cap]
        if over:
            yield Finding(f"{PLAN_KEY}.steps {over} exceed this stack's canary cap of {cap:g}%")
    gates = get(plan, "gates")
    if not is_mapping(gates):
        yield Finding(f"{PLAN_KEY} has no gates (minSuccessRate, maxP99Ms) between steps")
        return
    success = number(get(gates, "minSuccessRate"))
    if success is None or success < params["minSuccessRate"]:
        yield Finding(
            f"{PLAN_KEY}.gates.minSuccessRate is {get(gates, 'minSuccessRate')}; at least "
            f"{params['minSuccessRate']} required"
        )
    p99 = number(get(gates, "maxP99Ms"))
    if p99 is None or p99 > params["maxP99Ms"]:
        yield Finding(
            f"{PLAN_KEY}.gates.maxP99Ms is {get(gates, 'maxP99Ms')}; at most "
            f"{params['maxP99Ms']} required"
        )


POLICIES = [
    SafeNowPolicy(
        name="canary-weight-within-cap",
        family=FAMILY,
        rows=(40,),
        control_ids=("SN-C06",),
        default_level="M",
        parameters=_CAP,
        description=(
            "The canary track's share of traffic stays within the stack's cap (prod 25 %, "
            "staging 50 %, dev 100 %): per HTTPRoute rule, the weights of backends whose "
            "Service selects canary pods over all weights; without a Gateway, the canary's "
            "share of the minimum pods behind a Service that selects both tracks. A canary "
            "above the cap is a release, not a canary, and skips the review that promotion is."
        ),
        remediation=(
            "Lower safenow:canary.weight to the cap, or promote (`make promote STACK=...`) to "
            "send everything to the new image."
        ),
        example_message=(
            "HTTPRoute 'safenow' rule 0 sends 40% to the canary track; this stack's cap is 25%"
        ),
        stack_check=_weight_cap,
        stack_note="The caps match each stack's safenow:canary.maxWeight, enforced independently.",
        stack_parameters=CAPS,
    ),
    SafeNowPolicy(
        name="canary-template-matches-stable",
        family=FAMILY,
        rows=(41,),
        control_ids=("SN-C06",),
        default_level="M",
        description=(
            "A canary workload's pod template equals its stable twin's except for container "
            "images and the track label (and the version label that mirrors the image). "
            "Anything else that differs (resources, env, probes, security context) would be "
            "tested by the canary but not shipped by promotion, or the other way round, so "
            "the canary would prove nothing about the release."
        ),
        remediation=(
            "Build both tracks from the same pod template (safenow_infra.components.pod) and "
            "change only the image through safenow:canary.image."
        ),
        example_message=(
            "Deployment 'safenow-canary' pod template differs from Deployment 'safenow-stable' "
            "beyond image and track label: spec.containers[0].resources.limits.memory "
            "('1Gi' vs '2Gi')"
        ),
        stack_check=_templates_agree,
    ),
    SafeNowPolicy(
        name="canary-step-plan-valid",
        family=FAMILY,
        rows=(42,),
        control_ids=("SN-C06",),
        default_level="M",
        parameters={
            **_CAP,
            "minSuccessRate": {
                "type": "number",
                "minimum": 0,
                "maximum": 1,
                "default": 0.99,
                "description": "Weakest success-rate gate a plan may declare.",
            },
            "maxP99Ms": {
                "type": "number",
                "minimum": 1,
                "default": 500,
                "description": "Loosest p99 latency gate (ms) a plan may declare.",
            },
        },
        description=(
            "The stack's canary plan (stack config safenow:canary, which the engine hands to "
            "the pack) moves in order: steps strictly rising to 100 (promote) or falling to "
            "0 (roll back), every step before the last within the cap, and it declares its "
            "gates: success rate of at least 99 % and p99 latency of at most 500 ms before each "
            "step up. A plan without gates is a timer, not a safety check."
        ),
        remediation=(
            "In Pulumi.<stack>.yaml set safenow:canary.steps (e.g. [1, 5, 10, 25, 100]) and "
            "safenow:canary.gates {minSuccessRate: 0.99, maxP99Ms: 500}."
        ),
        example_message=("safenow:canary has no gates (minSuccessRate, maxP99Ms) between steps"),
        stack_check=_step_plan,
        stack_parameters=CAPS,
        stack_levels={"dev": "advisory"},
        stack_note=(
            "Advisory in dev: a dev canary gates nothing user-facing and its plan may omit "
            "gates; the caps are the stacks' canary caps."
        ),
    ),
]
