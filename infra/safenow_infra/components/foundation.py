"""Namespace, ServiceAccount and the service's ConfigMap: what every track shares."""

from __future__ import annotations

from dataclasses import dataclass

import pulumi
import pulumi_kubernetes as k8s

TYPE = "safenow:infra:Foundation"


@dataclass(frozen=True)
class FoundationArgs:
    namespace: str
    labels: dict[str, str]
    service_account: str
    config_map: str
    env: dict[str, str]


class Foundation(pulumi.ComponentResource):
    namespace: k8s.core.v1.Namespace
    service_account: k8s.core.v1.ServiceAccount
    config_map: k8s.core.v1.ConfigMap

    def __init__(
        self, name: str, args: FoundationArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__(TYPE, name, None, opts)
        self.namespace = k8s.core.v1.Namespace(
            args.namespace,
            metadata=k8s.meta.v1.ObjectMetaArgs(
                name=args.namespace,
                labels={
                    **args.labels,
                    # The API server itself refuses any pod below "restricted" here.
                    "pod-security.kubernetes.io/enforce": "restricted",
                    "pod-security.kubernetes.io/enforce-version": "latest",
                    "pod-security.kubernetes.io/warn": "restricted",
                    "pod-security.kubernetes.io/audit": "restricted",
                },
            ),
            opts=pulumi.ResourceOptions(parent=self),
        )
        # Children wait for the namespace through its name output.
        namespace_name = self.namespace.metadata.name
        self.service_account = k8s.core.v1.ServiceAccount(
            args.service_account,
            metadata=k8s.meta.v1.ObjectMetaArgs(
                name=args.service_account, namespace=namespace_name, labels=args.labels
            ),
            # SafeNow never talks to the Kubernetes API: no token in its pods.
            automount_service_account_token=False,
            opts=pulumi.ResourceOptions(parent=self),
        )
        self.config_map = k8s.core.v1.ConfigMap(
            args.config_map,
            metadata=k8s.meta.v1.ObjectMetaArgs(
                name=args.config_map, namespace=namespace_name, labels=args.labels
            ),
            data=args.env,
            opts=pulumi.ResourceOptions(parent=self),
        )
        self.register_outputs(
            {
                "namespace": namespace_name,
                "serviceAccount": self.service_account.metadata.name,
                "configMap": self.config_map.metadata.name,
            }
        )
