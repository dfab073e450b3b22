"""PII redaction used by the logs and the audit excerpts.

Each detector replaces a match with a placeholder that keeps the type
(`[EMAIL]`, `[CARD]`...), so a log line stays readable without the data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


@dataclass(frozen=True)
class Detector:
    label: str
    pattern: re.Pattern[str]
    accept: Callable[[str], bool] | None = None


def _card_ok(match: str) -> bool:
    digits = re.sub(r"\D", "", match)
    return 13 <= len(digits) <= 19 and luhn_valid(digits)


DETECTORS: tuple[Detector, ...] = (
    Detector("EMAIL", re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")),
    Detector("CARD", re.compile(r"\b(?:\d[ -]?){12,18}\d\b"), _card_ok),
    Detector("SSN", re.compile(r"\b\d{3}-\d{2}-\d{4}\b")),
)


class Redactor:
    def __init__(self, detectors: tuple[Detector, ...] = DETECTORS) -> None:
        self.detectors = detectors

    def redact(self, text: str) -> str:
        for detector in self.detectors:
            text = detector.pattern.sub(lambda m, d=detector: self._replace(m, d), text)
        return text

    @staticmethod
    def _replace(match: re.Match[str], detector: Detector) -> str:
        if detector.accept is not None and not detector.accept(match.group(0)):
            return match.group(0)
        return f"[{detector.label}]"

    def excerpt(self, text: str | None, limit: int = 160) -> str | None:
        """A short redacted excerpt for audit records."""
        if text is None:
            return None
        redacted = self.redact(text)
        return redacted if len(redacted) <= limit else redacted[: limit - 1] + "…"
