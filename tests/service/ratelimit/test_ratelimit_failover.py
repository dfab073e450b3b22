"""The failure policy around the Redis store, with a real redis-server that
the tests kill, pause, demote to a replica and bring back."""

from __future__ import annotations

import os
import signal
import time
import uuid

import pytest
import redis
from realservers import RedisServer, free_port
from structlog.testing import capture_logs

from safenow.auth import Principal
from safenow.components import build_rate_limiter
from safenow.errors import ApiError
from safenow.metrics import Metrics
from safenow.ratelimit.base import RateLimitStoreUnavailable
from safenow.ratelimit.failover import StoreFailover
from safenow.ratelimit.policy import KeyRateLimitPolicy
from safenow.ratelimit.redis_store import RedisRateLimiter

BACKOFF_S = 0.2


class CountingStore(RedisRateLimiter):
    """The real Redis store, counting how often it is asked."""

    calls = 0

    def hit_many(self, buckets):
        self.calls += 1
        return super().hit_many(buckets)


@pytest.fixture
def redis_down(redis_server):
    """Gives the shared server to a test that stops it; it runs again afterwards."""
    yield redis_server
    if redis_server.proc is None:
        redis_server.start()
    elif redis_server.proc.poll() is None:
        os.kill(redis_server.proc.pid, signal.SIGCONT)


def make_failover(url: str, mode: str, processes: int = 4, timeout_s: float = 0.1):
    metrics = Metrics()
    store = CountingStore(url, timeout_s=timeout_s, key_prefix=f"test:{uuid.uuid4().hex[:12]}:")
    failover = StoreFailover(
        store, mode, metrics, expected_processes=processes, retry_after_s=BACKOFF_S
    )
    return failover, store, metrics


def failures(metrics: Metrics, mode: str) -> float:
    value = metrics.registry.get_sample_value(
        "safenow_ratelimit_store_failures_total", {"mode": mode}
    )
    return value or 0.0


def degraded_gauge(metrics: Metrics) -> float:
    return metrics.registry.get_sample_value("safenow_ratelimit_degraded")


def events(logs: list[dict], name: str) -> list[dict]:
    return [entry for entry in logs if entry["event"] == name]


def wait_for_recovery(failover: StoreFailover, key: str, per_minute: int, burst: int):
    deadline = time.monotonic() + 5
    while failover.degraded and time.monotonic() < deadline:
        time.sleep(BACKOFF_S / 4)
        failover.hit(key, per_minute, burst)
    assert not failover.degraded, "the limiter did not go back to Redis"


def test_local_mode_falls_back_to_a_scaled_limiter_and_recovers(redis_down):
    failover, store, metrics = make_failover(redis_down.url, "local", processes=4)
    raw = redis.Redis.from_url(redis_down.url)
    assert failover.hit("k", 60, 10).remaining == 9
    assert raw.exists(store.key_prefix + "k")
    assert failover.check() == (True, f"redis at 127.0.0.1:{redis_down.port}/0")

    with capture_logs() as logs:
        redis_down.stop()
        during = [failover.hit("k", 60, 10) for _ in range(20)]
        ok, detail = failover.check()
        redis_down.start()
        wait_for_recovery(failover, "k", 60, 10)
        after = failover.hit("k", 60, 10)

    # 1/4 of the limit per process: burst ceil(10/4) = 3, then one per 4 s.
    assert [d.allowed for d in during] == [True] * 3 + [False] * 17
    assert {d.limit for d in during} == {3}
    assert ok and detail.startswith("degraded: redis store unreachable")
    assert "ConnectionError" in detail and "1/4 (local)" in detail
    # One line per transition, however many decisions the outage saw.
    assert len(events(logs, "ratelimit_store_degraded")) == 1
    assert len(events(logs, "ratelimit_store_recovered")) == 1
    degraded = events(logs, "ratelimit_store_degraded")[0]
    assert degraded["mode"] == "local" and degraded["log_level"] == "warning"
    assert failures(metrics, "local") >= 20
    assert degraded_gauge(metrics) == 0
    # Back on Redis (the restarted server is empty: a fresh burst there).
    assert after.limit == 10 and after.allowed
    assert raw.exists(store.key_prefix + "k")
    raw.close()


def test_store_is_tried_once_per_backoff_not_on_every_request(redis_down):
    failover, store, metrics = make_failover(redis_down.url, "local")
    redis_down.stop()
    with capture_logs():
        started = time.monotonic()
        decisions = 0
        while time.monotonic() - started < 3 * BACKOFF_S - 0.05:
            failover.hit("k", 6000, 100)
            decisions += 1
    assert decisions > 50
    # The first failure plus one probe per elapsed backoff period.
    assert 1 <= store.calls <= 3
    assert degraded_gauge(metrics) == 1
    assert failures(metrics, "local") == decisions


def test_fail_open_passes_everything_while_redis_is_down(redis_down):
    failover, _, metrics = make_failover(redis_down.url, "fail-open")
    for _ in range(3):
        failover.hit("k", 60, 3)
    assert not failover.hit("k", 60, 3).allowed
    with capture_logs() as logs:
        redis_down.stop()
        during = [failover.hit("k", 60, 3) for _ in range(50)]
        ok, detail = failover.check()
        redis_down.start()
        wait_for_recovery(failover, "k", 60, 3)
    assert all(d.allowed and d.remaining == 3 for d in during)
    assert ok and "limits not enforced (fail-open)" in detail
    assert failures(metrics, "fail-open") >= 50
    assert len(events(logs, "ratelimit_store_recovered")) == 1
    # Limits apply again once Redis is back.
    assert not all(failover.hit("k", 60, 3).allowed for _ in range(5))


