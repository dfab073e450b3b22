"""Helpers for the audit tests: fill chains and tamper with stored records the
way an attacker with access to the storage would."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import psycopg

from safenow.audit.base import AuditTrail
from safenow.audit.record import canonical_json

DAY = 86400.0
CHECKPOINT_KEY = "test-checkpoint-key-0123456789abcdef"  # test-only placeholder


def fill(sink, writer: str, count: int, start_ts: float, step: float = 1.0) -> list[dict]:
    trail = AuditTrail(sink, writer=writer)
    return [
        trail.record(
            {
                "ts": start_ts + i * step,
                "decision": "accepted",
                "request_id": f"{writer}-r{i}",
                "key_name": "dev",
                "route": "/v1/generate",
            }
        )
        for i in range(count)
    ]


# --- file sink ----------------------------------------------------------------


def _segments(root: Path, writer: str) -> list[Path]:
    return sorted((root / writer).glob("*.jsonl"))


def file_lines(root: Path, writer: str) -> tuple[Path, list[str]]:
    segment = _segments(root, writer)[0]
    return segment, segment.read_text().splitlines(keepends=True)


def file_edit(root: Path, writer: str, index: int) -> None:
    segment, lines = file_lines(root, writer)
    record = json.loads(lines[index])
    record["decision"] = "blocked_input"
    lines[index] = canonical_json(record) + "\n"
    segment.write_text("".join(lines))


def file_delete(root: Path, writer: str, index: int) -> None:
    segment, lines = file_lines(root, writer)
    del lines[index]
    segment.write_text("".join(lines))


def file_swap(root: Path, writer: str, a: int, b: int) -> None:
    segment, lines = file_lines(root, writer)
    lines[a], lines[b] = lines[b], lines[a]
    segment.write_text("".join(lines))


# --- sqlite and postgres: the attacker first switches the guard off -------------


class SqlTamper:
    table = "safenow_audit_records"

    def __init__(self, kind: str, path: Path, admin_url: str | None) -> None:
        self.kind = kind
        self.path = path / "audit.sqlite3"
        self.admin_url = admin_url

    def _run(self, statements: list[tuple[str, tuple]]) -> None:
        if self.kind == "sqlite":
            conn = sqlite3.connect(self.path, isolation_level=None)
            try:
                conn.execute("DROP TRIGGER IF EXISTS safenow_audit_no_update")
                conn.execute("DROP TRIGGER IF EXISTS safenow_audit_no_delete")
                for query, params in statements:
                    conn.execute(query, params)
            finally:
                conn.close()
        else:
            with psycopg.connect(self.admin_url, autocommit=True) as conn:
                # A superuser can bypass triggers; only the chain shows it.
                conn.execute("SET session_replication_role = replica")
                for query, params in statements:
                    conn.execute(query.replace("?", "%s"), params)

    def ids(self, writer: str) -> list[int]:
        if self.kind == "sqlite":
            conn = sqlite3.connect(self.path)
            try:
                return [
                    r[0]
                    for r in conn.execute(
                        f"SELECT id FROM {self.table} WHERE writer = ? ORDER BY id", (writer,)
                    )
                ]
            finally:
                conn.close()
        with psycopg.connect(self.admin_url) as conn:
            return [
                r[0]
                for r in conn.execute(
                    f"SELECT id FROM {self.table} WHERE writer = %s ORDER BY id", (writer,)
                )
            ]

    def body(self, row_id: int) -> str:
        if self.kind == "sqlite":
            conn = sqlite3.connect(self.path)
            try:
                return conn.execute(
                    f"SELECT body FROM {self.table} WHERE id = ?", (row_id,)
                ).fetchone()[0]
            finally:
                conn.close()
        with psycopg.connect(self.admin_url) as conn:
            return conn.execute(
                f"SELECT body FROM {self.table} WHERE id = %s", (row_id,)
            ).fetchone()[0]

    def edit(self, writer: str, index: int) -> None:
        row_id = self.ids(writer)[index]
        record = json.loads(self.body(row_id))
        record["decision"] = "blocked_input"
        self._run(
            [(f"UPDATE {self.table} SET body = ? WHERE id = ?", (canonical_json(record), row_id))]
        )

    def delete(self, writer: str, index: int) -> None:
        row_id = self.ids(writer)[index]
        self._run([(f"DELETE FROM {self.table} WHERE id = ?", (row_id,))])

    def swap(self, writer: str, a: int, b: int) -> None:
        ids = self.ids(writer)
        first, second = ids[a], ids[b]
        # Exchange the two rows' positions in append order (their ids).
        self._run(
            [
                (f"UPDATE {self.table} SET id = ? WHERE id = ?", (-1, first)),
                (f"UPDATE {self.table} SET id = ? WHERE id = ?", (first, second)),
                (f"UPDATE {self.table} SET id = ? WHERE id = ?", (second, -1)),
            ]
        )
