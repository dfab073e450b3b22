"""Hypothesis strategies that build VALID instances of each PII and secret type.

Each instance is built from the type's own rules (issuer prefixes and the
Luhn check digit, IBAN country formats and the mod-97 check, SSN ranges,
phone numbers that libphonenumber accepts), not from the redactor's patterns.
"""

from __future__ import annotations

import base64
import json
import string

import phonenumbers
from hypothesis import assume
from hypothesis import strategies as st
from stdnum import luhn
from stdnum.us import ssn as stdnum_ssn

DIGITS = string.digits
ALNUM = string.ascii_letters + string.digits
UPPER_ALNUM = string.ascii_uppercase + string.digits


def _digits(n: int) -> st.SearchStrategy[str]:
    return st.text(DIGITS, min_size=n, max_size=n)


# --- e-mail -----------------------------------------------------------------------
emails = st.emails()

# --- cards: (issuer prefix, total length) ----------------------------------------
_CARD_BRANDS = [
    ("4", 16), ("4", 13), ("4", 19), ("51", 16), ("55", 16), ("2221", 16), ("2720", 16),
    ("34", 15), ("37", 15), ("6011", 16), ("65", 16), ("3528", 16), ("36", 14), ("62", 18),
]  # fmt: skip


@st.composite
def cards(draw) -> str:
    prefix, length = draw(st.sampled_from(_CARD_BRANDS))
    body = prefix + draw(_digits(length - len(prefix) - 1))
    number = body + luhn.calc_check_digit(body)
    style = draw(st.sampled_from(["plain", "space", "dash"]))
    if style == "plain":
        return number
    sep = " " if style == "space" else "-"
    if length == 15:  # Amex prints 4-6-5
        return sep.join([number[:4], number[4:10], number[10:]])
    return sep.join(number[i : i + 4] for i in range(0, length, 4))


# --- IBAN: country -> BBAN layout (n digits, a letters, c alphanumerics) ------------
_IBAN_LAYOUTS = {
    "DE": [("n", 18)], "GB": [("a", 4), ("n", 14)], "FR": [("n", 10), ("c", 11), ("n", 2)],
    "ES": [("n", 20)], "IT": [("a", 1), ("n", 10), ("c", 12)], "NL": [("a", 4), ("n", 10)],
    "BE": [("n", 12)], "CH": [("n", 5), ("c", 12)], "AT": [("n", 16)], "PL": [("n", 24)],
}  # fmt: skip
_ALPHABET = {"n": DIGITS, "a": string.ascii_uppercase, "c": UPPER_ALNUM}


def iban_check_digits(country: str, bban: str) -> str:
    rearranged = bban + country + "00"
    numeric = "".join(str(int(c, 36)) for c in rearranged)
    return f"{98 - int(numeric) % 97:02d}"


@st.composite
def ibans(draw) -> str:
    country = draw(st.sampled_from(sorted(_IBAN_LAYOUTS)))
    bban = "".join(
        draw(st.text(_ALPHABET[kind], min_size=n, max_size=n)) for kind, n in _IBAN_LAYOUTS[country]
    )
    compact = country + iban_check_digits(country, bban) + bban
    if draw(st.booleans()):
        return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
    return compact


# --- US SSN ----------------------------------------------------------------------------
@st.composite
def ssns(draw) -> str:
    area = draw(st.integers(1, 899).filter(lambda a: a != 666))
    group = draw(st.integers(1, 99))
    serial = draw(st.integers(1, 9999))
    sep = draw(st.sampled_from(["-", " "]))
    value = f"{area:03d}{sep}{group:02d}{sep}{serial:04d}"
    assume(stdnum_ssn.is_valid(value.replace(" ", "-")))
    return value


# --- IP addresses ---------------------------------------------------------------------
ipv4s = st.ip_addresses(v=4).map(str)
# "::" (the unspecified address, all zeros) names nobody; as a bare token it is
# indistinguishable from punctuation, so only its exploded form is generated.
ipv6s = st.ip_addresses(v=6).flatmap(lambda a: st.sampled_from([str(a), a.exploded]))
ipv6s = ipv6s.filter(lambda text: text != "::")

