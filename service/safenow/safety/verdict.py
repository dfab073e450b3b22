"""The verdict every safety component returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Action(StrEnum):
    ALLOW = "allow"
    FLAG = "flag"
    BLOCK = "block"


_SEVERITY = {Action.ALLOW: 0, Action.FLAG: 1, Action.BLOCK: 2}


@dataclass(frozen=True)
class Verdict:
    """What a classifier or validator concluded about one text.

    `score` is the estimated probability (0..1) that the text is unsafe;
    `categories` are stable machine names (``prompt_injection``, ``pii``...);
    `reasons` are human-readable and never quote the matched text.
    """

    action: Action
    score: float
    categories: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    source: str = ""
    # Text to forward instead of the original (set by redacting validators).
    rewritten: str | None = field(default=None, compare=False)

    @classmethod
    def allow(cls, source: str = "") -> Verdict:
        return cls(Action.ALLOW, 0.0, source=source)

    @property
    def blocked(self) -> bool:
        return self.action is Action.BLOCK

    def to_dict(self) -> dict:
        return {
            "action": self.action.value,
            "score": round(self.score, 4),
            "categories": list(self.categories),
            "reasons": list(self.reasons),
        }


def combine(verdicts: list[Verdict], source: str = "pipeline") -> Verdict:
    """Merge verdicts: the most severe action wins, categories and reasons add up."""
    if not verdicts:
        return Verdict.allow(source)
    action = max((v.action for v in verdicts), key=_SEVERITY.__getitem__)
    categories: list[str] = []
    reasons: list[str] = []
    for verdict in verdicts:
        for category in verdict.categories:
            if category not in categories:
                categories.append(category)
        for reason in verdict.reasons:
            if reason not in reasons:
                reasons.append(reason)
    rewritten = next((v.rewritten for v in reversed(verdicts) if v.rewritten is not None), None)
    return Verdict(
        action=action,
        score=max(v.score for v in verdicts),
        categories=tuple(categories),
        reasons=tuple(reasons),
        source=source,
        rewritten=rewritten,
    )
