"""The `safenow-audit` console script, run as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from audit_helpers import CHECKPOINT_KEY, DAY, file_swap, fill

from safenow.audit.file_sink import FileAuditSink
from safenow.audit.sqlite_sink import SqliteAuditSink

SCRIPT = Path(sys.executable).parent / "safenow-audit"
TODAY = (time.time() // DAY) * DAY


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "AUDIT_CHECKPOINT_KEY": CHECKPOINT_KEY, **env}
    return subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, env=full_env, timeout=60
    )


def test_console_script_is_installed():
    assert SCRIPT.exists(), "pip install -e service declares safenow-audit"


def test_verify_ok_then_names_the_broken_link(tmp_path):
    sink = FileAuditSink(tmp_path)
    fill(sink, "pod-a-1", 5, TODAY)
    sink.close()
    ok = run("verify", "--sink", "file", "--path", str(tmp_path))
    assert ok.returncode == 0, ok.stderr
    assert "OK writer=pod-a-1 records=5 seq 0..4" in ok.stdout
    file_swap(tmp_path, "pod-a-1", 2, 3)
    broken = run("verify", "--sink", "file", "--path", str(tmp_path), "--json")
    assert broken.returncode == 1
    [report] = json.loads(broken.stdout)
    assert report["ok"] is False and report["broken_at"] == 2
    assert "line 3" in report["location"]


def test_verify_reads_the_sink_from_the_environment(pg_database):
    from safenow.audit.postgres_sink import PostgresAuditSink

    _admin, service_url, _role = pg_database
    sink = PostgresAuditSink(service_url)
    fill(sink, "pod-a-1", 3, TODAY)
    sink.close()
    result = run("verify", AUDIT_SINK="postgres", AUDIT_DATABASE_URL=service_url)
    assert result.returncode == 0, result.stderr
    assert "records=3" in result.stdout and "in postgres: OK" in result.stdout


def test_export_filters_by_time_for_a_siem(tmp_path):
    sink = SqliteAuditSink(tmp_path)
    fill(sink, "pod-a-1", 6, TODAY - 3 * DAY, step=DAY / 2)  # 2 per day, days -3..-1
    sink.close()
    since = time.strftime("%Y-%m-%d", time.gmtime(TODAY - 2 * DAY))
    until = time.strftime("%Y-%m-%d", time.gmtime(TODAY - DAY))
    out = tmp_path / "export.jsonl"
    result = run(
        "export", "--sink", "sqlite", "--path", str(tmp_path),
        "--since", since, "--until", until, "-o", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["seq"] for r in lines] == [2, 3]
    assert all(r["hash"] and r["prev_hash"] for r in lines)
    assert "exported 2 record(s)" in result.stderr


def test_export_rejects_a_bad_date_with_a_clear_message(tmp_path):
    result = run("export", "--sink", "file", "--path", str(tmp_path), "--since", "yesterday")
    assert result.returncode == 2
    assert "--since='yesterday' is not an ISO 8601 date" in result.stderr


def test_purge_from_the_command_line_then_verify(tmp_path):
    sink = FileAuditSink(tmp_path)
    fill(sink, "pod-a-1", 4, TODAY - 60 * DAY, step=DAY)
    fill(sink, "pod-a-1", 2, TODAY)
    sink.close()
    common = ("--sink", "file", "--path", str(tmp_path))
    purged = run("purge", *common, "--retention-days", "30")
    assert purged.returncode == 0, purged.stderr
    assert "PURGED writer=pod-a-1 segments=4 records=4 chain resumes at seq 4" in purged.stdout
    verified = run("verify", *common)
    assert verified.returncode == 0 and "starts from a signed checkpoint" in verified.stdout
    no_key = run("verify", *common, AUDIT_CHECKPOINT_KEY="")
    assert no_key.returncode == 1 and "AUDIT_CHECKPOINT_KEY" in no_key.stdout


def test_purge_without_a_key_is_a_usage_error(tmp_path):
    result = run("purge", "--sink", "file", "--path", str(tmp_path), AUDIT_CHECKPOINT_KEY="")
    assert result.returncode == 2 and "AUDIT_CHECKPOINT_KEY is not set" in result.stderr


def test_init_db_grants_only_insert_and_select(postgres_server):
    import psycopg

    url = postgres_server.create_database("audit_cli_init")
    with psycopg.connect(postgres_server.admin_url, autocommit=True) as conn:
        conn.execute("DROP ROLE IF EXISTS sn_cli_writer")
        conn.execute("CREATE ROLE sn_cli_writer LOGIN")
    result = run("init-db", "--database-url", url, "--grant-to", "sn_cli_writer")
    assert result.returncode == 0, result.stderr
    with psycopg.connect(url) as conn:
        grants = conn.execute(
            "SELECT privilege_type FROM information_schema.role_table_grants "
            "WHERE grantee = 'sn_cli_writer' AND table_name = 'safenow_audit_records' ORDER BY 1"
        ).fetchall()
    assert [g[0] for g in grants] == ["INSERT", "SELECT"]
