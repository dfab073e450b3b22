"""Real model providers over HTTP: OpenAI-compatible chat and Anthropic Messages.

Both share `HttpChatModel`: one httpx client per adapter (connection reuse,
connect/read timeouts), bounded retries (see transport.py) and a circuit
breaker. Each subclass only knows its wire format.

OpenAI-compatible means POST {base}/chat/completions with a bearer key; it
works for OpenAI, vLLM, llama.cpp's server and Ollama (base .../v1). Anthropic
means POST {base}/messages with `x-api-key` and `anthropic-version`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

import httpx

from safenow.model.base import (
    Completion,
    Message,
    ModelError,
    estimate_prompt_tokens,
    estimate_tokens,
)
from safenow.model.breaker import CLOSED, HALF_OPEN, CircuitBreaker
from safenow.model.transport import RetryPolicy, post_json

DEFAULT_BASE_URLS = {
    "openai": "https://api.openai.com/v1",
    "anthropic": "https://api.anthropic.com/v1",
}
ANTHROPIC_VERSION = "2023-06-01"
# Reasons that say the provider itself is unwell (they trip the breaker); a
# 4xx "client_error" means it answered, so it counts as alive.
_BREAKER_FAILURES = {"timeout", "transport_error", "rate_limited", "server_error",
                     "malformed_response"}  # fmt: skip


class HttpChatModel(ABC):
    provider = "http"

    def __init__(
        self,
        model_name: str,
        api_key: str,
        base_url: str | None = None,
        connect_timeout_s: float = 2.0,
        read_timeout_s: float = 30.0,
        retry: RetryPolicy | None = None,
        breaker: CircuitBreaker | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.name = self.provider
        self.model_name = model_name
        self.base_url = (base_url or DEFAULT_BASE_URLS[self.provider]).rstrip("/")
        self._api_key = api_key
        self.retry = retry or RetryPolicy()
        self.breaker = breaker or CircuitBreaker()
        timeout = httpx.Timeout(
            connect=connect_timeout_s,
            read=read_timeout_s,
            write=read_timeout_s,
            pool=connect_timeout_s,
        )
        self.client = httpx.Client(timeout=timeout, transport=transport)

    # --- wire format, per provider --------------------------------------
    @abstractmethod
    def _request(self, messages: list[Message], max_tokens: int) -> tuple[str, dict, dict]:
        """The provider's (path, headers, JSON body) for one call."""

    @abstractmethod
    def _parse(self, body: dict[str, Any], messages: list[Message]) -> Completion:
        """Turn the provider's JSON answer into a Completion (ModelError if malformed)."""

    # --- shared behaviour ------------------------------------------------
    def generate(self, messages: list[Message], max_tokens: int) -> Completion:
        if not self.breaker.allow():
            wait = self.breaker.seconds_until_trial()
            raise ModelError(
                f"{self.provider}: circuit open, next trial in {wait:.0f} s", "circuit_open"
            )
        url, headers, payload = self._request(messages, max_tokens)
        try:
            body = post_json(self.client, url, headers, payload, self.retry, self.provider)
            completion = self._parse(body, messages)
        except ModelError as exc:
            if exc.reason in _BREAKER_FAILURES:
                self.breaker.record_failure()
            else:
                self.breaker.record_success()
            raise
        self.breaker.record_success()
        return completion

    def check(self) -> tuple[bool, str]:
        """Readiness without calling the provider (probes must not spend tokens)."""
        state = self.breaker.state
        label = f"{self.provider} {self.model_name}"
        if state == CLOSED:
            return True, f"{label}: circuit closed"
        if state == HALF_OPEN:
            return True, f"{label}: degraded, circuit half-open (trial call allowed)"
        wait = self.breaker.seconds_until_trial()
        return False, f"{label}: circuit open, next trial in {wait:.0f} s"

    def close(self) -> None:
        self.client.close()


def _malformed(provider: str, what: str) -> ModelError:
    return ModelError(f"{provider}: malformed answer ({what})", "malformed_response")


def _usage(value: Any, fallback: int) -> int:
    return value if isinstance(value, int) and value >= 0 else fallback


