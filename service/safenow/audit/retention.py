"""Retention: remove whole segments older than AUDIT_RETENTION_DAYS.

For each writer, the longest run of oldest segments whose UTC day is before
the cutoff goes. The chain then resumes from a checkpoint signed with
AUDIT_CHECKPOINT_KEY that names the seq and hash the first kept record
links to, so `verify` still passes after a purge. A writer whose chain does
not verify is left alone: purging it would launder the tampered records.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from safenow.audit.base import AuditSink, head_from, segment_day
from safenow.audit.checkpoint import make_checkpoint, require_key
from safenow.audit.verify import verify_writer


@dataclass
class PurgeResult:
    writer: str
    segments: list[str]
    records: int = 0
    next_seq: int | None = None
    refused: str | None = None

    def summary(self) -> str:
        if self.refused:
            return f"SKIPPED writer={self.writer}: {self.refused}"
        return (
            f"PURGED writer={self.writer} segments={len(self.segments)} records={self.records} "
            f"chain resumes at seq {self.next_seq}"
        )


def cutoff_day(retention_days: int, now: float | None = None) -> dt.date:
    return segment_day(now if now is not None else time.time()) - dt.timedelta(days=retention_days)


def purge_sink(
    sink: AuditSink,
    retention_days: int,
    key: str | None,
    now: float | None = None,
    dry_run: bool = False,
) -> list[PurgeResult]:
    require_key(key)
    if retention_days < 1:
        raise ValueError(f"retention must be at least 1 day, got {retention_days}")
    cutoff = cutoff_day(retention_days, now)
    results = []
    for writer in sink.writers():
        old = []
        for segment in sink.segments(writer):
            if segment.day >= cutoff:
                break
            old.append(segment)
        if not old:
            continue
        result = PurgeResult(writer, [s.id for s in old])
        report = verify_writer(sink, writer, key)
        if not report.ok:
            result.refused = f"chain does not verify ({report.summary()})"
            results.append(result)
            continue
        previous = sink.checkpoint(writer)
        tail = None
        for segment in reversed(old):
            tail = sink.segment_tail(writer, segment.id)
            if tail is not None:
                break
        result.next_seq, prev_hash = head_from(tail, previous)
        if not dry_run:
            checkpoint = make_checkpoint(
                writer, result.next_seq, prev_hash, old[-1].id, previous, key
            )
            result.records = sink.purge(writer, result.segments, checkpoint)
        results.append(result)
    return results
