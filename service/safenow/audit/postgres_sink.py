"""PostgreSQL audit sink for staging and prod (psycopg 3).

Append-only is enforced twice: the service's role gets only SELECT and
INSERT (`safenow-audit init-db --grant-to ROLE`), and a trigger refuses
UPDATE, TRUNCATE and any DELETE outside `safenow-audit purge` (which sets
`safenow.audit_purge` for its own transaction), so even the owner cannot
rewrite history by accident. A superuser can still disable triggers: the
hash chain is what makes that visible.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Iterator
from typing import Any

import psycopg
from psycopg import sql

from safenow.audit.base import (
    AuditError,
    Entry,
    Segment,
    head_from,
    policy_check,
    readable_records,
    segment_day,
)
from safenow.audit.record import canonical_json
from safenow.audit.sqlite_sink import row_entry

RECORDS = "safenow_audit_records"
CHECKPOINTS = "safenow_audit_checkpoints"

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS {RECORDS} (
    id bigserial PRIMARY KEY,
    writer text NOT NULL,
    seq bigint NOT NULL,
    ts timestamptz NOT NULL,
    segment date NOT NULL,
    hash char(64) NOT NULL,
    prev_hash char(64) NOT NULL,
    body text NOT NULL,
    UNIQUE (writer, seq)
);
CREATE INDEX IF NOT EXISTS {RECORDS}_ts ON {RECORDS} (ts);
CREATE TABLE IF NOT EXISTS {CHECKPOINTS} (
    writer text PRIMARY KEY,
    body text NOT NULL
);
CREATE OR REPLACE FUNCTION safenow_audit_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('safenow.audit_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'safenow audit records are append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
DROP TRIGGER IF EXISTS safenow_audit_append_only ON {RECORDS};
CREATE TRIGGER safenow_audit_append_only BEFORE UPDATE OR DELETE ON {RECORDS}
    FOR EACH ROW EXECUTE FUNCTION safenow_audit_guard();
DROP TRIGGER IF EXISTS safenow_audit_no_truncate ON {RECORDS};
CREATE TRIGGER safenow_audit_no_truncate BEFORE TRUNCATE ON {RECORDS}
    FOR EACH STATEMENT EXECUTE FUNCTION safenow_audit_guard();
"""


def install_schema(conn: psycopg.Connection, grant_to: str | None = None) -> None:
    """Create the tables and the guard (idempotent); optionally grant a service role
    exactly what it needs: SELECT and INSERT, nothing else."""
    with conn.transaction():
        # Several workers may start at once: one creates, the others wait.
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('safenow_audit_schema'))")
        conn.execute(SCHEMA)
        if grant_to:
            role = sql.Identifier(grant_to)
            for table in (RECORDS, CHECKPOINTS):
                conn.execute(sql.SQL("REVOKE ALL ON {} FROM PUBLIC").format(sql.Identifier(table)))
            conn.execute(
                sql.SQL("GRANT SELECT, INSERT ON {} TO {}").format(sql.Identifier(RECORDS), role)
            )
            conn.execute(
                sql.SQL("GRANT USAGE ON SEQUENCE {} TO {}").format(
                    sql.Identifier(f"{RECORDS}_id_seq"), role
                )
            )
            conn.execute(
                sql.SQL("GRANT SELECT ON {} TO {}").format(sql.Identifier(CHECKPOINTS), role)
            )


