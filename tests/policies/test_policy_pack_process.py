"""The pack as the engine runs it: a process, its printed port, the Analyzer gRPC service."""

from __future__ import annotations

import json
import subprocess
import sys

import grpc
import pytest
from google.protobuf import empty_pb2
from pulumi.runtime.proto import analyzer_pb2, analyzer_pb2_grpc

from safenow_infra.capture import capture_stack, stack_config
from safenow_policies import pack_config
from safenow_policies.harness import PACK_DIR, PackProcess, PolicyConfigError, reconcile
from safenow_policies.model import STACKS
from safenow_policies.registry import ALL_POLICIES, BY_NAME


@pytest.fixture(scope="module")
def prod_pack():
    with PackProcess("prod", stack_config("prod")) as pack:
        yield pack


def test_main_py_prints_its_port_and_serves_the_analyzer():
    """`python policies/__main__.py` itself: the first stdout line is the port."""
    process = subprocess.Popen(
        [sys.executable, "-u", str(PACK_DIR / "__main__.py")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=PACK_DIR.parent,
    )
    try:
        port = int(process.stdout.readline().strip())
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            info = analyzer_pb2_grpc.AnalyzerStub(channel).GetAnalyzerInfo(
                empty_pb2.Empty(), timeout=30
            )
        assert info.name == "safenow-compliance"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_analyzer_info_describes_every_policy(prod_pack):
    info = prod_pack.session().info()
    assert info.name == "safenow-compliance"
    assert info.supportsConfig
    served = {p.name: p for p in info.policies}
    assert set(served) == {p.name for p in ALL_POLICIES}
    for policy in ALL_POLICIES:
        remote = served[policy.name]
        assert remote.description == policy.description
        assert remote.remediation_steps == policy.remediation
        assert set(policy.control_ids) <= set(remote.tags)
        assert remote.framework.specification == ", ".join(policy.control_ids)
        # Without a config file the pack is strict: prod's levels.
        assert remote.enforcementLevel == analyzer_pb2.EnforcementLevel.Value(
            policy.level("prod").value.upper()
        )
        expected_type = "POLICY_TYPE_STACK" if policy.scope == "stack" else "POLICY_TYPE_RESOURCE"
        assert analyzer_pb2.PolicyType.Name(remote.policy_type) == expected_type
        schema = dict(remote.configSchema.properties)
        assert set(schema) == set(policy.parameters)


@pytest.mark.parametrize("stack", STACKS)
def test_config_file_reconciles_to_the_documented_levels(prod_pack, stack):
    levels = prod_pack.session().configure(pack_config.load(stack))
    assert levels == {p.name: p.level(stack).value for p in ALL_POLICIES}


def test_invalid_parameters_are_refused_like_the_engine_does(prod_pack):
    infos = prod_pack.session().info().policies
    bad = {"image-allowed-registry": {"allowedRegistries": []}}
    with pytest.raises(PolicyConfigError, match="image-allowed-registry: allowedRegistries"):
        reconcile(infos, bad)
    with pytest.raises(PolicyConfigError, match="not one of"):
        reconcile(infos, {"minimum-replicas": {"enforcementLevel": "fatal"}})
    with pytest.raises(PolicyConfigError, match="maxCanaryPercent"):
        reconcile(infos, {"canary-weight-within-cap": {"maxCanaryPercent": 150}})


def test_all_key_sets_every_level(prod_pack):
    levels = reconcile(prod_pack.session().info().policies, {"all": "advisory"})
    assert {level for level, _ in levels.values()} == {"advisory"}


@pytest.mark.parametrize("stack", STACKS)
def test_declared_stack_has_no_mandatory_violation(base_evaluations, stack):
    evaluation = base_evaluations[stack]
    assert evaluation.resources_analyzed == len(capture_stack(stack))
    assert [(d.policy, d.violation) for d in evaluation.mandatory] == []


def test_every_policy_applies_somewhere(base_evaluations):
    """Each policy judged at least one resource (or the stack) in some stack."""
    for policy in ALL_POLICIES:
        applied = [
            stack
            for stack, evaluation in base_evaluations.items()
            if evaluation.not_applicable.get(policy.name, 0)
            < (1 if policy.scope == "stack" else evaluation.resources_analyzed)
        ]
        assert applied, f"{policy.name} applied to nothing in any stack"


def test_prod_advisories_are_only_the_accepted_ones(base_evaluations):
    advisories = {d.policy for d in base_evaluations["prod"].diagnostics}
    assert advisories <= {"secrets-mounted-as-files"}


def test_dev_remediates_the_token_automount_instead_of_failing(evaluate):
    resources = capture_stack("dev")
    for resource in resources:
        if resource.props.get("kind") == "Deployment":
            resource.props["spec"]["template"]["spec"].pop("automountServiceAccountToken")
    evaluation = evaluate("dev", resources, stack_config("dev"))
    fixed = {urn.rsplit("::", 1)[-1] for _, urn in evaluation.remediations}
    assert fixed == {"safenow-stable", "safenow-redis"}
    assert {p for p, _ in evaluation.remediations} == {"no-service-account-token-automount"}
    assert evaluation.of("no-service-account-token-automount") == []


def test_prod_blocks_the_same_mistake(evaluate):
    resources = capture_stack("prod")
    for resource in resources:
        if resource.props.get("kind") == "Deployment":
            resource.props["spec"]["template"]["spec"].pop("automountServiceAccountToken")
    evaluation = evaluate("prod", resources, stack_config("prod"))
    assert evaluation.remediations == []
    hits = evaluation.of("no-service-account-token-automount")
    assert {d.level for d in hits} == {"mandatory"}
    assert len(hits) == 2  # stable and canary


def test_stack_violation_points_at_the_resource(evaluate):
    resources = capture_stack("prod")
    resources = [r for r in resources if r.props.get("kind") != "PodDisruptionBudget"]
    evaluation = evaluate("prod", resources, stack_config("prod"))
    urns = {d.urn for d in evaluation.of("workload-has-pdb")}
    assert urns == {r.urn for r in resources if r.props.get("kind") == "Deployment"}


def test_message_starts_with_the_description(base_evaluations):
    for evaluation in base_evaluations.values():
        for d in evaluation.diagnostics:
            assert d.message.startswith(BY_NAME[d.policy].description + "\n")


def test_config_files_are_current():
    for stack in STACKS:
        assert json.loads(pack_config.render(stack)) == pack_config.load(stack), stack
