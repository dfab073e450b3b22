"""Details of the HTTP layer: Retry-After forms, error bodies, null content, close."""

from __future__ import annotations

import random

import pytest
from provider_server import Reply, openai_body

from safenow.model.base import Message, ModelError
from safenow.model.fallback import RefusalModel
from safenow.model.providers import OpenAIChatModel
from safenow.model.transport import RetryPolicy


def _model(server, sleep, retries=1):
    return OpenAIChatModel(
        "gpt-test",
        "sk-test-placeholder",
        base_url=server.url,
        retry=RetryPolicy(max_retries=retries, rng=random.Random(5), sleep=sleep),
    )


def test_http_date_retry_after_falls_back_to_jitter(provider_server, no_sleep):
    provider_server.script(
        Reply(503, {"error": "busy"}, {"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}),
        Reply(200, openai_body("ok")),
    )
    assert _model(provider_server, no_sleep).generate([Message("user", "x")], 5).text == "ok"
    assert 0.0 <= no_sleep.delays[0] <= 0.25


def test_retry_after_is_capped(provider_server, no_sleep):
    provider_server.script(
        Reply(429, {"error": "slow"}, {"Retry-After": "3600"}), Reply(200, openai_body())
    )
    _model(provider_server, no_sleep).generate([Message("user", "x")], 5)
    assert no_sleep.delays == [4.0]


@pytest.mark.parametrize(
    ("body", "shown"),
    [
        ({"error": "plain string error"}, "plain string error"),
        ({"detail": "fastapi style"}, '{"detail": "fastapi style"}'),
        ({"error": {"code": "model_not_found"}}, "model_not_found"),
        (b"", "no body"),
    ],
)
def test_error_details_of_various_servers(provider_server, no_sleep, body, shown):
    provider_server.script(Reply(404, body))
    with pytest.raises(ModelError) as caught:
        _model(provider_server, no_sleep).generate([Message("user", "x")], 5)
    assert str(caught.value).endswith(shown)


def test_null_content_is_an_empty_answer(provider_server, no_sleep):
    body = openai_body()
    body["choices"][0]["message"]["content"] = None
    body["choices"][0]["finish_reason"] = "tool_calls"
    provider_server.script(Reply(200, body))
    completion = _model(provider_server, no_sleep).generate([Message("user", "x")], 5)
    assert (completion.text, completion.finish_reason) == ("", "tool_calls")


def test_close_releases_the_connection_pool(provider_server, no_sleep):
    model = _model(provider_server, no_sleep)
    model.close()
    assert model.client.is_closed


def test_refusal_model_is_always_ready():
    assert RefusalModel().check() == (True, "refusal fallback")
