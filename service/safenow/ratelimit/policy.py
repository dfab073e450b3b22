"""Applies per-tier limits (and the optional global limit) to a principal."""

from __future__ import annotations

import math

from safenow.auth import Principal
from safenow.errors import ApiError
from safenow.metrics import Metrics
from safenow.ratelimit.base import Bucket, Decision, RateLimiter, RateLimitStoreUnavailable
from safenow.settings import Settings

GLOBAL_KEY = "global"


def key_bucket_name(principal_name: str) -> str:
    return f"key:{principal_name}"


class KeyRateLimitPolicy:
    def __init__(self, limiter: RateLimiter, settings: Settings, metrics: Metrics) -> None:
        self.limiter = limiter
        self.settings = settings
        self.metrics = metrics

    def buckets_for(self, principal: Principal) -> list[Bucket]:
        limit = self.settings.limit_for_tier(principal.tier)
        buckets = [Bucket(key_bucket_name(principal.name), limit.requests_per_minute, limit.burst)]
        global_rpm = self.settings.RATE_LIMIT_GLOBAL_PER_MINUTE
        if global_rpm:
            # The global bucket allows a burst of one second's worth of traffic.
            buckets.append(Bucket(GLOBAL_KEY, global_rpm, max(1, global_rpm // 60)))
        return buckets

    def decide(self, principal: Principal) -> Decision:
        """One decision over the key's bucket and the global one (one store round trip).

        Raises ApiError 503 when the store is down and the failure policy is
        fail-closed.
        """
        try:
            key_decision, *global_decision = self.limiter.hit_many(self.buckets_for(principal))
        except RateLimitStoreUnavailable as exc:
            raise ApiError(
                503,
                "ratelimit_store_unavailable",
                "the rate-limit store is unreachable and RATE_LIMIT_ON_STORE_FAILURE="
                "fail-closed refuses requests until it returns; retry later",
                headers={"Retry-After": str(max(1, math.ceil(exc.retry_after)))},
            ) from exc
        if not key_decision.allowed:
            self.metrics.ratelimit_rejections.labels(principal.tier, "key").inc()
            return key_decision
        if global_decision and not global_decision[0].allowed:
            self.metrics.ratelimit_rejections.labels(principal.tier, "global").inc()
            return global_decision[0]
        return key_decision
