"""The real Pulumi engine for the end-to-end tests: where it is, a hermetic workspace, helpers.

A Workspace is one temporary, offline Pulumi setup: a copy of the repository's
Pulumi.yaml and Pulumi.<stack>.yaml files (the engine writes an encryption
salt into stack files at `stack init`, so the repository's own files are never
used), a `file://` backend, its own PULUMI_HOME, a passphrase secrets
provider, no kubeconfig, and the Kubernetes provider in render mode. The
environment is the one tools/pulumi-engine/env.sh sets up, read back from a
shell that sourced it, so the tests and people at a terminal use one recipe.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from safenow_infra.capture import apply_overrides, run_stack, stack_config
from safenow_infra.engine_runner import InlineRunner
from safenow_infra.envfile import REPO_ROOT
from safenow_infra.render import kubernetes_resources, manifest

ENGINE_DIR = REPO_ROOT / "tools" / "pulumi-engine"
# What a stack needs from the engine cache: the CLI and the provider that renders manifests.
REQUIRED_BINARIES = ("pulumi", "pulumi-resource-kubernetes")
REQUIRED_ENV = "SAFENOW_E2E_REQUIRED"


def engine_bin_dir() -> tuple[Path | None, str]:
    """The engine's bin dir if every binary is there, else None and the reason why not."""
    try:
        done = subprocess.run(
            [str(ENGINE_DIR / "build.sh"), "--print-bin-dir"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, f"tools/pulumi-engine/build.sh --print-bin-dir did not run: {exc}"
    if done.returncode != 0:
        return None, f"tools/pulumi-engine/build.sh --print-bin-dir failed: {done.stderr.strip()}"
    bin_dir = Path(done.stdout.strip().splitlines()[-1])
    missing = [name for name in REQUIRED_BINARIES if not os.access(bin_dir / name, os.X_OK)]
    if missing:
        return None, (
            f"the Pulumi engine is not built ({', '.join(missing)} missing in {bin_dir}); "
            "run `make engine` (or `make e2e`, which builds it)"
        )
    return bin_dir, ""


def offline_env(work: Path) -> dict[str, str]:
    """The whole environment after `source tools/pulumi-engine/env.sh <work>`."""
    script = 'source "$1" "$2" >&2 && env -0'
    done = subprocess.run(
        ["bash", "-c", script, "env.sh", str(ENGINE_DIR / "env.sh"), str(work)],
        capture_output=True,
        check=True,
    )
    pairs = (item.split("=", 1) for item in done.stdout.decode().split("\0") if "=" in item)
    return dict(pairs)


@dataclass
class Workspace:
    """A temporary project + backend + render dir, driven by the real engine."""

    root: Path
    bin_dir: Path
    env: dict[str, str] = field(init=False)
    log: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.project.mkdir(parents=True)
        for source in REPO_ROOT.glob("Pulumi*.yaml"):
            (self.project / source.name).write_bytes(source.read_bytes())
        # Pulumi.yaml says `main: infra/`; the CLI checks that it exists, even for inline programs.
        (self.project / "infra").symlink_to(REPO_ROOT / "infra")
        self.env = offline_env(self.root / "pulumi")
        # The Automation API merges this over os.environ, which may carry a KUBECONFIG:
        # point it at a file that does not exist, so any attempt to reach a cluster fails.
        self.env["KUBECONFIG"] = str(self.root / "no-kubeconfig")

    @property
    def project(self) -> Path:
        return self.root / "project"

    def render_dir(self, stack: str) -> Path:
        return self.root / "render" / stack

    def runner(self, stack: str) -> InlineRunner:
        return InlineRunner(
            project_dir=self.project,
            render_dir=self.render_dir(stack),
            pulumi_root=self.bin_dir.parent,
            env=self.env,
            on_output=self.log.append,
        )

    # --- the CLI and make, as a person would run them -----------------
    def run(self, argv: list[str], cwd: Path | None = None, **env: str) -> str:
        done = subprocess.run(
            argv,
            cwd=cwd or self.project,
            env={**self.env, **env},
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        self.log.append(f"$ {' '.join(argv)}\n{done.stdout}{done.stderr}")
        if done.returncode != 0:
            raise AssertionError(
                f"{' '.join(argv)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
            )
        return done.stdout

    def pulumi(self, *args: str) -> str:
        return self.run([str(self.bin_dir / "pulumi"), *args, "--non-interactive"])

    def config_set(self, stack: str, path: str, value: object) -> None:
        self.pulumi("config", "set", "--path", "--stack", stack, path, str(value))

    def config_rm(self, stack: str, path: str) -> None:
        self.pulumi("config", "rm", "--path", "--stack", stack, path)

    def make(self, target: str, **variables: str) -> str:
        """`make <target> VAR=value ...` in the repository, the canary ops on this workspace."""
        argv = ["make", "--no-print-directory", "-C", str(REPO_ROOT), target]
        argv += [f"{key}={value}" for key, value in variables.items()]
        return self.run(
            argv,
            cwd=REPO_ROOT,
            SAFENOW_PROJECT_DIR=str(self.project),
            SAFENOW_PULUMI_UP="inline",
            SAFENOW_LAST_GOOD_DIR=str(self.root / "last-good"),
        )

    # --- what the stack holds -------------------------------------------
    def config(self, stack: str) -> dict[str, Any]:
        """The `config:` map of this workspace's Pulumi.<stack>.yaml."""
        return stack_config(stack, self.project)

    def state(self, stack: str) -> dict[str, Any]:
        """`pulumi stack export`: the checkpoint the backend holds."""
        return json.loads(self.pulumi("stack", "export", "--stack", stack))

    def history(self, stack: str) -> list[dict[str, Any]]:
        """`pulumi stack history --json`, newest first."""
        return json.loads(self.pulumi("stack", "history", "--json", "--stack", stack))


# --- manifests ---------------------------------------------------------------
def rendered_manifests(directory: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """(kind, name) -> object for every document the provider rendered under `directory`."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for path in sorted(directory.rglob("*.yaml")):
        for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if document:
                key = (document["kind"], document["metadata"]["name"])
                assert key not in found, f"{key} rendered twice"
                found[key] = document
    return found


def render_snapshot(directory: Path) -> dict[str, bytes]:
    files = sorted(p for p in directory.rglob("*") if p.is_file())
    return {str(p.relative_to(directory)): p.read_bytes() for p in files}


def mock_manifests(stack: str, config: Mapping[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    """What `make render` produces (the program under mocks) for `stack` with `config`."""
    base = stack_config(stack)
    overrides: dict[str, object] = {key: None for key in base if key not in config}
    overrides.update({k: v for k, v in config.items() if k.startswith("safenow:")})
    assert apply_overrides(base, overrides) == {
        k: v for k, v in config.items() if k.startswith("safenow:")
    }
    resources = kubernetes_resources(run_stack(stack, overrides).resources)
    return {(m["kind"], m["metadata"]["name"]): m for m in map(manifest, resources)}


def without_empty(value: Any) -> Any:
    """Drop empty lists and maps: the provider leaves them out of what it writes.

    An empty `egress: []` next to `policyTypes: [Egress]` and an absent `egress`
    mean the same to the API server (deny all), so this loses nothing.
    """
    if isinstance(value, dict):
        kept = {k: without_empty(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in ({}, [])}
    if isinstance(value, list):
        return [without_empty(v) for v in value]
    return value


def differences(expected: Any, actual: Any, path: str = "") -> Iterator[str]:
    """Where two manifests differ, as readable lines (empty when they are equal)."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in sorted(set(expected) | set(actual)):
            where = f"{path}.{key}" if path else key
            if key not in actual:
                yield f"{where}: missing from the engine's render"
            elif key not in expected:
                yield f"{where}: only in the engine's render ({actual[key]!r:.80})"
            else:
                yield from differences(expected[key], actual[key], where)
    elif isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        for index, (a, b) in enumerate(zip(expected, actual, strict=True)):
            yield from differences(a, b, f"{path}[{index}]")
    elif expected != actual:
        yield f"{path}: mock {expected!r:.80} != engine {actual!r:.80}"


def mandatory_lines(output: str) -> list[tuple[str, str]]:
    """(policy, the line after its description) for each `[mandatory]` entry in CLI output.

    The CLI prints each violation as a `- [mandatory]  <policy>  (<resource>)` line,
    the policy's description on the next line and the violation text on the one after.
    """
    lines = [line.strip() for line in output.splitlines()]
    found = []
    for index, line in enumerate(lines):
        if line.startswith("- [mandatory]"):
            policy = line.removeprefix("- [mandatory]").split()[0]
            found.append((policy, " ".join(lines[index + 1 : index + 3])))
    return found


def resource_views(state: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """(URN, outputs) of every resource in an exported checkpoint, in state order."""
    resources: Iterable[Mapping[str, Any]] = state["deployment"].get("resources") or []
    return [(r["urn"], r.get("outputs")) for r in resources]


def state_resource(state: Mapping[str, Any], type_token: str, name: str) -> Mapping[str, Any]:
    matches = [
        r
        for r in state["deployment"].get("resources") or []
        if r["type"] == type_token and r["urn"].endswith(f"::{name}")
    ]
    assert len(matches) == 1, f"expected one {type_token} {name} in the state, got {len(matches)}"
    return matches[0]
