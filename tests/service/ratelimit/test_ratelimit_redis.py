"""The Redis store against a real redis-server: GCRA, server time, expiry, atomicity."""

from __future__ import annotations

import time
import uuid

import pytest
import redis
from rl_clients import hammer_store, in_processes

from safenow.ratelimit.base import Bucket
from safenow.ratelimit.redis_store import (
    EPOCH_S,
    GCRA_SCRIPT_SHA,
    KEY_PREFIX,
    RedisRateLimiter,
)


@pytest.fixture
def prefix():
    # Every test gets its own keys: the server is shared by the whole session.
    return f"test:{uuid.uuid4().hex[:12]}:"


@pytest.fixture
def store(redis_server, prefix):
    return RedisRateLimiter(redis_server.url, timeout_s=1.0, key_prefix=prefix)


@pytest.fixture
def raw(redis_server):
    client = redis.Redis.from_url(redis_server.url)
    yield client
    client.close()


def server_time_us(client: redis.Redis) -> int:
    """The server's clock on the script's scale (microseconds since EPOCH_S)."""
    seconds, micros = client.time()
    return (seconds - EPOCH_S) * 1_000_000 + micros


def test_default_key_prefix_is_namespaced():
    assert KEY_PREFIX == "safenow:rl:"


def test_fresh_key_passes_the_burst_then_refuses(store):
    decisions = [store.hit("k", 60, 5) for _ in range(7)]
    assert [d.allowed for d in decisions] == [True] * 5 + [False] * 2
    assert [d.remaining for d in decisions] == [4, 3, 2, 1, 0, 0, 0]
    assert all(d.limit == 5 for d in decisions)
    refused = decisions[5]
    # The next token is due one interval (1 s) after the first request.
    assert 0.5 < refused.retry_after <= 1.0
    assert 4.5 < refused.reset_after <= 5.0
    assert refused.headers()["Retry-After"] == "1"
    assert refused.headers()["RateLimit-Reset"] == "5"


def test_retry_after_says_when_the_next_request_passes(store):
    for _ in range(2):
        assert store.hit("k", 60, 2).allowed
    refused = store.hit("k", 60, 2)
    assert not refused.allowed
    started = time.monotonic()
    time.sleep(max(0.0, refused.retry_after - 0.3))
    early = store.hit("k", 60, 2)
    assert not early.allowed, "passed before Retry-After"
    time.sleep(max(0.0, refused.retry_after - (time.monotonic() - started)) + 0.02)
    assert store.hit("k", 60, 2).allowed


def test_no_double_burst_at_the_edge_of_what_would_be_a_window(store):
    # T = 0.5 s, burst 3. Right after the burst, one interval buys exactly
    # one request, not a new burst; once the bucket has drained (3 T), exactly
    # one burst again, however long it stayed idle.
    assert sum(store.hit("k", 120, 3).allowed for _ in range(10)) == 3
    time.sleep(0.55)
    assert sum(store.hit("k", 120, 3).allowed for _ in range(10)) == 1
    time.sleep(1.6)
    assert sum(store.hit("k", 120, 3).allowed for _ in range(10)) == 3


def test_state_is_one_tat_on_the_server_clock_with_expiry_at_the_tat(store, raw, prefix):
    before = server_time_us(raw)
    decision = store.hit("k", 7, 10)  # interval 60/7 s: not a whole number of microseconds
    after = server_time_us(raw)
    tat = float(raw.get(prefix + "k"))
    interval_us = 60_000_000 / 7
    # TAT = server time of the decision + one interval, kept to the sub-microsecond.
    assert before + interval_us <= tat <= after + interval_us
    assert tat != int(tat)
    ttl_ms = raw.pttl(prefix + "k")
    assert 0 < ttl_ms <= round(interval_us / 1000) + 1
    assert ttl_ms >= decision.reset_after * 1000 - 100


def test_highest_rate_still_writes_an_expiry(store):
    # 1,000,000 per minute: one request per 60 us, a TTL well under a
    # millisecond. It is rounded up to the 1 ms Redis accepts: with 0 the SET
    # in the script fails ("invalid expire time") and so does every decision.
    decisions = [store.hit("fast", 1_000_000, 1_000) for _ in range(3)]
    assert all(d.allowed and d.remaining >= 997 for d in decisions)


def test_key_expires_when_its_state_is_worthless(store, raw, prefix):
    for _ in range(3):
        store.hit("k", 6000, 3)  # 10 ms per request
    assert raw.exists(prefix + "k")
    time.sleep(0.2)
    assert not raw.exists(prefix + "k")
    # An expired key behaves exactly like a fresh one: the whole burst again.
    assert [store.hit("k", 6000, 3).remaining for _ in range(3)] == [2, 1, 0]


def test_many_distinct_keys_all_carry_a_ttl_and_vanish(redis_server):
    # Database 15 is used by this test alone, so DBSIZE counts only its keys.
    url = f"redis://127.0.0.1:{redis_server.port}/15"
    raw = redis.Redis.from_url(url)
    raw.flushdb()
    limiter = RedisRateLimiter(url, timeout_s=1.0, key_prefix="many:")
    for i in range(3000):
        limiter.hit(f"key:{i}", 60, 2)  # state lives one second
    keyspace = raw.info("keyspace")["db15"]
    # Every key the limiter wrote carries an expiry.
    assert keyspace["keys"] == keyspace["expires"] > 2000
    deadline = time.monotonic() + 10
    while raw.dbsize() and time.monotonic() < deadline:
        time.sleep(0.1)
    # Redis reclaims the memory itself (active expiry), no sweeper needed.
    assert raw.dbsize() == 0
    raw.close()


def test_script_is_loaded_again_after_the_server_forgets_it(store, raw):
    store.hit("k", 60, 5)
    raw.script_flush()
    assert raw.script_exists(GCRA_SCRIPT_SHA) == [False]
    assert store.hit("k", 60, 5).remaining == 3
    assert raw.script_exists(GCRA_SCRIPT_SHA) == [True]


def test_hit_many_is_all_or_nothing_in_one_script(store, raw, prefix):
    store.hit("global", 60, 1)
    key, overall = store.hit_many([Bucket("key:a", 60, 3), Bucket("global", 60, 1)])
    assert not overall.allowed
    assert key.allowed and key.remaining == 3
    assert not raw.exists(prefix + "key:a"), "the key bucket was charged by a refused request"
    assert [store.hit("key:a", 60, 3).remaining for _ in range(3)] == [2, 1, 0]


def test_each_thread_keeps_one_connection(store, raw):
    import threading

    name = f"rl-{uuid.uuid4().hex[:8]}"
    store._client().client_setname(name)
    store.hit("k", 60, 5)
    store.hit("k", 60, 5)
    mine = [c for c in raw.client_list() if c["name"] == name]
    assert len(mine) == 1

    seen = []
    thread = threading.Thread(target=lambda: seen.append(store._client()))
    thread.start()
    thread.join()
    assert seen[0] is not store._client()


def test_eight_processes_on_one_key_get_exactly_the_burst(redis_server, prefix):
    # Interval 60 s: no new token can come due while the processes run, so
    # exactly `burst` of the 8 x 40 calls pass, whatever the interleaving.
    burst = 50
    start_at = time.time() + 1.0
    results = in_processes(
        hammer_store,
        [(redis_server.url, prefix, "shared", 1, burst, 40, start_at) for _ in range(8)],
    )
    allowed = [remaining for per_process in results for ok, remaining in per_process if ok]
    assert len(allowed) == burst
    # Each allowed decision saw a different count: no two processes read the same state.
    assert sorted(allowed) == list(range(burst))
