"""The rate-limit interface and the decision it returns."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Decision:
    allowed: bool
    limit: int
    remaining: int
    # Seconds until the full burst is available again.
    reset_after: float
    # Seconds until the next request would be allowed (0 when allowed).
    retry_after: float

    def headers(self) -> dict[str, str]:
        """The IETF draft RateLimit-* fields (plus Retry-After on rejection)."""
        out = {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(max(0, self.remaining)),
            "RateLimit-Reset": str(max(0, math.ceil(self.reset_after))),
        }
        if not self.allowed:
            out["Retry-After"] = str(max(1, math.ceil(self.retry_after)))
        return out


class RateLimiter(Protocol):
    name: str

    def hit(self, key: str, per_minute: int, burst: int) -> Decision:
        """Count one request for `key` and say whether it may proceed."""
        ...

    def check(self) -> tuple[bool, str]: ...
