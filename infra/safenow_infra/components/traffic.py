"""How traffic is split between the stable and the canary track.

With a Gateway (any Gateway API controller, no mesh) the split is exact: an
HTTPRoute whose two backendRefs carry the weights from the stack. Without one
the only lever is the replica ratio behind one Service over both tracks, so
the canary's HPA bounds are sized to approximate the weight and the effective
share is reported in the stack outputs (it is rarely the requested one).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pulumi
import pulumi_kubernetes as k8s

from safenow_infra.config import GatewayConfig, ScalingConfig
from safenow_infra.naming import PORT_NAME, SERVICE_PORT

TYPE = "safenow:infra:TrafficSplit"
GATEWAY_API_VERSION = "gateway.networking.k8s.io/v1"
# HPA minReplicas below 2 leaves a track without redundancy (policy checks 26/32).
MIN_TRACK_REPLICAS = 2

SplitMode = Literal["gateway", "replica-ratio"]


@dataclass(frozen=True)
class SplitPlan:
    mode: SplitMode
    requested_canary_weight: int
    stable_weight: int
    canary_weight: int
    canary_deployed: bool
    canary_min_replicas: int
    canary_max_replicas: int
    note: str

    @property
    def effective_canary_percent(self) -> int:
        total = self.stable_weight + self.canary_weight
        return round(100 * self.canary_weight / total) if total else 0


def plan_split(
    gateway: GatewayConfig, scaling: ScalingConfig, canary_image_set: bool, weight: int
) -> SplitPlan:
    """Decide weights and canary replica bounds (pure: unit-tested without Pulumi)."""
    if not canary_image_set:
        return SplitPlan(
            "gateway" if gateway.enabled else "replica-ratio",
            0,
            100,
            0,
            False,
            0,
            0,
            "no canary image: all traffic to stable",
        )
    if gateway.enabled:
        # Each track scales on its own load; the route decides the share.
        return SplitPlan(
            "gateway",
            weight,
            100 - weight,
            weight,
            True,
            scaling.min_replicas,
            scaling.max_replicas,
            f"HTTPRoute weights stable={100 - weight} canary={weight}",
        )
    if weight == 0:
        # One Service over both tracks cannot send 0 % to running canary pods:
        # the canary is not deployed at all until a weight is set.
        return SplitPlan(
            "replica-ratio", 0, 100, 0, False, 0, 0, "no Gateway and weight 0: canary not deployed"
        )
    stable_min, stable_max = scaling.min_replicas, scaling.max_replicas
    canary_min = max(MIN_TRACK_REPLICAS, round(stable_min * weight / max(1, 100 - weight)))
    canary_max = max(canary_min + 1, round(stable_max * weight / max(1, 100 - weight)))
    canary_max = min(canary_max, 500)
    plan = SplitPlan(
        "replica-ratio",
        weight,
        stable_min,
        canary_min,
        True,
        canary_min,
        canary_max,
        "",
    )
    note = (
        f"no Gateway: split by replica ratio {stable_min}:{canary_min} at minimum scale, "
        f"about {plan.effective_canary_percent} % canary for {weight} % requested"
    )
    return SplitPlan(**{**plan.__dict__, "note": note})


PLAN_ANNOTATION = "safenow.io/canary-plan"


@dataclass(frozen=True)
class TrafficSplitArgs:
    namespace: pulumi.Input[str]
    labels: dict[str, str]
    plan: SplitPlan
    # The stack's step plan, cap and gates as JSON; carried as an annotation on
    # the route (or entry Service) so that policies, which see only resources,
    # can check the weights against the cap and the plan's gates.
    canary_plan: str
    gateway: GatewayConfig
    route_name: str
    stable_service: str
    canary_service: str
    entry_service: str
    entry_selector: dict[str, str]


class TrafficSplit(pulumi.ComponentResource):
    route: k8s.apiextensions.CustomResource | None = None
    entry: k8s.core.v1.Service | None = None

    def __init__(
        self, name: str, args: TrafficSplitArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__(TYPE, name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        meta = {
            "namespace": args.namespace,
            "labels": args.labels,
            "annotations": {PLAN_ANNOTATION: args.canary_plan},
        }
        if args.plan.mode == "gateway":
            self.route = k8s.apiextensions.CustomResource(
                args.route_name,
                api_version=GATEWAY_API_VERSION,
                kind="HTTPRoute",
                metadata={"name": args.route_name, **meta},
                spec=route_spec(args),
                opts=child,
            )
        else:
            self.entry = k8s.core.v1.Service(
                args.entry_service,
                metadata=k8s.meta.v1.ObjectMetaArgs(name=args.entry_service, **meta),
                spec=k8s.core.v1.ServiceSpecArgs(
                    type="ClusterIP",
                    selector=args.entry_selector,
                    ports=[
                        k8s.core.v1.ServicePortArgs(
                            name=PORT_NAME,
                            port=SERVICE_PORT,
                            target_port=PORT_NAME,
                            protocol="TCP",
                        )
                    ],
                ),
                opts=child,
            )
        self.register_outputs(
            {
                "mode": args.plan.mode,
                "stableWeight": args.plan.stable_weight,
                "canaryWeight": args.plan.canary_weight,
            }
        )


def route_spec(args: TrafficSplitArgs) -> dict:
    """The HTTPRoute spec in Gateway API v1 field names."""
    gateway = args.gateway
    parent: dict[str, object] = {
        "group": "gateway.networking.k8s.io",
        "kind": "Gateway",
        "name": gateway.name,
        "namespace": gateway.namespace,
    }
    if gateway.section_name:
        parent["sectionName"] = gateway.section_name
    backends = [_backend(args.stable_service, args.plan.stable_weight)]
    if args.plan.canary_deployed:
        backends.append(_backend(args.canary_service, args.plan.canary_weight))
    return {
        "parentRefs": [parent],
        "hostnames": list(gateway.hostnames),
        "rules": [
            {
                "matches": [{"path": {"type": "PathPrefix", "value": "/"}}],
                "backendRefs": backends,
            }
        ],
    }


def _backend(service: str, weight: int) -> dict[str, object]:
    return {"group": "", "kind": "Service", "name": service, "port": SERVICE_PORT, "weight": weight}
