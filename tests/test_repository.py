"""Checks on the repository itself: layout, workflow lint, image contents, docs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from safenow.settings import Settings

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "path",
    [
        "infra",
        "service",
        "policies",
        "tests",
        "docs",
        "compliance",
        ".github/workflows/ci.yml",
        "Pulumi.yaml",
        "Pulumi.dev.yaml",
        "Makefile",
        "ARCHITECTURE.md",
        "SafeNow.env.example",
        "README.md",
        "CONTRIBUTING.md",
        ".ci/run",
        "service/Dockerfile",
    ],
)
def test_layout(path):
    assert (REPO / path).exists(), f"{path} is missing"


def test_every_setting_is_documented_with_its_default():
    example = (REPO / "SafeNow.env.example").read_text()
    documented = dict(re.findall(r"^([A-Z][A-Z0-9_]+)=(.*)$", example, re.MULTILINE))
    missing = [name for name in Settings.model_fields if name not in documented]
    assert not missing, f"not in SafeNow.env.example: {missing}"
    for name, field in Settings.model_fields.items():
        default = field.default
        if isinstance(default, bool):
            expected = str(default).lower()
        elif isinstance(default, Path):
            expected = str(default) if str(default).startswith("/") else f"./{default}"
        elif isinstance(default, float):
            assert float(documented[name]) == default, f"{name}: example says {documented[name]!r}"
            continue
        else:
            expected = str(default)
        assert documented[name] == expected, f"{name}: example says {documented[name]!r}"


def test_workflow_passes_actionlint():
    binary = os.environ.get("ACTIONLINT") or shutil.which("actionlint")
    assert binary and Path(binary).exists(), "actionlint missing: `make actionlint` builds it"
    result = subprocess.run(
        [binary, str(REPO / ".github/workflows/ci.yml")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_service_image_holds_no_pulumi_and_runs_unprivileged():
    project = tomllib.loads((REPO / "service/pyproject.toml").read_text())
    dependencies = " ".join(project["project"]["dependencies"]).lower()
    assert "pulumi" not in dependencies
    dockerfile = (REPO / "service/Dockerfile").read_text()
    runtime = dockerfile.split("AS runtime", 1)[1]
    assert re.search(r"^USER 10001:10001$", runtime, re.MULTILINE)
    assert "HEALTHCHECK" in runtime
    # Only the built virtualenv and the gunicorn config cross into the runtime stage.
    copies = re.findall(r"^COPY (.*)$", runtime, re.MULTILINE)
    assert all(c.startswith("--from=build ") for c in copies), copies


def test_readme_opens_with_the_two_commands():
    readme = (REPO / "README.md").read_text()
    first_block = re.search(r"```(?:sh|bash|console)?\n(.*?)```", readme, re.DOTALL)
    assert first_block, "README has no command block"
    commands = [line for line in first_block.group(1).splitlines() if line.strip()]
    assert commands == ["make run", "make test"]


def test_ci_runs_the_readme_test_command():
    assert "make test" in (REPO / ".ci/run").read_text()
