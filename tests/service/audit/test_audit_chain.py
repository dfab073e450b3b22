"""Chain verification and tamper detection, in every sink on real storage."""

from __future__ import annotations

import sqlite3
import time

import psycopg
import pytest
from audit_helpers import CHECKPOINT_KEY, SqlTamper, file_delete, file_edit, file_swap, fill

from safenow.audit.base import AuditTrail
from safenow.audit.record import GENESIS
from safenow.audit.verify import verify_sink, verify_writer

NOW = time.time()


def _tamper(make_sink, action: str, writer: str, *indexes: int) -> None:
    if make_sink.kind == "file":
        {"edit": file_edit, "delete": file_delete, "swap": file_swap}[action](
            make_sink.path, writer, *indexes
        )
    else:
        tamper = SqlTamper(make_sink.kind, make_sink.path, make_sink.urls.get("admin"))
        getattr(tamper, action)(writer, *indexes)


def test_intact_chains_verify_per_writer(sink):
    fill(sink, "pod-a-1", 5, NOW)
    fill(sink, "pod-b-2", 3, NOW)
    reports = verify_sink(sink, CHECKPOINT_KEY)
    assert [(r.writer, r.ok, r.records, r.first_seq, r.last_seq) for r in reports] == [
        ("pod-a-1", True, 5, 0, 4),
        ("pod-b-2", True, 3, 0, 2),
    ]
    first = next(sink.records("pod-a-1"))
    assert first["prev_hash"] == GENESIS and first["writer"] == "pod-a-1"
    assert set(first) >= {"time", "request_id", "key_name", "route", "prompt_sha256", "hash"}


def test_a_restarted_writer_continues_its_chain(make_sink):
    fill(make_sink(), "pod-a-1", 3, NOW)
    # A new process with the same writer id (a container restart keeps the
    # pod name and may reuse the pid) resumes after the last record.
    resumed = make_sink()
    fill(resumed, "pod-a-1", 2, NOW + 10)
    report = verify_writer(resumed, "pod-a-1", CHECKPOINT_KEY)
    assert report.ok and report.records == 5 and report.last_seq == 4


@pytest.mark.parametrize(
    ("action", "indexes", "position", "reason"),
    [
        ("edit", (2,), 2, "does not match its hash"),
        ("delete", (2,), 2, "expected seq 2, found 3"),
        ("swap", (1, 3), 1, "expected seq 1, found 3"),
    ],
)
def test_tampering_is_caught_at_its_position(make_sink, action, indexes, position, reason):
    sink = make_sink()
    fill(sink, "pod-a-1", 6, NOW)
    fill(sink, "pod-b-2", 2, NOW)
    assert verify_writer(sink, "pod-a-1", CHECKPOINT_KEY).ok
    _tamper(make_sink, action, "pod-a-1", *indexes)
    report = verify_writer(sink, "pod-a-1", CHECKPOINT_KEY)
    assert not report.ok
    assert report.broken_at == position
    assert reason in report.reason
    assert report.location
    # The other writer's chain is untouched and still verifies.
    assert verify_writer(sink, "pod-b-2", CHECKPOINT_KEY).ok


def test_deleting_the_first_record_is_caught(make_sink):
    sink = make_sink()
    fill(sink, "pod-a-1", 3, NOW)
    _tamper(make_sink, "delete", "pod-a-1", 0)
    report = verify_writer(sink, "pod-a-1", CHECKPOINT_KEY)
    assert not report.ok and report.broken_at == 0
    assert "no checkpoint" in report.reason


def test_file_sink_reports_a_torn_tail_without_failing(tmp_path):
    from safenow.audit.file_sink import FileAuditSink

    sink = FileAuditSink(tmp_path / "audit")
    records = fill(sink, "pod-a-1", 3, NOW)
    sink.close()
    segment = next((tmp_path / "audit" / "pod-a-1").glob("*.jsonl"))
    with open(segment, "ab") as handle:
        handle.write(b'{"decision":"accepted","seq":3,"writ')  # a write cut by a crash
    report = verify_writer(sink, "pod-a-1", CHECKPOINT_KEY)
    assert report.ok and report.records == 3
    assert len(report.truncated_tails) == 1 and "no newline" in report.truncated_tails[0]
    assert "truncated tail" in report.summary()
    # The next process of that writer never appends after the torn bytes: it
    # opens a new segment and links to the last complete record.
    resumed = FileAuditSink(tmp_path / "audit")
    fill(resumed, "pod-a-1", 1, NOW + 5)
    report = verify_writer(resumed, "pod-a-1", CHECKPOINT_KEY)
    assert report.ok and report.records == 4
    assert next(iter(resumed.records("pod-a-1"))) == records[0]
    resumed.close()


