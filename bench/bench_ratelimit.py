"""Decisions per second of the Redis rate limiter next to raw INCR.

For each concurrency (1 client, then N processes) and each round, this runs
`redis-benchmark -t incr -c C` and then the SafeNow limiter from C processes
against the same redis-server, one after the other, and prints the medians and
their ratio. Target: the limiter reaches at least 50 % of raw INCR at the
same concurrency (both do one round trip per operation and one write).

    .venv/bin/python bench/bench_ratelimit.py [--seconds 3] [--rounds 5] [--processes 8]

A redis-server is started on a free loopback port unless --redis-url is
given. Every limiter decision charges a bucket that never refuses (so every
decision runs the full script, including the write), one key per process so
that processes do not contend on one key any more than INCR clients do.
"""

from __future__ import annotations

import argparse
import csv
import io
import multiprocessing
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

# The highest rate RATE_LIMIT_PER_MINUTE accepts, and a burst no run exhausts:
# every decision is an allowing one, so every decision writes its key.
PER_MINUTE = 1_000_000
BURST = 1_000_000_000


def limiter_worker(redis_url: str, key: str, seconds: float, start_at: float) -> int:
    """Decide as fast as possible for `seconds` from `start_at`; return the count."""
    from safenow.metrics import Metrics
    from safenow.ratelimit.failover import StoreFailover
    from safenow.ratelimit.redis_store import RedisRateLimiter

    # The stack the app runs: the Redis store behind the failure policy.
    store = RedisRateLimiter(redis_url, timeout_s=1.0, key_prefix="bench:")
    limiter = StoreFailover(store, "local", Metrics())
    limiter.hit(key, PER_MINUTE, BURST)  # connect and load the script first
    if limiter.degraded:
        raise RuntimeError(f"the limiter cannot reach {redis_url}")
    while time.time() < start_at:
        time.sleep(0.001)
    count = 0
    stop = time.perf_counter() + seconds
    while time.perf_counter() < stop:
        limiter.hit(key, PER_MINUTE, BURST)
        count += 1
    return count


def python_incr_worker(redis_url: str, key: str, seconds: float, start_at: float) -> int:
    """Plain INCR through redis-py from Python: the client-side share of the cost."""
    import redis

    client = redis.Redis.from_url(redis_url, single_connection_client=True)
    client.incr(f"bench:{key}")
    while time.time() < start_at:
        time.sleep(0.001)
    count = 0
    stop = time.perf_counter() + seconds
    while time.perf_counter() < stop:
        client.incr(f"bench:{key}")
        count += 1
    client.close()
    return count


def pool_rate(pool, worker, redis_url: str, clients: int, seconds: float) -> float:
    start_at = time.time() + 0.5
    counts = pool.starmap(worker, [(redis_url, f"p{i}", seconds, start_at) for i in range(clients)])
    return sum(counts) / seconds


def incr_command(benchmark: str, host: str, port: int, clients: int, requests: int) -> list[str]:
    return [
        benchmark, "-h", host, "-p", str(port), "-t", "incr",
        "-c", str(clients), "-n", str(requests), "--csv",
    ]  # fmt: skip


def incr_rate(benchmark: str, host: str, port: int, clients: int, requests: int) -> float:
    out = subprocess.run(
        incr_command(benchmark, host, port, clients, requests),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for row in csv.DictReader(io.StringIO(out)):
        if row["test"] == "INCR":
            return float(row["rps"])
    raise RuntimeError(f"no INCR line in redis-benchmark output:\n{out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="length of each run")
    parser.add_argument("--rounds", type=int, default=5, help="runs per side and concurrency")
    parser.add_argument("--processes", type=int, default=8, help="the multi-client concurrency")
    parser.add_argument("--redis-url", help="use this server instead of starting one")
    args = parser.parse_args(argv)

    benchmark = shutil.which("redis-benchmark")
    if benchmark is None:
        print("redis-benchmark not found: apt-get install redis-tools", file=sys.stderr)
        return 2
    server = None
    if args.redis_url:
        redis_url = args.redis_url
    else:
        from realservers import start_redis

        server = start_redis()
        redis_url = server.url
    parts = urlsplit(redis_url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 6379
    version = subprocess.run(
        [benchmark, "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()

    results: dict[int, dict[str, list[float]]] = {}
    context = multiprocessing.get_context("spawn")
    try:
        for clients in (1, args.processes):
            # Size INCR runs to last about as long as the limiter runs.
            probe = incr_rate(benchmark, host, port, clients, 20_000)
            requests = max(20_000, int(probe * args.seconds))
            runs: dict[str, list[float]] = {"incr": [], "limiter": [], "py_incr": []}
            with context.Pool(clients) as pool:
                # Interleaved, so that load from elsewhere on the machine hits all sides.
                for _ in range(args.rounds):
                    runs["incr"].append(incr_rate(benchmark, host, port, clients, requests))
                    runs["limiter"].append(
                        pool_rate(pool, limiter_worker, redis_url, clients, args.seconds)
                    )
                    runs["py_incr"].append(
                        pool_rate(pool, python_incr_worker, redis_url, clients, args.seconds)
                    )
            results[clients] = runs
            ratios = [lim / inc for lim, inc in zip(runs["limiter"], runs["incr"], strict=True)]
            runs["ratio"] = ratios
    finally:
        if server is not None:
            server.stop()

    print(f"rate limiter (GCRA, one EVALSHA per decision) vs {version}")
    print(f"server {host}:{port}; {args.rounds} rounds of ~{args.seconds:g} s per side")
    print(f"INCR side: {' '.join(incr_command('redis-benchmark', host, port, 'C', 'N'))}")
    print()
    print(
        f"{'clients':>7}  {'INCR/s':>10}  {'decisions/s':>11}  {'ratio':>6}  "
        f"{'redis-py INCR/s':>15}  {'vs redis-py':>11}  per-round ratios"
    )
    for clients, runs in results.items():
        incr = statistics.median(runs["incr"])
        lim = statistics.median(runs["limiter"])
        py_incr = statistics.median(runs["py_incr"])
        rounds = " ".join(f"{r:.0%}" for r in runs["ratio"])
        print(
            f"{clients:>7}  {incr:>10,.0f}  {lim:>11,.0f}  {lim / incr:>6.0%}  "
            f"{py_incr:>15,.0f}  {lim / py_incr:>11.0%}  {rounds}"
        )
    print()
    print("ratio = median limiter decisions/s / median redis-benchmark INCR/s (target >= 50 %)")
    print("vs redis-py = limiter / plain INCR sent from Python the same way (script cost alone)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
