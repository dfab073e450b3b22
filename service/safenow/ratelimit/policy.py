"""Applies per-tier limits (and the optional global limit) to a principal."""

from __future__ import annotations

from safenow.auth import Principal
from safenow.metrics import Metrics
from safenow.ratelimit.base import Decision, RateLimiter
from safenow.settings import Settings


class KeyRateLimitPolicy:
    def __init__(self, limiter: RateLimiter, settings: Settings, metrics: Metrics) -> None:
        self.limiter = limiter
        self.settings = settings
        self.metrics = metrics

    def decide(self, principal: Principal) -> Decision:
        limit = self.settings.limit_for_tier(principal.tier)
        decision = self.limiter.hit(
            f"key:{principal.name}", limit.requests_per_minute, limit.burst
        )
        if not decision.allowed:
            self.metrics.ratelimit_rejections.labels(principal.tier, "key").inc()
            return decision
        global_rpm = self.settings.RATE_LIMIT_GLOBAL_PER_MINUTE
        if global_rpm:
            # The global bucket allows a burst of one second's worth of traffic.
            burst = max(1, global_rpm // 60)
            overall = self.limiter.hit("global", global_rpm, burst)
            if not overall.allowed:
                self.metrics.ratelimit_rejections.labels(principal.tier, "global").inc()
                return overall
        return decision
