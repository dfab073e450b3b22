"""make canary / promote / rollback: the pulumi command sequences and their refusals.

The scripts reach Pulumi only through a CommandRunner. FakePulumi below keeps
a stack's config the way `pulumi config` does for the few commands the
scripts use (set --path, rm --path, set-all --json, --json output; integers
stored as numbers, as the real CLI does with --path) and logs every command,
so each test checks both the commands issued and the config they leave.
"""

from __future__ import annotations

import json

import pytest
import yaml

from safenow_infra.envfile import REPO_ROOT
from safenow_infra.ops.canary import CanaryOps, OpsError, main

DIGEST_A = "sha256:" + "a" * 64
DIGEST_2 = "sha256:" + "2" * 64  # the canary digest in Pulumi.prod.yaml


class FakePulumi:
    def __init__(self, stack: str, fail_on_up: int | None = None) -> None:
        document = yaml.safe_load((REPO_ROOT / f"Pulumi.{stack}.yaml").read_text())
        self.config: dict[str, object] = document["config"]
        self.commands: list[list[str]] = []
        self.ups = 0
        self.fail_on_up = fail_on_up

    def __call__(self, argv):
        argv = list(argv)
        self.commands.append(argv)
        args = [a for a in argv if a not in ("--path", "--yes", "--skip-preview")]
        args = _drop_option(_drop_option(args, "--stack"), "--message")
        if args == ["config", "--json"]:
            return json.dumps({k: self._entry(v) for k, v in self.config.items()})
        if args[:2] == ["config", "set"]:
            self._set(args[2], args[3])
        elif args[:2] == ["config", "rm"]:
            self._remove(args[2])
        elif args[:2] == ["config", "set-all"]:
            payload = json.loads(args[args.index("--json") + 1])
            for key, entry in payload.items():
                self.config[key] = entry.get("objectValue", entry["value"])
        elif args[0] == "up":
            self.ups += 1
            if self.ups == self.fail_on_up:
                raise OpsError("`pulumi up` failed (exit 255): simulated")
        else:
            raise AssertionError(f"unexpected command {argv}")
        return ""

    @staticmethod
    def _entry(value):
        if isinstance(value, dict | list):
            return {"value": json.dumps(value), "objectValue": value, "secret": False}
        return {"value": str(value), "secret": False}

    def _set(self, path: str, text: str) -> None:
        key, _, field = path.partition(".")
        value: object = int(text) if text.lstrip("-").isdigit() else text
        if field:
            self.config.setdefault(key, {})[field] = value  # type: ignore[index]
        else:
            self.config[key] = text

    def _remove(self, path: str) -> None:
        key, _, field = path.partition(".")
        if field:
            self.config[key].pop(field)  # type: ignore[union-attr]
        else:
            self.config.pop(key)


def _drop_option(args: list[str], option: str) -> list[str]:
    if option in args:
        at = args.index(option)
        return args[:at] + args[at + 2 :]
    return args


def ops_for(stack: str, tmp_path, **fake) -> tuple[CanaryOps, FakePulumi]:
    runner = FakePulumi(stack, **fake)
    return CanaryOps(stack, runner, tmp_path / "last-good", log=lambda _: None), runner


def mutating(runner: FakePulumi) -> list[list[str]]:
    return [c for c in runner.commands if c[:2] != ["config", "--json"]]


def test_unknown_stack_is_refused_before_any_command(tmp_path):
    runner = FakePulumi("dev")
    with pytest.raises(OpsError, match=r"unknown stack 'qa'; known stacks: dev, prod, staging"):
        CanaryOps("qa", runner, tmp_path)
    assert runner.commands == []


def test_canary_sets_image_and_weight_then_runs_up(tmp_path):
    ops, runner = ops_for("staging", tmp_path)
    ops.canary("ghcr.io/safenow/safenow:0.2.0", 25)
    assert mutating(runner) == [
        ["config", "set", "--path", "--stack", "staging", "safenow:canary.image",
         "ghcr.io/safenow/safenow:0.2.0"],
        ["config", "set", "--path", "--stack", "staging", "safenow:canary.weight", "25"],
        ["up", "--yes", "--stack", "staging", "--message",
         "canary ghcr.io/safenow/safenow:0.2.0 at 25%"],
    ]  # fmt: skip
    assert runner.config["safenow:canary"]["weight"] == 25


@pytest.mark.parametrize(("stack", "weight", "cap"), [("staging", 51, 50), ("prod", 26, 25)])
def test_weight_above_the_stack_cap_is_refused(tmp_path, stack, weight, cap):
    ops, runner = ops_for(stack, tmp_path)
    with pytest.raises(OpsError, match=rf"weight {weight} is out of range .* allowed 0\.\.{cap}"):
        ops.canary(f"ghcr.io/safenow/safenow:0.2.0@{DIGEST_A}", weight)
    assert mutating(runner) == []


def test_negative_weight_is_refused(tmp_path):
    ops, runner = ops_for("dev", tmp_path)
    with pytest.raises(
        OpsError, match=r"weight -1 is out of range for stack dev: allowed 0\.\.100"
    ):
        ops.canary("ghcr.io/safenow/safenow:0.2.0", -1)
    assert mutating(runner) == []


