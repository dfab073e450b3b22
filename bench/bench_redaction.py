"""SafeNow's redactor against Microsoft Presidio on one labelled corpus.

Prints, for the same texts in one run: throughput of each (median of
REPEATS passes; SafeNow `Redactor.redact`, Presidio analyzer + anonymizer)
and per-type recall and precision side by side. Run with
`make bench-redaction` (it creates `.venv-presidio` first).

The corpus is synthetic and seeded: Faker's realistic values in several
locales inside sentences, plus look-alikes that are NOT personal data
(dates, order numbers, versions, hashes, Luhn-failing card numbers, IBANs
with bad check digits) so that precision means something. Only phone
numbers that libphonenumber accepts for their locale count as phones.

Matching: a gold span is found when a prediction of the same type overlaps
it; a prediction is correct when it overlaps a gold span of its type.
"""

from __future__ import annotations

import argparse
import json
import random
import secrets
import statistics
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import phonenumbers
from faker import Faker

from safenow.privacy import Redactor, _phone_valid

ROOT = Path(__file__).resolve().parent.parent
PRESIDIO_PYTHON = ROOT / ".venv-presidio" / "bin" / "python"
TYPES = ["EMAIL", "PHONE", "CARD", "IBAN", "SSN", "IP", "API_KEY"]
PRESIDIO_TYPES = {
    "EMAIL_ADDRESS": "EMAIL", "PHONE_NUMBER": "PHONE", "CREDIT_CARD": "CARD",
    "IBAN_CODE": "IBAN", "US_SSN": "SSN", "IP_ADDRESS": "IP",
}  # fmt: skip
LOCALES = {
    "en_US": "US", "en_GB": "GB", "de_DE": "DE", "fr_FR": "FR", "it_IT": "IT",
    "es_ES": "ES", "nl_NL": "NL", "en_AU": "AU", "en_IN": "IN",
}  # fmt: skip
CARD_TYPES = ["visa16", "visa13", "mastercard", "amex", "discover", "jcb16", "diners"]


