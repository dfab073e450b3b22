"""The safety pipeline: normalise, run the validators, then the classifier.

The same pipeline checks prompts (`check_input`) and model output
(`check_output`). Input runs every validator and the classifier on the folded
text and on each decoded base64/hex payload (a payload that is unsafe on its
own adds the category ``encoded_payload``). Output runs the output validators
and keeps only the classifier categories that concern an answer (credentials,
personal data, disallowed topics): an answer that *discusses* prompt
injection is not an attack on the gateway.
"""

from __future__ import annotations

from collections.abc import Sequence

from safenow.safety.classifier import SafetyClassifier
from safenow.safety.normalize import Normalized, fold, normalize, normalize_text
from safenow.safety.validators import SizeLimit, Validator
from safenow.safety.verdict import Action, Verdict, combine

__all__ = ["SafetyPipeline", "SizeLimit", "Validator", "normalize"]

OUTPUT_CATEGORIES = frozenset({"secrets", "pii", "disallowed_topic"})


class SafetyPipeline:
    """Composes validators and a classifier; used for prompts and for model output."""

    def __init__(
        self,
        input_validators: Sequence[Validator],
        output_validators: Sequence[Validator],
        classifier: SafetyClassifier,
        output_categories: frozenset[str] = OUTPUT_CATEGORIES,
    ) -> None:
        self.input_validators = list(input_validators)
        self.output_validators = list(output_validators)
        self.classifier = classifier
        self.output_categories = output_categories

    def check_input(self, text: str) -> Verdict:
        normalized = normalize_text(text)
        verdicts = [validator.validate(normalized) for validator in self.input_validators]
        if any(v.blocked for v in verdicts):
            # A hard validator failure is final; no need to classify.
            return combine(verdicts, source="input")
        verdicts.append(self.classifier.classify(normalized.folded))
        verdicts.extend(self._check_payloads(normalized))
        return combine(verdicts, source="input")

    def check_output(self, text: str) -> Verdict:
        normalized = normalize_text(text)
        verdicts = [validator.validate(normalized) for validator in self.output_validators]
        if any(v.blocked for v in verdicts):
            return combine(verdicts, source="output")
        verdicts.append(self._restrict(self.classifier.classify(normalized.folded)))
        return combine(verdicts, source="output")

    def _check_payloads(self, normalized: Normalized) -> list[Verdict]:
        """Classify what hides in base64/hex blobs (validators already saw them)."""
        found = []
        for payload in normalized.payloads:
            verdict = self.classifier.classify(fold(payload))
            if verdict.action is not Action.ALLOW:
                found.append(
                    Verdict(
                        verdict.action,
                        verdict.score,
                        ("encoded_payload", *verdict.categories),
                        ("an encoded payload is unsafe", *verdict.reasons),
                        verdict.source,
                    )
                )
        return found

    def _restrict(self, verdict: Verdict) -> Verdict:
        kept = tuple(c for c in verdict.categories if c in self.output_categories)
        if verdict.action is Action.ALLOW or kept:
            return Verdict(verdict.action, verdict.score, kept, verdict.reasons, verdict.source)
        return Verdict.allow(verdict.source)
