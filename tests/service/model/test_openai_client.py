"""The OpenAI-compatible client against a local server speaking that wire format."""

from __future__ import annotations

import random
import socket

import pytest
from provider_server import Reply, openai_body, openai_error

from safenow.model.base import Message, ModelError
from safenow.model.providers import OpenAIChatModel
from safenow.model.transport import RetryPolicy

MESSAGES = [Message("system", "Be brief."), Message("user", "Say hello.")]


def client(server, no_sleep, retries: int = 2, read_timeout_s: float = 5.0) -> OpenAIChatModel:
    return OpenAIChatModel(
        model_name="gpt-test",
        api_key="sk-test-placeholder",
        base_url=server.url,
        connect_timeout_s=1.0,
        read_timeout_s=read_timeout_s,
        retry=RetryPolicy(max_retries=retries, rng=random.Random(7), sleep=no_sleep),
    )


def test_success_parses_text_usage_and_finish_reason(provider_server, no_sleep):
    provider_server.script(Reply(200, openai_body("Hi there!")))
    completion = client(provider_server, no_sleep).generate(MESSAGES, 64)
    assert completion.text == "Hi there!"
    assert completion.model == "gpt-test"
    assert (completion.prompt_tokens, completion.completion_tokens) == (11, 5)
    assert completion.finish_reason == "stop"
    assert completion.fallback is None


def test_request_uses_the_chat_completions_wire_format(provider_server, no_sleep):
    provider_server.script(Reply(200, openai_body()))
    client(provider_server, no_sleep).generate(MESSAGES, 64)
    [request] = provider_server.requests
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == "Bearer sk-test-placeholder"
    assert request.body == {
        "model": "gpt-test",
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "Say hello."},
        ],
        "max_tokens": 64,
    }


def test_missing_usage_is_estimated(provider_server, no_sleep):
    body = openai_body("four words right here")
    del body["usage"]
    provider_server.script(Reply(200, body))
    completion = client(provider_server, no_sleep).generate(MESSAGES, 64)
    assert completion.prompt_tokens > 0 and completion.completion_tokens == 6


def test_429_is_retried_with_backoff_honouring_retry_after(provider_server, no_sleep):
    provider_server.script(
        Reply(429, {"error": {"message": "slow down", "type": "rate_limit"}}, {"Retry-After": "1"}),
        openai_error(503, "overloaded", "server_error"),
        Reply(200, openai_body("finally")),
    )
    completion = client(provider_server, no_sleep).generate(MESSAGES, 64)
    assert completion.text == "finally"
    assert len(provider_server.requests) == 3
    assert len(no_sleep.delays) == 2
    assert no_sleep.delays[0] >= 1.0  # Retry-After wins over a shorter jitter
    assert 0.0 <= no_sleep.delays[1] <= 0.5  # full jitter within base * 2**1


def test_retries_are_bounded_then_the_error_names_status_and_attempts(provider_server, no_sleep):
    provider_server.script(*[openai_error(502, "bad gateway", "server_error")] * 5)
    with pytest.raises(ModelError) as caught:
        client(provider_server, no_sleep, retries=2).generate(MESSAGES, 64)
    assert caught.value.reason == "server_error"
    assert caught.value.status == 502
    assert "after 3 attempts" in str(caught.value)
    assert len(provider_server.requests) == 3


def test_exhausted_429_is_reported_as_rate_limited(provider_server, no_sleep):
    provider_server.script(*[openai_error(429, "quota", "insufficient_quota")] * 2)
    with pytest.raises(ModelError) as caught:
        client(provider_server, no_sleep, retries=1).generate(MESSAGES, 64)
    assert caught.value.reason == "rate_limited"
    assert "insufficient_quota" in str(caught.value)


@pytest.mark.parametrize("status", [400, 401, 404, 422])
def test_other_4xx_are_not_retried(provider_server, no_sleep, status):
    provider_server.script(openai_error(status, "bad request", "invalid_request_error"))
    with pytest.raises(ModelError) as caught:
        client(provider_server, no_sleep).generate(MESSAGES, 64)
    assert caught.value.reason == "client_error"
    assert len(provider_server.requests) == 1
    assert no_sleep.delays == []


def test_read_timeout_fails_fast_without_retry(provider_server, no_sleep):
    provider_server.script(Reply(200, openai_body(), delay_s=1.0))
    with pytest.raises(ModelError) as caught:
        client(provider_server, no_sleep, read_timeout_s=0.2).generate(MESSAGES, 64)
    assert caught.value.reason == "timeout"
    assert len(provider_server.requests) == 1


def test_connection_refused_is_a_transport_error(no_sleep):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    model = OpenAIChatModel(
        "gpt-test",
        "sk-test-placeholder",
        base_url=f"http://127.0.0.1:{port}/v1",
        retry=RetryPolicy(max_retries=2, sleep=no_sleep),
    )
    with pytest.raises(ModelError) as caught:
        model.generate(MESSAGES, 64)
    assert caught.value.reason == "transport_error"


@pytest.mark.parametrize(
    "reply",
    [
        Reply(200, b"<html>gateway page</html>"),
        Reply(200, ["not", "an", "object"]),
        Reply(200, {"choices": []}),
        Reply(200, {"choices": [{"index": 0}]}),
        Reply(200, {"choices": [{"message": {"content": ["not text"]}}]}),
    ],
    ids=["html", "json-list", "no-choices", "no-message", "content-not-text"],
)
def test_malformed_bodies_are_reported(provider_server, no_sleep, reply):
    provider_server.script(reply)
    with pytest.raises(ModelError) as caught:
        client(provider_server, no_sleep).generate(MESSAGES, 64)
    assert caught.value.reason == "malformed_response"


def test_error_body_that_is_not_json_is_shortened(provider_server, no_sleep):
    provider_server.script(Reply(500, "x" * 5000))
    with pytest.raises(ModelError) as caught:
        client(provider_server, no_sleep, retries=0).generate(MESSAGES, 64)
    assert len(str(caught.value)) < 300


def test_api_key_never_appears_in_errors(provider_server, no_sleep):
    provider_server.script(openai_error(401, "Incorrect API key provided", "invalid_api_key"))
    with pytest.raises(ModelError) as caught:
        client(provider_server, no_sleep).generate(MESSAGES, 64)
    assert "sk-test-placeholder" not in str(caught.value)
