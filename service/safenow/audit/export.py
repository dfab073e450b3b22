"""Export records as JSON Lines for a SIEM, filtered by time."""

from __future__ import annotations

import datetime as dt
from typing import TextIO

from safenow.audit.base import AuditSink
from safenow.audit.record import canonical_json


def parse_when(text: str, option: str) -> float:
    """An ISO 8601 date or date-time (UTC unless an offset is given) as epoch seconds."""
    try:
        if len(text) == 10:
            moment = dt.datetime.combine(dt.date.fromisoformat(text), dt.time(), dt.UTC)
        else:
            moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=dt.UTC)
    except ValueError:
        raise ValueError(
            f"{option}={text!r} is not an ISO 8601 date or date-time "
            "(for example 2025-01-31 or 2025-01-31T12:00:00Z)"
        ) from None
    return moment.timestamp()


def export_records(sink: AuditSink, since: float | None, until: float | None, out: TextIO) -> int:
    """Write every record with since <= ts < until, sealed fields included, so the
    SIEM side can re-check hashes. Returns the number of records written."""
    count = 0
    for record in sink.records_between(since, until):
        out.write(canonical_json(record) + "\n")
        count += 1
    return count