class PostgresAuditSink:
    name = "postgres"

    def __init__(
        self,
        url: str,
        fsync: str = "always",
        group_commit_ms: int = 10,
        failure_policy: str = "fail-closed",
        connect_timeout_s: int = 5,
    ) -> None:
        if not url:
            raise ValueError(
                "AUDIT_DATABASE_URL is empty; AUDIT_SINK=postgres needs postgresql://..."
            )
        self.url = url
        self.fsync = fsync
        self.group_commit_ms = group_commit_ms
        self.failure_policy = failure_policy
        self.connect_timeout_s = connect_timeout_s
        self._lock = threading.Lock()
        self._conn: psycopg.Connection | None = None
        self._pid = os.getpid()
        self._schema_ready = False
        self._last_error: str | None = None

    def _connect(self, autocommit: bool = True) -> psycopg.Connection:
        return psycopg.connect(
            self.url, autocommit=autocommit, connect_timeout=self.connect_timeout_s
        )

    def _ensure_schema(self, conn: psycopg.Connection) -> None:
        if self._schema_ready:
            return
        exists = conn.execute("SELECT to_regclass(%s)", (RECORDS,)).fetchone()
        if exists is None or exists[0] is None:
            try:
                install_schema(conn)
            except psycopg.errors.InsufficientPrivilege as exc:
                raise AuditError(
                    f"table {RECORDS} is missing and this role cannot create it; "
                    "run `safenow-audit init-db --grant-to <service role>` as the owner"
                ) from exc
        self._schema_ready = True

    def _writer_conn(self) -> psycopg.Connection:
        if self._pid != os.getpid():
            # A connection must never be shared across a fork.
            self._conn, self._pid = None, os.getpid()
        if self._conn is None or self._conn.closed or self._conn.broken:
            self._conn = self._connect()
            if self.fsync == "group":
                # The server's WAL writer flushes asynchronously commits every
                # wal_writer_delay; a crash of PostgreSQL itself may lose them.
                self._conn.execute("SET synchronous_commit = off")
            self._ensure_schema(self._conn)
        return self._conn

    def append(self, record: dict[str, Any]) -> None:
        row = (
            record["writer"],
            record["seq"],
            record["ts"],
            segment_day(record["ts"]),
            record["hash"],
            record["prev_hash"],
            canonical_json(record),
        )
        insert = (
            f"INSERT INTO {RECORDS} (writer, seq, ts, segment, hash, prev_hash, body) "
            "VALUES (%s, %s, to_timestamp(%s), %s, %s, %s, %s)"
        )
        with self._lock:
            try:
                try:
                    self._writer_conn().execute(insert, row)
                except psycopg.OperationalError:
                    # The connection died (server restart, idle timeout):
                    # reconnect once. If the first INSERT did commit, the
                    # retry hits UNIQUE (writer, seq) and is recognised below.
                    self._conn = None
                    self._writer_conn().execute(insert, row)
                self._last_error = None
            except psycopg.errors.UniqueViolation as exc:
                if self._stored_hash(record) == record["hash"]:
                    self._last_error = None
                    return
                self._last_error = str(exc)
                raise AuditError(f"seq {record['seq']} already used by another record") from exc
            except (psycopg.Error, AuditError) as exc:
                self._last_error = str(exc).strip()
                raise AuditError(f"cannot write audit table: {self._last_error}") from exc

    def _stored_hash(self, record: dict[str, Any]) -> str | None:
        row = (
            self._writer_conn()
            .execute(
                f"SELECT hash FROM {RECORDS} WHERE writer = %s AND seq = %s",
                (record["writer"], record["seq"]),
            )
            .fetchone()
        )
        return row[0] if row else None

    # --- reading ----------------------------------------------------------------
    def _read(self, query: str, params: tuple = ()) -> Iterator[tuple]:
        # A connection of its own, with a server-side cursor: reading a long
        # chain never holds the writer's lock nor loads it all into memory.
        with self._connect(autocommit=False) as conn, conn.cursor(name="safenow_audit_read") as cur:
            cur.itersize = 2000
            cur.execute(query, params)
            yield from cur

    def _one(self, query: str, params: tuple = ()) -> tuple | None:
        with self._connect() as conn:
            return conn.execute(query, params).fetchone()

    def writers(self) -> list[str]:
        rows = self._read(
            f"SELECT writer FROM {RECORDS} UNION SELECT writer FROM {CHECKPOINTS} ORDER BY 1"
        )
        return [row[0] for row in rows]

    def entries(self, writer: str) -> Iterator[Entry]:
        rows = self._read(
            f"SELECT id, seq, hash, body FROM {RECORDS} WHERE writer = %s ORDER BY id", (writer,)
        )
        for row_id, seq, digest, body in rows:
            yield row_entry(f"row id {row_id}", seq, digest, body)

    def records(self, writer: str) -> Iterator[dict[str, Any]]:
        return readable_records(self.entries(writer))

    def last_record(self, writer: str) -> dict[str, Any] | None:
        row = self._one(
            f"SELECT body FROM {RECORDS} WHERE writer = %s ORDER BY id DESC LIMIT 1", (writer,)
        )
        return _loads(row[0]) if row else None

    def head(self, writer: str) -> tuple[int, str]:
        try:
            with self._lock:
                self._writer_conn()  # creates the schema on a fresh database
            return head_from(self.last_record(writer), self.checkpoint(writer))
        except psycopg.Error as exc:
            raise AuditError(f"cannot read audit table: {exc}") from exc

    def records_between(self, since: float | None, until: float | None) -> Iterator[dict]:
        rows = self._read(
            f"SELECT body FROM {RECORDS} WHERE (%s::float8 IS NULL OR ts >= to_timestamp(%s)) "
            "AND (%s::float8 IS NULL OR ts < to_timestamp(%s)) ORDER BY ts, writer, seq",
            (since, since, until, until),
        )
        for (body,) in rows:
            yield _loads(body)

    def segments(self, writer: str) -> list[Segment]:
        rows = self._read(
            f"SELECT segment, MIN(id) AS first FROM {RECORDS} WHERE writer = %s "
            "GROUP BY segment ORDER BY first",
            (writer,),
        )
        return [Segment(day.isoformat(), day) for day, _ in rows]

    def segment_tail(self, writer: str, segment_id: str) -> dict[str, Any] | None:
        row = self._one(
            f"SELECT body FROM {RECORDS} WHERE writer = %s AND segment = %s "
            "ORDER BY id DESC LIMIT 1",
            (writer, dt.date.fromisoformat(segment_id)),
        )
        return _loads(row[0]) if row else None

    def checkpoint(self, writer: str) -> dict[str, Any] | None:
        row = self._one(f"SELECT body FROM {CHECKPOINTS} WHERE writer = %s", (writer,))
        return _loads(row[0]) if row else None

    def purge(self, writer: str, segment_ids: list[str], checkpoint: dict[str, Any]) -> int:
        days = [dt.date.fromisoformat(segment) for segment in segment_ids]
        with self._connect(autocommit=False) as conn:
            with conn.transaction():
                # Opens the trigger's gate for this transaction only.
                conn.execute("SET LOCAL safenow.audit_purge = 'on'")
                removed = conn.execute(
                    f"DELETE FROM {RECORDS} WHERE writer = %s AND segment = ANY(%s)",
                    (writer, days),
                ).rowcount
                conn.execute(
                    f"INSERT INTO {CHECKPOINTS} (writer, body) VALUES (%s, %s) "
                    "ON CONFLICT (writer) DO UPDATE SET body = EXCLUDED.body",
                    (writer, canonical_json(checkpoint)),
                )
            return removed

    # --- lifecycle --------------------------------------------------------------
    def check(self) -> tuple[bool, str]:
        try:
            with self._lock:
                row = (
                    self._writer_conn()
                    .execute("SELECT has_table_privilege(current_user, %s, 'INSERT')", (RECORDS,))
                    .fetchone()
                )
        except (psycopg.Error, AuditError) as exc:
            self._conn = None
            detail = f"audit database unreachable: {str(exc).strip()}"
            return policy_check(False, detail, self.failure_policy)
        if not row or not row[0]:
            detail = f"the service role may not INSERT into {RECORDS}"
            return policy_check(False, detail, self.failure_policy)
        return True, f"postgres sink (fsync={self.fsync})"

    def close(self) -> None:
        with self._lock:
            if self._conn is not None and self._pid == os.getpid():
                self._conn.close()
            self._conn = None


def _loads(body: str) -> dict[str, Any]:
    import json

    return json.loads(body)
