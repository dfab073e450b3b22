"""Time SafeNow's policy pack on the prod stack's whole resource set (target: under 1 s).

The resources come from the infra program under mocks (what `pulumi preview`
would register); the pack runs as its own process and is driven over gRPC the
way the engine drives it: Configure, Remediate + Analyze for every resource,
AnalyzeStack. Prints medians; never asserts (figures, not tests).

    make bench-policy   # PYTHONPATH=infra:policies .venv/bin/python bench/bench_policy.py
"""

from __future__ import annotations

import argparse
import statistics
import time

from safenow_infra.capture import capture_stack, stack_config
from safenow_policies import pack_config
from safenow_policies.harness import PackProcess
from safenow_policies.registry import ALL_POLICIES
from safenow_policies.resource import Resource
from safenow_policies.stack import StackView

TARGET_S = 1.0


def _summary(name: str, samples: list[float]) -> str:
    ordered = sorted(samples)
    p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
    median = statistics.median(ordered)
    return (
        f"{name:46} median {median * 1000:7.1f} ms  p90 {p90 * 1000:7.1f} ms  "
        f"min {ordered[0] * 1000:7.1f} ms  ({len(samples)} runs, {median / TARGET_S:.0%} of 1 s)"
    )


def warm(stack: str, resources: list, runs: int) -> list[float]:
    """A running pack: configure + evaluate the whole stack, as one preview does."""
    samples = []
    with PackProcess(stack, stack_config(stack)) as pack:
        session = pack.session()
        session.configure(pack_config.load(stack))
        session.evaluate(resources)  # warm-up: imports, first-call caches
        for _ in range(runs):
            started = time.perf_counter()
            session.configure(pack_config.load(stack))
            evaluation = session.evaluate(resources)
            samples.append(time.perf_counter() - started)
    assert not evaluation.mandatory, "the prod stack should pass; the figure would be misleading"
    return samples


def cold(stack: str, resources: list, runs: int) -> list[float]:
    """Start the pack process, read its port, configure, evaluate, stop."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        with PackProcess(stack, stack_config(stack)) as pack:
            session = pack.session()
            session.configure(pack_config.load(stack))
            session.evaluate(resources)
            samples.append(time.perf_counter() - started)
    return samples


def in_process(stack: str, resources: list, runs: int) -> list[float]:
    """The rules alone, without gRPC or (de)serialisation: where the time goes."""
    views = [Resource(r.type, r.name, r.urn, r.props) for r in resources]
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        stack_view = StackView(views, stack_config(stack))
        for policy in ALL_POLICIES:
            params = policy.parameters_for(stack)
            if policy.scope == "stack":
                policy.check_stack(stack_view, params)
            else:
                for resource in views:
                    policy.check_resource(resource, params)
        samples.append(time.perf_counter() - started)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stack", default="prod")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--cold-runs", type=int, default=5)
    args = parser.parse_args()
    resources = capture_stack(args.stack)
    print(
        f"policy pack on stack {args.stack}: {len(resources)} resources, "
        f"{len(ALL_POLICIES)} policies (target < {TARGET_S:.0f} s)"
    )
    print(
        _summary(
            "warm pack, Configure+Analyze*+AnalyzeStack", warm(args.stack, resources, args.runs)
        )
    )
    print(
        _summary(
            "cold: start process, port, configure, analyze",
            cold(args.stack, resources, args.cold_runs),
        )
    )
    print(_summary("rules in-process (no gRPC)", in_process(args.stack, resources, args.runs)))


if __name__ == "__main__":
    main()
