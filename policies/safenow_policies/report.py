"""`make policy-report STACK=...`: each policy's level and result for one stack.

Captures the stack's resources from the infra program under mocks
(safenow_infra.capture), runs the real pack as a process through the engine
harness with policies/config/<stack>.json, and prints one line per policy.
Exits 1 when a mandatory policy is violated (what would stop `pulumi up`).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from safenow_policies import pack_config
from safenow_policies.harness import Evaluation, evaluate_stack
from safenow_policies.model import STACKS
from safenow_policies.registry import ALL_POLICIES


def result_of(evaluation: Evaluation, name: str, scope: str) -> str:
    found = evaluation.of(name)
    if found:
        blocking = any(d.level == "mandatory" for d in found)
        return f"{'BLOCKS: ' if blocking else ''}{len(found)} violation(s)"
    skipped = evaluation.not_applicable.get(name, 0)
    if scope == "stack":
        return "n/a" if skipped else "pass"
    judged = evaluation.resources_analyzed - skipped
    return f"pass ({judged} resources)" if judged else "n/a"


def render(evaluation: Evaluation, seconds: float) -> str:
    lines = [
        f"SafeNow policy report for stack {evaluation.stack}: {evaluation.resources_analyzed} "
        f"resources, {len(ALL_POLICIES)} policies (pack started and evaluated in {seconds:.2f} s)",
        "",
        f"{'policy':40} {'family':21} {'controls':18} {'level':10} result",
    ]
    for policy in ALL_POLICIES:
        level = evaluation.levels.get(policy.name, "?")
        lines.append(
            f"{policy.name:40} {policy.family:21} {','.join(policy.control_ids):18} "
            f"{level:10} {result_of(evaluation, policy.name, policy.scope)}"
        )
    if evaluation.diagnostics:
        lines += ["", "Violations:"]
        for d in evaluation.diagnostics:
            where = d.urn.rsplit("::", 1)[-1] if d.urn else "(stack)"
            lines.append(f"  [{d.level}] {d.policy} @ {where}: {d.violation}")
    for policy, urn in evaluation.remediations:
        lines.append(f"  [remediated] {policy} @ {urn.rsplit('::', 1)[-1]}")
    mandatory = len(evaluation.mandatory)
    advisory = sum(d.level == "advisory" for d in evaluation.diagnostics)
    verdict = "BLOCKED" if mandatory else "OK"
    lines += ["", f"{verdict}: {mandatory} mandatory, {advisory} advisory violation(s)"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stack", required=True, choices=STACKS)
    parser.add_argument(
        "--policy-config",
        type=Path,
        help="policy pack config (default policies/config/<stack>.json)",
    )
    args = parser.parse_args(argv)
    # The infra program is only needed here, to capture what the stack declares.
    from safenow_infra.capture import capture_stack, stack_config

    policy_config = (
        json.loads(args.policy_config.read_text(encoding="utf-8"))
        if args.policy_config
        else pack_config.load(args.stack)
    )
    resources = capture_stack(args.stack)
    started = time.perf_counter()
    evaluation = evaluate_stack(args.stack, resources, stack_config(args.stack), policy_config)
    print(render(evaluation, time.perf_counter() - started))
    return 1 if evaluation.mandatory else 0


if __name__ == "__main__":
    sys.exit(main())
