"""Detector examples: what must be found, with its type, and what must be left alone."""

from __future__ import annotations

import itertools

import pytest

from safenow.privacy import Finding, Redactor, detect, redact

FOUND = [
    ("mail jane.roe+news@example.co.uk today", "EMAIL", "jane.roe+news@example.co.uk"),
    ("call +44 20 7946 0958 now", "PHONE", "+44 20 7946 0958"),
    ("call (415) 555-2671 now", "PHONE", "(415) 555-2671"),
    ("ruf 030 12345678 an", "PHONE", "030 12345678"),
    ("appelez le +33 (0)1 41 63 60 83", "PHONE", "+33 (0)1 41 63 60 83"),
    ("card 4111 1111 1111 1111 exp", "CARD", "4111 1111 1111 1111"),
    ("amex 3782-822463-10005.", "CARD", "3782-822463-10005"),
    ("iban DE89 3704 0044 0532 0130 00 AND more", "IBAN", "DE89 3704 0044 0532 0130 00"),
    ("iban GB82WEST12345698765432", "IBAN", "GB82WEST12345698765432"),
    ("ssn 123-45-6789.", "SSN", "123-45-6789"),
    ("SSN: 123456789", "SSN", "123456789"),
    ("from 192.168.1.10:8080", "IP", "192.168.1.10"),
    ("from fe80::1%eth0 up", "IP", "fe80::1%eth0"),
    ("mapped ::ffff:192.0.2.1.", "IP", "::ffff:192.0.2.1"),
    ("key AKIAIOSFODNN7EXAMPLE ok", "API_KEY", "AKIAIOSFODNN7EXAMPLE"),
    ("key sk-proj-abcdefghijklmnopqrstuvwxyz1", "API_KEY", "sk-proj-abcdefghijklmnopqrstuvwxyz1"),
    ("tok ghp_" + "a1" * 18, "API_KEY", "ghp_" + "a1" * 18),
    ("password=hunter22!", "SECRET", "hunter22!"),
    ("dsn postgresql://app:s3cr3t@db:5432/x", "SECRET", "s3cr3t"),
    ("Authorization: Bearer abcdef0123456789abcdef", "SECRET", "abcdef0123456789abcdef"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "value"), FOUND)
def test_detects_each_type(text, kind, value):
    findings = detect(text)
    assert [(f.kind, text[f.start : f.end]) for f in findings] == [(kind, value)]
    assert redact(text) == text.replace(value, f"[{kind}]")


def test_jwt_and_private_key_blocks():
    jwt = (
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
        "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
    )
    assert redact(f"Authorization: Bearer {jwt}") == "Authorization: Bearer [JWT]"
    key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEow+/=\nAbCd\n-----END RSA PRIVATE KEY-----"
    assert redact(f"here {key} done") == "here [PRIVATE_KEY] done"
    cut = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\nAAAABG5vbmU"
    assert redact(f"pasted: {cut}") == "pasted: [PRIVATE_KEY]"


LEFT_ALONE = [
    "2025-01-15T10:11:12.123456Z",
    "on 01.02.2025 at 12:30:45",
    "strings like '2023-04-01 13:22' into datetimes",
    "[2024-03-02 09:14:07] Scan started",
    "0  03.01.2023 14 Müller GmbH",
    "order numbers like ORD-2024-000123 and PYSEC-2023-192 1.26.17",
    "format 1234567.891 as euros",
    "version 1.2.3 build 20250115",
    "order 12345 shipped in 3 boxes",
    "uuid 123e4567-e89b-12d3-a456-426614174000",
    "sha256 3b5d5c3712955042212b7f2b5b2f0ea0c1c8f6d1f2a8e3c4b5a6978877665544",
    "card 4111 1111 1111 1112 fails Luhn",
    "iban DE00370400440532013000 has bad check digits",
    "ssn 000-12-3456 and 666-12-3456 are never issued",
    "mac 00:1a:2b:3c:4d:5e",
    "not an ip 999.1.1.1",
    "C++ std::vector<int> and Foo::Bar",
    "latency_ms=12.5 status=200 bytes=345",
    "password",
]


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_leaves_ordinary_text_alone(text):
    assert detect(text) == []
    assert redact(text) == text


def test_findings_never_overlap_and_the_stronger_type_wins():
    text = (
        "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlX2hlcmU and 4111111111111111"
    )
    findings = detect(text)
    assert [f.kind for f in findings] == ["JWT", "CARD"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(findings))
    assert isinstance(findings[0], Finding) and findings[0].placeholder == "[JWT]"


def test_excerpt_redacts_before_cutting():
    text = "x" * 150 + " 4111 1111 1111 1111"
    excerpt = Redactor().excerpt(text, limit=160)
    assert "4111" not in excerpt and len(excerpt) <= 160


def test_redact_value_walks_nested_structures():
    value = {"user": ["a@b.io", ("+44 20 7946 0958",)], "n": 3, "a@b.io": None}
    assert Redactor().redact_value(value) == {"user": ["[EMAIL]", ("[PHONE]",)], "n": 3,
                                              "[EMAIL]": None}  # fmt: skip


def test_a_journal_citation_is_not_a_phone_number():
    assert detect("Journal of Climate 32(4) 101-118") == []
    # An area code in brackets still reads as a phone.
    assert [f.kind for f in detect("call (030) 1234567")] == ["PHONE"]


def test_a_phone_next_to_a_date_is_still_found():
    # The date is no phone, but a real number written beside one is.
    text = "ring 020 7946 0018 on 2024-03-02 09:30, or 01.23.45.67.89 in Paris"
    assert [text[f.start : f.end] for f in detect(text)] == ["020 7946 0018", "01.23.45.67.89"]


def test_a_card_right_after_an_international_number_is_found():
    text = "+43 660 000000 4000000000000002"
    assert [(f.kind, text[f.start : f.end]) for f in detect(text)] == [
        ("PHONE", "+43 660 000000"),
        ("CARD", "4000000000000002"),
    ]
