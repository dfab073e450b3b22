"""Weighted rules: the transparent building block of the `rules` classifier
and of the topic filter.

A rule is a regular expression over the folded text (lower case, homoglyphs,
leetspeak and spacing undone) with a weight in 0..1 and a reason. The score
of a text is ``1 - prod(1 - w)`` over the rules that match, so independent
signals reinforce each other without exceeding 1; one strong rule (0.9) is
enough to block at the default threshold, two weak ones (0.4 + 0.4 = 0.64)
only flag.

The rule modules (``intent_*.py``) share one scale: 0.5-0.6 flags on its own
at the default flag threshold, 0.3-0.45 only adds to other evidence, 0.8 and
above blocks alone.

Patterns only use bounded gaps (``.{0,60}``) and no nested quantifiers, so
matching stays linear in the text length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

try:
    # google-re2: one automaton runs the whole rule set over a text in a
    # single pass. Optional: without it, trigger words pick the rules to run
    # and verdicts are the same (tests compare both paths).
    import re2
except ImportError:  # pragma: no cover - the wheel exists for every platform we ship
    re2 = None

# The attack categories the rule modules write their rules under, named once
# here so that every module (and the verdicts) spell them the same way.
INJ = "prompt_injection"
JB = "jailbreak"
# Rules of this category are counter-evidence: when one matches, the score is
# multiplied by (1 - weight) instead of being raised.
MITIGATING = "mitigating"
# Rules of this category explain a stretch of text away: a harmless reading of
# attack words ("developer mode on my phone", "no limits on the budget"). Any
# attack rule whose match overlaps such a stretch is ignored; evidence
# elsewhere in the text still counts, so appending a harmless phrase cannot
# hide an attack.
BENIGN_CONTEXT = "benign_context"

# Whether RE2 may pick the rules to run; tests switch it off to compare paths.
ACCELERATE = True


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
    # Rules of one family are branches of one move, split only so that each
    # branch has its own (rarer) trigger words: however many branches match,
    # the family adds its weight once.
    family: str | None = None


def rule(
    category: str,
    weight: float,
    pattern: str,
    reason: str,
    triggers: str | None = None,
    family: str | None = None,
) -> Rule:
    if not 0.0 < weight <= 1.0:
        raise ValueError(f"rule weight must be in (0, 1], got {weight}")
    words = frozenset(triggers.split()) if triggers is not None else None
    return Rule(category, weight, re.compile(pattern), reason, words, family)


# Latin and Cyrillic words, and single characters of scripts written without
# spaces (kana, CJK ideographs, hangul syllables), which have no words to cut.
_WORD = re.compile(r"[a-z]+|[а-яё]+|[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")


@lru_cache(maxsize=32)
def words_of(text: str) -> frozenset[str]:
    """The lower-case words of a folded text, as rule triggers see them.

    Cached for the prompt at hand: the classifier and the topic filter read
    the same windows, one after the other. The cache is small on purpose, so
    that a benchmark cycling through 16 prompts never finds one left over."""
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


# A short quotation of a few words names a phrase rather than using it:
# 'users type "ignore previous instructions"', 'the "no limits" clause',
# bad = ["system prompt"]. An attack rule that matches only inside one is
# ignored. A single quoted word ('the "uncensored" answer') is still used.
# Long quotations are content the assistant is asked to process (a review,
# an e-mail), where an injected instruction is an attack.
_SHORT_QUOTE = re.compile(
    r"\"(?=[^\"\n]{3,45}\")[^\" \n]+ [^\"\n]*\"|(?<!\w)'(?=[^'\n]{3,45}')[^' \n]+ [^'\n]*'(?!\w)"
    r"|\u201c(?=[^\u201d\n]{3,45}\u201d)[^\u201d \n]+ [^\u201d\n]*\u201d|`[^`\n]{1,45}`"
)


def _inside_quotes(span: tuple[int, int], quoted: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in quoted)


def _matches(
    rules: tuple[Rule, ...], text: str, words: frozenset[str] | None
) -> list[tuple[Rule, tuple[int, int]]]:
    """The rules that count for a text, each with the span of its match.

    A match inside a harmless stretch or a short quotation does not count
    (the rule's next match might); a family counts once.
    """
    candidates = _candidates(rules, text, words)
    harmless = [
        m.span()
        for candidate in candidates
        if candidate.category == BENIGN_CONTEXT
        for m in candidate.pattern.finditer(text)
    ]
    mentioned: list[tuple[int, int]] | None = None  # short quotations, found on first need
    families: set[str] = set()
    found: list[tuple[Rule, tuple[int, int]]] = []
    for candidate in candidates:
        if candidate.category == BENIGN_CONTEXT:
            continue
        # Most candidates do not match at all: one search settles them. Only
        # a text that matches is checked against harmless stretches and short
        # quotations, with every match tried in turn.
        match = candidate.pattern.search(text)
        if match is None:
            continue
        if mentioned is None:
            mentioned = [m.span() for m in _SHORT_QUOTE.finditer(text)]
        if harmless or mentioned:
            match = next(
                (
                    m
                    for m in candidate.pattern.finditer(text)
                    if not _overlaps(m.span(), harmless) and not _inside_quotes(m.span(), mentioned)
                ),
                None,
            )
        if match is None:
            continue
        if candidate.family is not None:
            if candidate.family in families:
                continue  # another branch of the same move already counted
            families.add(candidate.family)
        found.append((candidate, match.span()))
    return found


def _score(
    rules: tuple[Rule, ...], text: str, found: list[tuple[Rule, tuple[int, int]]]
) -> RuleMatch:
    remaining = 1.0
    discount = 1.0
    categories: list[str] = []
    reasons: list[str] = []
    spans: list[tuple[int, int]] = []
    for candidate, span in found:
        if candidate.category == MITIGATING:
            discount *= 1.0 - candidate.weight
        else:
            remaining *= 1.0 - candidate.weight
            spans.append(span)
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


def evaluate(rules: tuple[Rule, ...], text: str, words: frozenset[str] | None = None) -> RuleMatch:
    """Score a text; counter-evidence only counts when every match is quoted.

    A text that asks what "ignore previous instructions" means is discounted;
    an attack followed by a question about defences is not: otherwise adding
    "how do I defend against prompt injection?" would hide any attack.
    """
    return _score(rules, text, _matches(rules, text, words))


def evaluate_by_category(
    rules: tuple[Rule, ...], text: str, words: frozenset[str] | None = None
) -> dict[str, RuleMatch]:
    """One score per category, from a single pass over the rule set.

    The same as evaluating each category's rules on their own (counter-
    evidence applies to every category), for a filter that keeps categories
    apart — the topic filter scores each topic separately.
    """
    found = _matches(rules, text, words)
    mitigating = [(r, span) for r, span in found if r.category == MITIGATING]
    by_category: dict[str, list[tuple[Rule, tuple[int, int]]]] = {}
    for candidate, span in found:
        if candidate.category != MITIGATING:
            by_category.setdefault(candidate.category, []).append((candidate, span))
    return {
        category: _score(rules, text, matches + mitigating)
        for category, matches in by_category.items()
    }


@dataclass(frozen=True)
class _TriggerIndex:
    always: frozenset[int]  # rules without triggers
    by_word: dict[str, tuple[int, ...]]
    # The trigger words as a set: intersecting it with a text's words runs in
    # C, so only the few words that do trigger something are looked up.
    trigger_words: frozenset[str]

    def triggered(self, words: frozenset[str]) -> set[int]:
        chosen = set(self.always)
        by_word = self.by_word
        for word in words & self.trigger_words:
            chosen.update(by_word[word])
        return chosen


@dataclass(frozen=True)
class _RuleIndex:
    """How to find, for one rule set, the few rules worth running on a text."""

    rules: tuple[Rule, ...]
    # Every rule, by trigger words: the path for texts RE2 does not read
    # exactly like Python (non-ASCII) and for machines without RE2.
    by_trigger: _TriggerIndex
    # One RE2 automaton, run once per text. Entry 0 is an empty pattern that
    # always matches (see _candidates); every other entry names a rule: its
    # own pattern, or, for a rule RE2 cannot compile (look-arounds), a
    # pattern that finds any of its trigger words.
    matcher: Any | None = None
    set_positions: tuple[int, ...] = ()  # set entry -> position in the rule set
    # Rules RE2 cannot compile that have no trigger words: always tried.
    always: frozenset[int] = frozenset()


# Rule index per rule set, keyed by the identity of the (long-lived) tuple;
# the tuple itself is kept in the entry so that its id cannot be reused.
_INDEXES: dict[int, _RuleIndex] = {}


def _candidates(rules: tuple[Rule, ...], text: str, words: frozenset[str] | None) -> list[Rule]:
    """The rules that may match a text, in rule-set order.

    With RE2, one pass of a single automaton over the text names the rules
    whose pattern matches (a Python search then finds the spans of those
    few). RE2's \\b, \\w and \\s are ASCII-only, so it is asked about ASCII texts
    only, where it reads them as Python does. Other texts go by trigger
    words: a rule is tried only when one of its trigger words occurs.
    """
    index = _INDEXES.get(id(rules))
    if index is None or index.rules is not rules:
        index = _index(rules)
        if len(_INDEXES) > 64:  # rule sets are built once; stay bounded anyway
            _INDEXES.clear()
        _INDEXES[id(rules)] = index
    if index.matcher is not None and ACCELERATE and text.isascii():
        hits = index.matcher.Match(text)
        # RE2 reports no match at all when its automaton ran out of memory;
        # the always-matching entry 0 tells that apart from a clean miss.
        if hits and hits[0] == 0:
            chosen = set(index.always)
            chosen.update(index.set_positions[hit] for hit in hits[1:])
            return [rules[i] for i in sorted(chosen)]
    chosen = index.by_trigger.triggered(words if words is not None else words_of(text))
    return [rules[i] for i in sorted(chosen)]


def _trigger_index(rules: tuple[Rule, ...]) -> _TriggerIndex:
    by_word: dict[str, list[int]] = {}
    always: set[int] = set()
    for position, candidate in enumerate(rules):
        triggers = candidate.triggers
        if triggers is None:
            always.add(position)
            continue
        for word in triggers:
            by_word.setdefault(word, []).append(position)
    return _TriggerIndex(
        frozenset(always),
        {word: tuple(hits) for word, hits in by_word.items()},
        frozenset(by_word),
    )


# Python writes an em dash in a pattern as \u2014; RE2 spells it \x{2014}.
_PY_UNICODE_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\u([0-9a-fA-F]{4})")
# A budget, not an allocation: the automaton of the ~250 shipped rules grows
# its cache only as texts need it.
RE2_MAX_MEM = 64 << 20


def _re2_syntax(pattern: str) -> str:
    return _PY_UNICODE_ESCAPE.sub(r"\1\\x{\2}", pattern)


def _add_to_set(matcher: Any, candidate: Rule) -> bool:
    """Add the rule's own pattern to the RE2 set, if RE2 reads it as Python does."""
    if candidate.pattern.flags & ~re.UNICODE:  # flags given outside the pattern text
        return False
    try:
        matcher.Add(_re2_syntax(candidate.pattern.pattern))
    except re2.error:  # look-arounds and other syntax RE2 does not have
        return False
    return True


def _index(rules: tuple[Rule, ...]) -> _RuleIndex:
    everything = _trigger_index(rules)
    if re2 is None:
        return _RuleIndex(rules, everything)
    options = re2.Options()
    options.max_mem = RE2_MAX_MEM
    options.log_errors = False  # a rule RE2 cannot read is found by its triggers instead
    matcher = re2.Set.SearchSet(options)
    matcher.Add("")
    set_positions = [-1]
    always: set[int] = set()
    for position, candidate in enumerate(rules):
        if not _add_to_set(matcher, candidate):
            if candidate.triggers is None:
                always.add(position)
                continue
            # A trigger word as words_of() sees it: a whole run of letters.
            words = "|".join(sorted(candidate.triggers))
            matcher.Add(f"(?:^|[^a-z])(?:{words})(?:[^a-z]|$)")
        set_positions.append(position)
    try:
        matcher.Compile()
    except re2.error:
        return _RuleIndex(rules, everything)
    return _RuleIndex(rules, everything, matcher, tuple(set_positions), frozenset(always))


def _overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


def _mitigation_reasons(rules: tuple[Rule, ...]) -> set[str]:
    return {r.reason for r in rules if r.category == MITIGATING}
