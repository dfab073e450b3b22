"""`make canary`, `make promote`, `make rollback`: the canary, operated per stack.

Each command is a short sequence of `pulumi config set` / `pulumi config rm`
and `pulumi up` calls on one stack, preceded by checks that refuse to run on
an unknown stack, an out-of-range weight or an image the stack would reject.
The Pulumi CLI is reached only through a CommandRunner, so the sequences are
tested without one; the real runner shells out to `pulumi` (or $PULUMI_BIN).

The `pulumi up` step is pluggable (CanaryOps.up): with SAFENOW_PULUMI_UP=inline
it runs through the Automation API (safenow_infra.engine_runner) instead, for
machines whose Pulumi CLI has no Python language plugin; the `pulumi config`
steps still use the CLI. SAFENOW_PROJECT_DIR names the directory holding
Pulumi.yaml and the stack files (default: the repository).

The last good configuration is recorded after every successful promote in
`<state dir>/<stack>.json` (default var/last-good, $SAFENOW_LAST_GOOD_DIR),
in the format `pulumi config --json` prints, and `rollback --to-last-good`
puts it back with `pulumi config set-all --json`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from safenow_infra.capture import known_stacks
from safenow_infra.envfile import REPO_ROOT
from safenow_infra.imageref import parse_image

CANARY = "safenow:canary"
IMAGE = "safenow:image"


class OpsError(RuntimeError):
    """A refusal or a failed step; the message says which and why."""


class CommandRunner(Protocol):
    def __call__(self, argv: Sequence[str]) -> str:
        """Run `pulumi <argv...>`; return stdout or raise OpsError."""


class UpStep(Protocol):
    def __call__(self, stack: str, message: str) -> None:
        """Bring `stack` to its current config (what `pulumi up` does) or raise OpsError."""


@dataclass
class PulumiCli:
    """Runs the real Pulumi CLI in the project directory."""

    binary: str = os.environ.get("PULUMI_BIN", "pulumi")
    cwd: Path = REPO_ROOT

    def __call__(self, argv: Sequence[str]) -> str:
        command = [self.binary, *argv, "--non-interactive"]
        try:
            done = subprocess.run(
                command, cwd=self.cwd, capture_output=True, text=True, check=False
            )
        except FileNotFoundError:
            raise OpsError(
                f"Pulumi CLI {self.binary!r} not found; put it on PATH or set PULUMI_BIN"
            ) from None
        if done.returncode != 0:
            raise OpsError(
                f"`pulumi {' '.join(argv)}` failed (exit {done.returncode}):\n"
                f"{done.stderr.strip() or done.stdout.strip()}"
            )
        return done.stdout


@dataclass
class CanaryOps:
    stack: str
    run: CommandRunner
    last_good_dir: Path
    log: Callable[[str], None] = print
    # None: `pulumi up` through `run`; otherwise this step replaces it.
    up: UpStep | None = None

    def __post_init__(self) -> None:
        stacks = known_stacks()
        if self.stack not in stacks:
            raise OpsError(
                f"unknown stack {self.stack!r}; known stacks: {', '.join(stacks)} "
                "(one Pulumi.<stack>.yaml each)"
            )

    # --- reading the stack's config ----------------------------------
    def config(self) -> dict[str, Any]:
        """The stack's config as `pulumi config --json` prints it."""
        return json.loads(self.run(["config", "--json", "--stack", self.stack]) or "{}")

    def _object(self, config: dict[str, Any], key: str) -> dict[str, Any]:
        entry = config.get(key)
        if entry is None:
            raise OpsError(f"stack {self.stack} has no {key}; see docs/canary.md")
        value = entry.get("objectValue")
        if not isinstance(value, dict):
            shown = entry.get("value")
            raise OpsError(f"stack {self.stack}: {key} must be an object, got {shown!r}")
        return value

    # --- steps ---------------------------------------------------------
    def _set(self, path: str, value: object) -> None:
        self.run(["config", "set", "--path", "--stack", self.stack, path, str(value)])

    def _remove(self, path: str) -> None:
        self.run(["config", "rm", "--path", "--stack", self.stack, path])

    def _up(self, why: str) -> None:
        self.log(f"[{self.stack}] pulumi up: {why}")
        if self.up is not None:
            self.up(self.stack, why)
            return
        # No --skip-preview: the preview runs the policy pack over the whole
        # change first, so a mandatory violation stops the update before any
        # resource (or stack output) is touched.
        self.run(["up", "--yes", "--stack", self.stack, "--message", why])

    # --- commands ------------------------------------------------------
    def canary(self, image: str, weight: int) -> None:
        """Deploy `image` as the canary and send it `weight` % of the traffic."""
        canary = self._object(self.config(), CANARY)
        cap = int(canary.get("maxWeight", 0))
        if not 0 <= weight <= cap:
            raise OpsError(
                f"weight {weight} is out of range for stack {self.stack}: allowed 0..{cap} "
                f"(safenow:canary.maxWeight); promote to go to 100"
            )
        try:
            ref = parse_image(image)
        except ValueError as exc:
            raise OpsError(f"IMAGE: {exc}") from None
        if self.stack == "prod" and not ref.pinned:
            raise OpsError(f"prod deploys images pinned by digest; {image!r} has no @sha256:")
        steps = canary.get("steps") or []
        if weight and weight not in steps:
            self.log(f"[{self.stack}] note: {weight} is not one of the planned steps {steps}")
        self._set(f"{CANARY}.image", str(ref))
        self._set(f"{CANARY}.weight", weight)
        self._up(f"canary {ref} at {weight}%")

    def promote(self) -> None:
        """Canary image becomes stable, then the canary is removed; records last good."""
        canary = self._object(self.config(), CANARY)
        image = canary.get("image")
        if not image:
            raise OpsError(f"stack {self.stack} has no canary image to promote")
        ref = parse_image(str(image))
        # Roll the stable track first, while the canary still serves its share,
        # so that capacity never drops; only then take the canary away.
        self._set(f"{IMAGE}.repository", ref.repository)
        for part in ("tag", "digest"):
            value = getattr(ref, part)
            if value:
                self._set(f"{IMAGE}.{part}", value)
            elif part in self._object(self.config(), IMAGE):
                self._remove(f"{IMAGE}.{part}")
        self._up(f"promote {ref} to stable")
        self._set(f"{CANARY}.weight", 0)
        self._remove(f"{CANARY}.image")
        self._up(f"remove canary after promoting {ref}")
        self.record_last_good()

    def rollback(self, to_last_good: bool = False) -> None:
        """Weight 0 at once; with to_last_good, the config of the last promote back."""
        if not to_last_good:
            self._set(f"{CANARY}.weight", 0)
            self._up("rollback: canary weight 0")
            return
        recorded = self.load_last_good()
        current = self.config()
        restorable = {k: v for k, v in recorded.items() if not v.get("secret")}
        self.run(["config", "set-all", "--stack", self.stack, "--json", json.dumps(restorable)])
        for key in sorted(set(current) - set(recorded)):
            self.run(["config", "rm", "--stack", self.stack, key])
        self._up("rollback to the last good config")

    # --- the last good record -------------------------------------------
    @property
    def last_good_path(self) -> Path:
        return self.last_good_dir / f"{self.stack}.json"

    def record_last_good(self) -> Path:
        config = self.config()
        record = {
            "stack": self.stack,
            "recordedAt": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "config": config,
        }
        self.last_good_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.last_good_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        tmp.replace(self.last_good_path)  # never a half-written record
        self.log(f"[{self.stack}] last good config recorded in {self.last_good_path}")
        return self.last_good_path

    def load_last_good(self) -> dict[str, Any]:
        if not self.last_good_path.is_file():
            raise OpsError(
                f"no last good config for stack {self.stack} in {self.last_good_path}; "
                "one is recorded by every successful `make promote`"
            )
        record = json.loads(self.last_good_path.read_text(encoding="utf-8"))
        if record.get("stack") != self.stack or not isinstance(record.get("config"), dict):
            raise OpsError(f"{self.last_good_path} is not a last good record of {self.stack}")
        return record["config"]


