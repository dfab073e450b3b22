"""The safety pipeline: validators then the classifier, for input and output."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Protocol

from safenow.safety.classifier import SafetyClassifier
from safenow.safety.verdict import Action, Verdict, combine


class Validator(Protocol):
    name: str

    def validate(self, original: str, normalized: str) -> Verdict: ...


def normalize(text: str) -> str:
    """Fold text for detection (the original is what the model receives)."""
    folded = unicodedata.normalize("NFKC", text)
    return " ".join(folded.split())


@dataclass(frozen=True)
class SizeLimit:
    """Rejects texts longer than the configured number of characters."""

    max_chars: int
    name: str = "size_limit"

    def validate(self, original: str, normalized: str) -> Verdict:
        if len(original) > self.max_chars:
            return Verdict(
                Action.BLOCK,
                1.0,
                ("size_limit",),
                (f"text longer than {self.max_chars} characters",),
                self.name,
            )
        return Verdict.allow(self.name)


class SafetyPipeline:
    """Composes validators and a classifier; used for prompts and for model output."""

    def __init__(
        self,
        input_validators: list[Validator],
        output_validators: list[Validator],
        classifier: SafetyClassifier,
    ) -> None:
        self.input_validators = input_validators
        self.output_validators = output_validators
        self.classifier = classifier

    def check_input(self, text: str) -> Verdict:
        return self._run(text, self.input_validators, "input")

    def check_output(self, text: str) -> Verdict:
        return self._run(text, self.output_validators, "output")

    def _run(self, text: str, validators: list[Validator], stage: str) -> Verdict:
        normalized = normalize(text)
        verdicts = [validator.validate(text, normalized) for validator in validators]
        if any(v.blocked for v in verdicts):
            # A hard validator failure is final; no need to classify.
            return combine(verdicts, source=stage)
        verdicts.append(self.classifier.classify(normalized))
        return combine(verdicts, source=stage)
