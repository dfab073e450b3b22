"""Credentials in a text: provider API keys, private keys, JWTs, passwords.

Formats are matched on the plain view (NFKC, invisible characters removed,
look-alike letters mapped), so a key split by zero-width spaces or typed in
fullwidth digits is still found, and on every decoded base64/hex payload.
Any match blocks: a credential must not be forwarded to a model provider nor
kept in a transcript. Reasons name the kind of credential, never the value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from safenow.safety.normalize import Normalized
from safenow.safety.verdict import Action, Verdict


@dataclass(frozen=True)
class SecretPattern:
    kind: str
    pattern: re.Pattern[str]
    # Literal fragments of which one must be in the text (lower-cased for
    # case-insensitive patterns): a substring test is far cheaper than a regex
    # scan, so most patterns never run on most texts.
    gates: tuple[str, ...]
    # Read once: testing an enum flag on every call costs more than the gate.
    ignore_case: bool = False

    def search(self, text: str, lowered: str) -> bool:
        haystack = lowered if self.ignore_case else text
        if not any(gate in haystack for gate in self.gates):
            return False
        return self.pattern.search(text) is not None


def _p(kind: str, gates: str, pattern: str, flags: int = 0) -> SecretPattern:
    compiled = re.compile(pattern, flags)
    return SecretPattern(kind, compiled, tuple(gates.split()), bool(compiled.flags & re.IGNORECASE))


# Prefixes are the documented ones of each provider; lengths are the lower
# bounds of real keys, so short look-alikes in prose ("sk-" alone) do not match.
SECRET_PATTERNS: tuple[SecretPattern, ...] = (
    _p("Anthropic API key", "sk-ant-", r"\bsk-ant-[a-z]{3,6}\d{2}-[A-Za-z0-9_-]{32,}"),
    _p("OpenAI API key", "sk-", r"\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,}"),
    _p("AWS access key id", "AKIA ASIA ABIA ACCA", r"\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b"),
    _p(
        "AWS secret access key",
        "secret",
        r"aws.{0,3}secret.{0,20}?[=:\"'\s]\s*[\"']?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])",
        re.IGNORECASE,
    ),
    _p("GitHub token", "ghp_ gho_ ghu_ ghs_ ghr_", r"\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}"),
    _p("GitHub fine-grained token", "github_pat_", r"\bgithub_pat_[A-Za-z0-9_]{50,}"),
    _p("GitLab token", "glpat-", r"\bglpat-[A-Za-z0-9_-]{20,}"),
    _p("Slack token", "xox", r"\bxox[abposre]-[A-Za-z0-9-]{20,}"),
    _p("Google API key", "AIza", r"\bAIza[A-Za-z0-9_-]{35}"),
    _p("Stripe secret key", "_live_ _test_", r"\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,}"),
    _p("Hugging Face token", "hf_", r"\bhf_[A-Za-z0-9]{30,}"),
    _p("SendGrid API key", "SG.", r"\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}"),
    _p("private key", "PRIVATE", r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"),
    _p(
        "JSON Web Token", "eyJ", r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}"
    ),
    # scheme://user:password@host; a password is at least 4 characters and
    # not a template placeholder like <password> or ${PASSWORD}.
    _p(
        "URL with credentials",
        "://",
        r"\b[a-z][a-z0-9+.-]{1,20}://[^\s:/@]+:(?![<$*{])[^\s/@]{4,}@[\w.-]+",
    ),
    # "password is X" / "password=X" where X mixes letters and digits: the
    # shape of a real password rather than a word ("password is incorrect").
    _p(
        "password",
        "pass pwd",
        r"\b(?:password|passwd|pwd|passphrase)\b(?: for [\w .-]{1,30}?)?\s*(?:is|=|:)?\s*[\"']?"
        r"(?=[^\s\"']*\d)(?=[^\s\"']*[A-Za-z])[^\s\"']{8,}",
        re.IGNORECASE,
    ),
)


@dataclass(frozen=True)
class SecretScanner:
    patterns: tuple[SecretPattern, ...] = SECRET_PATTERNS
    name: str = "secrets"

    def find(self, text: Normalized) -> list[str]:
        """Kinds of credential present in the text or in its decoded payloads."""
        kinds: list[str] = []
        for view in (text.plain, *text.payloads):
            lowered = view.lower()
            for secret in self.patterns:
                if secret.kind not in kinds and secret.search(view, lowered):
                    kinds.append(secret.kind)
        return kinds

    def validate(self, text: Normalized) -> Verdict:
        kinds = self.find(text)
        if not kinds:
            return Verdict.allow(self.name)
        return Verdict(
            Action.BLOCK,
            1.0,
            ("secrets",),
            tuple(f"contains what looks like a {kind}" for kind in kinds),
            self.name,
        )
