"""Classifier strategies behind one small interface.

`SAFETY_CLASSIFIER=off|rules|ml` picks one. `RulesClassifier` is a
transparent weighted rule set (safenow.safety.intent_rules): each rule that
matches adds its weight to the evidence and the score is 1 - prod(1 - w)
over matched rules, so independent signals reinforce each other without
exceeding 1. `MLClassifier` (safenow.safety.ml) learns the same categories
from the shipped corpus.

A classifier receives the folded text (see safenow.safety.normalize) and
returns a `Verdict` whose action follows the configured thresholds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from safenow.safety.chunks import windows_of
from safenow.safety.intent_rules import DEFAULT_RULES
from safenow.safety.rules import Rule, evaluate
from safenow.safety.verdict import Action, Verdict


class SafetyClassifier(Protocol):
    name: str

    def classify(self, text: str) -> Verdict:
        """Classify already-normalised text."""
        ...


@dataclass(frozen=True)
class Thresholds:
    flag: float = 0.5
    block: float = 0.8

    def __post_init__(self) -> None:
        if not 0.0 <= self.flag <= self.block <= 1.0:
            raise ValueError(f"thresholds need 0 <= flag <= block <= 1, got {self}")

    def action_for(self, score: float) -> Action:
        if score >= self.block:
            return Action.BLOCK
        if score >= self.flag:
            return Action.FLAG
        return Action.ALLOW


class OffClassifier:
    """Classification disabled: every text is allowed (validators still run)."""

    name = "off"

    def classify(self, text: str) -> Verdict:
        return Verdict.allow(self.name)


class RulesClassifier:
    """Weighted regular-expression rules over the folded text."""

    name = "rules"

    def __init__(self, thresholds: Thresholds, rules: tuple[Rule, ...] = DEFAULT_RULES) -> None:
        self.thresholds = thresholds
        self.rules = rules

    def classify(self, text: str) -> Verdict:
        # Evidence adds up within a passage only (see safenow.safety.chunks).
        found = [evaluate(self.rules, window) for window in windows_of(text)]
        score = max(f.score for f in found)
        action = self.thresholds.action_for(score)
        if action is Action.ALLOW:
            # Below the flag threshold the evidence is reported by score only.
            return Verdict(Action.ALLOW, score, source=self.name)
        categories: list[str] = []
        reasons: list[str] = []
        for match in found:
            if self.thresholds.action_for(match.score) is Action.ALLOW:
                continue
            categories += [c for c in match.categories if c not in categories]
            reasons += [r for r in match.reasons if r not in reasons]
        return Verdict(action, score, tuple(categories), tuple(reasons), self.name)
