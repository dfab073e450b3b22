"""GCRA arithmetic and the in-process store, on an injected clock (no sleeping)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safenow.ratelimit.base import Bucket, Decision
from safenow.ratelimit.gcra import gcra_decide
from safenow.ratelimit.memory import MemoryRateLimiter


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_fresh_key_passes_the_burst_then_refuses_with_exact_retry_after():
    clock = Clock()
    limiter = MemoryRateLimiter(clock=clock)
    decisions = [limiter.hit("k", 60, 5) for _ in range(6)]
    assert [d.allowed for d in decisions] == [True] * 5 + [False]
    assert [d.remaining for d in decisions] == [4, 3, 2, 1, 0, 0]
    assert [d.limit for d in decisions] == [5] * 6
    # One interval (1 s) per request spent: the burst is whole again after 5 s.
    assert decisions[4].reset_after == pytest.approx(5.0)
    refused = decisions[5]
    assert refused.retry_after == pytest.approx(1.0)
    assert refused.headers() == {
        "RateLimit-Limit": "5",
        "RateLimit-Remaining": "0",
        "RateLimit-Reset": "5",
        "Retry-After": "1",
    }


def test_retry_after_is_exactly_when_the_next_request_passes():
    clock = Clock()
    limiter = MemoryRateLimiter(clock=clock)
    for _ in range(3):
        limiter.hit("k", 120, 3)
    refused = limiter.hit("k", 120, 3)
    assert not refused.allowed
    clock.now += refused.retry_after - 1e-6
    assert not limiter.hit("k", 120, 3).allowed
    clock.now += 2e-6
    assert limiter.hit("k", 120, 3).allowed


def test_no_double_burst_at_what_would_be_a_window_edge():
    # A fixed one-minute window lets 2 x limit through around its edge; GCRA
    # lets through `burst` and then one per interval, wherever the edge falls.
    clock = Clock(59.999)
    limiter = MemoryRateLimiter(clock=clock)
    first = sum(limiter.hit("k", 60, 10).allowed for _ in range(30))
    clock.now = 60.001
    second = sum(limiter.hit("k", 60, 10).allowed for _ in range(30))
    assert (first, second) == (10, 0)
    # After the whole burst has drained back (10 intervals), exactly one burst again.
    clock.now = 59.999 + 10.0
    assert sum(limiter.hit("k", 60, 10).allowed for _ in range(30)) == 10


def test_refusals_do_not_push_the_next_success_further_away():
    clock = Clock()
    limiter = MemoryRateLimiter(clock=clock)
    limiter.hit("k", 60, 1)
    for _ in range(100):
        clock.now += 0.005
        limiter.hit("k", 60, 1)
    clock.now = 1000.0 + 1.0
    assert limiter.hit("k", 60, 1).allowed


@settings(max_examples=200, deadline=None)
@given(
    per_minute=st.integers(1, 60_000),
    burst=st.integers(2, 50),
    steps_per_interval=st.integers(2, 9),
    requests=st.integers(1, 400),
)
def test_hammering_passes_exactly_burst_plus_floor_of_elapsed_over_interval(
    per_minute, burst, steps_per_interval, requests
):
    """The formula docs/rate_limiting.md states: S(W) = burst + floor(W / T).

    The first request comes at t0 and fixes the origin; the others every T/q
    seconds (q >= 2) from t0 + T/(2q), so that no arrival coincides with the
    instant a token becomes due (where float rounding could decide either
    way). W is the time from the first to the last request. With burst >= 2
    the tolerance absorbs each request's lateness, so the count is exact,
    with no drift, as long as requests keep coming.
    """
    interval = 60.0 / per_minute
    step = interval / steps_per_interval
    clock = Clock(1000.0)
    limiter = MemoryRateLimiter(clock=clock)
    start = clock.now
    passed = int(limiter.hit("k", per_minute, burst).allowed)
    for i in range(requests - 1):
        clock.now = start + (i + 0.5) * step
        passed += limiter.hit("k", per_minute, burst).allowed
    elapsed = clock.now - start
    expected = burst + math.floor(elapsed / interval)
    assert passed == min(requests, expected)


@settings(max_examples=200, deadline=None)
@given(
    per_minute=st.integers(1, 6000),
    burst=st.integers(1, 20),
    gaps=st.lists(st.floats(0.0, 2.0, allow_nan=False), min_size=1, max_size=120),
)
def test_no_span_ever_passes_more_than_burst_plus_floor_span_over_interval(per_minute, burst, gaps):
    interval = 60.0 / per_minute
    clock = Clock()
    limiter = MemoryRateLimiter(clock=clock)
    passed_at = []
    for gap in gaps:
        clock.now += gap
        if limiter.hit("k", per_minute, burst).allowed:
            passed_at.append(clock.now)
    for i, first in enumerate(passed_at):
        for j in range(i, len(passed_at)):
            span = passed_at[j] - first
            assert j - i + 1 <= burst + math.floor(span / interval + 1e-6)


def test_hit_many_is_all_or_nothing():
    clock = Clock()
    limiter = MemoryRateLimiter(clock=clock)
    limiter.hit("global", 60, 1)
    key, overall = limiter.hit_many([Bucket("key:a", 60, 3), Bucket("global", 60, 1)])
    assert overall.allowed is False
    # The key bucket would have allowed but was not charged: still a full burst.
    assert key.allowed and key.remaining == 3
    assert [limiter.hit("key:a", 60, 3).remaining for _ in range(3)] == [2, 1, 0]


def test_gcra_decide_leaves_tat_unchanged_on_refusal():
    decision, tat = gcra_decide(tat=12.0, now=10.0, per_minute=60, burst=2)
    assert decision == Decision(False, 2, 0, 2.0, 1.0)
    assert tat == 12.0


def test_memory_is_bounded_by_evicting_least_recently_used_keys():
    clock = Clock()
    limiter = MemoryRateLimiter(max_keys=1000, clock=clock)
    for i in range(5000):
        limiter.hit(f"key:{i}", 1, 1)
    assert len(limiter) == 1000
    assert limiter.evicted == 4000
    # The most recent keys are the ones kept: key:4999 is still limited.
    assert not limiter.hit("key:4999", 1, 1).allowed
    # An evicted key starts afresh (the documented cost of the bound).
    assert limiter.hit("key:0", 1, 1).allowed


def test_expired_keys_drain_away_without_reaching_the_cap():
    clock = Clock()
    limiter = MemoryRateLimiter(clock=clock)
    for i in range(500):
        limiter.hit(f"key:{i}", 6000, 1)  # state worth keeping for 10 ms
    assert len(limiter) == 500
    clock.now += 1.0
    for _ in range(300):
        limiter.hit("busy", 600_000, 1000)
    # Each decision drops up to two expired keys from the front.
    assert len(limiter) == 1


def test_invalid_parameters_are_refused_with_a_readable_message():
    with pytest.raises(ValueError, match="per_minute and burst must be >= 1"):
        Bucket("k", 0, 1)
    with pytest.raises(ValueError, match="max_keys must be >= 1"):
        MemoryRateLimiter(max_keys=0)
