"""GCRA (generic cell rate algorithm), shared by every store.

State is one number per key, the theoretical arrival time (TAT). A request at
time `now` is allowed when `TAT - now <= burst_tolerance`; then TAT advances
by one emission interval. This gives a smooth rate with a bounded burst and
needs no window boundaries, so there is no double burst at window edges.
"""

from __future__ import annotations

import math

from safenow.ratelimit.base import Decision


def gcra_decide(tat: float, now: float, per_minute: int, burst: int) -> tuple[Decision, float]:
    """Return the decision and the new TAT (unchanged when rejected)."""
    interval = 60.0 / per_minute
    tolerance = interval * (burst - 1)
    tat = max(tat, now)
    allow_at = tat - tolerance
    if now < allow_at:
        return Decision(False, burst, 0, tat - now, allow_at - now), tat
    new_tat = tat + interval
    # How many more requests would pass right now: the k-th passes while
    # new_tat + (k - 1) * interval - tolerance <= now.
    remaining = math.floor((tolerance - (new_tat - now)) / interval + 1e-9) + 1
    return Decision(True, burst, max(0, remaining), new_tat - now, 0.0), new_tat
