"""Append-only JSON Lines files: one folder per writer, one file per segment.

Layout: `<AUDIT_LOG_PATH>/<writer>/<first seq, 12 digits>_<UTC day>.jsonl`,
plus `checkpoint.json` once a purge has run. A writer starts a new segment
when the UTC day changes and whenever its process (re)starts, so a line torn
by a crash is always the last line of a segment and is reported by
`verify` as a truncated tail, never appended to.

Each record is written with one `write()` call on an O_APPEND descriptor;
AUDIT_FSYNC=always fsyncs before the request is answered, `group` lets
group_commit.py fsync every AUDIT_GROUP_COMMIT_MS.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import heapq
import json
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from safenow.audit.base import (
    AuditError,
    Entry,
    Segment,
    head_from,
    policy_check,
    readable_records,
    segment_day,
)
from safenow.audit.group_commit import GroupCommitter
from safenow.audit.record import canonical_json

# <first seq>_<day>[.<n>].jsonl; ".n" only when a file of that name exists
# already (a segment that received nothing but a torn write).
_SEGMENT = re.compile(r"^(\d{12})_(\d{4}-\d{2}-\d{2})(?:\.(\d+))?\.jsonl$")


def _segment_order(path: Path) -> tuple[int, int]:
    match = _SEGMENT.match(path.name)
    assert match is not None
    return int(match.group(1)), int(match.group(3) or 0)


CHECKPOINT_FILE = "checkpoint.json"


class _OpenSegment:
    def __init__(self, path: Path, fd: int, day: dt.date) -> None:
        self.path = path
        self.fd = fd
        self.day = day
        self.inode = os.fstat(fd).st_ino


class FileAuditSink:
    name = "file"

    def __init__(
        self,
        directory: Path,
        fsync: str = "always",
        group_commit_ms: int = 10,
        failure_policy: str = "fail-closed",
    ) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.fsync = fsync
        self.group_commit_ms = group_commit_ms
        self.failure_policy = failure_policy
        self._lock = threading.Lock()
        self._open: dict[str, _OpenSegment] = {}
        self._committer: GroupCommitter | None = None
        self._pid = os.getpid()
        self._last_error: str | None = None

    # --- writing ----------------------------------------------------------------
    def _writer_dir(self, writer: str) -> Path:
        return self.directory / writer

    def _segment_for(self, record: dict[str, Any]) -> _OpenSegment:
        writer = record["writer"]
        day = segment_day(record["ts"])
        current = self._open.get(writer)
        if current is not None and (current.day != day or not self._still_there(current)):
            self._close_segment(current)
            del self._open[writer]
            current = None
        if current is None:
            folder = self._writer_dir(writer)
            folder.mkdir(parents=True, exist_ok=True)
            stem = f"{record['seq']:012d}_{day.isoformat()}"
            path = folder / f"{stem}.jsonl"
            counter = 0
            while path.exists():
                counter += 1
                path = folder / f"{stem}.{counter}.jsonl"
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_EXCL, 0o640)
            current = _OpenSegment(path, fd, day)
            self._open[writer] = current
        return current

    @staticmethod
    def _still_there(segment: _OpenSegment) -> bool:
        # The folder may be removed or replaced under a running service; a
        # write to an unlinked file would be lost without any error.
        try:
            return os.stat(segment.path).st_ino == segment.inode
        except OSError:
            return False

    def _close_segment(self, segment: _OpenSegment) -> None:
        # Best effort: the descriptor is closed even when the disk is failing.
        with contextlib.suppress(OSError):
            os.fsync(segment.fd)
        os.close(segment.fd)

    def append(self, record: dict[str, Any]) -> None:
        data = (canonical_json(record) + "\n").encode("utf-8")
        try:
            with self._lock:
                self._after_fork()
                if self._committer is not None and (error := self._committer.take_error()):
                    raise OSError(f"background fsync failed: {error}")
                segment = self._segment_for(record)
                written = os.write(segment.fd, data)
                if written != len(data):
                    # A short write leaves a partial line; never build on it.
                    self._close_segment(segment)
                    del self._open[record["writer"]]
                    raise OSError(f"short write ({written} of {len(data)} bytes)")
                if self.fsync == "always":
                    os.fsync(segment.fd)
                else:
                    self._group().mark_dirty()
                self._last_error = None
        except OSError as exc:
            self._last_error = str(exc)
            raise AuditError(f"cannot write audit file: {exc}") from exc

    def _after_fork(self) -> None:
        if self._pid != os.getpid():
            # Descriptors and the flusher thread belong to the parent.
            self._open = {}
            self._committer = None
            self._pid = os.getpid()

    def _group(self) -> GroupCommitter:
        if self._committer is None:
            self._committer = GroupCommitter(self._fsync_open, self.group_commit_ms)
        return self._committer

    def _fsync_open(self) -> None:
        with self._lock:
            for segment in self._open.values():
                os.fsync(segment.fd)

    # --- reading ----------------------------------------------------------------
    def writers(self) -> list[str]:
        if not self.directory.is_dir():
            return []
        return sorted(p.name for p in self.directory.iterdir() if p.is_dir())

    def _segment_paths(self, writer: str) -> list[Path]:
        folder = self._writer_dir(writer)
        if not folder.is_dir():
            return []
        return sorted((p for p in folder.iterdir() if _SEGMENT.match(p.name)), key=_segment_order)

    def segments(self, writer: str) -> list[Segment]:
        result = []
        for path in self._segment_paths(writer):
            match = _SEGMENT.match(path.name)
            assert match is not None
            result.append(Segment(path.name, dt.date.fromisoformat(match.group(2))))
        return result

    def _read_segment(self, path: Path) -> Iterator[Entry]:
        data = path.read_bytes()
        lines = data.split(b"\n")
        tail = lines.pop()  # bytes after the last newline: empty unless torn
        for number, line in enumerate(lines, start=1):
            where = f"{path.parent.name}/{path.name} line {number}"
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError("not a JSON object")
            except ValueError as exc:
                yield Entry(where, None, f"unreadable line: {exc}")
                continue
            yield Entry(where, record)
        if tail:
            where = f"{path.parent.name}/{path.name} line {len(lines) + 1}"
            yield Entry(f"{where} ({len(tail)} bytes, no newline)", None, torn=True)

    def entries(self, writer: str) -> Iterator[Entry]:
        for path in self._segment_paths(writer):
            yield from self._read_segment(path)

    def records(self, writer: str) -> Iterator[dict[str, Any]]:
        return readable_records(self.entries(writer))

    def _last_in(self, paths: list[Path]) -> dict[str, Any] | None:
        for path in reversed(paths):
            last = None
            for entry in self._read_segment(path):
                if entry.record is not None:
                    last = entry.record
            if last is not None:
                return last
        return None

    def last_record(self, writer: str) -> dict[str, Any] | None:
        return self._last_in(self._segment_paths(writer))

    def segment_tail(self, writer: str, segment_id: str) -> dict[str, Any] | None:
        return self._last_in([self._writer_dir(writer) / segment_id])

    def head(self, writer: str) -> tuple[int, str]:
        try:
            return head_from(self.last_record(writer), self.checkpoint(writer))
        except OSError as exc:
            raise AuditError(f"cannot read audit folder: {exc}") from exc

    def records_between(self, since: float | None, until: float | None) -> Iterator[dict]:
        first_day = segment_day(since) if since is not None else None
        last_day = segment_day(until) if until is not None else None

        def stream(writer: str) -> Iterator[tuple[float, str, int, dict]]:
            for segment in self.segments(writer):
                if (first_day and segment.day < first_day) or (last_day and segment.day > last_day):
                    continue
                for entry in self._read_segment(self._writer_dir(writer) / segment.id):
                    record = entry.record
                    if record is None:
                        continue
                    ts = record.get("ts", 0)
                    if (since is None or ts >= since) and (until is None or ts < until):
                        yield ts, writer, record.get("seq", 0), record

        merged = heapq.merge(*(stream(w) for w in self.writers()), key=lambda t: t[:3])
        for *_, record in merged:
            yield record

    # --- retention --------------------------------------------------------------
    def checkpoint(self, writer: str) -> dict[str, Any] | None:
        path = self._writer_dir(writer) / CHECKPOINT_FILE
        if not path.exists():
            return None
        return json.loads(path.read_text(encoding="utf-8"))

    def purge(self, writer: str, segment_ids: list[str], checkpoint: dict[str, Any]) -> int:
        folder = self._writer_dir(writer)
        # Checkpoint first, durably; then the segments. A crash in between
        # leaves old records that verify reports and the next purge removes.
        temporary = folder / f".{CHECKPOINT_FILE}.tmp"
        temporary.write_text(canonical_json(checkpoint), encoding="utf-8")
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, folder / CHECKPOINT_FILE)
        removed = 0
        for segment_id in segment_ids:
            path = folder / segment_id
            removed += sum(1 for e in self._read_segment(path) if e.record is not None)
            path.unlink()
        directory_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(directory_fd)
        finally:
            os.close(directory_fd)
        return removed

    # --- lifecycle --------------------------------------------------------------
    def check(self) -> tuple[bool, str]:
        if not self.directory.is_dir():
            return policy_check(False, f"{self.directory} is not a folder", self.failure_policy)
        try:
            # A real write, not os.access: root passes access checks even on a
            # read-only or full volume.
            probe = self.directory / f".probe-{os.getpid()}"
            fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                os.write(fd, b"probe\n")
                os.fsync(fd)
            finally:
                os.close(fd)
                probe.unlink(missing_ok=True)
        except OSError as exc:
            return policy_check(
                False, f"cannot write in {self.directory}: {exc}", self.failure_policy
            )
        return True, f"file sink at {self.directory} (fsync={self.fsync})"

    def close(self) -> None:
        committer = self._committer
        self._committer = None
        if committer is not None and self._pid == os.getpid():
            committer.close()
        with self._lock:
            if self._pid == os.getpid():
                for segment in self._open.values():
                    self._close_segment(segment)
            self._open.clear()