class CorpusBuilder:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fakers = {}
        for index, locale in enumerate(LOCALES):
            fake = Faker(locale)
            fake.seed_instance(seed + index)
            self.fakers[locale] = fake

    def fake(self, locale: str | None = None) -> Faker:
        return self.fakers[locale or self.rng.choice(list(LOCALES))]

    # --- positive values ------------------------------------------------------
    def value(self, kind: str) -> str:
        rng = self.rng
        if kind == "EMAIL":
            return rng.choice([self.fake().email, self.fake().free_email,
                               self.fake().company_email])()  # fmt: skip
        if kind == "PHONE":
            for _ in range(50):
                locale = rng.choice(list(LOCALES))
                text = self.fake(locale).phone_number()
                try:
                    number = phonenumbers.parse(text, LOCALES[locale])
                except phonenumbers.NumberParseException:
                    continue
                if phonenumbers.is_valid_number(number):
                    if rng.random() < 0.3:
                        text = phonenumbers.format_number(
                            number, phonenumbers.PhoneNumberFormat.E164
                        )
                    return text
            raise RuntimeError("no valid phone number generated")
        if kind == "CARD":
            number = self.fake("en_US").credit_card_number(card_type=rng.choice(CARD_TYPES))
            if rng.random() < 0.4 and len(number) == 16:
                sep = rng.choice([" ", "-"])
                number = sep.join(number[i : i + 4] for i in range(0, 16, 4))
            return number
        if kind == "IBAN":
            iban = self.fake(rng.choice(["de_DE", "en_GB", "fr_FR", "es_ES", "it_IT",
                                         "nl_NL"])).iban()  # fmt: skip
            if rng.random() < 0.5:
                iban = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
            return iban
        if kind == "SSN":
            ssn = self.fake("en_US").ssn()
            return ssn if rng.random() < 0.8 else ssn.replace("-", " ")
        if kind == "IP":
            return rng.choice([self.fake().ipv4, self.fake().ipv4_private, self.fake().ipv6])()
        if kind == "API_KEY":
            alnum = string.ascii_letters + string.digits
            prefix, size = rng.choice(
                [
                    ("ghp_", 36),
                    ("AKIA", 16),
                    ("sk-proj-", 48),
                    ("sk_live_", 24),
                    ("hf_", 34),
                    ("glpat-", 20),
                ]
            )
            alphabet = string.ascii_uppercase + string.digits if prefix == "AKIA" else alnum
            return prefix + "".join(rng.choice(alphabet) for _ in range(size))
        raise ValueError(kind)

    # --- look-alikes that are not personal data --------------------------------
    def distractor(self) -> str:
        rng = self.rng
        fake = self.fake("en_US")
        choice = rng.randrange(10)
        if choice == 0:
            return fake.date()
        if choice == 1:
            return fake.date(pattern="%d.%m.%Y")
        if choice == 2:
            return f"order {rng.randrange(10**7, 10**12)}"
        if choice == 3:
            return f"version {rng.randrange(1, 20)}.{rng.randrange(30)}.{rng.randrange(99)}"
        if choice == 4:
            return f"sha256 {secrets.token_hex(32)}"
        if choice == 5:
            return f"id {fake.uuid4()}"
        if choice == 6:  # a card number with a wrong check digit
            number = fake.credit_card_number(card_type="visa16")
            return number[:-1] + str((int(number[-1]) + 1) % 10)
        if choice == 7:  # an IBAN with wrong check digits
            iban = self.fake("de_DE").iban()
            return iban[:2] + f"{(int(iban[2:4]) + 1) % 100:02d}" + iban[4:]
        if choice == 8:
            return f"{fake.time()} latency {rng.randrange(1, 999)} ms, {rng.randrange(100)}%"
        return f"ticket #{rng.randrange(1000, 99999)} in room {rng.randrange(1, 500)}"

    def text(self) -> dict:
        rng = self.rng
        fake = self.fake()
        parts: list[str] = []
        spans: list[list] = []
        for _ in range(rng.randint(1, 3)):
            parts.append(fake.sentence(nb_words=rng.randint(4, 10)) + " ")
            if rng.random() < 0.5:
                parts.append(f"({self.distractor()}) ")
            kind = rng.choice(TYPES)
            value = self.value(kind)
            lead = rng.choice(["Contact: ", "my details are ", "use ", "see ", "", "-> "])
            start = sum(map(len, parts)) + len(lead)
            parts.append(f"{lead}{value}")
            spans.append([start, start + len(value), kind])
            parts.append(rng.choice([". ", ", thanks. ", " please. ", "\n"]))
        if rng.random() < 0.3:
            parts.append(self.distractor())
        return {"text": "".join(parts), "spans": spans}


def score(gold: list[list], predicted: list[list]) -> dict[str, dict[str, int]]:
    table = {t: {"gold": 0, "found": 0, "pred": 0, "correct": 0} for t in TYPES}
    for gold_spans, pred_spans in zip(gold, predicted, strict=True):
        for start, end, kind in gold_spans:
            table[kind]["gold"] += 1
            if any(k == kind and s < end and start < e for s, e, k in pred_spans):
                table[kind]["found"] += 1
        for start, end, kind in pred_spans:
            if kind not in table:
                continue
            table[kind]["pred"] += 1
            if any(k == kind and s < end and start < e for s, e, k in gold_spans):
                table[kind]["correct"] += 1
    return table


def run_safenow(texts: list[str], repeats: int) -> tuple[list, list[float]]:
    redactor = Redactor()
    spans = [[[f.start, f.end, f.kind] for f in redactor.detect(t)] for t in texts]
    # SECRET/JWT/PRIVATE_KEY findings are not in the gold set: score API keys only.
    seconds = []
    for _ in range(repeats):
        # The phone validator memoises candidates (log lines repeat); a pass
        # must not profit from the previous pass over the same texts.
        _phone_valid.cache_clear()
        started = time.perf_counter()
        for text in texts:
            redactor.redact(text)
        seconds.append(time.perf_counter() - started)
    return spans, seconds


