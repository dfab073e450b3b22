"""Run Checkov's Kubernetes runner on several folders, each on its own (Checkov's venv).

Run with .venv-checkov/bin/python, not the project's: `checkov_scan.py DIR...`.
One Checkov process scans every folder separately, so graph checks (a
NetworkPolicy selecting pods) never connect resources of two different
variants, without paying Checkov's start-up once per folder. Prints JSON:
{folder: [[check_id, resource, file name], ...]} for the failed checks.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path


def main(folders: list[str]) -> None:
    logging.disable(logging.WARNING)
    from checkov.kubernetes.runner import Runner
    from checkov.runner_filter import RunnerFilter

    results: dict[str, list[list[str]]] = {}
    for folder in folders:
        report = Runner().run(
            root_folder=folder,
            runner_filter=RunnerFilter(framework=["kubernetes"], download_external_modules=False),
        )
        results[folder] = [
            [record.check_id, record.resource, Path(record.file_path).name]
            for record in report.failed_checks
        ]
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
