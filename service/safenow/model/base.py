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
    # Set when the answer came from a fallback instead of the first choice.
    fallback: str | None = None

    @property
    def usage(self) -> dict[str, int]:
        return {
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "total_tokens": self.prompt_tokens + self.completion_tokens,
        }


class ModelError(Exception):
    """The model could not answer (after retries); the caller may fall back."""


class ModelAdapter(Protocol):
    name: str

    def generate(self, messages: list[Message], max_tokens: int) -> Completion: ...

    def check(self) -> tuple[bool, str]:
        """Readiness: (ok, detail)."""
        ...


def estimate_tokens(text: str) -> int:
    """Rough token count (about 4 characters per token, as for English BPE)."""
    return max(1, (len(text) + 3) // 4) if text else 0
