"""The checkov gate: which failures the docs accept, and the exit status it gives."""

from __future__ import annotations

from safenow_infra.checkov_gate import Finding, accepted_checks, failed_findings, gate
from safenow_infra.envfile import REPO_ROOT

DOC = REPO_ROOT / "docs" / "checkov.md"


def test_accepted_rows_apply_only_to_their_stacks():
    prod = accepted_checks(DOC, "prod")
    dev = accepted_checks(DOC, "dev")
    assert set(prod) == {"CKV_K8S_35"}
    assert set(dev) == {"CKV_K8S_35", "CKV_K8S_43"}
    assert all(len(reason) > 40 for reason in dev.values())


def test_row_without_reason_accepts_nothing(tmp_path, capsys):
    doc = tmp_path / "accepted.md"
    doc.write_text(
        "| Check | Stacks | Title | Reason |\n|---|---|---|---|\n| CKV_K8S_8 | all | x | |\n"
    )
    findings = [Finding("CKV_K8S_8", "Liveness Probe Should be Configured", "Deployment.a.b", "f")]
    assert gate(findings, 10, accepted_checks(doc, "prod")) == 1
    assert "FAILED   CKV_K8S_8 Deployment.a.b" in capsys.readouterr().out


def test_failed_findings_reads_checkov_json_shapes():
    single = {
        "check_type": "kubernetes",
        "results": {
            "passed_checks": [{"check_id": "CKV_K8S_8"}] * 3,
            "failed_checks": [
                {"check_id": "CKV_K8S_35", "check_name": "n", "resource": "r", "file_path": "p"}
            ],
        },
    }
    findings, passed = failed_findings(single)
    assert passed == 3 and findings == [Finding("CKV_K8S_35", "n", "r", "p")]
    findings, passed = failed_findings([single, single])
    assert passed == 6 and len(findings) == 2
    assert failed_findings({"passed": 0, "failed": 0}) == ([], 0)


def test_gate_passes_when_every_failure_is_accepted(capsys):
    findings = [Finding("CKV_K8S_35", "secrets as files", "Deployment.ns.safenow-stable", "f")]
    assert gate(findings, 181, accepted_checks(DOC, "prod")) == 0
    out = capsys.readouterr().out
    assert "checkov: 181 passed, 1 failed (1 accepted in docs, 0 not accepted)" in out
    assert gate([Finding("CKV_K8S_43", "digest", "Deployment.x", "f")], 1,
                accepted_checks(DOC, "prod")) == 1  # fmt: skip
