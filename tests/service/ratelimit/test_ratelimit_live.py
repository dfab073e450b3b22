"""Rate limits through real gunicorn workers sharing a real redis-server.

Exactness: 8 client processes hammer one key through several workers; the
number of 200s must match GCRA's formula S(W) = burst + floor(W / T) and each
response's RateLimit-* fields must agree with what happened. Outage: the
server is killed mid-run and restarted, once per failure mode.

Client timestamps are wall-clock, the clock redis-server reads with TIME on
this same machine, so a decision lies between its request's send and
receive times.
"""

from __future__ import annotations

import json
import math
import threading
import time
import uuid

import httpx
import pytest
import redis
from prometheus_client.parser import text_string_to_metric_families
from rl_clients import Sample, hammer_http, in_processes

from safenow.ratelimit.redis_store import KEY_PREFIX
from safenow.settings import hash_api_key

pytestmark = pytest.mark.slow

CLIENT_PROCESSES = 8
WORKERS = 4


def new_key(tier: str) -> tuple[str, str, str]:
    """A key used by this test alone: (plaintext, name, API_KEYS entry)."""
    name = f"{tier}-{uuid.uuid4().hex[:10]}"
    plaintext = f"sn-rl-{uuid.uuid4().hex}"
    return plaintext, name, f"{name}:{tier}:{hash_api_key(plaintext)}"


def redis_env(redis_server, api_keys: str, tiers: str, **extra: str) -> dict[str, str]:
    return {
        "RATE_LIMIT_STORE": "redis",
        "REDIS_URL": redis_server.url,
        "API_KEYS": api_keys,
        "RATE_LIMIT_TIERS": tiers,
        # These tests are about the limiter: an audit write failing under
        # load must not turn a request the limiter allowed into a 503 here
        # (the audit trail has its own tests).
        "AUDIT_ON_FAILURE": "degrade",
        **extra,
    }


def hammer(server, key: str, seconds: float, max_requests: int) -> list[Sample]:
    start_at = time.time() + 3.0  # leaves time for the spawned processes to import
    per_process = in_processes(
        hammer_http,
        [(server.url, key, start_at, start_at + seconds, max_requests)] * CLIENT_PROCESSES,
    )
    return [sample for samples in per_process for sample in samples]


def header(sample: Sample, name: str) -> int:
    return int(sample.headers[name])


def test_burst_is_exact_across_processes_and_workers(redis_server, live_server_factory):
    # Interval 10 s, burst 25: the run is far shorter than one interval, so
    # S = burst + floor(W / T) = 25 exactly.
    per_minute, burst = 6, 25
    interval = 60 / per_minute
    key, name, entry = new_key("burst")
    server = live_server_factory(
        redis_env(redis_server, entry, f"burst={per_minute}/{burst}"), workers=WORKERS
    )
    samples = hammer(server, key, seconds=8.0, max_requests=30)
    passed = [s for s in samples if s.status == 200]
    refused = [s for s in samples if s.status == 429]
    first = min(s.sent for s in samples)
    span = max(s.received for s in samples) - first
    assert span < interval, "the run outlasted one interval; the machine is too loaded"

    assert len(samples) == CLIENT_PROCESSES * 30
    assert not [(s.status, s.code) for s in samples if s.status not in (200, 429)]
    assert len(passed) == burst + math.floor(span / interval) == burst
    # Headers agree: each success saw a different count left, from 24 down to 0.
    assert sorted(header(s, "RateLimit-Remaining") for s in passed) == list(range(burst))
    assert {header(s, "RateLimit-Limit") for s in samples} == {burst}
    for s in passed:
        # After the j-th success the burst is whole again (burst - remaining)
        # intervals after the first request, minus the time gone by since.
        spent = (burst - header(s, "RateLimit-Remaining")) * interval
        assert spent - span - 1 <= header(s, "RateLimit-Reset") <= spent
        assert "Retry-After" not in s.headers
    for s in refused:
        assert s.code == "rate_limited"
        assert header(s, "RateLimit-Remaining") == 0
        assert burst * interval - span - 1 <= header(s, "RateLimit-Reset") <= burst * interval
        # The next token is due one interval after the first request.
        assert math.ceil(interval - span) <= header(s, "Retry-After") <= interval
    # The state lives in Redis, with an expiry at its TAT (burst intervals ahead).
    raw = redis.Redis.from_url(redis_server.url)
    ttl_ms = raw.pttl(f"{KEY_PREFIX}key:{name}")
    raw.close()
    assert (burst * interval - span - 1) * 1000 <= ttl_ms <= burst * interval * 1000


