"""A violation seeded through stack config stops preview and up in the real engine.

Each case first brings the stack up as committed, then changes one stack config
value that the program accepts but a mandatory policy refuses. `pulumi
preview --policy-pack` must fail and name each violated policy with its
message; `pulumi up` must fail the same way before touching anything: the
checkpoint's resources, the rendered manifests and the last successful
update stay as they were. The expected violations are not written here: the
pack itself says what it finds, through the harness that drives it like the
engine (policies/safenow_policies/harness.py) on the mock-captured resources
of the same config, and the engine's report must name the same policies with
the same messages.

`latest` tags and missing memory limits never reach the pack: the program's
typed config refuses them first (infra/safenow_infra/config.py); the last test
shows that refusal through the engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from e2e_engine import Workspace, mandatory_lines, render_snapshot, resource_views

from safenow_infra.capture import apply_overrides, capture_stack
from safenow_infra.engine_runner import EngineError
from safenow_policies import pack_config
from safenow_policies.harness import evaluate_stack

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(900)]

CASES = {
    # Any lowercase repository passes the config; the pack allows only SafeNow's registry.
    "foreign-registry": ("dev", {"safenow:image.repository": "docker.io/someone/safenow"}),
    # The stack raises its own cap to 50 %; prod's policy config caps the canary at 25 %.
    "canary-above-policy-cap": (
        "prod",
        {"safenow:canary.maxWeight": 50, "safenow:canary.weight": 50},
    ),
}


@pytest.fixture(scope="module")
def baselines(workspace: Workspace) -> dict[str, bool]:
    """Stacks already brought up in this module's workspace."""
    return {}


@pytest.fixture
def baseline(workspace: Workspace, baselines: dict[str, bool]):
    def up(stack: str) -> None:
        if stack not in baselines:
            workspace.runner(stack).up(stack, f"e2e: baseline {stack}")
            baselines[stack] = True

    return up


@pytest.fixture
def seeded(workspace: Workspace) -> Iterator[Callable[[str, dict[str, object]], None]]:
    """Apply config overrides to the workspace stack; put the committed values back after."""
    applied: list[tuple[str, str, object]] = []

    def seed(stack: str, overrides: dict[str, object]) -> None:
        before = workspace.config(stack)
        for path, value in overrides.items():
            key, _, rest = path.partition(".")
            original = before.get(key)
            for part in rest.split("."):
                original = original.get(part) if isinstance(original, dict) else None
            applied.append((stack, path, original))
            workspace.config_set(stack, path, value)

    yield seed
    for stack, path, original in reversed(applied):
        if original is None:
            workspace.config_rm(stack, path)
        else:
            workspace.config_set(stack, path, original)


def expected_violations(stack: str, overrides: dict[str, object]) -> set[tuple[str, str]]:
    """(policy, violation text) of every mandatory finding, as the pack reports it."""
    from safenow_infra.capture import stack_config

    evaluation = evaluate_stack(
        stack,
        capture_stack(stack, overrides),
        apply_overrides(stack_config(stack), overrides),
        pack_config.load(stack),
    )
    return {(d.policy, d.violation) for d in evaluation.mandatory}


def assert_reported(output: str, expected: set[tuple[str, str]]) -> None:
    reported = mandatory_lines(output)
    assert {policy for policy, _ in reported} == {policy for policy, _ in expected}, output
    for policy, violation in expected:
        assert any(p == policy and violation in text for p, text in reported), (
            f"{policy}: {violation!r} not in the engine's report:\n{output}"
        )


@pytest.mark.parametrize("case", sorted(CASES))
def test_seeded_violation_fails_preview_and_up(workspace, baseline, seeded, case) -> None:
    stack, overrides = CASES[case]
    expected = expected_violations(stack, overrides)
    assert expected, f"the pack finds nothing mandatory in {overrides}; the case tests nothing"
    baseline(stack)
    state_before = resource_views(workspace.state(stack))
    render_before = render_snapshot(workspace.render_dir(stack))
    history_before = workspace.history(stack)

    seeded(stack, overrides)
    runner = workspace.runner(stack)
    with pytest.raises(EngineError) as preview:
        runner.preview(stack)
    assert_reported(preview.value.output, expected)
    assert "❌ safenow-compliance" in preview.value.output

    with pytest.raises(EngineError) as up:
        runner.up(stack, f"e2e: seeded {case}")
    assert_reported(up.value.output, expected)

    assert resource_views(workspace.state(stack)) == state_before
    assert render_snapshot(workspace.render_dir(stack)) == render_before
    assert workspace.history(stack) == history_before  # no update was even started


def test_latest_tag_is_refused_by_the_program_before_the_pack(workspace, seeded) -> None:
    seeded("dev", {"safenow:image.tag": "latest"})
    with pytest.raises(EngineError) as preview:
        workspace.runner("dev").preview("dev")
    output = preview.value.output
    assert "safenow:image.tag" in output
    assert "'latest' is not a pinned tag" in output
    assert mandatory_lines(output) == []
