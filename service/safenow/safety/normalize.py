"""Text normalisation for detection.

Attackers disguise the words a detector looks for: fullwidth or mathematical
letters, Cyrillic look-alikes, zero-width characters between letters, bidi
controls, leetspeak, letters spaced apart, payloads in base64 or hex. Every
check therefore runs on a *normalised* view while the model still receives the
original text. Two views are kept:

- ``plain``: NFKC, invisible and bidi characters removed, look-alike letters
  mapped to Latin, whitespace collapsed. Case and digits are intact, so
  credential and personal-data formats still match.
- ``folded``: ``plain`` plus case folding, leetspeak folding, spaced-letter
  joining and chat shorthand written out ("ur sys msg"). Intent rules and the
  ml classifier read this one.

``payloads`` holds base64 or hex blobs that decode to readable text; the
folded view has each such blob replaced by its decoded text, so whatever was
smuggled inside is checked like the rest.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import json
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

# Zero-width characters, soft hyphen, word joiner, BOM and bidi controls: they
# render as nothing (or only reorder text), so they only serve to split words.
# U+200D (zero-width joiner) also glues emoji sequences; removing it from the
# detection view is harmless because no rule looks at emoji.
INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f"
    "\u3164\ufeff\uffa0"
)
_DROP_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))

# Leetspeak digits and symbols, folded only inside tokens that also contain a
# letter ("1gn0re" -> "ignore") so that plain numbers ("2024") are untouched.
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b",
                       "@": "a", "$": "s"})  # fmt: skip
# The look-behind anchors each attempt at a token start, keeping the scan linear.
_LEET_TOKEN = re.compile(r"(?<![a-z0-9@$])[a-z@$]*[0-9@$][a-z0-9@$]*")
_HAS_LETTER = re.compile(r"[a-z]")
# Three or more single letters separated by one space, dot, dash, underscore or
# asterisk: "i g n o r e", "s.y.s.t.e.m". Word gaps of two or more characters
# survive, so "i g n o r e  a l l" becomes "ignore all".
# A dotted run keeps no dot after its last letter ("s.y.s.t.e.m. u.p.d.a.t.e"
# reads "system update", not "system. update"); two-letter runs ("e.g.") are
# left alone.
_SPACED = re.compile(r"(?<![^\W_])(?:[a-z][ .\-_*]){2,}[a-z](?:\.(?=\s|$))?(?![^\W_])")
_SPACED_SEPARATORS = re.compile(r"[ .\-_*]")

# Encoded payloads worth decoding: runs of 20+ base64 characters; a run made
# only of hex digits (even length, 24+) is decoded as hex instead.
_ENCODED_RUN = re.compile(r"[A-Za-z0-9+/_-]{20,}={0,2}")
_HEX = re.compile(r"(?:[0-9a-fA-F]{2}){12,}")
MAX_PAYLOADS = 8
MAX_PAYLOAD_CHARS = 16_384


@dataclass(frozen=True)
class Normalized:
    original: str
    plain: str
    folded: str
    payloads: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def homoglyph_table() -> dict[int, str]:
    """Map non-ASCII look-alikes of Latin letters to that letter, once per process.

    The data is Unicode's confusables list as shipped by confusable_homoglyphs;
    only characters confusable with an ASCII letter are kept, so scripts are
    not transliterated wholesale.
    """
    raw = resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8")
    data = json.loads(raw)
    candidates: dict[str, list[str]] = {}
    for letter in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
        for entry in data.get(letter, ()):
            char = entry["c"]
            if len(char) == 1 and ord(char) > 127:
                candidates.setdefault(char, []).append(letter)
    table: dict[int, str] = {}
    for char, letters in candidates.items():
        # A character may look like several letters (Cyrillic І: "I" and "l");
        # prefer one of the same case, which keeps key formats intact in the
        # plain view and reads as intended after case folding.
        same_case = [c for c in letters if c.isupper() == char.isupper()]
        table[ord(char)] = (same_case or letters)[0]
    # Unicode lists capital I look-alikes only as confusable with "l" (the
    # shapes are identical in sans-serif fonts); as capitals they stand for "I".
    table.update({0x0406: "I", 0x0399: "I", 0x04C0: "I"})
    return table


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@lru_cache(maxsize=1)
def _unmask_table() -> dict[int, str | None]:
    return {**homoglyph_table(), **_DROP_INVISIBLE}


def _unmasked(text: str) -> str:
    """NFKC, invisible characters removed and look-alike letters mapped to Latin."""
    if text.isascii():
        return text  # nothing to fold: the common case costs nothing
    text = unicodedata.normalize("NFKC", text)
    # Translate only the non-ASCII stretches: str.translate with a large table
    # is slow per character, and most of a prompt is usually ASCII.
    return _NON_ASCII.sub(lambda m: m.group(0).translate(_unmask_table()), text)


def plain_view(text: str) -> str:
    """`_unmasked` with whitespace collapsed."""
    return " ".join(_unmasked(text).split())


def _fold_leet(match: re.Match[str]) -> str:
    token = match.group(0)
    return token.translate(_LEET) if _HAS_LETTER.search(token) else token


# A spaced run this long usually held several words ("y o u w e r e g i v e n"):
# joined, it would be one unreadable token for the rules and the model.
_SEGMENT_FROM_LETTERS = 8


def _join_spaced(match: re.Match[str]) -> str:
    joined = _SPACED_SEPARATORS.sub("", match.group(0))
    if len(joined) < _SEGMENT_FROM_LETTERS:
        return joined
    return " ".join(_split_words(joined))


# Longest word tried when splitting a run: longer dictionary entries are rare
# and every extra letter makes the split slower.
_LONGEST_WORD = 18


@lru_cache(maxsize=1)
def _word_costs() -> dict[str, float]:
    """Cost of each English word: -log of its Zipf probability by frequency rank.

    The word list (125k words, most frequent first, from Wikipedia) ships with
    the `wordninja` package; loading it takes ~0.1 s, so only a text with a
    long spaced-out run pays for it, once per process.
    """
    import wordninja

    path = Path(wordninja.__file__).parent / "wordninja" / "wordninja_words.txt.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        words = [line.strip() for line in handle if line.strip()]
    scale = math.log(len(words))
    return {
        word: math.log((rank + 1) * scale)
        for rank, word in enumerate(words)
        if len(word) <= _LONGEST_WORD
    }


def _split_words(joined: str) -> list[str]:
    """The most probable split of a run into words (dynamic programming)."""
    costs = _word_costs()
    # cost[i]: cost of the best split of joined[:i]; last[i]: where its last word starts.
    cost = [0.0]
    last = [0]
    for end in range(1, len(joined) + 1):
        # An unknown letter on its own is always possible, at a prohibitive cost.
        best, best_start = cost[end - 1] + 1e9, end - 1
        for begin in range(max(0, end - _LONGEST_WORD), end):
            word_cost = costs.get(joined[begin:end])
            if word_cost is not None and cost[begin] + word_cost < best:
                best, best_start = cost[begin] + word_cost, begin
        cost.append(best)
        last.append(best_start)
    words: list[str] = []
    end = len(joined)
    while end > 0:
        words.append(joined[last[end] : end])
        end = last[end]
    words.reverse()
    # Mostly single letters: not words (a spaced-out code or key); keep it whole.
    if 2 * sum(len(word) == 1 for word in words) > len(words):
        return [joined]
    return words


def fold(text: str) -> str:
    """The detection view: homoglyphs, case, leetspeak and spacing folded.

    Whitespace is collapsed last: a wide gap between spaced-out words is what
    tells "i g n o r e  a l l" apart from one long spaced word.
    """
    return _fold_unmasked(_unmasked(text))


# Chat shorthand written out, so that "ignore ur sys msg" reads like "ignore
# your system message" to rules and model alike. Only words that are almost
# never anything else in English prose are listed ("ill", "n" are not).
SHORTHAND = {
    "u": "you", "ur": "your", "urself": "yourself", "yr": "your", "r": "are", "ya": "you",
    "youre": "you're",
    "msg": "message", "msgs": "messages", "sys": "system", "convo": "conversation",
    "convos": "conversations", "pls": "please", "plz": "please", "pleez": "please",
    "thx": "thanks", "cuz": "because", "coz": "because", "bc": "because", "im": "i'm",
    "ive": "i've", "dont": "don't", "cant": "can't", "wont": "won't", "doesnt": "doesn't",
    "didnt": "didn't", "isnt": "isn't", "arent": "aren't", "ppl": "people", "rn": "right now",
    "instrux": "instructions", "instr": "instructions", "prev": "previous",
    "dev": "developer", "devs": "developers", "w/o": "without", "w/": "with",
    "abt": "about", "tho": "though", "pwd": "password",
}  # fmt: skip
# "w/" and "w/o" end in a slash, so they are matched before the word boundary.
_SHORTHAND = re.compile(
    r"(?<![\w/])(?:w/o|w/(?=\s)|(?:"
    + "|".join(sorted((k for k in SHORTHAND if "/" not in k), key=len, reverse=True))
    + r")\b(?!['/]))"
)


def _expand_shorthand(match: re.Match[str]) -> str:
    word = match.group(0)
    return SHORTHAND.get(word, word)


# Words cut into syllables with hyphens ("un-cen-sored", "re-fu-sals"): joined
# when the parts are short and the whole is an English word that the parts
# are not ("well-known" stays; each part is a word). Only whitespace tokens
# that contain a hyphen are looked at, so ordinary text costs one `in` test.
_HYPHENATED_TOKEN = re.compile(r"([^a-z-]*)([a-z]{1,5}(?:-[a-z]{1,5}){1,5})([^a-z-]*)")


def _join_hyphenated(token: str) -> str:
    match = _HYPHENATED_TOKEN.fullmatch(token)
    if match is None:
        return token
    parts = match.group(2).split("-")
    joined = "".join(parts)
    costs = _word_costs()
    if joined in costs and not all(len(part) > 2 and part in costs for part in parts):
        return match.group(1) + joined + match.group(3)
    return token


_WORDS = re.compile(r"[a-z]+")
# First words of the shorthand keys: a text none of them occurs in skips the
# (comparatively slow) substitution.
_SHORTHAND_WORDS = frozenset(key.split("/")[0] for key in SHORTHAND)


# Two spaced letters between wide gaps are a two-letter word of a spaced-out
# sentence ("n o   f i l t e r s", "r e s t   o f   t h i s"); three or more
# are joined by _SPACED above. Ordinary prose has no wide gaps, so it is not
# touched (the cheap `in` test skips the regex).
_SPACED_PAIR = re.compile(r"(?:^|(?<=\s\s))([a-z])[ .\-_*]([a-z])(?=\s\s|\s*$)")


# "b4" is shorthand whose digit leetspeak folding would turn into "ba", so it
# is written out before the leetspeak pass.
_BEFORE_SHORTHAND = re.compile(r"(?<![\w/])b4\b(?!['/])")


def _fold_unmasked(text: str) -> str:
    text = text.casefold()
    if "b4" in text:
        text = _BEFORE_SHORTHAND.sub("before", text)
    text = _LEET_TOKEN.sub(_fold_leet, text)
    text = _SPACED.sub(_join_spaced, text)
    if "  " in text:
        text = _SPACED_PAIR.sub(r"\1\2", text)
    if not _SHORTHAND_WORDS.isdisjoint(_WORDS.findall(text)):
        text = _SHORTHAND.sub(_expand_shorthand, text)
    tokens = text.split()
    if "-" in text:
        tokens = [_join_hyphenated(t) if "-" in t else t for t in tokens]
    return " ".join(tokens)


def _readable(data: bytes) -> str | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    printable = sum(ch.isprintable() or ch in "\n\t\r" for ch in text)
    # Random bytes (keys, digests, images) rarely decode to mostly printable
    # UTF-8 with spaces; natural-language payloads always do.
    if not text or printable < 0.95 * len(text) or " " not in text:
        return None
    return text


def _decode_base64(run: str) -> str | None:
    padded = run + "=" * (-len(run) % 4)
    altchars = b"-_" if ("-" in run or "_" in run) else None
    try:
        data = base64.b64decode(padded, altchars=altchars, validate=True)
    except (binascii.Error, ValueError):
        return None
    return _readable(data)


def _decode_run(run: str) -> str | None:
    run = run[: MAX_PAYLOAD_CHARS * 2]
    if _HEX.fullmatch(run):
        return _readable(bytes.fromhex(run))
    return _decode_base64(run)


def _payload_spans(plain: str) -> list[tuple[int, int, str]]:
    """(start, end, decoded text) of base64/hex runs that decode to readable text."""
    spans: list[tuple[int, int, str]] = []
    for match in _ENCODED_RUN.finditer(plain):
        decoded = _decode_run(match.group(0))
        if decoded:
            spans.append((match.start(), match.end(), plain_view(decoded)))
            if len(spans) >= MAX_PAYLOADS:
                break
    return spans


def decode_payloads(plain: str) -> tuple[str, ...]:
    """Readable texts hidden in base64 or hex runs (bounded in number and size)."""
    return tuple(text for _, _, text in _payload_spans(plain))


def normalize_text(text: str) -> Normalized:
    """Both views of ``text``. In the folded view every decodable payload is
    replaced by its decoded text, so detectors read a smuggled instruction in
    the context that asks to follow it."""
    unmasked = _unmasked(text)
    plain = " ".join(unmasked.split())
    spans = _payload_spans(plain)
    if not spans:
        return Normalized(text, plain, _fold_unmasked(unmasked), ())
    pieces, cursor = [], 0
    for start, end, decoded in spans:
        pieces += [plain[cursor:start], " ", decoded, " "]
        cursor = end
    pieces.append(plain[cursor:])
    return Normalized(text, plain, fold("".join(pieces)), tuple(d for _, _, d in spans))


def normalize(text: str) -> str:
    """The folded detection view of ``text`` (kept for callers of the first API)."""
    return normalize_text(text).folded
