"""The interface every model adapter implements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Message:
    role: str
    content: str


@dataclass(frozen=True)
class Completion:
    text: str
    model: str
    prompt_tokens: int
    completion_tokens: int
    finish_reason: str = "stop"
    # Set when the answer came from a fallback instead of the first choice:
    # the fallback's name ("simulated", "refusal") and why the first failed.
    fallback: str | None = None
    fallback_reason: str | None = None

    @property
    def usage(self) -> dict[str, int]:
        return {
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "total_tokens": self.prompt_tokens + self.completion_tokens,
        }


# Why a model call failed; also the `reason` label of the fallback metric.
FAILURE_REASONS = (
    "timeout",
    "transport_error",
    "rate_limited",
    "server_error",
    "client_error",
    "malformed_response",
    "circuit_open",
)


class ModelError(Exception):
    """The model could not answer (after retries); the caller may fall back.

    `reason` is one of FAILURE_REASONS; `status` the last HTTP status, if any.
    Messages never contain the prompt or the API key.
    """

    def __init__(self, message: str, reason: str = "server_error", status: int | None = None):
        super().__init__(message)
        if reason not in FAILURE_REASONS:
            raise ValueError(f"unknown model failure reason {reason!r}")
        self.reason = reason
        self.status = status


class ModelAdapter(Protocol):
    name: str

    def generate(self, messages: list[Message], max_tokens: int) -> Completion: ...

    def check(self) -> tuple[bool, str]:
        """Readiness: (ok, detail)."""
        ...


def estimate_tokens(text: str) -> int:
    """Rough token count (about 4 characters per token, as for English BPE)."""
    return max(1, (len(text) + 3) // 4) if text else 0


# Chat formats wrap each message in a few tokens of framing (role, separators)
# and prime the reply with a few more; OpenAI documents 3-4 per message.
TOKENS_PER_MESSAGE = 4
TOKENS_PER_REPLY = 3


def estimate_prompt_tokens(messages: list[Message]) -> int:
    """Prompt tokens of a chat request as a provider would bill them (estimate)."""
    return TOKENS_PER_REPLY + sum(TOKENS_PER_MESSAGE + estimate_tokens(m.content) for m in messages)
