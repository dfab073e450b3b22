"""A deterministic stand-in for a language model.

The same messages, token budget and seed always give the same answer, so tests
and load runs are reproducible. Usage counts use the same estimate as the
providers' tokenizers give on average (prompt framing included), the answer
never exceeds `max_tokens`, and an optional latency with a deterministic
+-20 % spread imitates a real backend.
"""

from __future__ import annotations

import hashlib
import time

from safenow.model.base import Completion, Message, estimate_prompt_tokens, estimate_tokens

_TEXT = (
    "the gateway checks each request before the model sees it and records every "
    "decision so that reviewers can follow what happened later while operators "
    "watch latency errors and traffic shifting between stable and canary tracks "
    "safety comes first then usefulness then speed"
)
_VOCABULARY = tuple(_TEXT.split())


class SimulatedModel:
    name = "simulated"

    def __init__(self, model_name: str = "safenow-sim-1", seed: int = 0, latency_ms: int = 0):
        self.model_name = model_name
        self.seed = seed
        self.latency_ms = latency_ms

    def _digest(self, messages: list[Message]) -> bytes:
        hasher = hashlib.sha256(f"{self.seed}".encode())
        for message in messages:
            hasher.update(b"\x00" + message.role.encode() + b"\x01" + message.content.encode())
        return hasher.digest()

    def generate(self, messages: list[Message], max_tokens: int) -> Completion:
        digest = self._digest(messages)
        budget = max(1, max_tokens)
        # Answer length depends on the prompt: 12 to 91 tokens, capped by the budget.
        wanted = 12 + digest[0] % 80
        words: list[str] = []
        index = 0
        while True:
            word = _VOCABULARY[(digest[index % 32] + index * 7) % len(_VOCABULARY)]
            candidate = " ".join([*words, word]).capitalize() + "."
            if words and estimate_tokens(candidate) > min(wanted, budget):
                break
            words.append(word)
            index += 1
            if estimate_tokens(candidate) >= min(wanted, budget):
                break
        text = " ".join(words).capitalize() + "."
        if estimate_tokens(text) > budget:
            text = text[: budget * 4]  # a budget smaller than one word: cut the word
        if self.latency_ms:
            spread = 0.8 + 0.4 * (digest[1] / 255)
            time.sleep(self.latency_ms * spread / 1000.0)
        return Completion(
            text=text,
            model=self.model_name,
            prompt_tokens=estimate_prompt_tokens(messages),
            completion_tokens=estimate_tokens(text),
            finish_reason="length" if wanted > budget else "stop",
        )

    def check(self) -> tuple[bool, str]:
        return True, "simulated model"