def _weight(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"WEIGHT must be a whole number, got {text!r}") from None


UP_MODES = ("cli", "inline")


def inline_up(project_dir: Path) -> UpStep:
    """`pulumi up` through the Automation API with the program inline (engine_runner)."""
    from safenow_infra.engine_runner import EngineError, InlineRunner

    runner = InlineRunner.from_environment(project_dir)

    def up(stack: str, message: str) -> None:
        try:
            runner.up(stack, message)
        except EngineError as exc:
            raise OpsError(str(exc)) from None

    return up


def main(argv: list[str] | None = None, runner: CommandRunner | None = None) -> int:
    parser = argparse.ArgumentParser(prog="canary", description="Operate SafeNow's canary")
    sub = parser.add_subparsers(dest="command", required=True)
    shift = sub.add_parser("canary", help="deploy IMAGE as canary at WEIGHT %")
    shift.add_argument("--image", required=True)
    shift.add_argument("--weight", required=True, type=_weight)
    sub.add_parser("promote", help="canary image becomes stable, weight back to 0")
    back = sub.add_parser("rollback", help="canary weight 0 at once")
    back.add_argument("--to-last-good", action="store_true")
    for command in sub.choices.values():
        command.add_argument("--stack", required=True)
    args = parser.parse_args(argv)
    state_dir = Path(os.environ.get("SAFENOW_LAST_GOOD_DIR", REPO_ROOT / "var" / "last-good"))
    project_dir = Path(os.environ.get("SAFENOW_PROJECT_DIR", REPO_ROOT))
    up_mode = os.environ.get("SAFENOW_PULUMI_UP", "cli")
    try:
        if up_mode not in UP_MODES:
            raise OpsError(
                f"SAFENOW_PULUMI_UP={up_mode!r} is not a known mode; allowed: {', '.join(UP_MODES)}"
            )
        ops = CanaryOps(
            stack=args.stack,
            run=runner or PulumiCli(cwd=project_dir),
            last_good_dir=state_dir,
            up=inline_up(project_dir) if up_mode == "inline" else None,
        )
        if args.command == "canary":
            ops.canary(args.image, args.weight)
        elif args.command == "promote":
            ops.promote()
        else:
            ops.rollback(to_last_good=args.to_last_good)
    except OpsError as exc:
        print(f"{args.command}: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
