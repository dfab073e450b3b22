"""`make checkov`: run checkov offline on a render and fail on any unaccepted finding.

Checkov is the independent oracle for the rendered manifests. A failed check
passes the gate only when docs/checkov.md lists its id in the accepted table
with a reason; the gate prints every failure with its verdict, the counts,
and exits 1 if any failure is not accepted (or an accepted entry has no
reason). Checkov itself runs from its own virtualenv (.venv-checkov).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

_ROW = re.compile(r"^\|\s*(?P<id>CKV2?_[A-Z0-9]+_\d+)\s*\|(?P<rest>.*)\|\s*$")


@dataclass(frozen=True)
class Finding:
    check_id: str
    name: str
    resource: str
    file: str


def accepted_checks(doc: Path, stack: str) -> dict[str, str]:
    """Check id -> reason for `stack`, from rows `| CKV_... | stacks | title | reason |`.

    The stacks cell is a comma-separated list of stack names or `all`.
    """
    accepted: dict[str, str] = {}
    for line in doc.read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line.strip())
        if not match:
            continue
        cells = [cell.strip() for cell in match.group("rest").split("|")]
        if len(cells) < 3:
            continue
        stacks = {part.strip() for part in cells[0].split(",")}
        if "all" in stacks or stack in stacks:
            accepted[match.group("id")] = cells[-1]
    return accepted


def failed_findings(report: object) -> tuple[list[Finding], int]:
    """Failed checks and the number of passed ones from checkov's JSON output."""
    reports = report if isinstance(report, list) else [report]
    failed: list[Finding] = []
    passed = 0
    for item in reports:
        if not isinstance(item, dict) or "results" not in item:
            continue  # checkov prints a bare summary when nothing was scanned
        results = item["results"]
        passed += len(results.get("passed_checks", []))
        failed.extend(
            Finding(
                c["check_id"],
                c.get("check_name", ""),
                c.get("resource", ""),
                c.get("file_path", ""),
            )
            for c in results.get("failed_checks", [])
        )
    return failed, passed


def run_checkov(checkov: str, directory: Path) -> object:
    env = {**os.environ, "CKV_SKIP_PACKAGE_UPDATE_CHECK": "true"}
    done = subprocess.run(
        [checkov, "-d", str(directory), "--framework", "kubernetes", "--skip-download",
         "--output", "json"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    if done.returncode not in (0, 1):  # 1 means "some check failed"
        raise RuntimeError(f"checkov exited {done.returncode}: {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout)


def gate(findings: list[Finding], passed: int, accepted: dict[str, str]) -> int:
    unaccepted = 0
    explained: set[str] = set()
    for finding in findings:
        reason = accepted.get(finding.check_id, "")
        verdict = "ACCEPTED" if reason else "FAILED"
        unaccepted += not reason
        print(f"{verdict:8} {finding.check_id} {finding.resource} ({finding.name})")
        if reason and finding.check_id not in explained:
            explained.add(finding.check_id)
            print(f"         reason (docs/checkov.md): {reason[:160]}...")
    print(
        f"checkov: {passed} passed, {len(findings)} failed "
        f"({len(findings) - unaccepted} accepted in docs, {unaccepted} not accepted)"
    )
    return 1 if unaccepted else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkov", required=True, help="path to the checkov executable")
    parser.add_argument("--dir", required=True, type=Path, help="rendered manifests")
    parser.add_argument("--accepted", required=True, type=Path, help="docs/checkov.md")
    parser.add_argument("--stack", required=True, help="whose accepted findings apply")
    args = parser.parse_args(argv)
    if not list(args.dir.glob("*.yaml")):
        print(f"checkov: no manifests in {args.dir}; run make render first", file=sys.stderr)
        return 2
    findings, passed = failed_findings(run_checkov(args.checkov, args.dir))
    return gate(findings, passed, accepted_checks(args.accepted, args.stack))


if __name__ == "__main__":
    sys.exit(main())
