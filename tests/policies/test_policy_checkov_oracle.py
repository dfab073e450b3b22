"""Checkov as an independent oracle: whatever it fails, the pack reports too.

For each stack and each seeded bad variant, the resources are rendered to YAML
(safenow_infra.render, as `make render` does), Checkov scans them, and every
failed check must be answered by the pack, on the same resource, through a
policy the mapping table (safenow_policies.checkov_map, rendered in
docs/policies.md) names for it.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from policy_variants import VARIANTS

from safenow_infra.capture import capture_stack, stack_config
from safenow_infra.render import file_name, kubernetes_resources, write_render
from safenow_policies import pack_config
from safenow_policies.checkov_map import CHECKOV_MAP
from safenow_policies.model import STACKS

REPO = Path(__file__).resolve().parents[2]
CHECKOV_VENV = REPO / ".venv-checkov"
CHECKOV_PYTHON = CHECKOV_VENV / "bin" / "python"
SCAN = Path(__file__).with_name("checkov_scan.py")
CHECKOV_ENV = {**os.environ, "CKV_SKIP_PACKAGE_UPDATE_CHECK": "true", "BC_SKIP_MAPPING": "TRUE"}


@pytest.fixture(scope="module")
def checkov_python() -> Path:
    """Checkov's own virtualenv, made by the infra part's `make checkov-venv` when missing."""
    if not (CHECKOV_VENV / "bin" / "checkov").exists():
        subprocess.run(["make", "checkov-venv"], cwd=REPO, check=True)
    return CHECKOV_PYTHON


def _cases():
    for stack in STACKS:
        yield f"base-{stack}", stack, capture_stack(stack), stack_config(stack)
    for variant in VARIANTS:
        yield variant.id, variant.stack, variant.resources(), variant.config()


def test_mapping_covers_every_checkov_kubernetes_check(checkov_python):
    listing = subprocess.run(
        [str(CHECKOV_VENV / "bin" / "checkov"), "--list", "--framework", "kubernetes"],
        capture_output=True,
        text=True,
        check=True,
        env=CHECKOV_ENV,
    ).stdout
    ids = {
        cell.strip()
        for line in listing.splitlines()
        for cell in line.split("|")
        if cell.strip().startswith(("CKV_K8S_", "CKV2_K8S_"))
    }
    assert len(ids) > 100
    assert ids == set(CHECKOV_MAP)


@dataclass
class Scanned:
    stack: str
    resources: list[Any]
    config: dict[str, Any]
    urn_of_file: dict[str, str]
    failed: list[tuple[str, str, str]]  # check id, Checkov's resource id, file


@pytest.fixture(scope="module")
def scanned(checkov_python, tmp_path_factory) -> dict[str, Scanned]:
    """Every stack and variant rendered and scanned by Checkov, by case id."""
    root = tmp_path_factory.mktemp("checkov")
    cases: dict[str, Scanned] = {}
    for case_id, stack, resources, config in _cases():
        write_render(resources, root / case_id)
        urn_of_file = {file_name(r): r.urn for r in kubernetes_resources(resources)}
        cases[case_id] = Scanned(stack, resources, config, urn_of_file, [])
    scan = subprocess.run(
        [str(checkov_python), str(SCAN), *(str(root / case_id) for case_id in cases)],
        capture_output=True,
        text=True,
        check=True,
        env=CHECKOV_ENV,
        timeout=600,
    )
    for folder, failed in json.loads(scan.stdout).items():
        cases[Path(folder).name].failed = [tuple(f) for f in failed]
    return cases


def unanswered(scanned: dict[str, Scanned], evaluate, policy_config=None):
    """Checkov failures the pack did not report (or that map to no policy), and the matches."""
    missed, unmapped, matched = [], [], set()
    for case_id, case in scanned.items():
        configs = None if policy_config is None else policy_config(case.stack)
        evaluation = evaluate(case.stack, case.resources, case.config, configs)
        reported = {(d.policy, d.urn) for d in evaluation.diagnostics}
        for check_id, resource, file in case.failed:
            mapping = CHECKOV_MAP.get(check_id)
            where = f"{case_id}: {check_id} on {resource}"
            if mapping is None or not mapping.policies:
                unmapped.append(where)
            elif any((p, case.urn_of_file[file]) in reported for p in mapping.policies):
                matched.add(check_id)
            else:
                missed.append(f"{where} (expected {', '.join(mapping.policies)})")
    return missed, unmapped, matched


@pytest.mark.slow
def test_every_checkov_failure_is_reported_by_the_pack(scanned, evaluate):
    missed, unmapped, matched = unanswered(scanned, evaluate)
    assert unmapped == []
    assert missed == []
    # The variants make Checkov fail a broad set of checks; a narrow set means the
    # render or the scan silently broke.
    assert len(matched) >= 25, sorted(matched)
    print(f"checkov checks failed and reported by the pack: {sorted(matched)}")


@pytest.mark.slow
def test_the_oracle_notices_a_missing_policy(scanned, evaluate):
    """Disable one mapped policy: the cross-check must now report Checkov findings as missed."""

    def without_capabilities(stack: str) -> dict[str, Any]:
        config = pack_config.load(stack)
        config["drop-all-capabilities"] = {
            **config["drop-all-capabilities"],
            "enforcementLevel": "disabled",
        }
        return config

    missed, _, matched = unanswered(scanned, evaluate, without_capabilities)
    assert missed
    assert all("drop-all-capabilities" in m for m in missed)
    assert {"CKV_K8S_25", "CKV_K8S_28", "CKV_K8S_37", "CKV_K8S_39"}.isdisjoint(matched)


@pytest.mark.slow
def test_scan_driver_agrees_with_the_checkov_cli(checkov_python, tmp_path):
    folder = tmp_path / "dev"
    write_render(capture_stack("dev"), folder)
    driver = json.loads(
        subprocess.run(
            [str(checkov_python), str(SCAN), str(folder)],
            capture_output=True,
            text=True,
            check=True,
            env=CHECKOV_ENV,
        ).stdout
    )[str(folder)]
    cli = subprocess.run(
        [
            str(CHECKOV_VENV / "bin" / "checkov"),
            "-d",
            str(folder),
            "--framework",
            "kubernetes",
            "-o",
            "json",
            "--quiet",
            "--compact",
            "--skip-download",
        ],
        capture_output=True,
        text=True,
        env=CHECKOV_ENV,
    )
    report = json.loads(cli.stdout)
    from_cli = sorted(
        (c["check_id"], c["resource"], Path(c["file_path"]).name)
        for c in report["results"]["failed_checks"]
    )
    assert sorted(tuple(f) for f in driver) == from_cli
    assert from_cli, "dev's tag-only images fail CKV_K8S_43; an empty result means a broken scan"