def test_fail_closed_refuses_while_redis_is_down_and_the_api_answers_503(redis_down, make_settings):
    failover, _, metrics = make_failover(redis_down.url, "fail-closed")
    policy = KeyRateLimitPolicy(failover, make_settings(), metrics)
    principal = Principal("closed", "standard")
    assert policy.decide(principal).allowed
    redis_down.stop()
    with capture_logs(), pytest.raises(RateLimitStoreUnavailable) as raised:
        failover.hit("k", 60, 3)
    assert raised.value.retry_after == BACKOFF_S
    with capture_logs(), pytest.raises(ApiError) as api_error:
        policy.decide(principal)
    assert api_error.value.status == 503
    assert api_error.value.code == "ratelimit_store_unavailable"
    assert api_error.value.headers == {"Retry-After": "1"}
    ok, detail = failover.check()
    assert not ok and "refusing requests (fail-closed)" in detail
    redis_down.start()
    with capture_logs():
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                assert policy.decide(principal).allowed
                break
            except ApiError:
                time.sleep(BACKOFF_S / 4)
    assert not failover.degraded
    assert failures(metrics, "fail-closed") >= 2


def test_a_server_that_stops_answering_costs_one_timeout_per_backoff(redis_down):
    failover, _, _ = make_failover(redis_down.url, "local", timeout_s=0.1)
    failover.hit("k", 60, 10)
    # SIGSTOP: connections stay open, nothing answers (a hung or partitioned server).
    os.kill(redis_down.proc.pid, signal.SIGSTOP)
    try:
        with capture_logs() as logs:
            started = time.monotonic()
            first = failover.hit("k", 60, 10)
            first_took = time.monotonic() - started
            started = time.monotonic()
            for _ in range(100):
                failover.hit("k", 60, 10)
            rest_took = time.monotonic() - started
    finally:
        os.kill(redis_down.proc.pid, signal.SIGCONT)
    assert first.allowed
    assert 0.09 <= first_took < 1.0, "REDIS_TIMEOUT_MS did not bound the call"
    assert rest_took < 0.5 * BACKOFF_S + 0.1
    assert "TimeoutError" in events(logs, "ratelimit_store_degraded")[0]["error"]


def test_readonly_replica_is_a_store_failure_and_promotion_recovers(redis_server):
    replica = RedisServer(redis_server.binary).start()
    try:
        admin = redis.Redis(port=replica.port)
        # A replica of a primary on a closed port: read-only, as after a failover.
        admin.replicaof("127.0.0.1", str(free_port()))
        failover, store, _ = make_failover(replica.url, "local")
        with capture_logs() as logs:
            decision = failover.hit("k", 60, 10)
            ok, detail = failover.check()
            admin.replicaof("NO", "ONE")
            wait_for_recovery(failover, "k", 60, 10)
        assert decision.allowed and decision.limit == 3  # the local share
        assert ok and "ReadOnlyError" in detail
        [entry] = events(logs, "ratelimit_store_degraded")
        assert "ReadOnlyError" in entry["error"]
        assert len(events(logs, "ratelimit_store_recovered")) == 1
        assert redis.Redis(port=replica.port).exists(store.key_prefix + "k")
    finally:
        replica.stop()


def test_readiness_probe_notices_an_outage_without_traffic(redis_down):
    failover, _, metrics = make_failover(redis_down.url, "local")
    assert failover.check()[0]
    redis_down.stop()
    with capture_logs() as logs:
        ok, detail = failover.check()
    assert ok and "degraded" in detail
    assert degraded_gauge(metrics) == 1
    assert len(events(logs, "ratelimit_store_degraded")) == 1


def test_build_rate_limiter_wires_the_settings(make_settings, redis_server):
    settings = make_settings(
        RATE_LIMIT_STORE="redis",
        REDIS_URL=redis_server.url,
        RATE_LIMIT_ON_STORE_FAILURE="fail-open",
        RATE_LIMIT_EXPECTED_PROCESSES=12,
        RATE_LIMIT_STORE_RETRY_MS=250,
        REDIS_TIMEOUT_MS=50,
    )
    limiter = build_rate_limiter(settings, Metrics())
    assert isinstance(limiter, StoreFailover)
    assert (limiter.mode, limiter.expected_processes, limiter.retry_after_s) == (
        "fail-open",
        12,
        0.25,
    )
    assert limiter.store.timeout_s == 0.05
    assert limiter.store.url == redis_server.url


def test_bad_failure_settings_are_refused_with_the_variable_named(redis_server):
    store = RedisRateLimiter(redis_server.url, 0.1)
    with pytest.raises(ValueError, match="RATE_LIMIT_ON_STORE_FAILURE='ignore'"):
        StoreFailover(store, "ignore", Metrics())
    with pytest.raises(ValueError, match="RATE_LIMIT_EXPECTED_PROCESSES=0"):
        StoreFailover(store, "local", Metrics(), expected_processes=0)
