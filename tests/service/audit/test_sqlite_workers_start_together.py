"""Several gunicorn workers creating the SQLite audit database at the same time."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from testkeys import DEV_KEY

from safenow.audit.sqlite_sink import SqliteAuditSink

pytestmark = pytest.mark.slow


def test_first_requests_on_a_fresh_database_are_all_recorded(live_server_factory, tmp_path):
    audit_dir = tmp_path / "fresh-audit"
    server = live_server_factory(
        {
            "AUDIT_SINK": "sqlite",
            "AUDIT_LOG_PATH": str(audit_dir),
            "RATE_LIMIT_PER_MINUTE": "100000",
            "RATE_LIMIT_BURST": "1000",
        },
        workers=4,
    )

    def call(i: int) -> int:
        with httpx.Client(base_url=server.url, timeout=20) as client:
            response = client.post(
                "/v1/generate",
                json={"prompt": f"first request {i}"},
                headers={"Authorization": f"Bearer {DEV_KEY}"},
            )
            return response.status_code

    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(call, range(64)))
    assert statuses == [200] * 64
    sink = SqliteAuditSink(audit_dir)
    recorded = sum(
        1
        for writer in sink.writers()
        for record in sink.records(writer)
        if record["decision"] == "accepted"
    )
    assert recorded == 64
