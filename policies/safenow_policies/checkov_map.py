"""Which SafeNow policy answers each Checkov Kubernetes check.

Checkov is the independent oracle: on every seeded bad variant, each check
Checkov fails must also be reported by the pack through one of the policies
mapped here (tests/policies/test_policy_checkov_oracle.py). docs/policies.md
renders this table; edit it here, then `make policy-docs`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CheckovMapping:
    check_id: str
    policies: tuple[str, ...]  # empty: SafeNow has no policy for it (see note)
    note: str = ""


def _m(check_id: str, *policies: str, note: str = "") -> CheckovMapping:
    return CheckovMapping(check_id, policies, note)


_PSP = "PodSecurityPolicy is policy/v1beta1, removed in Kubernetes 1.25: any PSP is pre-GA"
_FOREIGN_IMAGE = "its image comes from a registry SafeNow does not allow"

MAPPED: list[CheckovMapping] = [
    *[_m(f"CKV_K8S_{n}", "ga-api-versions-only", note=_PSP) for n in (1, 2, 3, 4, 5, 6, 7)],
    _m("CKV_K8S_8", "liveness-probe-distinct"),
    _m("CKV_K8S_9", "readiness-probe-set"),
    _m("CKV_K8S_10", "resource-requests-set"),
    _m("CKV_K8S_11", "cpu-limit-and-ephemeral-storage", note="advisory in SafeNow"),
    _m("CKV_K8S_12", "resource-requests-set"),
    _m("CKV_K8S_13", "memory-limit-set"),
    _m("CKV_K8S_14", "image-tag-pinned"),
    _m("CKV_K8S_15", "image-pull-policy-always", note="both accept any policy with a digest"),
    _m("CKV_K8S_16", "no-privileged-containers"),
    _m("CKV_K8S_17", "no-host-namespaces"),
    _m("CKV_K8S_18", "no-host-namespaces"),
    _m("CKV_K8S_19", "no-host-namespaces"),
    _m("CKV_K8S_20", "no-privilege-escalation"),
    _m("CKV_K8S_21", "not-default-namespace"),
    _m("CKV_K8S_22", "read-only-root-filesystem"),
    _m("CKV_K8S_23", "run-as-non-root"),
    _m("CKV_K8S_24", "ga-api-versions-only", note=_PSP),
    _m(
        "CKV_K8S_25",
        "drop-all-capabilities",
        note="Checkov fails any added capability; SafeNow accepts NET_BIND_SERVICE",
    ),
    _m("CKV_K8S_26", "no-host-ports"),
    _m("CKV_K8S_27", "no-host-path-volumes"),
    _m("CKV_K8S_28", "drop-all-capabilities"),
    _m("CKV_K8S_29", "security-context-set"),
    _m("CKV_K8S_30", "security-context-set"),
    _m(
        "CKV_K8S_31",
        "seccomp-profile-set",
        note="Checkov refuses Localhost profiles; SafeNow accepts them",
    ),
    _m("CKV_K8S_32", "ga-api-versions-only", note=_PSP),
    _m("CKV_K8S_33", "image-allowed-registry", note=f"the dashboard: {_FOREIGN_IMAGE}"),
    _m("CKV_K8S_34", "image-allowed-registry", note=f"Tiller: {_FOREIGN_IMAGE}"),
    _m(
        "CKV_K8S_35",
        "secrets-mounted-as-files",
        note="advisory: SafeNow accepts secretKeyRef (policy-checks row 15)",
    ),
    _m("CKV_K8S_36", "ga-api-versions-only", note=_PSP),
    _m("CKV_K8S_37", "drop-all-capabilities"),
    _m("CKV_K8S_38", "no-service-account-token-automount"),
    _m("CKV_K8S_39", "drop-all-capabilities"),
    _m("CKV_K8S_40", "high-uid-gid", note="advisory in SafeNow"),
    _m("CKV_K8S_41", "dedicated-service-account"),
    _m("CKV_K8S_42", "dedicated-service-account"),
    _m("CKV_K8S_43", "image-digest-pinned", note="mandatory in prod only"),
    _m(
        "CKV_K8S_44",
        "image-allowed-registry",
        note=f"Tiller's Service selects pods whose {_FOREIGN_IMAGE[4:]}",
    ),
    _m("CKV_K8S_45", "image-allowed-registry", note=f"Tiller: {_FOREIGN_IMAGE}"),
    _m("CKV_K8S_159", "image-allowed-registry", note=f"git-sync: {_FOREIGN_IMAGE}"),
    _m("CKV2_K8S_6", "workload-has-network-policy"),
]

_CONTROL_PLANE = (
    "flags of kube-apiserver, kube-controller-manager, kube-scheduler, etcd or the kubelet: "
    "SafeNow deploys no control-plane component, the platform team owns the cluster"
)
_RBAC = (
    "RBAC permissions: SafeNow declares no Role or ClusterRole (its pods never call the "
    "Kubernetes API); a binding to the default account is caught by dedicated-service-account"
)
_NGINX = "ingress-nginx annotations: SafeNow routes through the Gateway API, not ingress-nginx"

NOT_COVERED: list[CheckovMapping] = [
    *[
        _m(f"CKV_K8S_{n}", note=_CONTROL_PLANE)
        for n in (
            *range(68, 76),
            *range(77, 87),
            *range(88, 98),
            99,
            100,
            102,
            *range(104, 109),
            *range(110, 120),
            121,
            138,
            139,
            140,
            141,
            *range(143, 150),
            151,
        )
    ],
    _m("CKV_K8S_49", note=_RBAC),
    *[_m(f"CKV_K8S_{n}", note=_RBAC) for n in (155, 156, 157, 158)],
    *[_m(f"CKV2_K8S_{n}", note=_RBAC) for n in (1, 2, 3, 4, 5)],
    *[_m(f"CKV_K8S_{n}", note=_NGINX) for n in (152, 153, 154)],
]

CHECKOV_MAP: dict[str, CheckovMapping] = {m.check_id: m for m in (*MAPPED, *NOT_COVERED)}
