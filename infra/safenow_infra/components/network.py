"""NetworkPolicies: deny everything in the namespace, then allow what SafeNow needs.

Ingress: the Gateway's namespace (or, without a Gateway, the namespace itself)
and Prometheus from the monitoring namespace, on the HTTP port only.
Egress: DNS in kube-system, Redis, the audit database and the model endpoint.
"""

from __future__ import annotations

from dataclasses import dataclass

import pulumi
import pulumi_kubernetes as k8s

from safenow_infra.naming import CONTAINER_PORT

TYPE = "safenow:infra:NetworkPolicies"
NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name"


@dataclass(frozen=True)
class EgressTarget:
    """A destination outside the namespace, by CIDR, or inside it, by pod labels."""

    port: int
    cidr: str | None = None
    pod_selector: dict[str, str] | None = None


@dataclass(frozen=True)
class NetworkPoliciesArgs:
    namespace: pulumi.Input[str]
    labels: dict[str, str]
    api_selector: dict[str, str]
    ingress_namespaces: tuple[str, ...]
    allow_same_namespace: bool
    egress: tuple[EgressTarget, ...]
    name_prefix: str


class NetworkPolicies(pulumi.ComponentResource):
    def __init__(
        self, name: str, args: NetworkPoliciesArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__(TYPE, name, None, opts)
        child = pulumi.ResourceOptions(parent=self)

        def meta(policy: str) -> k8s.meta.v1.ObjectMetaArgs:
            return k8s.meta.v1.ObjectMetaArgs(
                name=policy, namespace=args.namespace, labels=args.labels
            )

        deny_name = f"{args.name_prefix}-default-deny"
        self.default_deny = k8s.networking.v1.NetworkPolicy(
            deny_name,
            metadata=meta(deny_name),
            spec=k8s.networking.v1.NetworkPolicySpecArgs(
                pod_selector=k8s.meta.v1.LabelSelectorArgs(),
                policy_types=["Ingress", "Egress"],
            ),
            opts=child,
        )
        api_name = f"{args.name_prefix}-api"
        self.api = k8s.networking.v1.NetworkPolicy(
            api_name,
            metadata=meta(api_name),
            spec=k8s.networking.v1.NetworkPolicySpecArgs(
                pod_selector=k8s.meta.v1.LabelSelectorArgs(match_labels=args.api_selector),
                policy_types=["Ingress", "Egress"],
                ingress=[_ingress(args)],
                egress=[_dns(), *(_egress(target) for target in args.egress)],
            ),
            opts=child,
        )
        self.register_outputs({"policies": [deny_name, api_name]})


def _ingress(args: NetworkPoliciesArgs) -> k8s.networking.v1.NetworkPolicyIngressRuleArgs:
    peers = [
        k8s.networking.v1.NetworkPolicyPeerArgs(
            namespace_selector=k8s.meta.v1.LabelSelectorArgs(
                match_labels={NAMESPACE_NAME_LABEL: namespace}
            )
        )
        for namespace in args.ingress_namespaces
    ]
    if args.allow_same_namespace:
        # An empty pod selector alone means "every pod of this namespace".
        peers.append(k8s.networking.v1.NetworkPolicyPeerArgs(pod_selector={}))
    return k8s.networking.v1.NetworkPolicyIngressRuleArgs(
        from_=peers,
        ports=[k8s.networking.v1.NetworkPolicyPortArgs(port=CONTAINER_PORT, protocol="TCP")],
    )


def _dns() -> k8s.networking.v1.NetworkPolicyEgressRuleArgs:
    return k8s.networking.v1.NetworkPolicyEgressRuleArgs(
        to=[
            k8s.networking.v1.NetworkPolicyPeerArgs(
                namespace_selector=k8s.meta.v1.LabelSelectorArgs(
                    match_labels={NAMESPACE_NAME_LABEL: "kube-system"}
                ),
                pod_selector=k8s.meta.v1.LabelSelectorArgs(match_labels={"k8s-app": "kube-dns"}),
            )
        ],
        ports=[
            k8s.networking.v1.NetworkPolicyPortArgs(port=53, protocol="UDP"),
            k8s.networking.v1.NetworkPolicyPortArgs(port=53, protocol="TCP"),
        ],
    )


def _egress(target: EgressTarget) -> k8s.networking.v1.NetworkPolicyEgressRuleArgs:
    if target.pod_selector is not None:
        peer = k8s.networking.v1.NetworkPolicyPeerArgs(
            pod_selector=k8s.meta.v1.LabelSelectorArgs(match_labels=target.pod_selector)
        )
    else:
        peer = k8s.networking.v1.NetworkPolicyPeerArgs(
            ip_block=k8s.networking.v1.IPBlockArgs(cidr=target.cidr)
        )
    return k8s.networking.v1.NetworkPolicyEgressRuleArgs(
        to=[peer],
        ports=[k8s.networking.v1.NetworkPolicyPortArgs(port=target.port, protocol="TCP")],
    )
