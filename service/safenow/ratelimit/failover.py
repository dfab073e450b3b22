"""What the limiter does while its shared store (Redis) cannot answer.

`RATE_LIMIT_ON_STORE_FAILURE` picks one of three policies:

- `local` (default): each process limits on its own, with every limit divided
  by `RATE_LIMIT_EXPECTED_PROCESSES`, so all processes together stay close to
  the configured limit while no request fails because of the store.
- `fail-open`: every request passes; nothing is limited until the store returns.
- `fail-closed`: every request is refused with 503 until the store returns.

The first failure switches the process to degraded mode (one log line, the
`ratelimit_degraded` gauge at 1); from then on the store is tried again once
per backoff period instead of on every request, so an outage costs one
timeout per period, not one per request. The first success switches back
(one log line, gauge at 0). Every decision taken without the store counts in
`ratelimit_store_failures{mode}`.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Sequence

import redis
import structlog

from safenow.metrics import Metrics
from safenow.ratelimit.base import Bucket, Decision, RateLimiter, RateLimitStoreUnavailable
from safenow.ratelimit.memory import MemoryRateLimiter
from safenow.ratelimit.redis_store import RedisRateLimiter

log = structlog.get_logger("safenow.ratelimit")

FAILURE_MODES = ("fail-open", "fail-closed", "local")

# Charged by readiness checks; its limit is high enough never to refuse.
_PROBE = Bucket("readiness-probe", 1_000_000, 1_000_000)

# Any error of the client library means the store did not decide: refused or
# timed-out connections, READONLY from a demoted replica, LOADING after a
# restart, OOM, and so on.
STORE_ERRORS = (redis.RedisError,)


class StoreFailover:
    """Wraps the shared store and applies the failure policy while it is down."""

    def __init__(
        self,
        store: RedisRateLimiter,
        mode: str,
        metrics: Metrics,
        expected_processes: int = 1,
        retry_after_s: float = 1.0,
        local: RateLimiter | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if mode not in FAILURE_MODES:
            raise ValueError(
                f"RATE_LIMIT_ON_STORE_FAILURE={mode!r}: allowed values are "
                + ", ".join(FAILURE_MODES)
            )
        if expected_processes < 1:
            raise ValueError(f"RATE_LIMIT_EXPECTED_PROCESSES={expected_processes}: must be >= 1")
        self.store = store
        self.mode = mode
        self.metrics = metrics
        self.expected_processes = expected_processes
        self.retry_after_s = retry_after_s
        self.local = local or MemoryRateLimiter()
        self.name = store.name
        self._clock = clock
        self._lock = threading.Lock()
        self._degraded_since: float | None = None
        self._last_error = ""
        self._next_try = 0.0
        self._decisions_without_store = 0
        self.metrics.ratelimit_degraded.set(0)

    @property
    def degraded(self) -> bool:
        return self._degraded_since is not None

    # --- deciding -------------------------------------------------------
    def hit(self, key: str, per_minute: int, burst: int) -> Decision:
        return self.hit_many([Bucket(key, per_minute, burst)])[0]

    def hit_many(self, buckets: Sequence[Bucket]) -> list[Decision]:
        if self._should_try_store():
            try:
                decisions = self.store.hit_many(buckets)
            except STORE_ERRORS as exc:
                self._record_failure(exc)
            else:
                self._record_success()
                return decisions
        return self._decide_without_store(buckets)

    def _should_try_store(self) -> bool:
        if self._degraded_since is None:
            return True
        with self._lock:
            now = self._clock()
            if self._degraded_since is None:
                return True
            if now < self._next_try:
                return False
            # This thread probes; the others keep using the fallback meanwhile.
            self._next_try = now + self.retry_after_s
            return True

    def _decide_without_store(self, buckets: Sequence[Bucket]) -> list[Decision]:
        self.metrics.ratelimit_store_failures.labels(self.mode).inc()
        with self._lock:
            self._decisions_without_store += 1
        if self.mode == "fail-open":
            # Nothing is counted, so the headers advertise the whole burst.
            return [Decision(True, b.burst, b.burst, 0.0, 0.0) for b in buckets]
        if self.mode == "fail-closed":
            raise RateLimitStoreUnavailable(
                f"rate-limit store unreachable ({self._last_error})", self.retry_after_s
            )
        return self.local.hit_many([self._local_share(b) for b in buckets])

    def _local_share(self, bucket: Bucket) -> Bucket:
        # Rounded up so that no limit drops to zero; all processes together
        # allow at most `expected_processes - 1` more than the shared limit.
        n = self.expected_processes
        return Bucket(bucket.key, math.ceil(bucket.per_minute / n), math.ceil(bucket.burst / n))

    # --- state transitions --------------------------------------------
    def _record_failure(self, exc: Exception) -> None:
        with self._lock:
            now = self._clock()
            self._last_error = f"{type(exc).__name__}: {exc}"
            self._next_try = now + self.retry_after_s
            if self._degraded_since is not None:
                return
            self._degraded_since = now
            self._decisions_without_store = 0
        self.metrics.ratelimit_degraded.set(1)
        log.warning(
            "ratelimit_store_degraded",
            store=self.store.name,
            mode=self.mode,
            error=self._last_error,
            retry_every_s=self.retry_after_s,
        )

    def _record_success(self) -> None:
        if self._degraded_since is None:
            return
        with self._lock:
            if self._degraded_since is None:
                return
            outage_s = self._clock() - self._degraded_since
            self._degraded_since = None
            without_store = self._decisions_without_store
        self.metrics.ratelimit_degraded.set(0)
        log.info(
            "ratelimit_store_recovered",
            store=self.store.name,
            mode=self.mode,
            outage_s=round(outage_s, 3),
            decisions_without_store=without_store,
        )

    # --- readiness ------------------------------------------------------
    def check(self) -> tuple[bool, str]:
        # A real decision on a probe key, not PING: a demoted replica answers
        # PING but refuses the script's write.
        if self._should_try_store():
            try:
                self.store.hit_many([_PROBE])
            except STORE_ERRORS as exc:
                self._record_failure(exc)
            else:
                self._record_success()
                return True, f"{self.store.name} at {self.store.where}"
        return self._degraded_detail()

    def _degraded_detail(self) -> tuple[bool, str]:
        since = self._degraded_since
        outage = 0.0 if since is None else self._clock() - since
        what = f"{self.store.name} store unreachable for {outage:.1f}s ({self._last_error})"
        if self.mode == "fail-closed":
            # Every request is refused anyway: let the balancer route elsewhere.
            return False, f"{what}; refusing requests (fail-closed)"
        if self.mode == "fail-open":
            return True, f"degraded: {what}; limits not enforced (fail-open)"
        return True, (
            f"degraded: {what}; per-process limits at 1/{self.expected_processes} (local)"
        )
