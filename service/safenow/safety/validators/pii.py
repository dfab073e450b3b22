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


# Findings that have a personal-data *format* but name no person: a role
# mailbox ("hr@", "support@") belongs to a function, and a public resolver
# ("1.1.1.1") to a company. The redactor still masks them in logs (masking
# too much there costs nothing); the safety check does not mark a prompt for
# them.
ROLE_MAILBOXES = frozenset(
    [
        "hr",
        "support",
        "info",
        "admin",
        "sales",
        "noreply",
        "no-reply",
        "billing",
        "it",
        "helpdesk",
        "help",
        "team",
        "contact",
        "office",
        "security",
        "abuse",
        "postmaster",
        "webmaster",
        "privacy",
        "careers",
        "jobs",
        "press",
        "marketing",
        "service",
        "customerservice",
        "enquiries",
        "inquiries",
        "hello",
        "feedback",
        "accounts",
        "finance",
        "legal",
        "compliance",
        "ops",
        "devops",
        "notifications",
        "alerts",
        "newsletter",
        "orders",
        "returns",
    ]
)
PUBLIC_SERVICE_IPS = frozenset(
    [
        "1.1.1.1",
        "1.0.0.1",
        "8.8.8.8",
        "8.8.4.4",
        "9.9.9.9",
        "149.112.112.112",
        "208.67.222.222",
        "208.67.220.220",
        "127.0.0.1",
        "0.0.0.0",
    ]
)


def _names_a_person(kind: str, value: str) -> bool:
    if kind == "EMAIL":
        return value.split("@", 1)[0].casefold() not in ROLE_MAILBOXES
    if kind == "IP":
        return value not in PUBLIC_SERVICE_IPS
    return True


def pii_kinds(redactor: Redactor, text: str) -> list[str]:
    """Kinds of personal data the redactor finds in ``text`` (e.g. ``["EMAIL"]``)."""
    detect = getattr(redactor, "detect", None)
    if callable(detect):
        kinds = {
            finding.kind
            for finding in detect(text)
            if _names_a_person(finding.kind, text[finding.start : finding.end])
        }
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
