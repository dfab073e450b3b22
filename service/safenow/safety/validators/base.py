"""The interface of a validator."""

from __future__ import annotations

from typing import Protocol

from safenow.safety.normalize import Normalized
from safenow.safety.verdict import Verdict


class Validator(Protocol):
    name: str

    def validate(self, text: Normalized) -> Verdict:
        """Check one normalised text; never quote the matched text in reasons."""
        ...