def test_sustained_rate_is_exact_across_processes_and_workers(redis_server, live_server_factory):
    # T = 0.25 s, burst 4, 5 s of hammering: about 4 + 20 successes.
    per_minute, burst = 240, 4
    interval = 60 / per_minute
    key, _, entry = new_key("steady")
    server = live_server_factory(
        redis_env(redis_server, entry, f"steady={per_minute}/{burst}"), workers=WORKERS
    )
    samples = hammer(server, key, seconds=5.0, max_requests=100_000)
    assert {s.status for s in samples} == {200, 429}
    passed = sorted((s for s in samples if s.status == 200), key=lambda s: s.received)
    first_sent = min(s.sent for s in samples)
    first_received = min(s.received for s in samples)
    last_sent = max(s.sent for s in samples)
    last_received = max(s.received for s in samples)

    # Never more than the formula allows, at any moment, with no tolerance:
    # the j-th success (0-based) cannot be decided before t0 + (j - burst + 1) T.
    clock_slack = 0.002
    for j, s in enumerate(passed):
        due = first_sent + max(0, j - burst + 1) * interval
        assert s.received >= due - clock_slack, f"success #{j} came {due - s.received:.3f}s early"

    # Over the whole run: S = burst + floor(W / T), within one request at each
    # end of the run (the request in flight when it starts or stops).
    most = burst + math.floor((last_received - first_sent) / interval)
    least = burst + math.floor((last_sent - first_received) / interval) - 1
    assert least <= len(passed) <= most

    # Per one-second window after the initial burst: 1/T = 4 successes, within
    # one (a success in flight across a window edge lands on either side).
    per_window = round(1 / interval)
    for start in range(1, math.floor(last_sent - first_sent) - 1):
        lo, hi = first_sent + start, first_sent + start + 1
        count = sum(lo <= s.received < hi for s in passed)
        assert abs(count - per_window) <= 1, f"window {start}s: {count} successes"

    # Headers agree with what happened.
    assert {header(s, "RateLimit-Limit") for s in samples} == {burst}
    remaining = [header(s, "RateLimit-Remaining") for s in passed]
    assert set(range(1, burst)) <= set(remaining) <= set(range(burst))
    for s in samples:
        assert 0 <= header(s, "RateLimit-Reset") <= math.ceil(burst * interval)
        if s.status == 429:
            assert header(s, "RateLimit-Remaining") == 0
            assert header(s, "Retry-After") == math.ceil(interval)


# --- outage ------------------------------------------------------------------

OUTAGE_TIER = "outage=60/6"  # one per second, burst 6
BACKOFF_MS = 200


def log_events(server, name: str) -> list[dict]:
    found = []
    for line in server.logs().splitlines():
        if name in line:
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue
            if entry.get("event") == name:
                found.append(entry)
    return found


def metric_values(server) -> dict[tuple[str, tuple], float]:
    text = httpx.get(f"{server.url}/metrics", timeout=10).text
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


