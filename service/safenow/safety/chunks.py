"""Reading long texts in pieces of a few sentences.

Evidence must add up within one passage, not across a whole document: two
harmless sentences pages apart ("from now on..." and "...your instructions")
must not combine into an attack, and one injected sentence must not be
drowned by the pages around it. Classifiers therefore read a short text
whole, and a long one as chunks of consecutive sentences about the length of
a prompt, keeping the most unsafe chunk.
"""

from __future__ import annotations

import re
from functools import lru_cache

WHOLE_TEXT_CHARS = 640
CHUNK_MIN_CHARS = 120
CHUNK_MAX_CHARS = 320
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def chunks_of(text: str) -> list[str]:
    """Consecutive sentences grouped into chunks of CHUNK_MIN..CHUNK_MAX chars.

    A sentence longer than CHUNK_MAX_CHARS is cut into half-overlapping pieces.
    """
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        if len(sentence) <= CHUNK_MAX_CHARS:
            pieces.append(sentence)
            continue
        step = CHUNK_MAX_CHARS // 2
        pieces.extend(
            sentence[i : i + CHUNK_MAX_CHARS] for i in range(0, len(sentence) - step, step)
        )
    chunks: list[str] = []
    current = ""
    for piece in pieces:
        if current and len(current) + len(piece) + 1 > CHUNK_MAX_CHARS:
            chunks.append(current)
            current = ""
        current = f"{current} {piece}" if current else piece
        if len(current) >= CHUNK_MIN_CHARS:
            chunks.append(current)
            current = ""
    if current:
        chunks.append(current)
    return chunks


@lru_cache(maxsize=4)
def windows_of(text: str) -> tuple[str, ...]:
    """What a classifier reads: the whole text if short, and its chunks if long.

    Cached for the prompt at hand (the classifier and the topic filter window
    the same folded text); four entries, so nothing survives from one prompt
    of a benchmark's rotation to its next turn.
    """
    chunks = chunks_of(text) if len(text) > CHUNK_MAX_CHARS else []
    if len(text) <= WHOLE_TEXT_CHARS or not chunks:
        return (text, *chunks)
    return tuple(chunks)
