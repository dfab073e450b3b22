"""Chain verification: walk each writer's stored records and name the first break."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from safenow.audit.base import AuditSink
from safenow.audit.checkpoint import checkpoint_problem
from safenow.audit.record import GENESIS, link_problem


@dataclass
class ChainReport:
    writer: str
    ok: bool = True
    records: int = 0
    first_seq: int | None = None
    last_seq: int | None = None
    from_checkpoint: bool = False
    # Position (0-based index in the writer's stored stream), where and why.
    broken_at: int | None = None
    location: str | None = None
    reason: str | None = None
    truncated_tails: list[str] = field(default_factory=list)
    before_checkpoint: int = 0

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def summary(self) -> str:
        if not self.ok:
            return (
                f"BROKEN writer={self.writer} at position {self.broken_at} "
                f"({self.location}): {self.reason}"
            )
        span = "no records" if self.records == 0 else f"seq {self.first_seq}..{self.last_seq}"
        parts = [f"OK writer={self.writer} records={self.records} {span}"]
        if self.from_checkpoint:
            parts.append("starts from a signed checkpoint")
        for where in self.truncated_tails:
            parts.append(f"truncated tail at {where} (an unacknowledged write cut by a crash)")
        if self.before_checkpoint:
            parts.append(
                f"{self.before_checkpoint} record(s) precede the checkpoint "
                "(an interrupted purge; run purge again)"
            )
        return "; ".join(parts)


def verify_writer(sink: AuditSink, writer: str, key: str | None) -> ChainReport:
    report = ChainReport(writer)
    expected_seq, expected_prev = 0, GENESIS
    checkpoint = sink.checkpoint(writer)
    if checkpoint is not None:
        problem = checkpoint_problem(checkpoint, writer, key)
        if problem is not None:
            return _broken(report, -1, "checkpoint", problem)
        expected_seq, expected_prev = checkpoint["next_seq"], checkpoint["prev_hash"]
        report.from_checkpoint = True
    for position, entry in enumerate(sink.entries(writer)):
        if entry.torn:
            report.truncated_tails.append(entry.location)
            continue
        if entry.record is None:
            return _broken(report, position, entry.location, entry.problem or "unreadable")
        record = entry.record
        seq = record.get("seq")
        if (
            checkpoint is not None
            and report.records == 0
            and isinstance(seq, int)
            and seq < expected_seq
        ):
            # Left behind by a purge that signed its checkpoint but died
            # before removing every old segment.
            report.before_checkpoint += 1
            continue
        if record.get("writer") != writer:
            return _broken(
                report, position, entry.location, f"record of writer {record.get('writer')!r}"
            )
        problem = link_problem(record, expected_seq, expected_prev)
        if problem is not None:
            if report.records == 0 and checkpoint is None and expected_seq == 0:
                problem = f"chain does not start at seq 0 and no checkpoint exists: {problem}"
            return _broken(report, position, entry.location, problem)
        if report.first_seq is None:
            report.first_seq = seq
        report.last_seq = seq
        report.records += 1
        expected_seq, expected_prev = seq + 1, record["hash"]
    return report


def _broken(report: ChainReport, position: int, location: str, reason: str) -> ChainReport:
    report.ok = False
    report.broken_at = position
    report.location = location
    report.reason = reason
    return report


def verify_sink(sink: AuditSink, key: str | None, writer: str | None = None) -> list[ChainReport]:
    writers = [writer] if writer else sink.writers()
    return [verify_writer(sink, name, key) for name in writers]
