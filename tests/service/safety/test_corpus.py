"""The shipped corpus: size, classes, obfuscated variants and a fixed split."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from safenow.safety.corpus import LABELS, read_corpus, training_corpus_path

HERE = Path(__file__).resolve().parents[2] / "data" / "safety"


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_corpus_is_large_varied_and_obfuscated():
    train, test = _rows(HERE / "train.jsonl"), _rows(HERE / "test.jsonl")
    rows = train + test
    assert len({r["group"] for r in rows}) >= 300  # hand-written prompts, variants aside
    assert set(Counter(r["label"] for r in rows)) == set(LABELS)
    variants = Counter(r["variant"] for r in rows if r["variant"] != "base")
    assert set(variants) >= {"leet", "homoglyph", "zero_width", "spaced", "fullwidth", "base64"}
    assert all(Counter(r["label"] for r in test)[label] >= 15 for label in LABELS)


def test_split_is_fixed_and_groups_never_cross_it():
    train, test = _rows(HERE / "train.jsonl"), _rows(HERE / "test.jsonl")
    assert {r["split"] for r in train} == {"train"} and {r["split"] for r in test} == {"test"}
    assert not {r["group"] for r in train} & {r["group"] for r in test}
    assert not {r["text"] for r in train} & {r["text"] for r in test}


def test_packaged_training_split_is_the_one_in_tests_data():
    assert (HERE / "train.jsonl").resolve() == training_corpus_path().resolve()
    assert len(read_corpus(training_corpus_path())) == len(_rows(HERE / "train.jsonl"))


def test_generated_corpus_matches_its_sources():
    result = subprocess.run(
        [sys.executable, str(HERE / "build_corpus.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
