"""Real requests full of PII through gunicorn: no original reaches a log line or
an audit record (LOG_REDACT_PII=true)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from pii_corpus import ALL, PII, sentence
from testkeys import DEV_KEY

from safenow.audit.sqlite_sink import SqliteAuditSink

pytestmark = pytest.mark.slow

AUTH = {"Authorization": f"Bearer {DEV_KEY}"}


def _raw_audit_bytes(folder: Path) -> bytes:
    # The database file and its WAL, byte for byte: not only what a query returns.
    return b"".join(p.read_bytes() for p in folder.glob("audit.sqlite3*"))


def test_no_pii_in_any_log_line_or_audit_record(live_server_factory, tmp_path):
    audit_dir = tmp_path / "audit"
    server = live_server_factory(
        {
            "LOG_REDACT_PII": "true",
            "LOG_LEVEL": "DEBUG",
            "AUDIT_SINK": "sqlite",
            "AUDIT_LOG_PATH": str(audit_dir),
            "RATE_LIMIT_PER_MINUTE": "6000",
            "RATE_LIMIT_BURST": "1000",
        },
        workers=2,
    )
    text = sentence()
    statuses = []
    with httpx.Client(base_url=server.url, timeout=10) as client:
        for value in ALL:
            # prompt, caller metadata and the query string
            statuses.append(client.post(
                f"/v1/generate?note={quote(value)}",
                json={"prompt": f"Please summarise: {value}", "metadata": {"contact": value}},
                headers=AUTH,
            ).status_code)  # fmt: skip
        statuses.append(
            client.post("/v1/generate", json={"prompt": text}, headers=AUTH).status_code
        )
        statuses.append(client.post(
            "/v1/chat/completions",
            json={"model": "any", "messages": [{"role": "system", "content": text},
                                               {"role": "user", "content": text}]},
            headers=AUTH,
        ).status_code)  # fmt: skip
        # failures on every path: bad key, no key, bad body, unknown route
        statuses.append(client.post("/v1/generate", json={"prompt": text},
                                    headers={"Authorization": f"Bearer {PII['API_KEY'][0]}"}
                                    ).status_code)  # fmt: skip
        statuses.append(client.post("/v1/generate", content=f"{{not json {text}",
                                    headers={**AUTH, "Content-Type": "application/json"}
                                    ).status_code)  # fmt: skip
        statuses.append(client.post("/v1/generate", json={"prompt": 42, "x": text},
                                    headers=AUTH).status_code)  # fmt: skip
        statuses.append(client.get(f"/v1/{quote(PII['EMAIL'][0])}").status_code)
    server.stop()

    assert 200 in statuses and 401 in statuses and 404 in statuses
    logs = server.logs()
    assert "[EMAIL]" in logs and "gunicorn.access" in logs
    leaked_in_logs = [value for value in ALL if value in logs or quote(value) in logs]
    assert not leaked_in_logs

    sink = SqliteAuditSink(audit_dir)
    records = [r for writer in sink.writers() for r in sink.records(writer)]
    assert len(records) >= len(ALL) + 3
    decisions = {r["decision"] for r in records}
    assert "auth_failed" in decisions and decisions & {"accepted", "flagged"}
    stored = json.dumps(records, ensure_ascii=False)
    raw = _raw_audit_bytes(audit_dir)
    leaked_in_audit = [v for v in ALL if v in stored or v.encode() in raw]
    assert not leaked_in_audit
    assert any("[EMAIL]" in (r["prompt_excerpt"] or "") for r in records)
    conn = sqlite3.connect(sink.path)
    assert conn.execute("SELECT count(*) FROM safenow_audit_records").fetchone()[0] == len(records)
    conn.close()
