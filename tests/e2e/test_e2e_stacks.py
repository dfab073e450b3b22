"""Each stack through the real engine: preview with the policy pack, up in render mode.

For dev, staging and prod, from a copy of the committed Pulumi.<stack>.yaml:
`pulumi preview` with the CrossGuard pack and the stack's policy config has no
mandatory violation; `pulumi up` with the Kubernetes provider in render mode
writes one manifest per resource; those manifests are the ones the mock render
(`make render`) produces, field for field, and pass kubernetes-validate
--strict (the HTTPRoute, a CRD it does not know, the Gateway API v1 schema);
the state holds what was rendered, and a second preview finds nothing to do.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import jsonschema
import kubernetes_validate
import pytest
from e2e_engine import (
    Workspace,
    differences,
    mandatory_lines,
    mock_manifests,
    rendered_manifests,
    without_empty,
)
from pulumi import automation as auto

from safenow_infra.capture import run_stack
from safenow_infra.engine_runner import EngineError
from safenow_infra.envfile import REPO_ROOT

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(900)]

STACKS = ("dev", "staging", "prod")
ROUTE_SCHEMA = json.loads(
    (REPO_ROOT / "tests/infra/fixtures/httproute-v1.schema.json").read_text(encoding="utf-8")
)
PACK = "safenow-compliance"


@dataclass
class Deployed:
    stack: str
    workspace: Workspace
    preview_output: str
    preview_error: EngineError | None
    preview: auto.PreviewResult | None = None
    up: auto.UpResult | None = None


@pytest.fixture(scope="module", params=STACKS)
def deployed(request: pytest.FixtureRequest, workspace: Workspace) -> Deployed:
    """Preview (policy pack on) then, if it passed, up in render mode: once per stack."""
    stack = request.param
    runner = workspace.runner(stack)
    first = len(workspace.log)
    try:
        preview = runner.preview(stack)
    except EngineError as exc:
        return Deployed(stack, workspace, exc.output, exc)
    output = "\n".join(workspace.log[first:])
    up = runner.up(stack, f"e2e: first up of {stack}")
    return Deployed(stack, workspace, output, None, preview, up)


def test_preview_with_the_policy_pack_passes(deployed: Deployed) -> None:
    assert deployed.preview_error is None, deployed.preview_output
    output = deployed.preview_output
    assert PACK in output, f"the policy pack did not run:\n{output}"
    assert mandatory_lines(output) == []
    assert deployed.preview is not None
    assert deployed.preview.change_summary.get(auto.OpType.CREATE, 0) >= 10


def test_up_renders_what_the_mock_render_produces(deployed: Deployed) -> None:
    assert deployed.up is not None and deployed.up.summary.result == "succeeded"
    workspace, stack = deployed.workspace, deployed.stack
    engine = rendered_manifests(workspace.render_dir(stack))
    mock = mock_manifests(stack, workspace.config(stack))
    assert sorted(engine) == sorted(mock)
    assert {kind for kind, _ in engine} >= {"Deployment", "Service", "HorizontalPodAutoscaler"}
    problems = [
        f"{kind}/{name} {line}"
        for (kind, name), expected in mock.items()
        for line in differences(without_empty(expected), without_empty(engine[(kind, name)]))
    ]
    assert problems == []


def test_rendered_manifests_pass_strict_validation(deployed: Deployed) -> None:
    assert deployed.up is not None
    version = kubernetes_validate.latest_version()
    checked = routes = 0
    for (kind, name), document in rendered_manifests(
        deployed.workspace.render_dir(deployed.stack)
    ).items():
        if document["apiVersion"].startswith("gateway.networking.k8s.io/"):
            jsonschema.validate(document, ROUTE_SCHEMA, cls=jsonschema.Draft202012Validator)
            routes += 1
            continue
        try:
            kubernetes_validate.validate(document, version, strict=True)
        except kubernetes_validate.ValidationError as exc:
            pytest.fail(f"{kind}/{name} invalid for Kubernetes {version}: {exc.message}")
        checked += 1
    assert checked >= 9
    assert routes == (0 if deployed.stack == "dev" else 1)


def test_state_holds_the_rendered_resources_and_outputs(deployed: Deployed) -> None:
    assert deployed.up is not None
    workspace, stack = deployed.workspace, deployed.stack
    state = workspace.state(stack)
    kinds = sorted(
        (r["outputs"]["kind"], r["outputs"]["metadata"]["name"])
        for r in state["deployment"]["resources"]
        if r["type"].startswith("kubernetes:")
        and r.get("custom", True)
        and "outputs" in r
        and "kind" in r["outputs"]
    )
    assert kinds == sorted(rendered_manifests(workspace.render_dir(stack)))
    expected = {k: v for k, v in run_stack(stack).outputs.items() if v is not None}
    actual = {k: v.value for k, v in deployed.up.outputs.items()}
    assert actual == expected


def test_second_preview_finds_nothing_to_change(deployed: Deployed) -> None:
    assert deployed.up is not None
    runner = deployed.workspace.runner(deployed.stack)
    again = runner.stack(deployed.stack).preview(expect_no_changes=True)
    changes = {op: n for op, n in again.change_summary.items() if op != auto.OpType.SAME}
    assert changes == {}
