"""The limiter as the API uses it (Flask test client, real redis-server)."""

from __future__ import annotations

import pytest
import redis
from structlog.testing import capture_logs

from safenow import create_app
from safenow.settings import hash_api_key

# Database 14 belongs to these tests (they use the fixed "global" bucket key).
DB = 14


@pytest.fixture
def redis_db(redis_server):
    url = f"redis://127.0.0.1:{redis_server.port}/{DB}"
    client = redis.Redis.from_url(url)
    client.flushdb()
    yield url, client
    if redis_server.proc is None:
        redis_server.start()
    client.close()


def make_app(make_settings, url, **overrides):
    keys = ",".join(f"{name}:standard:{hash_api_key(name + '-key')}" for name in ("alice", "bob"))
    settings = make_settings(RATE_LIMIT_STORE="redis", REDIS_URL=url, API_KEYS=keys, **overrides)
    app = create_app(settings)
    return app, app.test_client()


def post(client, name):
    return client.post(
        "/v1/generate", json={"prompt": "hi"}, headers={"Authorization": f"Bearer {name}-key"}
    )


def test_every_response_carries_the_state_kept_in_redis(make_settings, redis_db):
    url, raw = redis_db
    app, client = make_app(make_settings, url, RATE_LIMIT_PER_MINUTE=60, RATE_LIMIT_BURST=3)
    responses = [post(client, "alice") for _ in range(4)]
    assert [r.status_code for r in responses] == [200, 200, 200, 429]
    assert [r.headers["RateLimit-Remaining"] for r in responses] == ["2", "1", "0", "0"]
    assert [r.headers["RateLimit-Reset"] for r in responses] == ["1", "2", "3", "3"]
    assert {r.headers["RateLimit-Limit"] for r in responses} == {"3"}
    assert "Retry-After" not in responses[2].headers
    assert responses[3].headers["Retry-After"] == "1"
    assert responses[3].get_json()["error"]["code"] == "rate_limited"
    assert 2000 < raw.pttl("safenow:rl:key:alice") <= 3000
    ready = client.get("/readyz").get_json()
    assert ready["status"] == "ready"
    assert ready["checks"]["rate_limit_store"]["detail"].startswith("redis at 127.0.0.1:")
    app.extensions["safenow"].close()


def test_global_limit_is_shared_by_keys_and_does_not_charge_a_refused_key(make_settings, redis_db):
    url, raw = redis_db
    # Global 120/min: burst of one second's worth, 2 requests.
    app, client = make_app(
        make_settings,
        url,
        RATE_LIMIT_PER_MINUTE=60,
        RATE_LIMIT_BURST=5,
        RATE_LIMIT_GLOBAL_PER_MINUTE=120,
    )
    assert post(client, "alice").status_code == 200
    assert post(client, "bob").status_code == 200
    refused = post(client, "bob")
    assert refused.status_code == 429
    assert refused.headers["RateLimit-Limit"] == "2"  # the global bucket's state
    # bob's own bucket holds one request, not two: the refusal cost nothing.
    assert raw.pttl("safenow:rl:key:bob") <= 1000
    text = client.get("/metrics").get_data(as_text=True)
    assert 'safenow_ratelimit_rejections_total{scope="global",tier="standard"} 1.0' in text
    app.extensions["safenow"].close()


def test_fail_closed_answers_503_in_the_error_envelope(make_settings, redis_db, redis_server):
    url, _ = redis_db
    app, client = make_app(
        make_settings,
        url,
        RATE_LIMIT_ON_STORE_FAILURE="fail-closed",
        RATE_LIMIT_STORE_RETRY_MS=1500,
    )
    assert post(client, "alice").status_code == 200
    redis_server.stop()
    with capture_logs():
        refused = post(client, "alice")
        ready = client.get("/readyz")
        metrics = client.get("/metrics").get_data(as_text=True)
    redis_server.start()
    assert refused.status_code == 503
    error = refused.get_json()["error"]
    assert error["code"] == "ratelimit_store_unavailable"
    assert "RATE_LIMIT_ON_STORE_FAILURE=fail-closed" in error["message"]
    assert error["request_id"] == refused.headers["X-Request-ID"]
    assert refused.headers["Retry-After"] == "2"
    assert ready.status_code == 503
    assert "fail-closed" in ready.get_json()["error"]["checks"]["rate_limit_store"]["detail"]
    assert 'safenow_ratelimit_store_failures_total{mode="fail-closed"} 1.0' in metrics
    assert "safenow_ratelimit_degraded 1.0" in metrics
    app.extensions["safenow"].close()


def test_local_mode_keeps_serving_and_readyz_reports_degraded(
    make_settings, redis_db, redis_server
):
    url, _ = redis_db
    app, client = make_app(make_settings, url, RATE_LIMIT_BURST=8, RATE_LIMIT_EXPECTED_PROCESSES=4)
    redis_server.stop()
    with capture_logs():
        statuses = [post(client, "alice").status_code for _ in range(4)]
        ready = client.get("/readyz")
    redis_server.start()
    # This process enforces burst 8 / 4 = 2 on its own.
    assert statuses == [200, 200, 429, 429]
    assert ready.status_code == 200
    assert ready.get_json()["status"] == "degraded"
    app.extensions["safenow"].close()
