"""Audit append throughput for each sink and AUDIT_FSYNC policy.

Prints the median records/s of REPEATS runs, each writing RECORDS records
from THREADS threads of one process (as one gunicorn worker does), on local
storage. PostgreSQL runs only when a server can be started (tests/realservers.py).
The figures document the trade-off between `always` (one fsync per record)
and `group` (one fsync per AUDIT_GROUP_COMMIT_MS).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from safenow.audit.base import AuditTrail  # noqa: E402
from safenow.audit.factory import build_sink  # noqa: E402


def run(kind: str, fsync: str, records: int, threads: int, url: str = "") -> float:
    folder = Path(tempfile.mkdtemp(prefix="sn-bench-audit-"))
    sink = build_sink(kind, folder, url, fsync=fsync, group_commit_ms=10)
    trail = AuditTrail(sink, writer=f"bench-{kind}-{fsync}-{time.monotonic_ns()}")
    per_thread = records // threads

    def work() -> None:
        for i in range(per_thread):
            trail.record({"decision": "accepted", "request_id": f"r{i}", "route": "/v1/generate"})

    workers = [threading.Thread(target=work) for _ in range(threads)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    sink.close()
    return per_thread * threads / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    cases = [("file", "always"), ("file", "group"), ("sqlite", "always"), ("sqlite", "group")]
    postgres = None
    try:
        from realservers import start_postgres

        postgres = start_postgres()
        url = postgres.create_database("bench_audit")
        cases += [("postgres", "always"), ("postgres", "group")]
    except Exception as exc:  # the bench still reports the embedded sinks
        print(f"(PostgreSQL skipped: {exc})")
        url = ""
    print(f"{args.records} records, {args.threads} threads, median of {args.repeats} runs\n")
    print("| sink | AUDIT_FSYNC | records/s |")
    print("|---|---|---:|")
    try:
        for kind, fsync in cases:
            rates = [run(kind, fsync, args.records, args.threads, url) for _ in range(args.repeats)]
            print(f"| {kind} | {fsync} | {statistics.median(rates):,.0f} |")
    finally:
        if postgres is not None:
            postgres.stop()


if __name__ == "__main__":
    main()
