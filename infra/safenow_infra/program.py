"""Compose SafeNow's components from one StackConfig and export the stack outputs.

Order follows the data flow: image -> foundation (namespace, account,
ConfigMap) -> traffic plan -> stable track -> canary track -> traffic split
-> network policies -> dev Redis -> outputs.
"""

from __future__ import annotations

import hashlib
import json

import pulumi

from safenow_infra.components.foundation import Foundation, FoundationArgs
from safenow_infra.components.image import ServiceImage, ServiceImageArgs
from safenow_infra.components.network import EgressTarget, NetworkPolicies, NetworkPoliciesArgs
from safenow_infra.components.pod import ServicePodSpec, service_pod_template
from safenow_infra.components.redis import InClusterRedis, InClusterRedisArgs
from safenow_infra.components.track import TrackScaling, WorkloadTrack, WorkloadTrackArgs
from safenow_infra.components.traffic import (
    SplitPlan,
    TrafficSplit,
    TrafficSplitArgs,
    plan_split,
)
from safenow_infra.config import StackConfig
from safenow_infra.naming import SERVICE_PORT, Naming, Track
from safenow_infra.service_env import service_environment


def naming_for(cfg: StackConfig) -> Naming:
    return Naming(
        app=cfg.app_name,
        environment=cfg.environment,
        owner=cfg.labels.owner,
        data_classification=cfg.labels.data_classification,
    )


def build_program(cfg: StackConfig) -> dict[str, pulumi.Output]:
    """Declare every resource of the stack; returns (and exports) the stack outputs."""
    naming = naming_for(cfg)
    image = ServiceImage("image", ServiceImageArgs(image=cfg.stable_image, build=cfg.build))

    environment = service_environment(cfg, naming)
    foundation = Foundation(
        "foundation",
        FoundationArgs(
            namespace=cfg.namespace,
            labels=naming.common_labels("api"),
            service_account=naming.service_account,
            config_map=naming.config_map,
            env=environment.config,
        ),
    )
    namespace = foundation.namespace.metadata.name
    pod_spec = ServicePodSpec(
        service_account=naming.service_account,
        config_map=naming.config_map,
        secrets=environment.secrets,
        resources=cfg.resources,
        data_volume_size=cfg.resources.data_volume,
        config_hash=_digest(environment.config),
        priority_class_name=cfg.priority_class_name,
    )
    plan = plan_split(cfg.gateway, cfg.scaling, cfg.canary_enabled, cfg.canary.weight)
    after_foundation = pulumi.ResourceOptions(depends_on=[foundation])

    def track(name: Track, image_ref: pulumi.Input[str], lo: int, hi: int) -> WorkloadTrack:
        return WorkloadTrack(
            name,
            WorkloadTrackArgs(
                namespace=namespace,
                name=naming.track_name(name),
                labels=naming.track_labels(name),
                selector=naming.track_selector(name),
                pod_template=service_pod_template(
                    pod_spec, image_ref, naming.track_labels(name), naming.track_selector(name)
                ),
                scaling=TrackScaling(
                    min_replicas=lo,
                    max_replicas=hi,
                    cpu_target_percent=cfg.scaling.cpu_target_percent,
                    scale_down_stabilization_seconds=cfg.scaling.scale_down_stabilization_seconds,
                    pdb_max_unavailable=cfg.scaling.pdb_max_unavailable,
                ),
            ),
            opts=after_foundation,
        )

    stable = track("stable", image.reference, cfg.scaling.min_replicas, cfg.scaling.max_replicas)
    tracks = [stable]
    canary_image = str(cfg.canary.image_ref) if cfg.canary.image_ref else None
    if plan.canary_deployed and canary_image is not None:
        tracks.append(
            track("canary", canary_image, plan.canary_min_replicas, plan.canary_max_replicas)
        )

    split = TrafficSplit(
        "traffic",
        TrafficSplitArgs(
            namespace=namespace,
            labels=naming.common_labels("api"),
            plan=plan,
            canary_plan=_canary_plan(cfg),
            gateway=cfg.gateway,
            route_name=naming.route,
            stable_service=naming.track_name("stable"),
            canary_service=naming.track_name("canary"),
            entry_service=naming.entry_service,
            entry_selector=naming.api_selector(),
        ),
        opts=pulumi.ResourceOptions(depends_on=tracks),
    )

    redis_selector = naming.workload_selector("redis")
    NetworkPolicies(
        "network",
        NetworkPoliciesArgs(
            namespace=namespace,
            labels=naming.common_labels("network"),
            api_selector=naming.api_selector(),
            ingress_namespaces=_ingress_namespaces(cfg),
            allow_same_namespace=not cfg.gateway.enabled,
            egress=_egress_targets(cfg, redis_selector),
            name_prefix=cfg.app_name,
        ),
        opts=after_foundation,
    )
    if cfg.redis.mode == "in-cluster":
        InClusterRedis(
            "redis",
            InClusterRedisArgs(
                namespace=namespace,
                name=naming.redis,
                image=cfg.redis.image,
                port=cfg.redis.port,
                labels=naming.common_labels("redis"),
                selector=redis_selector,
                client_selector=naming.api_selector(),
                service_account=naming.service_account,
            ),
            opts=after_foundation,
        )

    outputs = _outputs(cfg, naming, plan, image.reference, canary_image, split)
    for key, value in outputs.items():
        pulumi.export(key, value)
    return outputs


