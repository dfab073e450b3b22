"""Encoding and control characters.

Unpaired surrogates (which JSON can carry as ``\\ud800``) and NUL break
downstream encoders and logs, so they block. Other C0/C1 control characters
(escape sequences, backspace...) are used to hide text from terminals and log
viewers; they are flagged. Tab, newline and carriage return are ordinary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from safenow.safety.normalize import Normalized
from safenow.safety.verdict import Action, Verdict

_SURROGATE_OR_NUL = re.compile(r"[\x00\ud800-\udfff]")
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class EncodingCheck:
    name: str = "encoding"

    def validate(self, text: Normalized) -> Verdict:
        if _SURROGATE_OR_NUL.search(text.original):
            return Verdict(
                Action.BLOCK,
                1.0,
                ("encoding",),
                ("contains NUL or unpaired surrogate characters",),
                self.name,
            )
        if _CONTROL.search(text.original):
            return Verdict(
                Action.FLAG, 0.6, ("encoding",), ("contains control characters",), self.name
            )
        return Verdict.allow(self.name)
