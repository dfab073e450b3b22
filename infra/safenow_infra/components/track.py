"""One track of the API (stable or canary): Deployment, Service, HPA and PDB.

The Deployment never sets `replicas`: its HPA owns the count, and a
`replicas` field would make every `pulumi up` fight the autoscaler.
"""

from __future__ import annotations

from dataclasses import dataclass

import pulumi
import pulumi_kubernetes as k8s

from safenow_infra.naming import PORT_NAME, SERVICE_PORT

TYPE = "safenow:infra:WorkloadTrack"


@dataclass(frozen=True)
class TrackScaling:
    min_replicas: int
    max_replicas: int
    cpu_target_percent: int
    scale_down_stabilization_seconds: int
    pdb_max_unavailable: int


@dataclass(frozen=True)
class WorkloadTrackArgs:
    namespace: pulumi.Input[str]
    name: str
    labels: dict[str, str]
    selector: dict[str, str]
    pod_template: k8s.core.v1.PodTemplateSpecArgs
    scaling: TrackScaling


class WorkloadTrack(pulumi.ComponentResource):
    deployment: k8s.apps.v1.Deployment
    service: k8s.core.v1.Service
    autoscaler: k8s.autoscaling.v2.HorizontalPodAutoscaler
    disruption_budget: k8s.policy.v1.PodDisruptionBudget

    def __init__(
        self, name: str, args: WorkloadTrackArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__(TYPE, name, None, opts)
        child = pulumi.ResourceOptions(parent=self)

        def meta() -> k8s.meta.v1.ObjectMetaArgs:
            return k8s.meta.v1.ObjectMetaArgs(
                name=args.name, namespace=args.namespace, labels=args.labels
            )

        selector = k8s.meta.v1.LabelSelectorArgs(match_labels=args.selector)
        self.deployment = k8s.apps.v1.Deployment(
            args.name,
            metadata=meta(),
            spec=k8s.apps.v1.DeploymentSpecArgs(
                selector=selector,
                template=args.pod_template,
                revision_history_limit=5,
                # Surge first, never drop below the current count during a rollout.
                strategy=k8s.apps.v1.DeploymentStrategyArgs(
                    type="RollingUpdate",
                    rolling_update=k8s.apps.v1.RollingUpdateDeploymentArgs(
                        max_surge="25%", max_unavailable=0
                    ),
                ),
            ),
            opts=child,
        )
        self.service = k8s.core.v1.Service(
            args.name,
            metadata=meta(),
            spec=k8s.core.v1.ServiceSpecArgs(
                type="ClusterIP",
                selector=args.selector,
                ports=[
                    k8s.core.v1.ServicePortArgs(
                        name=PORT_NAME, port=SERVICE_PORT, target_port=PORT_NAME, protocol="TCP"
                    )
                ],
            ),
            opts=child,
        )
        scaling = args.scaling
        self.autoscaler = k8s.autoscaling.v2.HorizontalPodAutoscaler(
            args.name,
            metadata=meta(),
            spec=k8s.autoscaling.v2.HorizontalPodAutoscalerSpecArgs(
                scale_target_ref=k8s.autoscaling.v2.CrossVersionObjectReferenceArgs(
                    api_version="apps/v1", kind="Deployment", name=args.name
                ),
                min_replicas=scaling.min_replicas,
                max_replicas=scaling.max_replicas,
                metrics=[
                    k8s.autoscaling.v2.MetricSpecArgs(
                        type="Resource",
                        resource=k8s.autoscaling.v2.ResourceMetricSourceArgs(
                            name="cpu",
                            target=k8s.autoscaling.v2.MetricTargetArgs(
                                type="Utilization",
                                average_utilization=scaling.cpu_target_percent,
                            ),
                        ),
                    )
                ],
                behavior=k8s.autoscaling.v2.HorizontalPodAutoscalerBehaviorArgs(
                    # Scale down slowly (a short dip must not drain a track mid-canary),
                    # at most one pod per minute once the window has passed.
                    scale_down=k8s.autoscaling.v2.HPAScalingRulesArgs(
                        stabilization_window_seconds=scaling.scale_down_stabilization_seconds,
                        select_policy="Min",
                        policies=[
                            k8s.autoscaling.v2.HPAScalingPolicyArgs(
                                type="Pods", value=1, period_seconds=60
                            )
                        ],
                    ),
                    scale_up=k8s.autoscaling.v2.HPAScalingRulesArgs(
                        stabilization_window_seconds=0,
                        select_policy="Max",
                        policies=[
                            k8s.autoscaling.v2.HPAScalingPolicyArgs(
                                type="Percent", value=100, period_seconds=30
                            ),
                            k8s.autoscaling.v2.HPAScalingPolicyArgs(
                                type="Pods", value=2, period_seconds=30
                            ),
                        ],
                    ),
                ),
            ),
            opts=pulumi.ResourceOptions(parent=self, depends_on=[self.deployment]),
        )
        self.disruption_budget = k8s.policy.v1.PodDisruptionBudget(
            args.name,
            metadata=meta(),
            spec=k8s.policy.v1.PodDisruptionBudgetSpecArgs(
                max_unavailable=scaling.pdb_max_unavailable,
                selector=selector,
                # Let evictions through when pods are not ready anyway (stuck rollouts).
                unhealthy_pod_eviction_policy="AlwaysAllow",
            ),
            opts=child,
        )
        self.register_outputs(
            {
                "deployment": self.deployment.metadata.name,
                "service": self.service.metadata.name,
                "autoscaler": self.autoscaler.metadata.name,
                "disruptionBudget": self.disruption_budget.metadata.name,
            }
        )
