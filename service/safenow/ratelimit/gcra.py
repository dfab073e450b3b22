"""GCRA (generic cell rate algorithm), the arithmetic every store shares.

State is one number per key, the theoretical arrival time (TAT). With the
emission interval `T = 60 / per_minute` and the tolerance `tau = T * (burst - 1)`,
a request at time `now` is allowed when `now >= TAT - tau`; then
`TAT = max(TAT, now) + T`. A fresh key therefore passes `burst` requests at
once and then one every `T` seconds, so over any span of `W` seconds at most
`burst + floor(W / T)` requests pass. There are no window boundaries, so no
double burst at a window edge, and the state of a key is worthless once
`TAT <= now`, which is when a store may forget it.

The Redis store runs the same formulas in Lua (see redis_store.py); the
memory store calls `gcra_decide` below.
"""

from __future__ import annotations

import math

from safenow.ratelimit.base import Decision

# Guards floor() against 2.9999999 where exact arithmetic gives 3.
_EPSILON = 1e-9


def emission_interval(per_minute: int) -> float:
    return 60.0 / per_minute


def gcra_decide(tat: float, now: float, per_minute: int, burst: int) -> tuple[Decision, float]:
    """Return the decision and the new TAT (unchanged when rejected)."""
    interval = emission_interval(per_minute)
    tolerance = interval * (burst - 1)
    tat = max(tat, now)
    allow_at = tat - tolerance
    if now < allow_at:
        return Decision(False, burst, 0, tat - now, allow_at - now), tat
    new_tat = tat + interval
    # How many more requests would pass right now: the k-th passes while
    # new_tat + (k - 1) * interval - tolerance <= now.
    remaining = math.floor((tolerance - (new_tat - now)) / interval + _EPSILON) + 1
    return Decision(True, burst, max(0, remaining), new_tat - now, 0.0), new_tat


def uncharged(decision: Decision, per_minute: int) -> Decision:
    """An allowing decision restated for a request that was not charged after all.

    `hit_many` uses it when another bucket rejected: this bucket kept the
    interval it would have spent, so one more request remains and the reset
    comes one interval sooner.
    """
    interval = emission_interval(per_minute)
    return Decision(
        True,
        decision.limit,
        min(decision.limit, decision.remaining + 1),
        max(0.0, decision.reset_after - interval),
        0.0,
    )
