"""AUDIT_ON_FAILURE in the app: fail-closed refuses (503, no output), degrade serves and counts."""

from __future__ import annotations

import json

import pytest

from safenow import create_app


def _break_storage(app, tmp_path):
    # A file now sits where the audit folder should be: no record can be written.
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder")
    app.extensions["safenow"].audit_sink.directory = blocked


@pytest.mark.parametrize("sink", ["file", "sqlite"])
def test_fail_closed_refuses_and_no_output_leaves(make_settings, auth, tmp_path, sink):
    app = create_app(make_settings(AUDIT_SINK=sink, AUDIT_ON_FAILURE="fail-closed"))
    _break_storage(app, tmp_path)
    response = app.test_client().post(
        "/v1/chat/completions",
        json={"model": "x", "messages": [{"role": "user", "content": "tell me a story"}]},
        headers=auth,
    )
    assert response.status_code == 503
    body = response.get_json()
    assert body["error"]["code"] == "audit_unavailable"
    assert "choices" not in body and "story" not in json.dumps(body)
    metrics = app.extensions["safenow"].metrics
    assert metrics.audit_failures.labels("fail-closed")._value.get() == 1
    assert app.test_client().get("/readyz").status_code == 503
    app.extensions["safenow"].close()


@pytest.mark.parametrize("sink", ["file", "sqlite"])
def test_degrade_serves_counts_and_stays_ready(make_settings, auth, tmp_path, sink):
    app = create_app(make_settings(AUDIT_SINK=sink, AUDIT_ON_FAILURE="degrade"))
    _break_storage(app, tmp_path)
    client = app.test_client()
    response = client.post("/v1/generate", json={"prompt": "hello"}, headers=auth)
    assert response.status_code == 200 and response.get_json()["output"]
    metrics = app.extensions["safenow"].metrics
    assert metrics.audit_failures.labels("degrade")._value.get() == 1
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.get_json()["status"] == "degraded"
    app.extensions["safenow"].close()


def test_the_default_policy_is_fail_closed(make_settings):
    assert make_settings().AUDIT_ON_FAILURE == "fail-closed"
    assert make_settings().AUDIT_SINK == "sqlite"


def test_audit_record_has_every_field_and_no_raw_prompt(app, client, auth):
    prompt = "my card is 4111 1111 1111 1111, mail jane.roe@example.org"
    response = client.post(
        "/v1/generate",
        json={"prompt": prompt, "metadata": {"customer": "jane.roe@example.org"}},
        headers={**auth, "X-Request-ID": "audit-fields-1"},
    )
    assert response.status_code == 200
    sink = app.extensions["safenow"].audit_sink
    [record] = [r for w in sink.writers() for r in sink.records(w)
                if r["request_id"] == "audit-fields-1"]  # fmt: skip
    for field in ("time", "request_id", "key_name", "route", "input_verdict", "output_verdict",
                  "model", "latency_ms", "prompt_sha256", "output_sha256", "prompt_excerpt",
                  "prev_hash", "writer", "hash"):  # fmt: skip
        assert field in record, field
    assert record["key_name"] == "dev" and record["model"]
    stored = json.dumps(record)
    assert "4111" not in stored and "jane.roe" not in stored
    assert "[CARD]" in record["prompt_excerpt"] and record["metadata"] == {"customer": "[EMAIL]"}
