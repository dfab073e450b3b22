"""A deterministic stand-in for a language model.

The same prompt and seed always give the same answer, so tests and load runs
are reproducible. Usage counts follow the same estimate real tokenizers give
on average, and an optional latency imitates a real backend.
"""

from __future__ import annotations

import hashlib
import time

from safenow.model.base import Completion, Message, estimate_tokens

_VOCABULARY = (
    "the gateway checks each request before the model sees it and records every "
    "decision so that reviewers can follow what happened later while operators "
    "watch latency errors and traffic shifting between stable and canary tracks "
    "safety comes first then usefulness then speed"
).split()


class SimulatedModel:
    name = "simulated"

    def __init__(self, model_name: str = "safenow-sim-1", seed: int = 0, latency_ms: int = 0):
        self.model_name = model_name
        self.seed = seed
        self.latency_ms = latency_ms

    def generate(self, messages: list[Message], max_tokens: int) -> Completion:
        prompt = "\n".join(f"{m.role}:{m.content}" for m in messages)
        digest = hashlib.sha256(f"{self.seed}\x00{prompt}".encode()).digest()
        # Answer length depends on the prompt but never exceeds max_tokens.
        wanted = 8 + digest[0] % 40
        n_words = min(wanted, max(1, max_tokens))
        words = [_VOCABULARY[digest[i % len(digest)] % len(_VOCABULARY)] for i in range(n_words)]
        # Vary the stream with the position so longer answers do not repeat early.
        words = [
            _VOCABULARY[(digest[i % 32] + i * 7) % len(_VOCABULARY)] if i >= 32 else w
            for i, w in enumerate(words)
        ]
        text = " ".join(words).capitalize() + "."
        if self.latency_ms:
            time.sleep(self.latency_ms / 1000.0)
        return Completion(
            text=text,
            model=self.model_name,
            prompt_tokens=estimate_tokens(prompt),
            completion_tokens=n_words,
            finish_reason="length" if wanted > n_words else "stop",
        )

    def check(self) -> tuple[bool, str]:
        return True, "simulated model"
