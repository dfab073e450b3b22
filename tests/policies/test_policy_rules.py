"""Every policy against hand-written property sets: compliant and violating cases."""

from __future__ import annotations

import copy

import pytest
from policy_cases import BASELINE_FINDINGS, CASES, Case
from policy_fixtures import Fixture, baseline, engine_shape, run_policy, urn

from safenow_policies.registry import ALL_POLICIES, BY_NAME
from safenow_policies.resource import Resource
from safenow_policies.stack import StackView


def _run(case: Case) -> list[str]:
    fixture = baseline()
    case.change(fixture)
    return run_policy(BY_NAME[case.policy], fixture, case.params)


def test_every_case_names_a_policy():
    unknown = {c.policy for c in CASES} - set(BY_NAME)
    assert not unknown


@pytest.mark.parametrize("policy", ALL_POLICIES, ids=lambda p: p.name)
def test_policy_has_compliant_and_violating_cases(policy):
    cases = [c for c in CASES if c.policy == policy.name]
    assert any(c.violates for c in cases), f"{policy.name} has no violating case"
    assert sum(c.example for c in cases) == 1, f"{policy.name} needs exactly one example case"
    # The baseline itself is the compliant case where no dedicated one is written.
    assert any(not c.violates for c in cases) or policy.name not in BASELINE_FINDINGS


@pytest.mark.parametrize(
    "policy", [p for p in ALL_POLICIES if p.name not in BASELINE_FINDINGS], ids=lambda p: p.name
)
def test_compliant_baseline_passes(policy):
    assert run_policy(policy, baseline()) == []


def test_baseline_findings_are_real():
    for name in BASELINE_FINDINGS:
        assert run_policy(BY_NAME[name], baseline()), name


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.policy}:{c.id}")
def test_case(case: Case):
    messages = _run(case)
    if not case.violates:
        assert messages == []
        return
    assert messages, f"{case.policy} reported nothing for {case.id}"
    if case.expect:
        assert any(case.expect in m for m in messages), messages
    if case.example:
        assert BY_NAME[case.policy].example_message in messages


def test_rules_read_engine_numbers_as_floats():
    # The Struct round trip turns every int into a float; rules must not care.
    props = engine_shape({"spec": {"minReplicas": 3}})
    assert isinstance(props["spec"]["minReplicas"], float)
    fixture = baseline()
    fixture.props("HorizontalPodAutoscaler", "safenow-stable")["spec"]["minReplicas"] = 2
    messages = run_policy(BY_NAME["minimum-replicas"], fixture)
    assert messages == [
        "Deployment 'safenow-stable' runs as few as 2 pod(s) (its HPA's minReplicas); "
        "this stack needs at least 3"
    ]


def test_parameters_from_the_engine_arrive_as_floats_and_still_apply():
    fixture = baseline()
    fixture.props("HorizontalPodAutoscaler", "safenow-stable")["spec"]["minReplicas"] = 2
    assert run_policy(BY_NAME["minimum-replicas"], fixture, {"minReplicas": 2.0}) == []
    assert run_policy(BY_NAME["hpa-replica-bounds"], fixture, {"minReplicas": 3.0}) == [
        "HorizontalPodAutoscaler 'safenow-stable' has minReplicas 2; at least 3 required"
    ]


def test_namespace_may_come_from_the_provider():
    policy = BY_NAME["not-default-namespace"]
    fixture = baseline()
    props = copy.deepcopy(fixture.props("Deployment", "safenow-stable"))
    del props["metadata"]["namespace"]
    token = "kubernetes:apps/v1:Deployment"
    bare = Resource(token, "x", urn(token, "x"), engine_shape(props))
    with_provider = Resource(
        token, "x", urn(token, "x"), engine_shape(props), {"namespace": "safenow"}
    )
    assert policy.check_resource(bare) == [
        "Deployment 'safenow-stable' is in the default namespace"
    ]
    assert policy.check_resource(with_provider) == []


def test_non_kubernetes_resources_are_not_applicable():
    component = Resource("safenow:infra:WorkloadTrack", "stable", "urn:x", engine_shape({}))
    for policy in ALL_POLICIES:
        if policy.scope == "resource":
            assert policy.check_resource(component) is None, policy.name


def test_kinds_outside_a_rule_are_not_applicable():
    fixture = baseline()
    service = next(r for r in fixture.engine_resources() if r.kind == "Service")
    assert BY_NAME["no-privileged-containers"].check_resource(service) is None
    assert BY_NAME["service-type-allowed"].check_resource(service) == []


def test_step_plan_is_not_applicable_without_stack_config():
    fixture = baseline()
    view = StackView(fixture.engine_resources(), {})
    assert BY_NAME["canary-step-plan-valid"].check_stack(view) is None


def test_remediation_sets_automount_false_and_keeps_the_rest():
    policy = BY_NAME["no-service-account-token-automount"]
    fixture: Fixture = baseline()
    spec = fixture.pod_spec()
    del spec["automountServiceAccountToken"]
    props = fixture.props("Deployment", "safenow-stable")
    token = "kubernetes:apps/v1:Deployment"
    resource = Resource(token, "safenow-stable", urn(token, "s"), copy.deepcopy(props))
    fixed = policy.fix(resource, {})
    assert fixed is not None
    assert fixed["spec"]["template"]["spec"]["automountServiceAccountToken"] is False
    expected = copy.deepcopy(props)
    expected["spec"]["template"]["spec"]["automountServiceAccountToken"] = False
    assert fixed == expected
    # Already compliant: nothing to rewrite.
    assert policy.fix(Resource(token, "s", "u", copy.deepcopy(expected)), {}) is None
