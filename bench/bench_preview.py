"""Time a preview of a stack under Pulumi's mocks; prints seconds (target: prod < 3 s).

Two figures: `cold` is a fresh Python process that imports the program and
runs it once (what a CI preview step pays), `warm` is one more run in a
process that already has everything imported (what the test suite pays per
extra capture). Medians over several runs; nothing is asserted here.

    .venv/bin/python bench/bench_preview.py --stack prod [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "infra"))

COLD = (
    "import sys; sys.path.insert(0, {infra!r}); "
    "from safenow_infra.capture import run_stack; "
    "c = run_stack({stack!r}); assert c.resources"
)


def cold_seconds(stack: str) -> float:
    code = COLD.format(infra=str(ROOT / "infra"), stack=stack)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, capture_output=True)
    return time.perf_counter() - start


def warm_seconds(stack: str) -> float:
    from safenow_infra.capture import run_stack

    start = time.perf_counter()
    capture = run_stack(stack)
    elapsed = time.perf_counter() - start
    assert capture.resources, "the program registered nothing"
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stack", default="prod")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    cold = [cold_seconds(args.stack) for _ in range(args.runs)]
    warm_seconds(args.stack)  # the first in-process run pays the imports
    warm = [warm_seconds(args.stack) for _ in range(args.runs * 4)]
    print(f"preview under mocks, stack {args.stack}:")
    print(
        f"  cold (new process, imports + run): median {statistics.median(cold):.3f} s, "
        f"max {max(cold):.3f} s over {len(cold)} runs"
    )
    print(
        f"  warm (run only):                   median {statistics.median(warm):.3f} s, "
        f"max {max(warm):.3f} s over {len(warm)} runs"
    )
    print(f"  target: cold median < 3 s -> {'met' if statistics.median(cold) < 3 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
