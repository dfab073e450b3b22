"""In-process GCRA limiter: one process only (the `make run` default)."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from safenow.ratelimit.base import Decision
from safenow.ratelimit.gcra import gcra_decide


class MemoryRateLimiter:
    name = "memory"

    def __init__(self, max_keys: int = 100_000, clock: Callable[[], float] = time.monotonic):
        self._tats: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()
        self._max_keys = max_keys
        self._clock = clock

    def hit(self, key: str, per_minute: int, burst: int) -> Decision:
        with self._lock:
            now = self._clock()
            decision, tat = gcra_decide(self._tats.get(key, now), now, per_minute, burst)
            self._tats[key] = tat
            self._tats.move_to_end(key)
            # Keys whose TAT is in the past carry no state worth keeping; the
            # oldest are dropped first once the table is full, which bounds memory.
            while len(self._tats) > self._max_keys:
                self._tats.popitem(last=False)
            return decision

    def __len__(self) -> int:
        return len(self._tats)

    def check(self) -> tuple[bool, str]:
        return True, f"in-process store, {len(self._tats)} keys"
