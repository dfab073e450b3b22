"""The pack's metadata, its per-stack config, its generated docs and its make targets."""

from __future__ import annotations

import csv
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from safenow_policies import docs, pack_config
from safenow_policies.model import CONTROL_IDS, STACKS, SafeNowPolicy, spec_level
from safenow_policies.registry import ALL_POLICIES, CHECK_ROWS, DECLINED, policies_for_row

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "policies.md"


def test_pack_layout_is_what_the_cli_loads():
    manifest = yaml.safe_load((REPO / "policies" / "PulumiPolicy.yaml").read_text())
    assert manifest["runtime"] == "python"
    assert re.fullmatch(r"\d+\.\d+\.\d+", str(manifest["version"]))
    main = (REPO / "policies" / "__main__.py").read_text()
    assert 'PolicyPack("safenow-compliance"' in main
    assert "def " not in main and "class " not in main  # assembles only
    requirements = (REPO / "policies" / "requirements.txt").read_text()
    assert "pulumi-policy" in requirements


@pytest.mark.parametrize("policy", ALL_POLICIES, ids=lambda p: p.name)
def test_policy_metadata_is_complete(policy: SafeNowPolicy):
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", policy.name)
    assert len(policy.description) >= 100, "say what and why"
    assert len(policy.remediation) >= 30
    assert policy.control_ids and set(policy.control_ids) <= set(CONTROL_IDS)
    assert policy.default_level in ("M", "A", "M-prod")
    assert policy.rows and set(policy.rows) <= set(CHECK_ROWS)
    # Prod is strict: always the level policy-checks.md gives.
    assert policy.level("prod") == spec_level(policy.default_level, "prod")
    assert policy.policy.enforcement_level == policy.level("prod")


def test_every_row_of_policy_checks_is_covered_or_declined():
    for row in CHECK_ROWS:
        assert policies_for_row(row) or row in DECLINED, f"row {row}"


def test_levels_follow_policy_checks_except_documented_departures():
    for policy in ALL_POLICIES:
        for stack in STACKS:
            expected = spec_level(policy.default_level, stack).value
            actual = policy.level(stack).value
            if actual != expected:
                assert stack != "prod"
                assert policy.stack_note, policy.name


def test_only_safe_rules_remediate():
    fixable = {p.name for p in ALL_POLICIES if p.fix is not None}
    assert fixable == {"no-service-account-token-automount"}


@pytest.mark.parametrize("stack", STACKS)
def test_config_file_matches_the_rules(stack):
    assert pack_config.load(stack) == pack_config.pack_config(stack)
    assert pack_config.config_path(stack).read_text() == pack_config.render(stack)


def test_unknown_stack_is_refused_with_the_allowed_ones():
    with pytest.raises(ValueError, match="allowed: dev, staging, prod"):
        pack_config.config_path("qa")


def test_docs_are_generated_from_the_rules():
    assert DOC.read_text(encoding="utf-8") == docs.render(), "run `make policy-docs`"


def test_docs_describe_every_policy():
    text = DOC.read_text(encoding="utf-8")
    for policy in ALL_POLICIES:
        section = text.split(f"### `{policy.name}`", 1)[1].split("\n### ", 1)[0]
        assert policy.example_message in section
        assert ", ".join(policy.control_ids) in section
        for stack in STACKS:
            assert f"{stack} {policy.level(stack).value}" in section
        for parameter in policy.parameters:
            assert f"`{parameter}`" in section


@pytest.mark.parametrize("stack", STACKS)
def test_make_policy_report_prints_each_policy(stack):
    result = subprocess.run(
        ["make", "--no-print-directory", "policy-report", f"STACK={stack}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for policy in ALL_POLICIES:
        row = next(line for line in lines if line.startswith(policy.name + " "))
        assert policy.level(stack).value in row
    assert lines[-1].startswith("OK: 0 mandatory")


def test_policy_report_refuses_an_unknown_stack():
    result = subprocess.run(
        ["make", "--no-print-directory", "policy-report", "STACK=qa"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "invalid choice: 'qa'" in result.stderr


def test_controls_csv_names_exactly_the_policies_serving_each_control():
    """compliance/controls.csv's `policies` column and the rules' control ids agree both ways."""
    with (REPO / "compliance" / "controls.csv").open(encoding="utf-8") as handle:
        rows = {row["control_id"]: row for row in csv.DictReader(handle)}
    assert set(rows) == set(CONTROL_IDS)
    for control, row in rows.items():
        listed = [name for name in row["policies"].split(";") if name]
        serving = [p.name for p in ALL_POLICIES if control in p.control_ids]
        assert sorted(listed) == sorted(serving), control