# --- phone numbers ---------------------------------------------------------------------
# National formats only where the redactor knows the convention (NANP, or a
# trunk "0"); every region is covered in international formats.
_NATIONAL_OK = {"US", "GB", "DE", "FR", "NL", "AU", "IN", "CH", "AT", "BE"}
_PHONE_REGIONS = sorted(_NATIONAL_OK | {"IT", "BR", "JP", "ES", "SE", "MX", "ZA", "SG", "PL"})
_TYPES = [phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE]


@st.composite
def phones(draw) -> str:
    region = draw(st.sampled_from(_PHONE_REGIONS))
    example = phonenumbers.example_number_for_type(region, draw(st.sampled_from(_TYPES)))
    assume(example is not None)
    national = str(example.national_number)
    keep = draw(st.integers(2, 4))
    mutated = national[:keep] + draw(_digits(len(national) - keep))
    number = phonenumbers.parse(f"+{example.country_code}{mutated}", None)
    assume(phonenumbers.is_valid_number(number))
    formats = [phonenumbers.PhoneNumberFormat.E164, phonenumbers.PhoneNumberFormat.INTERNATIONAL]
    if region in _NATIONAL_OK:
        formats.append(phonenumbers.PhoneNumberFormat.NATIONAL)
    text = phonenumbers.format_number(number, draw(st.sampled_from(formats)))
    if draw(st.booleans()) and text.startswith("+"):
        text = "00" + text[1:]
    return text


# --- secrets ---------------------------------------------------------------------------
def _token(prefix: str, alphabet: str, size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet, min_size=size, max_size=size).map(lambda s: prefix + s)


api_keys = st.one_of(
    _token("ghp_", ALNUM, 36),
    _token("github_pat_", ALNUM + "_", 82),
    _token("AKIA", UPPER_ALNUM, 16),
    _token("sk-proj-", ALNUM + "-_", 48),
    _token("sk-ant-api03-", ALNUM + "-_", 93),
    _token("sk_live_", ALNUM, 24),
    _token("xoxb-", DIGITS + "-", 24),
    _token("AIza", ALNUM + "-_", 35),
    _token("hf_", ALNUM, 34),
    _token("glpat-", ALNUM + "-_", 20),
    _token("npm_", ALNUM, 36),
)


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@st.composite
def jwts(draw) -> str:
    header = {"alg": draw(st.sampled_from(["HS256", "RS256", "ES256"])), "typ": "JWT"}
    payload = {
        "sub": draw(st.text(ALNUM, min_size=1, max_size=20)),
        "iat": draw(st.integers(0, 2**31)),
    }
    signature = draw(st.binary(min_size=32, max_size=64))
    return ".".join(
        [_b64url(json.dumps(header).encode()), _b64url(json.dumps(payload).encode()),
         _b64url(signature)]
    )  # fmt: skip


@st.composite
def private_keys(draw) -> str:
    label = draw(st.sampled_from(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY",
                                  "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY"]))  # fmt: skip
    body = base64.b64encode(draw(st.binary(min_size=48, max_size=400))).decode()
    lines = "\n".join(body[i : i + 64] for i in range(0, len(body), 64))
    return f"-----BEGIN {label}-----\n{lines}\n-----END {label}-----"


INSTANCES = {
    "EMAIL": emails,
    "PHONE": phones(),
    "CARD": cards(),
    "IBAN": ibans(),
    "SSN": ssns(),
    "IP": st.one_of(ipv4s, ipv6s),
    "API_KEY": api_keys,
    "JWT": jwts(),
    "PRIVATE_KEY": private_keys(),
}

# Random surroundings: any printable text, joined by a separator so the
# instance is a separate token (as it is in real prose or a log line).
filler = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
separators = st.sampled_from([" ", "\n", "\t", ", ", ": ", " (", ") ", " <", "> ", ' "', '" '])
