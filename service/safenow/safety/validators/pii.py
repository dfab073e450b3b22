"""Personal data in a text, handled by `SAFETY_PII_POLICY`.

Detection is delegated to `safenow.privacy.Redactor`, the single place that
knows PII formats (also used for logs and audit excerpts): its typed findings
(``detect``) name the kinds; with a redactor that only redacts, a kind is
found when redacting introduces its ``[KIND]`` placeholder. Credential kinds
are left to the secret scanner. The policy then decides: ``allow`` ignores
it, ``flag`` serves and marks the request, ``redact`` forwards a redacted text
instead, ``block`` refuses it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from safenow.privacy import Redactor
from safenow.safety.normalize import Normalized
from safenow.safety.verdict import Action, Verdict

PII_POLICIES = ("allow", "flag", "redact", "block")
# Kinds the redactor reports that are credentials, not personal data.
CREDENTIAL_KINDS = frozenset({"API_KEY", "JWT", "PRIVATE_KEY", "SECRET"})
_PLACEHOLDER = re.compile(r"\[([A-Z][A-Z_]*)\]")


def pii_kinds(redactor: Redactor, text: str) -> list[str]:
    """Kinds of personal data the redactor finds in ``text`` (e.g. ``["EMAIL"]``)."""
    detect = getattr(redactor, "detect", None)
    if callable(detect):
        kinds = {finding.kind for finding in detect(text)}
    else:
        before = Counter(_PLACEHOLDER.findall(text))
        after = Counter(_PLACEHOLDER.findall(redactor.redact(text)))
        kinds = {label for label, count in after.items() if count > before[label]}
    return sorted(kinds - CREDENTIAL_KINDS)


@dataclass(frozen=True)
class PiiCheck:
    policy: str = "flag"
    redactor: Redactor = field(default_factory=Redactor)
    name: str = "pii"

    def __post_init__(self) -> None:
        if self.policy not in PII_POLICIES:
            raise ValueError(f"PII policy {self.policy!r} unknown; allowed: {PII_POLICIES}")

    def validate(self, text: Normalized) -> Verdict:
        if self.policy == "allow":
            return Verdict.allow(self.name)
        kinds = pii_kinds(self.redactor, text.plain)
        if not kinds:
            return Verdict.allow(self.name)
        reasons = (f"contains personal data ({', '.join(k.lower() for k in kinds)})",)
        if self.policy == "block":
            return Verdict(Action.BLOCK, 1.0, ("pii",), reasons, self.name)
        rewritten = self.redactor.redact(text.original) if self.policy == "redact" else None
        if rewritten is not None:
            reasons = (*reasons, "personal data redacted before the model")
        return Verdict(Action.FLAG, 0.6, ("pii",), reasons, self.name, rewritten=rewritten)
