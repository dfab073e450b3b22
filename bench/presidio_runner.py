"""Runs Microsoft Presidio (analyzer + anonymizer) over a corpus; called by
bench_redaction.py inside `.venv-presidio`, never imported by SafeNow.

Offline, Presidio's default spaCy model (en_core_web_lg) cannot be
downloaded; then the NLP engine is a blank English spaCy pipeline, so only
Presidio's pattern recognizers (with their validators: Luhn, IBAN checksum,
libphonenumber, ...) run. This is Presidio's regex-only configuration.

usage: presidio_runner.py CORPUS.json OUT.json REPEATS
"""

from __future__ import annotations

import json
import statistics
import sys
import time

import spacy
import tldextract
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import SpacyNlpEngine
from presidio_anonymizer import AnonymizerEngine

ENTITIES = ["EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS"]


class BlankSpacyEngine(SpacyNlpEngine):
    """Tokenizer only: no download, no NER."""

    def load(self) -> None:
        self.nlp = {"en": spacy.blank("en")}


def offline_tldextract() -> None:
    # Presidio's e-mail validator asks tldextract, which would fetch the public
    # suffix list from the network; use the snapshot bundled with the package.
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())


def build_analyzer() -> tuple[AnalyzerEngine, str]:
    for model in ("en_core_web_lg", "en_core_web_sm"):
        if spacy.util.is_package(model):
            engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": model}])
            return AnalyzerEngine(nlp_engine=engine, supported_languages=["en"]), model
    engine = BlankSpacyEngine(models=[{"lang_code": "en", "model_name": "blank"}])
    engine.load()
    return (
        AnalyzerEngine(nlp_engine=engine, supported_languages=["en"]),
        "spacy.blank('en') (regex-only: pattern recognizers, no NER)",
    )


def main() -> None:
    corpus_path, out_path, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(corpus_path, encoding="utf-8") as handle:
        texts = [item["text"] for item in json.load(handle)]
    offline_tldextract()
    analyzer, engine_name = build_analyzer()
    anonymizer = AnonymizerEngine()

    def run_once() -> list:
        spans = []
        for text in texts:
            results = analyzer.analyze(text=text, language="en", entities=ENTITIES)
            anonymizer.anonymize(text=text, analyzer_results=results)
            spans.append([[r.start, r.end, r.entity_type] for r in results])
        return spans

    spans = run_once()  # warm-up (recognizer caches) and the detections
    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        run_once()
        seconds.append(time.perf_counter() - started)
    result = {"engine": engine_name, "spans": spans, "seconds": seconds,
              "median_seconds": statistics.median(seconds)}  # fmt: skip
    with open(out_path, "w", encoding="utf-8") as handle:
        json.dump(result, handle)


if __name__ == "__main__":
    main()
