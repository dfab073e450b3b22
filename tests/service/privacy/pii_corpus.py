"""A fixed corpus of PII and secrets (all synthetic test values) for the
end-to-end log and audit test."""

from __future__ import annotations

PII = {
    "EMAIL": ["jane.roe@example.org", "o'brien+billing@mail.example.co.uk"],
    "PHONE": ["+44 20 7946 0958", "(415) 555-2671", "+49 30 12345678", "0033 1 42 68 53 00"],
    "CARD": ["4111 1111 1111 1111", "5500-0000-0000-0004", "378282246310005"],
    "IBAN": ["DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432"],
    "SSN": ["123-45-6789"],
    "IP": ["203.0.113.77", "2001:db8::8a2e:370:7334"],
    "API_KEY": ["AKIAIOSFODNN7EXAMPLE", "ghp_" + "T3stT0kenV4lue" * 2 + "abcdefgh"],
    "JWT": ["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqYW5lIn0.Zm9yZ2VkLXNpZ25hdHVyZS1ieXRlcw"],
}

ALL = [value for values in PII.values() for value in values]


def sentence() -> str:
    """Every instance, in prose."""
    return " ; ".join(f"my {kind.lower()} is {value}" for kind, values in PII.items()
                      for value in values)  # fmt: skip
