"""Size limits in characters and in (estimated) tokens."""

from __future__ import annotations

from dataclasses import dataclass

from safenow.model.base import estimate_tokens
from safenow.safety.normalize import Normalized
from safenow.safety.verdict import Action, Verdict


@dataclass(frozen=True)
class SizeLimit:
    """Blocks texts longer than the configured number of characters."""

    max_chars: int
    name: str = "size_limit"

    def validate(self, text: Normalized) -> Verdict:
        if len(text.original) > self.max_chars:
            return Verdict(
                Action.BLOCK,
                1.0,
                ("size_limit",),
                (f"text longer than {self.max_chars} characters",),
                self.name,
            )
        return Verdict.allow(self.name)


@dataclass(frozen=True)
class TokenLimit:
    """Blocks texts whose estimated token count exceeds the limit.

    The estimate is the one the model adapters use for usage counts, so the
    limit matches what a provider would bill and what fits its context.
    """

    max_tokens: int
    name: str = "token_limit"

    def validate(self, text: Normalized) -> Verdict:
        tokens = estimate_tokens(text.original)
        if tokens > self.max_tokens:
            return Verdict(
                Action.BLOCK,
                1.0,
                ("token_limit",),
                (f"about {tokens} tokens, more than the limit of {self.max_tokens}",),
                self.name,
            )
        return Verdict.allow(self.name)