def test_file_sink_garbage_in_the_middle_is_corruption(tmp_path):
    from safenow.audit.file_sink import FileAuditSink

    sink = FileAuditSink(tmp_path / "audit")
    fill(sink, "pod-a-1", 3, NOW)
    segment = next((tmp_path / "audit" / "pod-a-1").glob("*.jsonl"))
    lines = segment.read_bytes().split(b"\n")
    lines[1] = lines[1][:20]
    segment.write_bytes(b"\n".join(lines))
    report = verify_writer(sink, "pod-a-1", CHECKPOINT_KEY)
    assert not report.ok and report.broken_at == 1 and "unreadable" in report.reason


def test_file_segments_roll_over_with_the_utc_day(tmp_path):
    from safenow.audit.file_sink import FileAuditSink

    sink = FileAuditSink(tmp_path / "audit")
    day = 86400.0
    start = (NOW // day) * day - 3 * day  # midnight UTC three days ago
    fill(sink, "pod-a-1", 6, start, step=day / 2)  # two records per day
    assert [s.day.isoformat() for s in sink.segments("pod-a-1")] == sorted(
        {time.strftime("%Y-%m-%d", time.gmtime(start + i * day)) for i in range(3)}
    )
    assert verify_writer(sink, "pod-a-1", CHECKPOINT_KEY).records == 6


def test_sqlite_guard_refuses_update_and_delete(tmp_path):
    from safenow.audit.sqlite_sink import SqliteAuditSink

    sink = SqliteAuditSink(tmp_path / "audit")
    fill(sink, "pod-a-1", 2, NOW)
    conn = sqlite3.connect(sink.path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE safenow_audit_records SET body = '{}'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM safenow_audit_records")
    conn.close()
    sink.close()
    assert verify_writer(sink, "pod-a-1", CHECKPOINT_KEY).records == 2


def test_postgres_service_role_can_only_insert_and_select(pg_database):
    from safenow.audit.postgres_sink import PostgresAuditSink

    admin_url, service_url, _role = pg_database
    sink = PostgresAuditSink(service_url)
    fill(sink, "pod-a-1", 2, NOW)
    assert sink.check()[0]
    with psycopg.connect(service_url, autocommit=True) as conn:
        for statement in (
            "UPDATE safenow_audit_records SET body = '{}'",
            "DELETE FROM safenow_audit_records",
            "TRUNCATE safenow_audit_records",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        # Even setting the purge flag does not help a role without DELETE.
        conn.execute("SET safenow.audit_purge = 'on'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM safenow_audit_records")
    # The owner is stopped by the trigger.
    with psycopg.connect(admin_url, autocommit=True) as conn:
        for statement in (
            "UPDATE safenow_audit_records SET body = '{}'",
            "DELETE FROM safenow_audit_records",
            "TRUNCATE safenow_audit_records",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
                conn.execute(statement)
    sink.close()
    assert verify_writer(sink, "pod-a-1", CHECKPOINT_KEY).records == 2


def test_postgres_check_names_a_missing_insert_grant(pg_database):
    from safenow.audit.postgres_sink import PostgresAuditSink

    admin_url, service_url, role = pg_database
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'REVOKE INSERT ON safenow_audit_records FROM "{role}"')
    sink = PostgresAuditSink(service_url)
    ok, detail = sink.check()
    assert not ok and "may not INSERT" in detail
    degraded = PostgresAuditSink(service_url, failure_policy="degrade")
    ok, detail = degraded.check()
    assert ok and detail.startswith("degraded")
    sink.close()
    degraded.close()


def test_postgres_sink_creates_its_schema_on_a_fresh_database(postgres_server):
    from safenow.audit.postgres_sink import PostgresAuditSink

    url = postgres_server.create_database("audit_fresh")
    sink = PostgresAuditSink(url)
    fill(sink, "pod-a-1", 2, NOW)
    assert verify_writer(sink, "pod-a-1", CHECKPOINT_KEY).records == 2
    sink.close()


def test_concurrent_threads_keep_one_chain(sink):
    import threading

    trail = AuditTrail(sink, writer="pod-a-1")
    threads = [
        threading.Thread(
            target=lambda n=n: [trail.record({"request_id": f"t{n}-{i}"}) for i in range(20)]
        )
        for n in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    report = verify_writer(sink, "pod-a-1", CHECKPOINT_KEY)
    assert report.ok and report.records == 80
