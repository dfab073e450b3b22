"""The fallback chain, from the adapter up to the HTTP response, metrics and audit."""

from __future__ import annotations

import json
import random

import pytest
from provider_server import Reply, openai_body, openai_error

from safenow import create_app
from safenow.model.base import Message, ModelError
from safenow.model.breaker import CircuitBreaker
from safenow.model.fallback import REFUSAL_TEXT, FallbackModel, RefusalModel
from safenow.model.providers import OpenAIChatModel
from safenow.model.simulated import SimulatedModel
from safenow.model.transport import RetryPolicy


def _primary(server, threshold: int = 5):
    return OpenAIChatModel(
        "gpt-test",
        "sk-test-placeholder",
        base_url=server.url,
        retry=RetryPolicy(max_retries=1, rng=random.Random(1), sleep=lambda s: None),
        breaker=CircuitBreaker(failure_threshold=threshold, reset_timeout_s=60),
    )


def test_primary_answer_is_not_marked(provider_server):
    provider_server.script(Reply(200, openai_body("real answer")))
    chain = FallbackModel(_primary(provider_server), SimulatedModel())
    completion = chain.generate([Message("user", "hi")], 20)
    assert completion.text == "real answer"
    assert completion.fallback is None and completion.fallback_reason is None


def test_simulated_fallback_is_marked_with_reason(provider_server):
    provider_server.script(*[openai_error(503, "down", "server_error")] * 2)
    chain = FallbackModel(_primary(provider_server), SimulatedModel(seed=3))
    completion = chain.generate([Message("user", "hi")], 20)
    expected = SimulatedModel(seed=3).generate([Message("user", "hi")], 20)
    assert completion.text == expected.text
    assert (completion.fallback, completion.fallback_reason) == ("simulated", "server_error")


def test_refusal_fallback_after_timeout(provider_server):
    provider_server.script(Reply(200, openai_body(), delay_s=1.0))
    primary = OpenAIChatModel(
        "gpt-test", "sk-test-placeholder", base_url=provider_server.url, read_timeout_s=0.2
    )
    completion = FallbackModel(primary, RefusalModel()).generate([Message("user", "hi")], 20)
    assert completion.text == REFUSAL_TEXT
    assert (completion.fallback, completion.fallback_reason) == ("refusal", "timeout")
    assert completion.completion_tokens > 0


def test_without_fallback_the_error_propagates(provider_server):
    provider_server.script(openai_error(401, "bad key", "invalid_api_key"))
    with pytest.raises(ModelError):
        FallbackModel(_primary(provider_server), None).generate([Message("user", "hi")], 20)


def test_readiness_is_degraded_while_the_breaker_is_open(provider_server):
    provider_server.script(*[openai_error(500, "down", "server_error")] * 2)
    chain = FallbackModel(_primary(provider_server, threshold=1), RefusalModel())
    chain.generate([Message("user", "hi")], 5)
    ok, detail = chain.check()
    assert ok and detail.startswith("degraded:") and "refusal" in detail
    bare = FallbackModel(chain.primary, None)
    assert bare.check()[0] is False


# --- through the service -------------------------------------------------------


@pytest.fixture
def real_model_app(make_settings, provider_server):
    apps = []

    def build(**overrides):
        base = {
            "ENABLE_REAL_MODEL": True,
            "MODEL_PROVIDER": "openai",
            "MODEL_NAME": "gpt-test",
            "MODEL_API_KEY": "sk-test-placeholder",
            "MODEL_BASE_URL": provider_server.url,
            "MODEL_MAX_RETRIES": 0,
        }
        settings = make_settings(**{**base, **overrides})
        app = create_app(settings)
        apps.append(app)
        return app

    yield build
    for app in apps:
        app.extensions["safenow"].close()


def _records(app):
    sink = app.extensions["safenow"].audit_sink
    return [r for w in sink.writers() for r in sink.records(w)]


def test_fallback_reaches_response_metrics_and_audit(real_model_app, provider_server, auth):
    app = real_model_app(MODEL_FALLBACK="simulated")
    provider_server.script(openai_error(502, "bad gateway", "server_error"))
    client = app.test_client()
    response = client.post("/v1/generate", json={"prompt": "Tell me a joke"}, headers=auth)
    assert response.status_code == 200
    body = response.get_json()
    assert body["fallback"] == "simulated"
    assert body["model"] == "safenow-sim-1"
    metrics = client.get("/metrics").get_data(as_text=True)
    assert (
        'safenow_model_fallbacks_total{fallback="simulated",reason="server_error"} 1.0' in metrics
    )
    accepted = [r for r in _records(app) if r["decision"] == "accepted"]
    assert accepted[-1]["fallback"] == "simulated"
    assert accepted[-1]["fallback_reason"] == "server_error"


def test_real_answer_flows_through_output_checks(real_model_app, provider_server, auth):
    app = real_model_app(MODEL_FALLBACK="simulated")
    leaked = "Sure, use ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8" + " as the token."
    provider_server.script(Reply(200, openai_body(leaked)))
    response = app.test_client().post("/v1/generate", json={"prompt": "hi"}, headers=auth)
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "unsafe_output" and error["categories"] == ["secrets"]
    assert "ghp_" not in json.dumps(response.get_json())


def test_no_fallback_answers_503_and_is_audited(real_model_app, provider_server, auth):
    app = real_model_app(MODEL_FALLBACK="none")
    provider_server.script(Reply(200, b"{broken json"))
    client = app.test_client()
    response = client.post("/v1/generate", json={"prompt": "hi"}, headers=auth)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"
    error = response.get_json()["error"]
    assert (error["code"], error["reason"]) == ("model_unavailable", "malformed_response")
    metrics = client.get("/metrics").get_data(as_text=True)
    assert 'safenow_model_fallbacks_total{fallback="none",reason="malformed_response"} 1.0' in (
        metrics
    )
    record = _records(app)[-1]
    assert record["decision"] == "model_unavailable"
    assert record["fallback_reason"] == "malformed_response"


def test_anthropic_provider_is_built_from_settings(real_model_app, provider_server, auth):
    from provider_server import anthropic_body

    app = real_model_app(MODEL_PROVIDER="anthropic", MODEL_NAME="claude-test")
    provider_server.script(Reply(200, anthropic_body("Bonjour.")))
    response = app.test_client().post("/v1/generate", json={"prompt": "hi"}, headers=auth)
    assert response.get_json()["output"] == "Bonjour."
    assert provider_server.requests[0].path == "/v1/messages"
