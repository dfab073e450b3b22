"""SQLite audit sink: the embedded default for `make run` and single-node setups.

One database file, `<AUDIT_LOG_PATH>/audit.sqlite3`, shared by every worker
process (WAL mode, so readers never block the writers). Triggers refuse
UPDATE, and DELETE outside `safenow-audit purge`. Anyone who can write the
file can still drop them: tamper evidence comes from the hash chain, the
triggers only stop accidents.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
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

FILENAME = "audit.sqlite3"

SCHEMA = """
CREATE TABLE IF NOT EXISTS safenow_audit_records (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    writer TEXT NOT NULL,
    seq INTEGER NOT NULL,
    ts REAL NOT NULL,
    segment TEXT NOT NULL,
    hash TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    body TEXT NOT NULL,
    UNIQUE (writer, seq)
);
CREATE INDEX IF NOT EXISTS safenow_audit_records_ts ON safenow_audit_records (ts);
CREATE TABLE IF NOT EXISTS safenow_audit_checkpoints (
    writer TEXT PRIMARY KEY,
    body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS safenow_audit_purge_grants (
    writer TEXT NOT NULL,
    segment TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS safenow_audit_no_update
BEFORE UPDATE ON safenow_audit_records
BEGIN
    SELECT RAISE(ABORT, 'audit records are append-only: UPDATE refused');
END;
CREATE TRIGGER IF NOT EXISTS safenow_audit_no_delete
BEFORE DELETE ON safenow_audit_records
WHEN NOT EXISTS (
    SELECT 1 FROM safenow_audit_purge_grants g
    WHERE g.writer = OLD.writer AND g.segment = OLD.segment
)
BEGIN
    SELECT RAISE(ABORT, 'audit records are append-only: DELETE refused outside purge');
END;
"""


class SqliteAuditSink:
    name = "sqlite"

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
        self._conn: sqlite3.Connection | None = None
        self._inode: int | None = None
        self._pid = os.getpid()
        self._committer: GroupCommitter | None = None
        self._last_error: str | None = None

    @property
    def path(self) -> Path:
        return self.directory / FILENAME

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            self.path, timeout=10.0, isolation_level=None, check_same_thread=False
        )
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: each commit is fsynced. NORMAL in WAL mode survives a process
        # crash; group_commit.py then fsyncs the WAL every interval.
        conn.execute(f"PRAGMA synchronous = {'FULL' if self.fsync == 'always' else 'NORMAL'}")
        conn.executescript(SCHEMA)
        return conn

    def _writer_conn(self) -> sqlite3.Connection:
        if self._pid != os.getpid():
            self._conn, self._committer, self._pid = None, None, os.getpid()
        if self._conn is not None and not self._file_unchanged():
            # The database file was removed or replaced under the service.
            self._conn.close()
            self._conn = None
            raise OSError(f"audit database {self.path} was removed or replaced")
        if self._conn is None:
            self._conn = self._connect()
            self._inode = os.stat(self.path).st_ino
        return self._conn

    def _file_unchanged(self) -> bool:
        try:
            return os.stat(self.path).st_ino == self._inode
        except OSError:
            return False

    def append(self, record: dict[str, Any]) -> None:
        row = (
            record["writer"],
            record["seq"],
            record["ts"],
            segment_day(record["ts"]).isoformat(),
            record["hash"],
            record["prev_hash"],
            canonical_json(record),
        )
        try:
            with self._lock:
                conn = self._writer_conn()
                if self._committer is not None and (error := self._committer.take_error()):
                    raise OSError(f"background fsync failed: {error}")
                conn.execute(
                    "INSERT INTO safenow_audit_records (writer, seq, ts, segment, hash, "
                    "prev_hash, body) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    row,
                )
                if self.fsync == "group":
                    if self._committer is None:
                        self._committer = GroupCommitter(self._sync_wal, self.group_commit_ms)
                    self._committer.mark_dirty()
                self._last_error = None
        except (sqlite3.Error, OSError) as exc:
            self._last_error = str(exc)
            raise AuditError(f"cannot write audit database: {exc}") from exc

    def _sync_wal(self) -> None:
        # In WAL mode with synchronous=NORMAL the WAL holds committed but not
        # yet fsynced transactions; fsync it (or the database, if the WAL was
        # just checkpointed away).
        for candidate in (Path(f"{self.path}-wal"), self.path):
            try:
                fd = os.open(candidate, os.O_RDONLY)
            except FileNotFoundError:
                continue
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            return

    # --- reading ----------------------------------------------------------------
    def _read(self, sql: str, params: tuple = ()) -> Iterator[tuple]:
        if not self.path.exists():
            return
        conn = sqlite3.connect(self.path, timeout=10.0)
        try:
            yield from conn.execute(sql, params)
        finally:
            conn.close()

    def writers(self) -> list[str]:
        names = {row[0] for row in self._read("SELECT DISTINCT writer FROM safenow_audit_records")}
        names |= {r[0] for r in self._read("SELECT writer FROM safenow_audit_checkpoints")}
        return sorted(names)

    def entries(self, writer: str) -> Iterator[Entry]:
        rows = self._read(
            "SELECT id, seq, hash, body FROM safenow_audit_records WHERE writer = ? ORDER BY id",
            (writer,),
        )
        for row_id, seq, digest, body in rows:
            yield row_entry(f"row id {row_id}", seq, digest, body)

    def records(self, writer: str) -> Iterator[dict[str, Any]]:
        return readable_records(self.entries(writer))

    def last_record(self, writer: str) -> dict[str, Any] | None:
        # Asked by the writing process before its first append: go through the
        # writer connection, which creates the schema, so that workers starting
        # together never read a database file whose tables do not exist yet.
        with self._lock:
            row = (
                self._writer_conn()
                .execute(
                    "SELECT body FROM safenow_audit_records WHERE writer = ? "
                    "ORDER BY id DESC LIMIT 1",
                    (writer,),
                )
                .fetchone()
            )
        return json.loads(row[0]) if row else None

    def head(self, writer: str) -> tuple[int, str]:
        try:
            return head_from(self.last_record(writer), self.checkpoint(writer))
        except (sqlite3.Error, OSError) as exc:
            raise AuditError(f"cannot read audit database: {exc}") from exc

    def records_between(self, since: float | None, until: float | None) -> Iterator[dict]:
        rows = self._read(
            "SELECT body FROM safenow_audit_records WHERE ts >= ? AND ts < ? "
            "ORDER BY ts, writer, seq",
            (since if since is not None else -1e18, until if until is not None else 1e18),
        )
        for (body,) in rows:
            yield json.loads(body)

    def segments(self, writer: str) -> list[Segment]:
        rows = self._read(
            "SELECT segment, MIN(id) AS first FROM safenow_audit_records WHERE writer = ? "
            "GROUP BY segment ORDER BY first",
            (writer,),
        )
        return [Segment(segment, dt.date.fromisoformat(segment)) for segment, _ in rows]

    def segment_tail(self, writer: str, segment_id: str) -> dict[str, Any] | None:
        for (body,) in self._read(
            "SELECT body FROM safenow_audit_records WHERE writer = ? AND segment = ? "
            "ORDER BY id DESC LIMIT 1",
            (writer, segment_id),
        ):
            return json.loads(body)
        return None

    def checkpoint(self, writer: str) -> dict[str, Any] | None:
        for (body,) in self._read(
            "SELECT body FROM safenow_audit_checkpoints WHERE writer = ?", (writer,)
        ):
            return json.loads(body)
        return None

    def purge(self, writer: str, segment_ids: list[str], checkpoint: dict[str, Any]) -> int:
        conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(
                "INSERT INTO safenow_audit_purge_grants (writer, segment) VALUES (?, ?)",
                [(writer, segment) for segment in segment_ids],
            )
            removed = conn.execute(
                "DELETE FROM safenow_audit_records WHERE writer = ? AND segment IN "
                "(SELECT segment FROM safenow_audit_purge_grants WHERE writer = ?)",
                (writer, writer),
            ).rowcount
            conn.execute("DELETE FROM safenow_audit_purge_grants WHERE writer = ?", (writer,))
            conn.execute(
                "INSERT OR REPLACE INTO safenow_audit_checkpoints (writer, body) VALUES (?, ?)",
                (writer, canonical_json(checkpoint)),
            )
            conn.execute("COMMIT")
            return removed
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        finally:
            conn.close()

    # --- lifecycle --------------------------------------------------------------
    def check(self) -> tuple[bool, str]:
        try:
            with self._lock:
                self._writer_conn().execute("SELECT 1").fetchone()
        except (sqlite3.Error, OSError) as exc:
            return policy_check(False, f"audit database unusable: {exc}", self.failure_policy)
        return True, f"sqlite sink at {self.path} (fsync={self.fsync})"

    def close(self) -> None:
        committer = self._committer
        self._committer = None
        if committer is not None and self._pid == os.getpid():
            committer.close()
        with self._lock:
            if self._conn is not None and self._pid == os.getpid():
                self._conn.close()
            self._conn = None


def row_entry(location: str, seq: Any, digest: Any, body: str) -> Entry:
    """A stored row as an Entry; the indexed columns must agree with the body."""
    try:
        record = json.loads(body)
        if not isinstance(record, dict):
            raise ValueError("not a JSON object")
    except ValueError as exc:
        return Entry(location, None, f"unreadable record: {exc}")
    if record.get("seq") != seq or record.get("hash") != digest:
        return Entry(location, None, "indexed columns (seq, hash) disagree with the stored record")
    return Entry(location, record)
