"""Weighted rules: the transparent building block of the `rules` classifier
and of the topic filter.

A rule is a regular expression over the folded text (lower case, homoglyphs,
leetspeak and spacing undone) with a weight in 0..1 and a reason. The score
of a text is ``1 - prod(1 - w)`` over the rules that match, so independent
signals reinforce each other without exceeding 1; one strong rule (0.9) is
enough to block at the default threshold, two weak ones (0.4 + 0.4 = 0.64)
only flag.

Patterns only use bounded gaps (``.{0,60}``) and no nested quantifiers, so
matching stays linear in the text length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Rules of this category are counter-evidence: when one matches, the score is
# multiplied by (1 - weight) instead of being raised.
MITIGATING = "mitigating"
# Rules of this category explain a stretch of text away: a harmless reading of
# attack words ("developer mode on my phone", "no limits on the budget"). Any
# attack rule whose match overlaps such a stretch is ignored; evidence
# elsewhere in the text still counts, so appending a harmless phrase cannot
# hide an attack.
BENIGN_CONTEXT = "benign_context"


@dataclass(frozen=True)
class Rule:
    category: str
    weight: float
    pattern: re.Pattern[str]
    reason: str
    # Words of which at least one must occur in a text for the pattern to be
    # able to match. Checking a set of words is far cheaper than running a
    # regular expression over a long text, so most rules are skipped on most
    # texts. None: always run the pattern.
    triggers: frozenset[str] | None = None


def rule(
    category: str, weight: float, pattern: str, reason: str, triggers: str | None = None
) -> Rule:
    if not 0.0 < weight <= 1.0:
        raise ValueError(f"rule weight must be in (0, 1], got {weight}")
    words = frozenset(triggers.split()) if triggers is not None else None
    return Rule(category, weight, re.compile(pattern), reason, words)


_WORD = re.compile(r"[a-z]+")


def words_of(text: str) -> frozenset[str]:
    """The lower-case words of a folded text, as rule triggers see them."""
    return frozenset(_WORD.findall(text))


def near(
    first: str,
    second: str,
    gap: int = 60,
    *,
    either_order: bool = False,
    same_sentence: bool = False,
) -> str:
    """A pattern: a word from ``first`` and then one from ``second`` within ``gap``.

    With ``same_sentence`` the gap may not cross ".", "!" or "?": in a long
    document, two unrelated sentences must not add up to one request.
    """
    filler = "[^.!?]" if same_sentence else "."
    forward = rf"\b(?:{first})\b{filler}{{0,{gap}}}?\b(?:{second})\b"
    if not either_order:
        return forward
    backward = rf"\b(?:{second})\b{filler}{{0,{gap}}}?\b(?:{first})\b"
    return f"{forward}|{backward}"


@dataclass(frozen=True)
class RuleMatch:
    score: float
    categories: tuple[str, ...]
    reasons: tuple[str, ...]


# Quoted stretches: a phrase inside quotes is being mentioned, not used.
_QUOTED = re.compile(r"\"[^\"]{1,300}\"|'[^']{1,300}'|\u201c[^\u201d]{1,300}\u201d|`[^`]{1,300}`")


def _inside_quotes(span: tuple[int, int], quoted: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in quoted)


def evaluate(rules: tuple[Rule, ...], text: str, words: frozenset[str] | None = None) -> RuleMatch:
    """Score a text; counter-evidence only counts when every match is quoted.

    A text that asks what "ignore previous instructions" means is discounted;
    an attack followed by a question about defences is not: otherwise adding
    "how do I defend against prompt injection?" would hide any attack.
    """
    if words is None:
        words = words_of(text)
    remaining = 1.0
    discount = 1.0
    categories: list[str] = []
    reasons: list[str] = []
    spans: list[tuple[int, int]] = []
    harmless = _harmless_spans(rules, text, words)
    for candidate in rules:
        if candidate.category == BENIGN_CONTEXT:
            continue
        if candidate.triggers is not None and candidate.triggers.isdisjoint(words):
            continue
        if harmless:
            # The first match outside every harmless stretch, if any.
            found = candidate.pattern.finditer(text)
            match = next((m for m in found if not _overlaps(m.span(), harmless)), None)
        else:
            match = candidate.pattern.search(text)
        if match is None:
            continue
        if candidate.category == MITIGATING:
            discount *= 1.0 - candidate.weight
        else:
            remaining *= 1.0 - candidate.weight
            spans.append(match.span())
            if candidate.category not in categories:
                categories.append(candidate.category)
        if candidate.reason not in reasons:
            reasons.append(candidate.reason)
    if not categories:
        return RuleMatch(0.0, (), ())
    if discount < 1.0:
        quoted = [m.span() for m in _QUOTED.finditer(text)]
        if not all(_inside_quotes(span, quoted) for span in spans):
            discount = 1.0
            reasons = [r for r in reasons if r not in _mitigation_reasons(rules)]
    return RuleMatch((1.0 - remaining) * discount, tuple(categories), tuple(reasons))


def _harmless_spans(
    rules: tuple[Rule, ...], text: str, words: frozenset[str]
) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for candidate in rules:
        if candidate.category != BENIGN_CONTEXT:
            continue
        if candidate.triggers is not None and candidate.triggers.isdisjoint(words):
            continue
        spans += [m.span() for m in candidate.pattern.finditer(text)]
    return spans


def _overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


def _mitigation_reasons(rules: tuple[Rule, ...]) -> set[str]:
    return {r.reason for r in rules if r.category == MITIGATING}
