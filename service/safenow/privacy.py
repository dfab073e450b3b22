"""PII and secret detection, and the redaction used by logs and audit excerpts.

`detect(text)` returns typed findings (`EMAIL`, `PHONE`, `CARD`, `IBAN`,
`SSN`, `IP`, `API_KEY`, `JWT`, `PRIVATE_KEY`, `SECRET`); `redact(text)`
replaces each finding with a placeholder that keeps the type (`[EMAIL]`,
`[CARD]`...), so a log line stays readable without the data.

Design: a cheap regular expression proposes candidates, a well-kept library
confirms the ones a pattern cannot (libphonenumber for phones, python-stdnum
for Luhn, IBAN and SSN rules, `ipaddress` for addresses). Every pattern is
anchored by a look-behind or a possessive quantifier so that scanning stays
linear in the text length: the redactor runs on every log event.
"""

from __future__ import annotations

import functools
import ipaddress
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, unquote_plus

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.us import ssn as stdnum_ssn

KINDS = (
    "PRIVATE_KEY",
    "JWT",
    "API_KEY",
    "SECRET",
    "EMAIL",
    "IBAN",
    "CARD",
    "SSN",
    "IP",
    "PHONE",
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One detected span. It holds positions, never the matched value."""

    kind: str
    start: int
    end: int
    detector: str

    @property
    def placeholder(self) -> str:
        return f"[{self.kind}]"


# A detector yields (start, end) spans it confirmed in the text, or
# (start, end, priority) when one finding is weaker than the detector's usual.
Scan = Callable[[str], Iterator[tuple[int, ...]]]


@dataclass(frozen=True)
class Detector:
    name: str
    kind: str
    # Higher priority wins when two findings overlap (a JWT inside a
    # "Bearer ..." header is reported as JWT, a card number is not a phone).
    priority: int
    scan: Scan
    # Cheap pre-check: skip the scan when the text cannot contain a match.
    gate: Callable[[str], bool] | None = None


def _regex_scan(pattern: re.Pattern[str], group: int = 0) -> Scan:
    def scan(text: str) -> Iterator[tuple[int, int]]:
        for match in pattern.finditer(text):
            yield match.span(group)

    return scan


_has_digit = re.compile(r"\d").search
_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}|\w\+\w")


# --- secrets ------------------------------------------------------------------

_PRIVATE_KEY = re.compile(
    r"-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----"
    r"(?:[\s\S]*?-----END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----"
    # A pasted key cut before its END line is still a key: take the body.
    r"|(?:[A-Za-z0-9+/=\s:,.-]|\\n)*)"
)

_JWT = re.compile(r"(?<![\w-])eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*")

# Provider prefixes of API keys and tokens (documented public formats).
_API_KEY = re.compile(
    r"(?<![A-Za-z0-9_-])(?:"
    r"sk-(?:proj-|svcacct-|admin-|ant-(?:api|admin)\d\d-)?[A-Za-z0-9_-]{20,}"  # OpenAI, Anthropic
    r"|(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}"  # AWS key ids
    r"|gh[pousr]_[A-Za-z0-9]{36,}"  # GitHub tokens
    r"|github_pat_[A-Za-z0-9_]{22,}"  # GitHub fine-grained tokens
    r"|glpat-[A-Za-z0-9_-]{20,}"  # GitLab
    r"|xox[abposr]-[A-Za-z0-9-]{10,}"  # Slack
    r"|(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}"  # Stripe secret / restricted
    r"|AIza[0-9A-Za-z_-]{35}"  # Google API keys
    r"|hf_[A-Za-z0-9]{30,}"  # Hugging Face
    r"|npm_[A-Za-z0-9]{36}"  # npm
    r"|pypi-AgE[A-Za-z0-9_-]{50,}"  # PyPI
    r"|SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}"  # SendGrid
    r"|SK[0-9a-fA-F]{32}"  # Twilio
    r"|dop_v1_[a-f0-9]{64}"  # DigitalOcean
    r")(?![A-Za-z0-9_-])"
)

# `password=...`, `api_key: ...`: the value goes, the name stays for context.
_ASSIGNMENT = re.compile(
    r"(?i)\b(?:api[_-]?key|apikey|secret(?:[_-]?key)?|client[_-]?secret|"
    r"access[_-]?token|auth[_-]?token|refresh[_-]?token|password|passwd|pwd|"
    r"aws_secret_access_key)[\"']?\s*[:=]\s*[\"']?([^\s\"',;]{6,})"
)
# `Authorization: Bearer <opaque token>`; a token has at least one digit.
_BEARER = re.compile(r"\bBearer\s+((?=[A-Za-z0-9._~+/-]*\d)[A-Za-z0-9._~+/-]{16,}=*)")
# Credentials inside a URL: scheme://user:password@host.
_URL_CREDENTIALS = re.compile(r"(?i)\b[a-z][a-z0-9+.-]*://[^\s/:@]+:([^\s/@]+)@")


# --- contact data ---------------------------------------------------------------

_LOCAL = r"[\w.!#$%&'*+/=?^`{|}~-]"
_EMAIL = re.compile(
    # The look-behind makes a match start only at the start of a run, which
    # keeps the scan linear on long words without an '@'.
    rf"(?<!{_LOCAL}){_LOCAL}+@"
    r"(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+"
    r"(?:[xX][nN]--[A-Za-z0-9-]{1,59}|[^\W\d_]{2,63})(?![\w-])"
)

# --- numbers --------------------------------------------------------------------

# A run of digit groups joined by single spaces or dashes ("4111 1111 ...").
_DIGIT_RUN = re.compile(r"(?<![\w.+])\d++(?:[ -]\d++)*+")
# "+34 612 00 00 00": digits after an international prefix belong to a phone.
_AFTER_COUNTRY_CODE = re.compile(r"\+\d{1,4}[ -]$")
_GROUP = re.compile(r"\d+")
_CARD_IIN = re.compile(r"^(?:[3-6]|2[2-7])")
_SSN_CONTEXT = re.compile(r"(?i)(?:ssn|social security)[^\d]{0,20}$")


def _groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start() + start, m.end() + start) for m in _GROUP.finditer(text[start:end])]


_NON_DIGITS = re.compile(r"\D")


def _digit_count(text: str) -> int:
    return len(_NON_DIGITS.sub("", text))


def _scan_cards(text: str) -> Iterator[tuple[int, ...]]:
    for run in _DIGIT_RUN.finditer(text):
        if run.end() - run.start() < 13 or _digit_count(run.group(0)) < 13:
            continue
        # A run right after "+<country code>" starts with a phone number; a card
        # may still follow it in the same run ("+43 660 000000 4000...").
        after_country_code = bool(
            _AFTER_COUNTRY_CODE.search(text, max(0, run.start() - 6), run.start())
        )
        groups = _groups(text, *run.span())
        # The longest window of whole groups from every start (13..19 digits,
        # known issuer prefix, Luhn checksum); overlapping readings are
        # merged by detect().
        covered_to = -1
        for index in range(1 if after_country_code else 0, len(groups)):
            for last in range(len(groups) - 1, index - 1, -1):
                if last <= covered_to:
                    break
                digits = "".join(text[s:e] for s, e in groups[index : last + 1])
                if 13 <= len(digits) <= 19 and _CARD_IIN.match(digits) and luhn.is_valid(digits):
                    covered_to = last
                    if index == 0:
                        yield groups[index][0], groups[last][1]
                    else:
                        # Starts after other digits of the same run ("0043 660
                        # ..."): weaker evidence, a phone reading names the type.
                        yield groups[index][0], groups[last][1], _INNER_CARD_PRIORITY
                    break


_INNER_CARD_PRIORITY = 25


def _scan_ssns(text: str) -> Iterator[tuple[int, int]]:
    for run in _DIGIT_RUN.finditer(text):
        if run.end() - run.start() < 9:
            continue
        groups = _groups(text, *run.span())
        sizes = [e - s for s, e in groups]
        for i in range(len(groups) - 2):
            if sizes[i : i + 3] != [3, 2, 4]:
                continue
            seps = {text[groups[i][1]], text[groups[i + 1][1]]}
            digits = "".join(text[a:b] for a, b in groups[i : i + 3])
            if len(seps) == 1 and stdnum_ssn.is_valid(digits):
                yield groups[i][0], groups[i + 2][1]
        # Bare nine digits count only after an "SSN" / "social security" label.
        if (
            sizes == [9]
            and _SSN_CONTEXT.search(text[max(0, run.start() - 40) : run.start()])
            and stdnum_ssn.is_valid(run.group(0))
        ):
            yield run.span()


_IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){11,32}")


def _scan_ibans(text: str) -> Iterator[tuple[int, int]]:
    position = 0
    while (match := _IBAN.search(text, position)) is not None:
        # Positions of the alphanumeric characters, so that the longest valid
        # prefix maps back to a span of the original (spaced) text.
        positions = [match.start() + i for i, c in enumerate(match.group(0)) if c.isalnum()]
        compact = "".join(text[p] for p in positions)
        position = match.start() + 1
        for length in range(min(34, len(compact)), 14, -1):
            # Country layout and mod-97 only: national BBAN checksums vary
            # by bank and would reject real-looking numbers that are still data.
            if stdnum_iban.is_valid(compact[:length], check_country=False):
                yield match.start(), positions[length - 1] + 1
                # The greedy candidate may have run into the next IBAN.
                position = positions[length - 1] + 1
                break


_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)")
_IPV6 = re.compile(
    r"(?<![\w:.])(?=[0-9A-Fa-f]*:[0-9A-Fa-f]*:)"
    r"[0-9A-Fa-f:]{2,40}(?:(?<=:)\d{1,3}(?:\.\d{1,3}){3})?(?:%[\w.]+)?(?![\w:]|\.\w)"
)


def _scan_ipv4(text: str) -> Iterator[tuple[int, int]]:
    for match in _IPV4.finditer(text):
        try:
            ipaddress.IPv4Address(match.group(0))
        except ValueError:
            continue
        yield match.span()


def _scan_ipv6(text: str) -> Iterator[tuple[int, int]]:
    for match in _IPV6.finditer(text):
        candidate = match.group(0)
        # "fe80::1: connection refused": a colon right after the address.
        for trimmed in (candidate, candidate[:-1] if candidate.endswith(":") else ""):
            try:
                ipaddress.IPv6Address(trimmed)
            except ValueError:
                continue
            yield match.start(), match.start() + len(trimmed)
            break


# Phone candidates: optional "+" or "00", then digit groups, possibly in
# parentheses, joined by at most one separator. Possessive quantifiers keep a
# digit group from being split, so failing candidates cost linear time.
# A run right after "ORD-" or "PYSEC-" is part of an identifier, not a phone.
_PHONE = re.compile(
    r"(?<![\w+.])(?<![A-Za-z]-)(?:\+|00)?(?:\(\d++\)|\d++)(?:[ .\-/]?(?:\(\d++\)|\d++)){0,7}+"
)
_PHONE_GROUP = re.compile(r"\(?\d+\)?")
_NANP = re.compile(r"^(?:\+?1[ .-]?)?\(?[2-9]\d{2}\)?[ .-]?\d{3}[ .-]?\d{4}$")
_ONE_DIGIT_GROUP = re.compile(r"\(\d\)")
_DATE_LIKE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")
# "1234567.891": a decimal number, not a phone written with one dot.
_DECIMAL = re.compile(r"^\d{5,}\.\d{1,3}$")
# A calendar date inside a longer digit run: "2023-04-01 13:22" and
# "[2024-03-02 09:14:07]" are timestamps, not a phone number followed by an
# hour. Only full four-digit years count, so French "01.23.45.67.89" stays a
# phone.
_DATE_INSIDE = re.compile(
    r"(?<!\d)(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)"
    r"|(?<!\d)(?:0?[1-9]|[12]\d|3[01])[./](?:0?[1-9]|1[0-2])[./](?:19|20)\d\d(?!\d)"
)
# Regions whose national numbers begin with a trunk "0" (or, for Italy, a
# leading 0 that is part of the number): "030 1234567", "(0161) 496 0066".
TRUNK_REGIONS = ("GB", "DE", "FR", "IT", "NL", "BE", "CH", "AT", "IE", "AU", "IN", "BR", "IL")
# National numbers written without any prefix: NANP, India and Brazil mobiles,
# Italian mobiles ("312 345 6789"). Nine digits at least, so short counters
# and ids never qualify.
PLAIN_REGIONS = ("US", "IN", "IT", "BR")


@functools.lru_cache(maxsize=4096)
def _phone_valid(candidate: str) -> bool:
    """Whether the candidate is a valid phone number (libphonenumber decides)."""
    digits = _NON_DIGITS.sub("", candidate)
    if not 7 <= len(digits) <= 17 or _DATE_LIKE.match(candidate) or _DECIMAL.match(candidate):
        return False
    if _ONE_DIGIT_GROUP.search(candidate) and not candidate.startswith(("+", "00")):
        # "32(4) 101-118" is a journal's volume, issue and pages: an area code
        # in brackets has two digits at least.
        return False
    if candidate.startswith(("+", "00")):
        # "+44 (0)20 ..." writes the trunk prefix that callers from abroad drop.
        cleaned = "+" + _NON_DIGITS.sub("", candidate.replace("(0)", "", 1))
        if candidate.startswith("00"):
            cleaned = "+" + digits[2:]
        try:
            return phonenumbers.is_valid_number(phonenumbers.parse(cleaned, None))
        except phonenumbers.NumberParseException:
            return False
    # National forms: the national significant number is the same whatever
    # the region, so build the number per region instead of parsing the text
    # once per region (parsing dominates the cost of the whole redactor).
    if candidate.lstrip("(").startswith("0"):
        return any(_valid_national(region, digits) for region in TRUNK_REGIONS)
    if _NANP.match(candidate):
        national = digits[1:] if len(digits) == 11 else digits
        return any(_valid_national(region, national) for region in PLAIN_REGIONS)
    if len(digits) >= 9:
        return any(_valid_national(region, digits) for region in PLAIN_REGIONS[1:])
    return False


def _valid_national(region: str, digits: str) -> bool:
    number = phonenumbers.PhoneNumber(country_code=phonenumbers.country_code_for_region(region))
    if region == "IT" and digits.startswith("0"):
        # Italian fixed-line numbers keep their leading 0.
        number.italian_leading_zero = True
        number.national_number = int(digits)
    elif digits.startswith("0"):
        number.national_number = int(digits[1:] or "0")  # the trunk prefix goes
    else:
        number.national_number = int(digits)
    return phonenumbers.is_valid_number(number)


def _scan_phones(text: str) -> Iterator[tuple[int, int]]:
    for match in _PHONE.finditer(text):
        base = match.start()
        body = match.group(0)
        if len(body) < 7 or _digit_count(body) < 7:
            continue
        groups = [(m.start() + base, m.end() + base) for m in _PHONE_GROUP.finditer(body)]
        dates = [(m.start() + base, m.end() + base) for m in _DATE_INSIDE.finditer(body)]
        if body.startswith("+") and groups:
            groups[0] = (base, groups[0][1])  # the "+" belongs to the first group
        # Digits before each group, to skip windows of impossible length cheaply.
        before = [0]
        for start, end in groups:
            before.append(before[-1] + _digit_count(text[start:end]))
        # The longest valid window from every start: digit soup can be read in
        # more than one way, and detect() redacts the union of the readings.
        covered_to = -1
        for index in range(len(groups)):
            for last in range(len(groups) - 1, index - 1, -1):
                if last <= covered_to:
                    break  # inside a window already reported
                count = before[last + 1] - before[index]
                if count < 7:
                    break
                start, end = groups[index][0], groups[last][1]
                if any(d_start < end and start < d_end for d_start, d_end in dates):
                    continue  # the window reads part of a date
                if count <= 17 and _phone_valid(text[start:end]):
                    yield groups[index][0], groups[last][1]
                    covered_to = last
                    break


DETECTORS: tuple[Detector, ...] = (
    Detector("private_key_block", "PRIVATE_KEY", 100, _regex_scan(_PRIVATE_KEY),
             lambda t: "PRIVATE KEY" in t),
    Detector("jwt", "JWT", 90, _regex_scan(_JWT), lambda t: "eyJ" in t),
    Detector("provider_api_key", "API_KEY", 80, _regex_scan(_API_KEY)),
    Detector("url_credentials", "SECRET", 75, _regex_scan(_URL_CREDENTIALS, 1),
             lambda t: "://" in t),
    Detector("secret_assignment", "SECRET", 70, _regex_scan(_ASSIGNMENT, 1),
             lambda t: "=" in t or ":" in t),
    Detector("bearer_token", "SECRET", 70, _regex_scan(_BEARER, 1), lambda t: "Bearer" in t),
    Detector("email", "EMAIL", 60, _regex_scan(_EMAIL), lambda t: "@" in t),
    Detector("iban", "IBAN", 55, _scan_ibans, _has_digit),
    Detector("card", "CARD", 50, _scan_cards, _has_digit),
    Detector("us_ssn", "SSN", 45, _scan_ssns, _has_digit),
    Detector("ipv4", "IP", 40, _scan_ipv4, lambda t: "." in t),
    Detector("ipv6", "IP", 40, _scan_ipv6, lambda t: ":" in t),
    Detector("phone", "PHONE", 30, _scan_phones, _has_digit),
)  # fmt: skip


class Redactor:
    """Finds PII and secrets and replaces them with typed placeholders."""

    def __init__(self, detectors: tuple[Detector, ...] = DETECTORS) -> None:
        self.detectors = detectors

    def detect(self, text: str) -> list[Finding]:
        """Non-overlapping findings in text order."""
        candidates: list[tuple[int, int, int, Detector]] = []
        for detector in self.detectors:
            if detector.gate is not None and not detector.gate(text):
                continue
            for span in detector.scan(text):
                start, end = span[0], span[1]
                if end > start:
                    priority = span[2] if len(span) > 2 else detector.priority
                    candidates.append((priority, start, end, detector))
        if not candidates:
            return []
        # Highest priority first, then longest: the winner names the type. A
        # weaker reading that overlaps it widens it instead of being dropped,
        # so no character of either reading escapes redaction.
        candidates.sort(key=lambda c: (-c[0], c[1] - c[2], c[1]))
        taken: list[list] = []  # [start, end, priority, detector], strongest first
        for priority, start, end, detector in candidates:
            for winner in taken:
                if start < winner[1] and winner[0] < end:
                    winner[0], winner[1] = min(winner[0], start), max(winner[1], end)
                    break
            else:
                taken.append([start, end, priority, detector])
        taken.sort(key=lambda t: t[0])
        merged: list[list] = []
        for item in taken:
            if merged and item[0] < merged[-1][1]:
                last = merged[-1]
                last[1] = max(last[1], item[1])
                if item[2] > last[2]:
                    last[2], last[3] = item[2], item[3]
            else:
                merged.append(item)
        return [Finding(d.kind, start, end, d.name) for start, end, _, d in merged]

    def redact(self, text: str) -> str:
        redacted = self._substitute(text, self.detect(text))
        if _PERCENT_ESCAPE.search(redacted):
            # Request lines and URLs carry data percent- or form-encoded
            # ("jane%40example.org", "4111+1111+..."): look at the decoded
            # form too, and log that form when it holds something to hide.
            for decode in (unquote, unquote_plus):
                decoded = decode(redacted)
                if decoded != redacted and (findings := self.detect(decoded)):
                    return self._substitute(decoded, findings)
        return redacted

    @staticmethod
    def _substitute(text: str, findings: list[Finding]) -> str:
        if not findings:
            return text
        parts: list[str] = []
        cursor = 0
        for finding in findings:
            parts.append(text[cursor : finding.start])
            parts.append(finding.placeholder)
            cursor = finding.end
        parts.append(text[cursor:])
        return "".join(parts)

    def redact_value(self, value: Any) -> Any:
        """Redact every string inside nested dicts, lists and tuples (keys included)."""
        if isinstance(value, str):
            return self.redact(value)
        if isinstance(value, dict):
            return {self.redact_value(k): self.redact_value(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return type(value)(self.redact_value(v) for v in value)
        return value

    def excerpt(self, text: str | None, limit: int = 160) -> str | None:
        """A short redacted excerpt for audit records (redacted before cutting,
        so a cut can never leave half of a card number behind)."""
        if text is None:
            return None
        redacted = self.redact(text)
        return redacted if len(redacted) <= limit else redacted[: limit - 1] + "…"


_DEFAULT = Redactor()


def detect(text: str) -> list[Finding]:
    return _DEFAULT.detect(text)


def redact(text: str) -> str:
    return _DEFAULT.redact(text)


def luhn_valid(digits: str) -> bool:
    """Kept for callers of the first version; python-stdnum does the work."""
    return luhn.is_valid(digits)