def run_presidio(corpus_file: Path, repeats: int) -> dict:
    if not PRESIDIO_PYTHON.exists():
        sys.exit("Presidio venv missing: run `make presidio-venv` (or `make bench-redaction`)")
    out = corpus_file.with_suffix(".presidio.json")
    subprocess.run(
        [str(PRESIDIO_PYTHON), str(ROOT / "bench" / "presidio_runner.py"), str(corpus_file),
         str(out), str(repeats)],
        check=True,
    )  # fmt: skip
    result = json.loads(out.read_text(encoding="utf-8"))
    result["spans"] = [[[s, e, PRESIDIO_TYPES.get(t, t)] for s, e, t in spans]
                       for spans in result["spans"]]  # fmt: skip
    return result


def pct(numerator: int, denominator: int) -> str:
    return "n/a" if denominator == 0 else f"{100 * numerator / denominator:.1f}%"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20250101)
    args = parser.parse_args()

    builder = CorpusBuilder(args.seed)
    corpus = [builder.text() for _ in range(args.texts)]
    texts = [item["text"] for item in corpus]
    gold = [item["spans"] for item in corpus]
    workdir = Path(tempfile.mkdtemp(prefix="sn-bench-redaction-"))
    corpus_file = workdir / "corpus.json"
    corpus_file.write_text(json.dumps(corpus), encoding="utf-8")

    ours, our_seconds = run_safenow(texts, args.repeats)
    theirs = run_presidio(corpus_file, args.repeats)
    ours_table = score(gold, ours)
    theirs_table = score(gold, theirs["spans"])

    chars = sum(map(len, texts))
    our_median = statistics.median(our_seconds)
    their_median = theirs["median_seconds"]
    print(f"corpus: {len(texts)} texts, {chars} characters, seed {args.seed}; "
          f"median of {args.repeats} passes")  # fmt: skip
    print(f"Presidio NLP engine: {theirs['engine']}")
    print()
    print("| | texts/s | MB/s | ms/text |")
    print("|---|---:|---:|---:|")
    for name, seconds in (("SafeNow Redactor", our_median), ("Presidio analyzer+anonymizer",
                                                               their_median)):  # fmt: skip
        print(f"| {name} | {len(texts) / seconds:,.0f} | {chars / seconds / 1e6:.2f} | "
              f"{1000 * seconds / len(texts):.3f} |")  # fmt: skip
    print(f"\nthroughput ratio (SafeNow / Presidio): {their_median / our_median:.1f}x\n")
    print("| type | gold | SafeNow recall | Presidio recall | SafeNow precision | "
          "Presidio precision |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|")
    for kind in TYPES:
        a, b = ours_table[kind], theirs_table[kind]
        print(f"| {kind} | {a['gold']} | {pct(a['found'], a['gold'])} | "
              f"{pct(b['found'], b['gold'])} | {pct(a['correct'], a['pred'])} | "
              f"{pct(b['correct'], b['pred'])} |")  # fmt: skip
    shared = [k for k in TYPES if k != "API_KEY"]
    for name, table in (("SafeNow", ours_table), ("Presidio", theirs_table)):
        found = sum(table[k]["found"] for k in shared)
        total = sum(table[k]["gold"] for k in shared)
        correct = sum(table[k]["correct"] for k in shared)
        predicted = sum(table[k]["pred"] for k in shared)
        print(f"{name} on the six shared types: recall {pct(found, total)}, "
              f"precision {pct(correct, predicted)}")  # fmt: skip
    print("(Presidio has no recognizer for provider API keys: API_KEY is SafeNow only.)")


if __name__ == "__main__":
    main()
