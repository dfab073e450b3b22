"""Builds the configured sink; shared by the app factory and the CLI."""

from __future__ import annotations

from pathlib import Path

from safenow.audit.base import AuditSink

SINKS = ("file", "sqlite", "postgres")


def build_sink(
    kind: str,
    path: Path,
    database_url: str = "",
    fsync: str = "always",
    group_commit_ms: int = 10,
    failure_policy: str = "fail-closed",
) -> AuditSink:
    if kind == "file":
        from safenow.audit.file_sink import FileAuditSink

        return FileAuditSink(path, fsync, group_commit_ms, failure_policy)
    if kind == "sqlite":
        from safenow.audit.sqlite_sink import SqliteAuditSink

        return SqliteAuditSink(path, fsync, group_commit_ms, failure_policy)
    if kind == "postgres":
        from safenow.audit.postgres_sink import PostgresAuditSink

        return PostgresAuditSink(database_url, fsync, group_commit_ms, failure_policy)
    raise ValueError(f"AUDIT_SINK={kind!r} is not supported; allowed: {', '.join(SINKS)}")
