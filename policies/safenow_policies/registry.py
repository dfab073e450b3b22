"""Every SafeNow policy, in the order reviewers read them, and the coverage of policy-checks.md."""

from __future__ import annotations

from pulumi_policy import ResourceValidationPolicy, StackValidationPolicy

from safenow_policies import (
    availability_scaling,
    canary,
    images,
    networking,
    pod_security,
    resources_probes,
    service_config,
    stack_level,
)
from safenow_policies.model import SafeNowPolicy

ALL_POLICIES: list[SafeNowPolicy] = [
    *pod_security.POLICIES,
    *images.POLICIES,
    *resources_probes.POLICIES,
    *availability_scaling.POLICIES,
    *networking.POLICIES,
    *canary.POLICIES,
    *service_config.POLICIES,
    *stack_level.POLICIES,
]
BY_NAME: dict[str, SafeNowPolicy] = {p.name: p for p in ALL_POLICIES}
if len(BY_NAME) != len(ALL_POLICIES):
    raise RuntimeError("two SafeNow policies share a name")

# Rows of policy-checks.md SafeNow covers only in part, and why the rest is out of reach.
PARTIAL_COVERAGE: dict[int, str] = {
    38: (
        "TLS itself is configured on the shared Gateway, which the platform team owns outside "
        "this stack; the pack checks what the stack controls (hostnames, the HTTPS listener "
        "the route attaches to) and any Gateway or Ingress the stack does declare."
    ),
    12: (
        "AppArmor is checked in both forms (the appArmorProfile field and the beta annotation); "
        "Windows-only fields other than hostProcess are out of scope (SafeNow runs on Linux)."
    ),
}
# Rows declined outright, with the reason (none today: every row has a policy).
DECLINED: dict[int, str] = {}
CHECK_ROWS = range(1, 45)


def pulumi_policies() -> list[ResourceValidationPolicy | StackValidationPolicy]:
    """The objects PolicyPack receives."""
    return [p.policy for p in ALL_POLICIES]


def policies_for_row(row: int) -> list[SafeNowPolicy]:
    return [p for p in ALL_POLICIES if row in p.rows]
