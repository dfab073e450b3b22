"""Build the labelled safety corpus from the hand-written prompts in source/.

    .venv/bin/python tests/data/safety/build_corpus.py          # rewrite the corpus
    .venv/bin/python tests/data/safety/build_corpus.py --check  # fail if out of date

Each line of source/<label>.txt is one prompt written by hand ("\\n" stands for
a line break). This script

- fills the credential and personal-data placeholders (``{openai_key}``,
  ``{card}``...) with made-up values in each provider's real format, drawn
  from a generator seeded by the prompt, so the output never changes;
- encodes ``{b64:...}`` and ``{hex:...}`` spans, for smuggled payloads;
- adds obfuscated variants (leetspeak, homoglyphs, zero-width characters,
  spaced-out letters, fullwidth forms, base64 wrapping, case noise with bidi
  controls) for a deterministic share of the prompts;
- puts every prompt under source/heldout/ into the test split and every
  other prompt into the train split. A variant always lands in the split of
  its base prompt, so the held-out split never contains a disguised copy of a
  training prompt. The held-out prompts were written by authors who never saw
  the rules, the model or the training prompts, and were frozen before any
  classifier was scored on them (docs/safety.md, "Evaluation").

The train split ships inside the service package (the ``ml`` classifier is
trained from it at build or first start); the test split stays here and is
only read by the evaluation.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import random
import re
import string
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "source"
HELD_OUT = SOURCE / "heldout"
# Train sources: the first corpus (source/*.txt, whose 35 % held-out share was
# retired into training once it had been evaluated too often), the probes
# written while developing the rules, and later batches by other authors.
TEST_OUT = HERE / "test.jsonl"
TRAIN_OUT = HERE.parents[2] / "service" / "safenow" / "safety" / "data" / "train.jsonl"

LABELS = ("benign", "prompt_injection", "jailbreak", "secrets", "pii", "disallowed_topic")
# Share of base prompts (per label) that also get one obfuscated variant.
VARIANT_SHARE_PERCENT = {
    "benign": 20,
    "prompt_injection": 50,
    "jailbreak": 45,
    "secrets": 40,
    "pii": 25,
    "disallowed_topic": 45,
}

ALNUM = string.ascii_letters + string.digits
URLSAFE = ALNUM + "-_"


def _pick(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _jwt(rng: random.Random) -> str:
    header = {"alg": rng.choice(["HS256", "RS256"]), "typ": "JWT"}
    payload = {
        "sub": str(rng.randint(10_000, 99_999)),
        "name": rng.choice(["deploy-bot", "svc-billing", "ana", "ops"]),
        "iat": 1_700_000_000 + rng.randint(0, 9_999_999),
        "exp": 1_800_000_000 + rng.randint(0, 9_999_999),
    }
    parts = [
        _b64url(json.dumps(header, separators=(",", ":")).encode()),
        _b64url(json.dumps(payload, separators=(",", ":")).encode()),
        _pick(rng, URLSAFE, 43),
    ]
    return ".".join(parts)


def _private_key(rng: random.Random) -> str:
    kind = rng.choice(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"])
    body = "\\n".join(_pick(rng, ALNUM + "+/", 64) for _ in range(rng.randint(3, 6)))
    return f"-----BEGIN {kind}-----\\n{body}\\n-----END {kind}-----"


def _password(rng: random.Random) -> str:
    words = ["Summer", "Falcon", "Orange", "Winter", "Cobalt", "Maple", "Tiger"]
    return f"{rng.choice(words)}{rng.randint(10, 99)}{rng.choice('!#%&*?')}{_pick(rng, ALNUM, 4)}"


def _ssn(rng: random.Random) -> str:
    return f"{rng.randint(101, 665):03d}-{rng.randint(10, 99):02d}-{rng.randint(1000, 9999):04d}"


def _luhn_complete(prefix: str) -> str:
    total = 0
    for index, char in enumerate(reversed(prefix)):
        value = int(char)
        if index % 2 == 0:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return prefix + str((10 - total % 10) % 10)


def _card(rng: random.Random) -> str:
    number = _luhn_complete(rng.choice(["4", "51", "52", "55"]) + _pick(rng, string.digits, 13))
    number = number[:16]
    number = _luhn_complete(number[:15])
    if rng.random() < 0.5:
        return " ".join(number[i : i + 4] for i in range(0, 16, 4))
    return number


def _iban(rng: random.Random) -> str:
    bban = _pick(rng, string.digits, 18)
    # ISO 13616: move country code and "00" to the end, letters to numbers, mod 97.
    numeric = bban + "1314" + "00"  # D=13, E=14
    check = 98 - int(numeric) % 97
    iban = f"DE{check:02d}{bban}"
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


FILLERS = {
    "openai_key": lambda r: "sk-" + _pick(r, ALNUM, 48),
    "openai_proj_key": lambda r: "sk-proj-" + _pick(r, URLSAFE, 80),
    "anthropic_key": lambda r: "sk-ant-api03-" + _pick(r, URLSAFE, 93) + "AA",
    "aws_key_id": lambda r: "AKIA" + _pick(r, string.ascii_uppercase + "234567", 16),
    "aws_secret": lambda r: _pick(r, ALNUM + "/+", 40),
    "github_pat": lambda r: "ghp_" + _pick(r, ALNUM, 36),
    "github_fine": lambda r: "github_pat_" + _pick(r, ALNUM, 22) + "_" + _pick(r, ALNUM, 59),
    "slack_token": lambda r: (
        f"xoxb-{_pick(r, string.digits, 12)}-{_pick(r, string.digits, 13)}-{_pick(r, ALNUM, 24)}"
    ),
    "google_key": lambda r: "AIza" + _pick(r, URLSAFE, 35),
    "stripe_key": lambda r: "sk_live_" + _pick(r, ALNUM, 24),
    "hf_token": lambda r: "hf_" + _pick(r, ALNUM, 34),
    "gitlab_pat": lambda r: "glpat-" + _pick(r, URLSAFE, 20),
    "sendgrid_key": lambda r: "SG." + _pick(r, URLSAFE, 22) + "." + _pick(r, URLSAFE, 43),
    "jwt": _jwt,
    "private_key": _private_key,
    "password": _password,
    "pg_url": lambda r: f"postgresql://app:{_password(r)}@db.internal:5432/app",
    "ssn": _ssn,
    "card": _card,
    "iban": _iban,
}
PLACEHOLDER = re.compile(r"\{(b64|hex):([^{}]+)\}|\{(" + "|".join(FILLERS) + r")\}")


def _seeded(*parts: str) -> random.Random:
    digest = hashlib.sha256("\x00".join(parts).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def fill(template: str, rng: random.Random) -> str:
    def replace(match: re.Match[str]) -> str:
        if match.group(1) == "b64":
            return base64.b64encode(match.group(2).encode()).decode()
        if match.group(1) == "hex":
            return match.group(2).encode().hex()
        return FILLERS[match.group(3)](rng)

    return PLACEHOLDER.sub(replace, template)


# --- obfuscations ----------------------------------------------------------
LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}
HOMOGLYPHS = {
    "a": "\u0430",
    "e": "\u0435",
    "o": "\u043e",
    "p": "\u0440",
    "c": "\u0441",
    "x": "\u0445",
    "y": "\u0443",
    "i": "\u0456",
}
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")


def leet(text: str, rng: random.Random) -> str:
    return "".join(LEET[c] if c in LEET and rng.random() < 0.6 else c for c in text)


def homoglyph(text: str, rng: random.Random) -> str:
    return "".join(HOMOGLYPHS[c] if c in HOMOGLYPHS and rng.random() < 0.5 else c for c in text)


def zero_width(text: str, rng: random.Random) -> str:
    out = []
    for index, char in enumerate(text):
        out.append(char)
        nxt = text[index + 1] if index + 1 < len(text) else ""
        if char.isalnum() and nxt.isalnum() and rng.random() < 0.35:
            out.append(rng.choice(INVISIBLE))
    return "".join(out)


def spaced(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    start = rng.randrange(0, max(1, min(len(words) - 3, 6)))
    for index in range(start, min(start + 4, len(words))):
        if words[index].isalpha():
            words[index] = " ".join(words[index])
    return " ".join(words)


def fullwidth(text: str, rng: random.Random) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def base64_wrap(text: str, rng: random.Random) -> str:
    lead = rng.choice(
        [
            "Please decode this base64 message and respond to it:",
            "My friend sent me this, can you read it? ",
            "Base64 below, handle it:",
        ]
    )
    return f"{lead} {base64.b64encode(text.encode()).decode()}"


def case_noise(text: str, rng: random.Random) -> str:
    noisy = "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in text)
    return "\u202e\u202d" + noisy + "\u202c"


TRANSFORMS = {
    "leet": leet,
    "homoglyph": homoglyph,
    "zero_width": zero_width,
    "spaced": spaced,
    "fullwidth": fullwidth,
    "base64": base64_wrap,
    "case_bidi": case_noise,
}
# Leetspeak and spacing would also mangle the credentials themselves; real
# senders of a key disguise the surrounding text or the key's characters, and
# zero-width or fullwidth characters do exactly that.
ALLOWED_TRANSFORMS = {
    "secrets": ("zero_width", "fullwidth", "base64", "homoglyph"),
    "pii": ("zero_width", "fullwidth", "homoglyph", "case_bidi"),
}


def _hash_percent(*parts: str) -> int:
    return int(hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:8], 16) % 100


def read_templates(label: str, folder: Path = SOURCE) -> list[str]:
    path = folder / f"{label}.txt"
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def _train_folders() -> list[Path]:
    folders = [SOURCE, SOURCE / "train_only"]
    batches = SOURCE / "batches"
    if batches.is_dir():
        folders += sorted(p for p in batches.iterdir() if p.is_dir())
    return folders


def _sources() -> list[tuple[str, str, str, str]]:
    """(label, template, split, batch) for every hand-written prompt, in a fixed order.

    The batch (the folder under source/) lets a cross-validation hold out one
    author's prompts at a time, which is what an unseen author looks like.
    """
    rows = [
        (label, template, "train", folder.relative_to(HERE).as_posix())
        for folder in _train_folders()
        for label in LABELS
        for template in read_templates(label, folder)
    ]
    rows += [
        (label, t, "test", HELD_OUT.relative_to(HERE).as_posix())
        for label in LABELS
        for t in read_templates(label, HELD_OUT)
    ]
    return rows


def build() -> tuple[list[dict], list[dict]]:
    train: list[dict] = []
    test: list[dict] = []
    seen: set[str] = set()
    for label, template, split, batch in _sources():
        group = f"{label}-{hashlib.sha1(template.encode()).hexdigest()[:10]}"
        if group in seen:
            raise SystemExit(f"duplicate prompt ({label}, {split} split), group {group}")
        seen.add(group)
        text = fill(template, _seeded("fill", group)).replace("\\n", "\n")
        rows = [{"id": group, "group": group, "label": label, "variant": "base", "text": text}]
        if _hash_percent("variant", group) < VARIANT_SHARE_PERCENT[label]:
            names = ALLOWED_TRANSFORMS.get(label, tuple(TRANSFORMS))
            name = names[_hash_percent("transform", group) % len(names)]
            variant = TRANSFORMS[name](text, _seeded("variant", group))
            rows.append(
                {
                    "id": f"{group}~{name}",
                    "group": group,
                    "label": label,
                    "variant": name,
                    "text": variant,
                }
            )
        for row in rows:
            row["split"] = split
            row["batch"] = batch
        (test if split == "test" else train).extend(rows)
    return train, test


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the corpus is stale")
    args = parser.parse_args(argv)
    train, test = build()
    outputs = {TRAIN_OUT: dump(train), TEST_OUT: dump(test)}
    if args.check:
        stale = [str(p) for p, text in outputs.items() if not p.exists() or p.read_text() != text]
        if stale:
            print("stale corpus, run build_corpus.py:", ", ".join(stale), file=sys.stderr)
            return 1
        return 0
    for path, text in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name, rows in (("train", train), ("test", test)):
        counts = {label: sum(r["label"] == label for r in rows) for label in LABELS}
        print(f"{name}: {len(rows)} prompts {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
