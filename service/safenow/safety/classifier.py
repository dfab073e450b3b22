"""Classifier strategies behind one small interface.

`SAFETY_CLASSIFIER=off|rules|ml` picks one. `RulesClassifier` is a
transparent weighted rule set: each rule that matches adds its weight to the
category's evidence, and the score is 1 - prod(1 - w) over matched rules so
that independent signals reinforce each other without exceeding 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

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


@dataclass(frozen=True)
class Rule:
    category: str
    weight: float
    pattern: re.Pattern[str]
    reason: str


def _rule(category: str, weight: float, pattern: str, reason: str) -> Rule:
    return Rule(category, weight, re.compile(pattern, re.IGNORECASE), reason)


# A first, deliberately small rule set; docs/safety.md lists every rule.
DEFAULT_RULES: tuple[Rule, ...] = (
    _rule(
        "prompt_injection",
        0.9,
        r"\b(ignore|disregard|forget)\b.{0,40}\b(previous|prior|above|earlier|all)\b.{0,30}"
        r"\b(instructions?|rules?|prompts?|directions?)\b",
        "asks to override earlier instructions",
    ),
    _rule(
        "prompt_injection",
        0.85,
        r"\b(reveal|print|show|repeat|output)\b.{0,40}\b(system prompt|hidden instructions?"
        r"|initial prompt)\b",
        "asks for the system prompt",
    ),
    _rule(
        "jailbreak",
        0.9,
        r"\b(DAN|do anything now|developer mode|jailbroken?|no (longer )?(have|bound by) "
        r"(any )?(rules|restrictions|guidelines))\b",
        "role play meant to escape the rules",
    ),
)


class RulesClassifier:
    """Weighted regular-expression rules over the normalised text."""

    name = "rules"

    def __init__(self, thresholds: Thresholds, rules: tuple[Rule, ...] = DEFAULT_RULES) -> None:
        self.thresholds = thresholds
        self.rules = rules

    def classify(self, text: str) -> Verdict:
        remaining = 1.0
        categories: list[str] = []
        reasons: list[str] = []
        for rule in self.rules:
            if rule.pattern.search(text):
                remaining *= 1.0 - rule.weight
                if rule.category not in categories:
                    categories.append(rule.category)
                reasons.append(rule.reason)
        score = 1.0 - remaining
        return Verdict(
            action=self.thresholds.action_for(score),
            score=score,
            categories=tuple(categories),
            reasons=tuple(reasons),
            source=self.name,
        )