def test_prod_canary_needs_a_digest(tmp_path):
    ops, runner = ops_for("prod", tmp_path)
    with pytest.raises(OpsError, match="pinned by digest"):
        ops.canary("ghcr.io/safenow/safenow:0.2.0", 5)
    assert mutating(runner) == []


def test_malformed_image_is_refused(tmp_path):
    ops, runner = ops_for("dev", tmp_path)
    with pytest.raises(OpsError, match="IMAGE: 'Not An Image' is not an image reference"):
        ops.canary("Not An Image", 10)
    assert mutating(runner) == []


def test_promote_rolls_stable_first_then_removes_canary_and_records_last_good(tmp_path):
    ops, runner = ops_for("prod", tmp_path)
    ops.promote()
    image = "ghcr.io/safenow/safenow"
    assert mutating(runner) == [
        ["config", "set", "--path", "--stack", "prod", "safenow:image.repository", image],
        ["config", "set", "--path", "--stack", "prod", "safenow:image.tag", "0.2.0"],
        ["config", "set", "--path", "--stack", "prod", "safenow:image.digest", DIGEST_2],
        ["up", "--yes", "--stack", "prod", "--message",
         f"promote {image}:0.2.0@sha256:{'2' * 64} to stable"],
        ["config", "set", "--path", "--stack", "prod", "safenow:canary.weight", "0"],
        ["config", "rm", "--path", "--stack", "prod", "safenow:canary.image"],
        ["up", "--yes", "--stack", "prod", "--message",
         f"remove canary after promoting {image}:0.2.0@sha256:{'2' * 64}"],
    ]  # fmt: skip
    record = json.loads((tmp_path / "last-good" / "prod.json").read_text())
    assert record["stack"] == "prod"
    assert record["config"]["safenow:image"]["objectValue"]["tag"] == "0.2.0"
    assert "image" not in record["config"]["safenow:canary"]["objectValue"]


def test_promote_drops_a_stable_digest_the_canary_does_not_have(tmp_path):
    ops, runner = ops_for("dev", tmp_path)
    runner.config["safenow:image"]["digest"] = DIGEST_A
    runner.config["safenow:canary"]["image"] = "ghcr.io/safenow/safenow:0.3.0"
    ops.promote()
    assert runner.config["safenow:image"] == {
        "repository": "ghcr.io/safenow/safenow",
        "tag": "0.3.0",
    }


def test_promote_without_canary_is_refused(tmp_path):
    ops, runner = ops_for("staging", tmp_path)
    with pytest.raises(OpsError, match="stack staging has no canary image to promote"):
        ops.promote()
    assert mutating(runner) == []


def test_failed_up_during_promote_records_nothing(tmp_path):
    ops, _ = ops_for("prod", tmp_path, fail_on_up=2)
    with pytest.raises(OpsError, match="simulated"):
        ops.promote()
    assert not (tmp_path / "last-good" / "prod.json").exists()


def test_rollback_sets_weight_zero_at_once(tmp_path):
    ops, runner = ops_for("prod", tmp_path)
    ops.rollback()
    assert mutating(runner) == [
        ["config", "set", "--path", "--stack", "prod", "safenow:canary.weight", "0"],
        ["up", "--yes", "--stack", "prod", "--message",
         "rollback: canary weight 0"],
    ]  # fmt: skip
    assert runner.config["safenow:canary"]["weight"] == 0
    assert "image" in runner.config["safenow:canary"]  # pods stay for inspection


def test_rollback_to_last_good_restores_the_recorded_config(tmp_path):
    ops, runner = ops_for("staging", tmp_path)
    ops.record_last_good()
    recorded = json.loads(json.dumps(runner.config))
    ops.canary("ghcr.io/safenow/safenow:0.9.0", 50)
    runner.config["safenow:priorityClassName"] = "added-later"
    runner.commands.clear()
    ops.rollback(to_last_good=True)
    assert runner.config == recorded
    kinds = [c[:2] for c in mutating(runner)]
    assert kinds == [["config", "set-all"], ["config", "rm"], ["up", "--yes"]]
    assert runner.commands[-2] == [
        "config",
        "rm",
        "--stack",
        "staging",
        "safenow:priorityClassName",
    ]


def test_rollback_to_last_good_without_a_record_is_refused(tmp_path):
    ops, runner = ops_for("dev", tmp_path)
    with pytest.raises(OpsError, match="no last good config for stack dev"):
        ops.rollback(to_last_good=True)
    assert mutating(runner) == []


def test_cli_reports_refusals_with_exit_2(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SAFENOW_LAST_GOOD_DIR", str(tmp_path))
    runner = FakePulumi("staging")
    code = main(["canary", "--stack", "staging", "--image", "ghcr.io/a/b:1", "--weight", "99"],
                runner=runner)  # fmt: skip
    assert code == 2
    assert "canary: weight 99 is out of range for stack staging" in capsys.readouterr().err
    assert main(["rollback", "--stack", "staging"], runner=runner) == 0
    assert runner.config["safenow:canary"]["weight"] == 0


def test_cli_rejects_a_weight_that_is_not_a_number(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["canary", "--stack", "dev", "--image", "ghcr.io/a/b:1", "--weight", "ten"])
    assert exited.value.code == 2
    assert "WEIGHT must be a whole number, got 'ten'" in capsys.readouterr().err
