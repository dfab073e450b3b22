"""Dev-only in-cluster Redis for the rate limiter, hardened like the API pods.

Staging and prod use an external Redis reached through a Secret URL. This one
keeps nothing on disk (rate-limit state is disposable), runs as the same
non-root UID with a read-only root filesystem, and only the API pods may
reach it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pulumi
import pulumi_kubernetes as k8s

from safenow_infra.components.pod import (
    pull_policy,
    restricted_container_security,
    restricted_pod_security,
)

TYPE = "safenow:infra:InClusterRedis"


@dataclass(frozen=True)
class InClusterRedisArgs:
    namespace: pulumi.Input[str]
    name: str
    image: str
    port: int
    labels: dict[str, str]
    selector: dict[str, str]
    client_selector: dict[str, str]
    service_account: str


class InClusterRedis(pulumi.ComponentResource):
    def __init__(
        self, name: str, args: InClusterRedisArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__(TYPE, name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        meta = k8s.meta.v1.ObjectMetaArgs(
            name=args.name, namespace=args.namespace, labels=args.labels
        )
        container = k8s.core.v1.ContainerArgs(
            name="redis",
            image=args.image,
            image_pull_policy=pull_policy(args.image),
            # No persistence and no protected mode: the NetworkPolicy below is the fence.
            args=[
                "redis-server",
                "--port",
                str(args.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--protected-mode",
                "no",
            ],
            ports=[k8s.core.v1.ContainerPortArgs(name="redis", container_port=args.port)],
            resources=k8s.core.v1.ResourceRequirementsArgs(
                requests={"cpu": "50m", "memory": "64Mi", "ephemeral-storage": "16Mi"},
                limits={"cpu": "250m", "memory": "128Mi", "ephemeral-storage": "64Mi"},
            ),
            security_context=restricted_container_security(),
            liveness_probe=k8s.core.v1.ProbeArgs(
                tcp_socket=k8s.core.v1.TCPSocketActionArgs(port="redis"),
                period_seconds=10,
                failure_threshold=3,
            ),
            readiness_probe=k8s.core.v1.ProbeArgs(
                exec_=k8s.core.v1.ExecActionArgs(
                    command=["redis-cli", "-p", str(args.port), "ping"]
                ),
                period_seconds=5,
                failure_threshold=2,
            ),
            volume_mounts=[
                k8s.core.v1.VolumeMountArgs(name="data", mount_path="/data"),
                k8s.core.v1.VolumeMountArgs(name="tmp", mount_path="/tmp"),
            ],
        )
        self.deployment = k8s.apps.v1.Deployment(
            args.name,
            metadata=meta,
            spec=k8s.apps.v1.DeploymentSpecArgs(
                # A single dev instance with no HPA: replicas is set here on purpose.
                replicas=1,
                selector=k8s.meta.v1.LabelSelectorArgs(match_labels=args.selector),
                strategy=k8s.apps.v1.DeploymentStrategyArgs(
                    type="RollingUpdate",
                    rolling_update=k8s.apps.v1.RollingUpdateDeploymentArgs(
                        max_surge=1, max_unavailable=0
                    ),
                ),
                template=k8s.core.v1.PodTemplateSpecArgs(
                    metadata=k8s.meta.v1.ObjectMetaArgs(labels=args.labels),
                    spec=k8s.core.v1.PodSpecArgs(
                        service_account_name=args.service_account,
                        automount_service_account_token=False,
                        enable_service_links=False,
                        security_context=restricted_pod_security(),
                        containers=[container],
                        volumes=[
                            k8s.core.v1.VolumeArgs(
                                name="data",
                                empty_dir=k8s.core.v1.EmptyDirVolumeSourceArgs(size_limit="32Mi"),
                            ),
                            k8s.core.v1.VolumeArgs(
                                name="tmp",
                                empty_dir=k8s.core.v1.EmptyDirVolumeSourceArgs(size_limit="16Mi"),
                            ),
                        ],
                    ),
                ),
            ),
            opts=child,
        )
        self.service = k8s.core.v1.Service(
            args.name,
            metadata=meta,
            spec=k8s.core.v1.ServiceSpecArgs(
                type="ClusterIP",
                selector=args.selector,
                ports=[
                    k8s.core.v1.ServicePortArgs(
                        name="redis", port=args.port, target_port="redis", protocol="TCP"
                    )
                ],
            ),
            opts=child,
        )
        self.network_policy = k8s.networking.v1.NetworkPolicy(
            args.name,
            metadata=meta,
            spec=k8s.networking.v1.NetworkPolicySpecArgs(
                pod_selector=k8s.meta.v1.LabelSelectorArgs(match_labels=args.selector),
                policy_types=["Ingress", "Egress"],
                ingress=[
                    k8s.networking.v1.NetworkPolicyIngressRuleArgs(
                        from_=[
                            k8s.networking.v1.NetworkPolicyPeerArgs(
                                pod_selector=k8s.meta.v1.LabelSelectorArgs(
                                    match_labels=args.client_selector
                                )
                            )
                        ],
                        ports=[
                            k8s.networking.v1.NetworkPolicyPortArgs(port=args.port, protocol="TCP")
                        ],
                    )
                ],
                # Redis opens no connections of its own.
                egress=[],
            ),
            opts=child,
        )
        self.register_outputs(
            {"service": self.service.metadata.name, "deployment": self.deployment.metadata.name}
        )