@pytest.mark.parametrize("mode", ["local", "fail-open", "fail-closed"])
def test_redis_outage_behaves_as_documented_and_recovers(mode, redis_server, live_server_factory):
    key, name, entry = new_key("outage")
    server = live_server_factory(
        redis_env(
            redis_server,
            entry,
            OUTAGE_TIER,
            RATE_LIMIT_ON_STORE_FAILURE=mode,
            RATE_LIMIT_EXPECTED_PROCESSES="2",
            RATE_LIMIT_STORE_RETRY_MS=str(BACKOFF_MS),
            REDIS_TIMEOUT_MS="100",
        ),
        workers=2,
    )
    samples: list[Sample] = []
    start = time.time()
    # One client opening a connection per request, so requests reach both workers.
    client = threading.Thread(
        target=lambda: samples.extend(
            hammer_http(server.url, key, start, start + 7.0, 100_000, keep_alive=False)
        )
    )
    client.start()
    try:
        time.sleep(1.5)
        down_at = time.time()
        redis_server.stop()
        time.sleep(1.0)
        ready_during = httpx.get(f"{server.url}/readyz", timeout=10)
        time.sleep(1.0)
        up_at = time.time()
        redis_server.start()
        time.sleep(2.5)
        ready_after = httpx.get(f"{server.url}/readyz", timeout=10)
    finally:
        if redis_server.proc is None:
            redis_server.start()
        client.join(timeout=60)
    recovered_at = up_at + BACKOFF_MS / 1000 + 0.5
    before = [s for s in samples if s.received < down_at]
    during = [s for s in samples if s.sent > down_at + 0.05 and s.received < up_at]
    after = [s for s in samples if s.sent > recovered_at]
    assert before and during and after, "a phase of the run got no requests"

    # Healthy: the shared limit applies (burst 6, then one per second).
    assert {s.status for s in before} == {200, 429}
    assert {header(s, "RateLimit-Limit") for s in before} == {6}

    if mode == "local":
        # Each of the 2 workers enforces burst ceil(6/2) = 3 and one per 2 s.
        assert {s.status for s in during} == {200, 429}
        assert {header(s, "RateLimit-Limit") for s in during} == {3}
        outage = up_at - down_at
        per_worker = 3 + math.floor(outage / 2.0)
        assert 1 <= sum(s.status == 200 for s in during) <= 2 * per_worker
    elif mode == "fail-open":
        assert {s.status for s in during} == {200}
        assert {header(s, "RateLimit-Remaining") for s in during} == {6}
    else:
        assert {s.status for s in during} == {503}
        assert {s.code for s in during} == {"ratelimit_store_unavailable"}
        assert {s.headers.get("Retry-After") for s in during} == {"1"}

    if mode == "fail-closed":
        assert ready_during.status_code == 503
        assert ready_during.json()["error"]["code"] == "not_ready"
        assert not ready_during.json()["error"]["checks"]["rate_limit_store"]["ok"]
    else:
        assert ready_during.status_code == 200
        assert ready_during.json()["status"] == "degraded"
        store_check = ready_during.json()["checks"]["rate_limit_store"]
        assert store_check["ok"] and "degraded" in store_check["detail"]
        # No 5xx at any moment of the run, transitions included.
        assert not [s for s in samples if s.status >= 500]

    # Recovered: back on the shared limit, state in Redis again.
    assert {s.status for s in after} <= {200, 429} and any(s.status == 200 for s in after)
    assert {header(s, "RateLimit-Limit") for s in after} == {6}
    assert redis.Redis.from_url(redis_server.url).exists(f"{KEY_PREFIX}key:{name}")
    assert ready_after.status_code == 200
    store_check = ready_after.json()["checks"]["rate_limit_store"]
    assert store_check["ok"] and store_check["detail"].startswith("redis at ")

    # One log line per transition and per worker that saw the outage.
    degraded = log_events(server, "ratelimit_store_degraded")
    recovered = log_events(server, "ratelimit_store_recovered")
    assert 1 <= len(degraded) <= 2 and len(recovered) == len(degraded)
    assert {e["mode"] for e in degraded} == {mode}


def test_outage_metrics_are_exported_through_gunicorn(redis_server, live_server_factory):
    key, _, entry = new_key("metrics")
    server = live_server_factory(
        redis_env(redis_server, entry, OUTAGE_TIER, RATE_LIMIT_STORE_RETRY_MS=str(BACKOFF_MS)),
        workers=2,
    )
    headers = {"Authorization": f"Bearer {key}"}
    try:
        redis_server.stop()
        during = [
            httpx.post(f"{server.url}/v1/generate", json={"prompt": "hi"}, headers=headers)
            for _ in range(10)
        ]
        degraded = metric_values(server)
    finally:
        redis_server.start()
    assert {r.status_code for r in during} <= {200, 429}
    assert degraded[("safenow_ratelimit_store_failures_total", (("mode", "local"),))] == 10
    assert degraded[("safenow_ratelimit_degraded", ())] == 1
