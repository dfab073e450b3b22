"""The rate-limit interface, the buckets it is asked about and the decision it returns."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Bucket:
    """One limit to charge a request against: a key and its GCRA parameters."""

    key: str
    per_minute: int
    burst: int

    def __post_init__(self) -> None:
        if self.per_minute < 1 or self.burst < 1:
            raise ValueError(
                f"bucket {self.key!r}: per_minute and burst must be >= 1 "
                f"(got {self.per_minute}/{self.burst})"
            )


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


class RateLimitStoreUnavailable(Exception):
    """The shared store cannot decide and the configured policy is to refuse (fail-closed)."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class RateLimiter(Protocol):
    name: str

    def hit(self, key: str, per_minute: int, burst: int) -> Decision:
        """Count one request for `key` and say whether it may proceed."""
        ...

    def hit_many(self, buckets: Sequence[Bucket]) -> list[Decision]:
        """All or nothing: count the request in every bucket only if every bucket allows it.

        The decisions come back in the order of `buckets`. When one bucket
        rejects, no bucket is charged (so a request refused by the global limit
        does not use up the caller's own allowance).
        """
        ...

    def check(self) -> tuple[bool, str]: ...
