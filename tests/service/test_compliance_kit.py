"""Keeps the compliance kit honest: every module, env flag, make target, CI step
and policy named in compliance/*.csv exists, and every policy of the pack maps
to at least one control."""

from __future__ import annotations

import csv
import importlib.util
import re
from pathlib import Path

import pytest
import yaml

from safenow.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
COMPLIANCE = ROOT / "compliance"
FIXED_IDS = [f"SN-C{n:02d}" for n in range(1, 16)]


def _rows(name: str) -> list[dict[str, str]]:
    with open(COMPLIANCE / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _items(cell: str) -> list[str]:
    return [item.strip() for item in (cell or "").split(";") if item.strip()]


CONTROLS = _rows("controls.csv")
CONTROL_IDS = [row["control_id"] for row in CONTROLS]


def _documented_env_names() -> set[str]:
    text = (ROOT / "SafeNow.env.example").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Z][A-Z0-9_]*)=", text, flags=re.M))


def _read_by_code(name: str) -> bool:
    gunicorn_conf = (ROOT / "service" / "gunicorn.conf.py").read_text(encoding="utf-8")
    return name in Settings.model_fields or f'"{name}"' in gunicorn_conf


def _make_targets() -> set[str]:
    targets = set()
    for path in [ROOT / "Makefile", *sorted((ROOT / "mk").glob("*.mk"))]:
        targets |= set(re.findall(r"^([A-Za-z0-9_.-]+):", path.read_text(), flags=re.M))
    return targets


def _ci_step_names() -> set[str]:
    names = set()
    for workflow in (ROOT / ".github" / "workflows").glob("*.yml"):
        for job in (yaml.safe_load(workflow.read_text()).get("jobs") or {}).values():
            names |= {step["name"] for step in job.get("steps", []) if "name" in step}
    return names


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def test_control_ids_are_the_fixed_team_wide_set():
    assert CONTROL_IDS[: len(FIXED_IDS)] == FIXED_IDS
    assert len(set(CONTROL_IDS)) == len(CONTROL_IDS)
    assert all(re.fullmatch(r"SN-C\d{2}", cid) for cid in CONTROL_IDS)


@pytest.mark.parametrize("row", CONTROLS, ids=CONTROL_IDS)
def test_each_control_maps_to_every_framework_and_names_evidence(row):
    assert row["title"].strip()
    assert all(re.fullmatch(r"(CC\d\.\d|A1\.\d|C1\.\d|PI1\.\d)", c) for c in _items(row["soc2"]))
    assert any(c.startswith("CC") for c in _items(row["soc2"]))
    assert all(re.fullmatch(r"Art\. \d+(\(\d\)(\([a-f]\))?)?", a) for a in _items(row["gdpr"]))
    assert _items(row["gdpr"])
    assert _items(row["iso27001"])
    assert all(re.fullmatch(r"A\.[5-8]\.\d{1,2}", a) for a in _items(row["iso27001"]))
    assert row["evidence"].strip()
    # Enforced somewhere: code, a deploy-time policy or a CI step.
    assert _items(row["runtime_modules"]) or _items(row["policies"]) or _items(row["ci_steps"])


@pytest.mark.parametrize("row", CONTROLS, ids=CONTROL_IDS)
def test_named_modules_exist(row):
    missing = [m for m in _items(row["runtime_modules"]) if not _module_exists(m)]
    assert not missing, f"{row['control_id']} names modules that do not exist: {missing}"


@pytest.mark.parametrize("row", CONTROLS, ids=CONTROL_IDS)
def test_named_env_flags_exist_and_are_documented(row):
    documented = _documented_env_names()
    for flag in _items(row["env_flags"]):
        assert _read_by_code(flag), f"{row['control_id']}: nothing reads {flag}"
        assert flag in documented, f"{row['control_id']}: {flag} missing in SafeNow.env.example"


@pytest.mark.parametrize("row", CONTROLS, ids=CONTROL_IDS)
def test_named_make_targets_and_ci_steps_exist(row):
    targets, steps = _make_targets(), _ci_step_names()
    for step in _items(row["ci_steps"]):
        if step.startswith("make "):
            assert step.removeprefix("make ") in targets, f"{row['control_id']}: no target {step}"
        elif step.startswith("ci: "):
            assert step.removeprefix("ci: ") in steps, f"{row['control_id']}: no CI step {step}"
        else:
            pytest.fail(f"{row['control_id']}: ci step {step!r} is neither 'make X' nor 'ci: X'")


def _pack():
    if not (ROOT / "policies" / "safenow_policies" / "registry.py").exists():
        pytest.skip("policies/safenow_policies/registry.py does not exist yet (issue 7)")
    from safenow_policies.registry import ALL_POLICIES

    return ALL_POLICIES


def test_policy_names_in_the_csv_exist_in_the_pack_and_serve_that_control():
    by_name = {policy.name: policy for policy in _pack()}
    for row in CONTROLS:
        for name in _items(row["policies"]):
            assert name in by_name, f"{row['control_id']} names unknown policy {name!r}"
            assert row["control_id"] in by_name[name].control_ids, (
                f"{name} is listed under {row['control_id']} but does not declare it"
            )


def test_every_policy_of_the_pack_maps_to_a_known_control():
    for policy in _pack():
        assert policy.control_ids, f"{policy.name} maps to no control"
        unknown = set(policy.control_ids) - set(CONTROL_IDS)
        assert not unknown, f"{policy.name} maps to controls not in controls.csv: {unknown}"


def test_data_inventory_is_traceable():
    allowed = {"public", "internal", "confidential", "secret"}
    for row in _rows("data_inventory.csv"):
        assert row["classification"] in allowed, row["field"]
        assert row["personal_data"] in {"yes", "no", "possible"}, row["field"]
        assert row["retention"].strip() and row["stored_form"].strip(), row["field"]
        for module in _items(row["processed_by"]):
            assert _module_exists(module), f"{row['field']}: no module {module}"
        for cid in _items(row["controls"]):
            assert cid in CONTROL_IDS, f"{row['field']}: unknown control {cid}"


def test_retention_settings_exist_and_the_audit_default_matches():
    documented = _documented_env_names()
    rows = _rows("retention.csv")
    for row in rows:
        for flag in _items(row["setting"]):
            assert _read_by_code(flag) and flag in documented, f"{row['data']}: {flag}"
    audit = next(r for r in rows if r["data"] == "audit records")
    default = Settings.model_fields["AUDIT_RETENTION_DAYS"].default
    assert f"{default} days" in audit["retention"]


def test_the_playbook_covers_every_control():
    playbook = (ROOT / "docs" / "compliance_playbook.md").read_text(encoding="utf-8")
    missing = [cid for cid in CONTROL_IDS if cid not in playbook]
    assert not missing, f"docs/compliance_playbook.md never mentions {missing}"
