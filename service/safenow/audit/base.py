"""The audit sink interface and the trail that feeds it.

A sink stores sealed records of many writers (one writer per process) and
returns each writer's records in append order. Sinks keep records in
segments (a UTC day of one writer's chain) so that retention removes whole
segments; a signed checkpoint then tells `verify` where the chain resumes.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from safenow.audit.record import GENESIS, seal


class AuditError(Exception):
    """The sink could not durably record an event."""


@dataclass(frozen=True)
class Entry:
    """One stored item of a writer's stream, in append order.

    `record` is None when the stored bytes cannot be read as a record; then
    `problem` says why. `torn` marks an incomplete final write at the end of
    a segment (a truncated tail): the process died inside the write, before
    the record was acknowledged.
    """

    location: str
    record: dict[str, Any] | None
    problem: str | None = None
    torn: bool = False


@dataclass(frozen=True)
class Segment:
    """A whole unit of retention: one UTC day of one writer's chain."""

    id: str
    day: dt.date


class AuditSink(Protocol):
    name: str

    def append(self, record: dict[str, Any]) -> None:
        """Durably store one sealed record (raise AuditError otherwise)."""
        ...

    def head(self, writer: str) -> tuple[int, str]:
        """Next sequence number and previous hash for a writer that resumes."""
        ...

    def writers(self) -> list[str]: ...

    def entries(self, writer: str) -> Iterator[Entry]: ...

    def records(self, writer: str) -> Iterator[dict[str, Any]]: ...

    def last_record(self, writer: str) -> dict[str, Any] | None: ...

    def records_between(self, since: float | None, until: float | None) -> Iterator[dict]: ...

    def segments(self, writer: str) -> list[Segment]: ...

    def segment_tail(self, writer: str, segment_id: str) -> dict[str, Any] | None: ...

    def checkpoint(self, writer: str) -> dict[str, Any] | None: ...

    def purge(self, writer: str, segment_ids: list[str], checkpoint: dict[str, Any]) -> int: ...

    def check(self) -> tuple[bool, str]: ...

    def close(self) -> None: ...


def readable_records(entries: Iterator[Entry]) -> Iterator[dict[str, Any]]:
    """The records of a chain that parsed; torn or unreadable entries are skipped
    here and reported by `verify`, which reads the entries themselves."""
    for entry in entries:
        if entry.record is not None:
            yield entry.record


def head_from(last: dict[str, Any] | None, checkpoint: dict[str, Any] | None) -> tuple[int, str]:
    """Where a writer's chain continues: after its last record, else its checkpoint."""
    if last is not None:
        return last["seq"] + 1, last["hash"]
    if checkpoint is not None:
        return checkpoint["next_seq"], checkpoint["prev_hash"]
    return 0, GENESIS


def segment_day(ts: float) -> dt.date:
    return dt.datetime.fromtimestamp(ts, dt.UTC).date()


def iso_time(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts, dt.UTC).isoformat(timespec="milliseconds")


def policy_check(ok: bool, detail: str, failure_policy: str) -> tuple[bool, str]:
    """Readiness under AUDIT_ON_FAILURE=degrade: serve on, but say so."""
    if ok or failure_policy != "degrade":
        return ok, detail
    return True, f"degraded (AUDIT_ON_FAILURE=degrade): {detail}"


_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")


def default_writer_id() -> str:
    """One chain per process: host (pod name in Kubernetes) and pid."""
    host = _UNSAFE.sub("_", socket.gethostname()) or "host"
    return f"{host}-{os.getpid()}"


# Every record carries the same fields, whichever code path wrote it, so a
# SIEM sees one schema (absent values are null, never missing keys).
STANDARD_FIELDS = (
    "ts",
    "time",
    "decision",
    "request_id",
    "key_name",
    "tier",
    "route",
    "input_verdict",
    "output_verdict",
    "model",
    "fallback",
    "latency_ms",
    "prompt_sha256",
    "output_sha256",
    "prompt_excerpt",
)


class AuditTrail:
    """Seals events into this process's chain and hands them to the sink."""

    def __init__(self, sink: AuditSink, writer: str | None = None) -> None:
        self.sink = sink
        self._writer = writer
        self._lock = threading.Lock()
        self._pid: int | None = None
        self._seq = 0
        self._prev = GENESIS

    @property
    def writer(self) -> str:
        # Resolved lazily so that a forked gunicorn worker gets its own pid.
        if self._writer is None or (self._pid is not None and self._pid != os.getpid()):
            self._writer = default_writer_id()
        return self._writer

    def record(self, event: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            if self._pid != os.getpid():
                # First record of this process (or of a forked child): resume
                # the writer's chain where the sink says it ends.
                writer = self.writer
                self._seq, self._prev = self.sink.head(writer)
                self._pid = os.getpid()
            full = {name: None for name in STANDARD_FIELDS}
            full.update(event)
            if full["ts"] is None:
                full["ts"] = time.time()
            if full["time"] is None:
                full["time"] = iso_time(full["ts"])
            sealed = seal(full, self.writer, self._seq, self._prev)
            self.sink.append(sealed)
            self._seq += 1
            self._prev = sealed["hash"]
            return sealed