class OpenAIChatModel(HttpChatModel):
    provider = "openai"

    def _request(self, messages: list[Message], max_tokens: int) -> tuple[str, dict, dict]:
        headers = {"Authorization": f"Bearer {self._api_key}"}
        payload = {
            "model": self.model_name,
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            # max_tokens, not max_completion_tokens: vLLM, llama.cpp and Ollama
            # accept it, and OpenAI still does for chat models.
            "max_tokens": max_tokens,
        }
        return f"{self.base_url}/chat/completions", headers, payload

    def _parse(self, body: dict[str, Any], messages: list[Message]) -> Completion:
        choices = body.get("choices")
        if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
            raise _malformed(self.provider, "no choices")
        message = choices[0].get("message")
        if not isinstance(message, dict):
            raise _malformed(self.provider, "choice without message")
        text = message.get("content")
        if text is None:
            text = ""  # e.g. a refusal or tool call without text
        if not isinstance(text, str):
            raise _malformed(self.provider, "content is not text")
        usage = body.get("usage") if isinstance(body.get("usage"), dict) else {}
        return Completion(
            text=text,
            model=str(body.get("model") or self.model_name),
            prompt_tokens=_usage(usage.get("prompt_tokens"), estimate_prompt_tokens(messages)),
            completion_tokens=_usage(usage.get("completion_tokens"), estimate_tokens(text)),
            finish_reason=str(choices[0].get("finish_reason") or "stop"),
        )


_ANTHROPIC_STOP = {
    "end_turn": "stop",
    "stop_sequence": "stop",
    "max_tokens": "length",
    "refusal": "content_filter",
    "tool_use": "tool_calls",
}


def anthropic_messages(messages: list[Message]) -> tuple[str, list[dict[str, str]]]:
    """Split chat messages into Anthropic's `system` text and alternating turns.

    System (and developer) messages become the top-level system prompt; every
    other role is sent as user unless it is the assistant; consecutive turns of
    the same role are merged, as the API requires alternation.
    """
    system = "\n\n".join(m.content for m in messages if m.role in {"system", "developer"})
    turns: list[dict[str, str]] = []
    for message in messages:
        if message.role in {"system", "developer"}:
            continue
        role = "assistant" if message.role == "assistant" else "user"
        if turns and turns[-1]["role"] == role:
            turns[-1]["content"] += "\n\n" + message.content
        else:
            turns.append({"role": role, "content": message.content})
    if not turns or turns[0]["role"] != "user":
        turns.insert(0, {"role": "user", "content": system or "(no user message)"})
    return system, turns


class AnthropicMessagesModel(HttpChatModel):
    provider = "anthropic"

    def _request(self, messages: list[Message], max_tokens: int) -> tuple[str, dict, dict]:
        headers = {"x-api-key": self._api_key, "anthropic-version": ANTHROPIC_VERSION}
        system, turns = anthropic_messages(messages)
        payload: dict[str, Any] = {
            "model": self.model_name,
            "max_tokens": max_tokens,
            "messages": turns,
        }
        if system:
            payload["system"] = system
        return f"{self.base_url}/messages", headers, payload

    def _parse(self, body: dict[str, Any], messages: list[Message]) -> Completion:
        if body.get("type") == "error":
            raise _malformed(self.provider, "error object with a 2xx status")
        content = body.get("content")
        if not isinstance(content, list):
            raise _malformed(self.provider, "no content list")
        texts = [
            block.get("text", "")
            for block in content
            if isinstance(block, dict) and block.get("type") == "text"
        ]
        if not all(isinstance(t, str) for t in texts):
            raise _malformed(self.provider, "text block is not text")
        text = "".join(texts)
        usage = body.get("usage") if isinstance(body.get("usage"), dict) else {}
        stop = str(body.get("stop_reason") or "end_turn")
        return Completion(
            text=text,
            model=str(body.get("model") or self.model_name),
            prompt_tokens=_usage(usage.get("input_tokens"), estimate_prompt_tokens(messages)),
            completion_tokens=_usage(usage.get("output_tokens"), estimate_tokens(text)),
            finish_reason=_ANTHROPIC_STOP.get(stop, stop),
        )
