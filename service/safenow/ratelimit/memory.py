"""In-process GCRA limiter: one process only (the `make run` default, and the
per-process fallback when the shared store is down)."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence

from safenow.ratelimit.base import Bucket, Decision
from safenow.ratelimit.gcra import gcra_decide, uncharged

DEFAULT_MAX_KEYS = 100_000
# Expired entries dropped per decision: a small constant keeps each decision
# O(1) while idle keys still drain away over time.
_PURGE_PER_HIT = 2


class MemoryRateLimiter:
    name = "memory"

    def __init__(
        self, max_keys: int = DEFAULT_MAX_KEYS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if max_keys < 1:
            raise ValueError(f"max_keys must be >= 1 (got {max_keys})")
        # Least recently used first: the purge below only looks at the front,
        # which keeps each decision O(1).
        self._tats: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()
        self._max_keys = max_keys
        self._clock = clock
        self.evicted = 0

    def hit(self, key: str, per_minute: int, burst: int) -> Decision:
        return self.hit_many([Bucket(key, per_minute, burst)])[0]

    def hit_many(self, buckets: Sequence[Bucket]) -> list[Decision]:
        with self._lock:
            now = self._clock()
            outcomes = [
                gcra_decide(self._tats.get(b.key, now), now, b.per_minute, b.burst) for b in buckets
            ]
            if not all(decision.allowed for decision, _ in outcomes):
                return [
                    uncharged(decision, b.per_minute) if decision.allowed else decision
                    for (decision, _), b in zip(outcomes, buckets, strict=True)
                ]
            for (_, tat), b in zip(outcomes, buckets, strict=True):
                self._tats[b.key] = tat
                self._tats.move_to_end(b.key)
            self._purge(now)
            return [decision for decision, _ in outcomes]

    def _purge(self, now: float) -> None:
        # A key whose TAT has passed carries no state (a fresh key behaves the
        # same), so forgetting it is lossless.
        for _ in range(_PURGE_PER_HIT):
            if not self._tats:
                break
            oldest_key, oldest_tat = next(iter(self._tats.items()))
            if oldest_tat > now:
                break
            del self._tats[oldest_key]
        # Past the cap the least recently used key goes even if it is still
        # limited: that client may get its burst back early, memory stays bounded.
        while len(self._tats) > self._max_keys:
            self._tats.popitem(last=False)
            self.evicted += 1

    def __len__(self) -> int:
        return len(self._tats)

    def check(self) -> tuple[bool, str]:
        return True, f"in-process store, {len(self._tats)} keys"
