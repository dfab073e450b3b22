"""The Anthropic Messages client against a local server speaking that wire format."""

from __future__ import annotations

import random

import pytest
from provider_server import Reply, anthropic_body, anthropic_error

from safenow.model.base import Message, ModelError
from safenow.model.providers import ANTHROPIC_VERSION, AnthropicMessagesModel, anthropic_messages
from safenow.model.transport import RetryPolicy


def client(server, no_sleep, retries: int = 2, read_timeout_s: float = 5.0):
    return AnthropicMessagesModel(
        model_name="claude-test",
        api_key="ant-test-placeholder",
        base_url=server.url,
        read_timeout_s=read_timeout_s,
        retry=RetryPolicy(max_retries=retries, rng=random.Random(3), sleep=no_sleep),
    )


def test_request_has_headers_system_and_alternating_turns(provider_server, no_sleep):
    provider_server.script(Reply(200, anthropic_body()))
    messages = [
        Message("system", "You are terse."),
        Message("user", "Hi."),
        Message("user", "Still there?"),
        Message("assistant", "Yes."),
        Message("user", "Good."),
    ]
    client(provider_server, no_sleep).generate(messages, 100)
    [request] = provider_server.requests
    assert request.path == "/v1/messages"
    assert request.headers["x-api-key"] == "ant-test-placeholder"
    assert request.headers["anthropic-version"] == ANTHROPIC_VERSION
    assert "authorization" not in request.headers
    assert request.body == {
        "model": "claude-test",
        "max_tokens": 100,
        "system": "You are terse.",
        "messages": [
            {"role": "user", "content": "Hi.\n\nStill there?"},
            {"role": "assistant", "content": "Yes."},
            {"role": "user", "content": "Good."},
        ],
    }


def test_conversation_must_start_with_a_user_turn():
    system, turns = anthropic_messages([Message("system", "Rules."), Message("assistant", "Hi")])
    assert system == "Rules."
    assert [t["role"] for t in turns] == ["user", "assistant"]


def test_success_joins_text_blocks_and_maps_stop_reason(provider_server, no_sleep):
    body = anthropic_body(stop_reason="max_tokens")
    body["content"] = [
        {"type": "text", "text": "Part one, "},
        {"type": "tool_use", "id": "t1", "name": "x", "input": {}},
        {"type": "text", "text": "part two."},
    ]
    provider_server.script(Reply(200, body))
    completion = client(provider_server, no_sleep).generate([Message("user", "Hi")], 100)
    assert completion.text == "Part one, part two."
    assert completion.finish_reason == "length"
    assert (completion.prompt_tokens, completion.completion_tokens) == (12, 6)
    assert completion.model == "claude-test"


def test_529_overloaded_is_retried(provider_server, no_sleep):
    provider_server.script(
        anthropic_error(529, "overloaded_error", "Overloaded"),
        Reply(200, anthropic_body("ok now")),
    )
    completion = client(provider_server, no_sleep).generate([Message("user", "Hi")], 10)
    assert completion.text == "ok now"
    assert len(provider_server.requests) == 2 and len(no_sleep.delays) == 1


def test_error_type_is_reported_without_retry_on_400(provider_server, no_sleep):
    provider_server.script(anthropic_error(400, "invalid_request_error", "max_tokens too big"))
    with pytest.raises(ModelError) as caught:
        client(provider_server, no_sleep).generate([Message("user", "Hi")], 10)
    assert caught.value.reason == "client_error"
    assert "invalid_request_error: max_tokens too big" in str(caught.value)
    assert len(provider_server.requests) == 1


@pytest.mark.parametrize(
    "body",
    [
        {"type": "error", "error": {"type": "api_error", "message": "boom"}},
        {"type": "message", "content": "not a list"},
        {"type": "message", "content": [{"type": "text", "text": 42}]},
    ],
    ids=["error-with-200", "content-not-list", "text-not-string"],
)
def test_malformed_messages_answers(provider_server, no_sleep, body):
    provider_server.script(Reply(200, body))
    with pytest.raises(ModelError) as caught:
        client(provider_server, no_sleep).generate([Message("user", "Hi")], 10)
    assert caught.value.reason == "malformed_response"


def test_timeout(provider_server, no_sleep):
    provider_server.script(Reply(200, anthropic_body(), delay_s=1.0))
    with pytest.raises(ModelError) as caught:
        client(provider_server, no_sleep, read_timeout_s=0.2).generate([Message("user", "x")], 5)
    assert caught.value.reason == "timeout"