def _ingress_namespaces(cfg: StackConfig) -> tuple[str, ...]:
    namespaces = [cfg.monitoring.namespace]
    if cfg.gateway.enabled and cfg.gateway.namespace:
        namespaces.insert(0, cfg.gateway.namespace)
    return tuple(namespaces)


def _egress_targets(cfg: StackConfig, redis_selector: dict[str, str]) -> tuple[EgressTarget, ...]:
    targets = []
    if cfg.redis.mode == "in-cluster":
        targets.append(EgressTarget(port=cfg.redis.port, pod_selector=redis_selector))
    else:
        targets.append(EgressTarget(port=cfg.redis.port, cidr=cfg.redis.egress_cidr))
    if cfg.audit.sink == "postgres":
        targets.append(EgressTarget(port=cfg.audit.port, cidr=cfg.audit.egress_cidr))
    if cfg.model.real_model:
        targets.append(EgressTarget(port=cfg.model.port, cidr=cfg.model.egress_cidr))
    return tuple(targets)


def _outputs(
    cfg: StackConfig,
    naming: Naming,
    plan: SplitPlan,
    stable_image: pulumi.Output[str],
    canary_image: str | None,
    split: TrafficSplit,
) -> dict[str, pulumi.Output]:
    services = {"stable": naming.track_name("stable")}
    if plan.canary_deployed:
        services["canary"] = naming.track_name("canary")
    if split.entry is not None:
        services["entry"] = naming.entry_service
    if cfg.gateway.enabled:
        scheme = "https" if cfg.gateway.tls else "http"
        url = f"{scheme}://{cfg.gateway.hostnames[0]}/"
    else:
        url = f"http://{naming.entry_service}.{cfg.namespace}.svc.cluster.local:{SERVICE_PORT}/"
    return {
        "namespace": pulumi.Output.from_input(cfg.namespace),
        "serviceNames": pulumi.Output.from_input(services),
        "routeName": pulumi.Output.from_input(naming.route if split.route is not None else None),
        "stableImage": stable_image,
        "canaryImage": pulumi.Output.from_input(canary_image),
        "trafficSplit": pulumi.Output.from_input(
            {
                "mode": plan.mode,
                "requestedCanaryWeight": plan.requested_canary_weight,
                "effectiveWeights": {
                    "stable": 100 - plan.effective_canary_percent,
                    "canary": plan.effective_canary_percent,
                },
                "note": plan.note,
            }
        ),
        "url": pulumi.Output.from_input(url),
    }


def _canary_plan(cfg: StackConfig) -> str:
    canary = cfg.canary
    plan = {
        "weight": canary.weight,
        "maxWeight": canary.max_weight,
        "steps": canary.steps,
        "gates": canary.gates.model_dump(by_alias=True),
    }
    return json.dumps(plan, sort_keys=True, separators=(",", ":"))


def _digest(data: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()
