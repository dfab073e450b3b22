"""The audit trail under a real gunicorn: SIGKILL mid-burst, failure policies."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import httpx
import psycopg
import pytest
from audit_helpers import CHECKPOINT_KEY
from testkeys import DEV_KEY

from safenow.audit.factory import build_sink

pytestmark = pytest.mark.slow

AUTH = {"Authorization": f"Bearer {DEV_KEY}"}
SCRIPT = Path(sys.executable).parent / "safenow-audit"
GENEROUS_LIMITS = {"RATE_LIMIT_PER_MINUTE": "600000", "RATE_LIMIT_BURST": "100000"}


def _burst(url: str, stop: threading.Event, results: list, lock: threading.Lock) -> None:
    with httpx.Client(base_url=url, timeout=10) as client:
        while not stop.is_set():
            request_id = f"crash-{uuid.uuid4().hex[:12]}"
            try:
                response = client.post(
                    "/v1/generate",
                    json={"prompt": f"hello {request_id}"},
                    headers={**AUTH, "X-Request-ID": request_id},
                )
                status = response.status_code
            except httpx.HTTPError:
                status = None  # the worker died under this request
            with lock:
                results.append((request_id, status))


@pytest.mark.parametrize(
    ("kind", "fsync"),
    [("file", "always"), ("file", "group"), ("sqlite", "always"), ("postgres", "always")],
)
def test_sigkill_mid_burst_loses_no_acknowledged_record(
    kind, fsync, live_server_factory, tmp_path, request
):
    audit_path = tmp_path / "audit"
    env = {
        "AUDIT_SINK": kind,
        "AUDIT_FSYNC": fsync,
        "AUDIT_LOG_PATH": str(audit_path),
        **GENEROUS_LIMITS,
    }
    if kind == "postgres":
        _admin, service_url, _role = request.getfixturevalue("pg_database")
        env["AUDIT_DATABASE_URL"] = service_url
    server = live_server_factory(env, workers=2)
    originals = set(server.worker_pids())
    victim = min(originals)

    results: list = []
    lock = threading.Lock()
    stop = threading.Event()
    threads = [
        threading.Thread(target=_burst, args=(server.url, stop, results, lock)) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 30
    while len(results) < 150 and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(victim, signal.SIGKILL)  # in the middle of the write burst
    # Keep the burst going until gunicorn has replaced the worker, and beyond.
    while not (set(server.worker_pids()) - originals) and time.monotonic() < deadline:
        time.sleep(0.05)
    replaced = set(server.worker_pids()) - originals
    killed_at = len(results)
    while len(results) < killed_at + 150 and time.monotonic() < deadline:
        time.sleep(0.01)
    stop.set()
    for thread in threads:
        thread.join()
    server.stop()
    assert replaced and victim not in replaced, "gunicorn did not replace the killed worker"

    acknowledged = {rid for rid, status in results if status is not None and 200 <= status < 300}
    assert len(acknowledged) >= 250, f"burst too small: {len(results)} requests"

    cli_env = {**os.environ, **env, "AUDIT_CHECKPOINT_KEY": CHECKPOINT_KEY}
    verify = subprocess.run(
        [str(SCRIPT), "verify"], env=cli_env, capture_output=True, text=True, timeout=120
    )
    assert verify.returncode == 0, verify.stdout + verify.stderr

    sink = build_sink(kind, audit_path, env.get("AUDIT_DATABASE_URL", ""))
    writers = sink.writers()
    assert any(w.endswith(f"-{victim}") for w in writers), (victim, writers)
    recorded = {
        r["request_id"]
        for w in writers
        for r in sink.records(w)
        if r["decision"] in ("accepted", "flagged")
    }
    missing = acknowledged - recorded
    assert not missing, f"{len(missing)} acknowledged requests have no audit record"

    if kind == "file":
        # A write torn by the crash (an unacknowledged record cut short) is
        # reported as a truncated tail; verify still passes.
        victim_writer = next(w for w in writers if w.endswith(f"-{victim}"))
        last_segment = sorted((audit_path / victim_writer).glob("*.jsonl"))[-1]
        with open(last_segment, "ab") as handle:
            handle.write(b'{"decision":"accepted","key_name":"dev","latency_ms":1.5,"mod')
        torn = subprocess.run(
            [str(SCRIPT), "verify"], env=cli_env, capture_output=True, text=True, timeout=120
        )
        assert torn.returncode == 0, torn.stdout
        assert f"OK writer={victim_writer}" in torn.stdout
        assert "truncated tail" in torn.stdout
    sink.close()


@pytest.mark.parametrize("policy", ["fail-closed", "degrade"])
def test_failure_policy_when_the_database_refuses_writes(policy, live_server_factory, pg_database):
    admin_url, service_url, role = pg_database
    server = live_server_factory(
        {"AUDIT_SINK": "postgres", "AUDIT_DATABASE_URL": service_url, "AUDIT_ON_FAILURE": policy},
        workers=1,
    )
    with httpx.Client(base_url=server.url, timeout=10) as client:
        healthy = client.post("/v1/generate", json={"prompt": "hello"}, headers=AUTH)
        assert healthy.status_code == 200
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'REVOKE INSERT ON safenow_audit_records FROM "{role}"')
        response = client.post("/v1/generate", json={"prompt": "say something"}, headers=AUTH)
        ready = client.get("/readyz")
    if policy == "fail-closed":
        assert response.status_code == 503
        body = response.json()
        assert body["error"]["code"] == "audit_unavailable"
        assert "output" not in body and "choices" not in body  # no model output leaves
        assert ready.status_code == 503
    else:
        assert response.status_code == 200 and response.json()["output"]
        assert ready.status_code == 200 and ready.json()["status"] == "degraded"
    logged = [json.loads(line) for line in server.logs().splitlines() if line.startswith("{")]
    assert any(e.get("event") == "audit_write_failed" and e.get("policy") == policy for e in logged)
