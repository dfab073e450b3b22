"""The fallback chain: the real model first, then a simulated answer or a refusal.

`MODEL_FALLBACK=simulated|refusal|none`. When the primary adapter raises
ModelError, the fallback answers and the Completion carries `fallback` (its
name) and `fallback_reason` (why the primary failed); the gateway counts it in
`safenow_model_fallbacks_total{reason,fallback}` and writes both into the audit
record and the response. With `none` the error propagates and the gateway
answers 503 `model_unavailable`.
"""

from __future__ import annotations

from dataclasses import replace

import structlog

from safenow.model.base import (
    Completion,
    Message,
    ModelAdapter,
    ModelError,
    estimate_prompt_tokens,
    estimate_tokens,
)

log = structlog.get_logger("safenow.model")

REFUSAL_TEXT = (
    "The language model is temporarily unavailable, so no answer can be given right now. "
    "Please try again in a little while."
)


class RefusalModel:
    """Answers every request with the same safe, honest refusal."""

    name = "refusal"

    def __init__(self, text: str = REFUSAL_TEXT, model_name: str = "safenow-refusal") -> None:
        self.text = text
        self.model_name = model_name

    def generate(self, messages: list[Message], max_tokens: int) -> Completion:
        return Completion(
            text=self.text,
            model=self.model_name,
            prompt_tokens=estimate_prompt_tokens(messages),
            completion_tokens=estimate_tokens(self.text),
            finish_reason="stop",
        )

    def check(self) -> tuple[bool, str]:
        return True, "refusal fallback"


class FallbackModel:
    """Tries `primary`; on ModelError answers with `fallback` (if any)."""

    def __init__(self, primary: ModelAdapter, fallback: ModelAdapter | None) -> None:
        self.primary = primary
        self.fallback = fallback
        self.name = primary.name

    def generate(self, messages: list[Message], max_tokens: int) -> Completion:
        try:
            return self.primary.generate(messages, max_tokens)
        except ModelError as exc:
            if self.fallback is None:
                raise
            log.warning(
                "model_fallback",
                primary=self.primary.name,
                fallback=self.fallback.name,
                reason=exc.reason,
                status=exc.status,
                error=str(exc),
            )
            answer = self.fallback.generate(messages, max_tokens)
            return replace(answer, fallback=self.fallback.name, fallback_reason=exc.reason)

    def check(self) -> tuple[bool, str]:
        ok, detail = self.primary.check()
        if ok or self.fallback is None:
            return ok, detail
        # The service still answers (with the fallback): ready, but degraded.
        return True, f"degraded: {detail}; answering with the {self.fallback.name} fallback"
