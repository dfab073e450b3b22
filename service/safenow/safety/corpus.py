"""The labelled safety corpus: reading it, and where the shipped split lives."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

LABELS = ("benign", "prompt_injection", "jailbreak", "secrets", "pii", "disallowed_topic")
UNSAFE_LABELS = LABELS[1:]


@dataclass(frozen=True)
class Sample:
    id: str
    label: str
    text: str
    variant: str = "base"
    # Prompt and its obfuscated variants share a group (kept apart in CV folds).
    group: str = ""

    def __post_init__(self) -> None:
        if not self.group:
            object.__setattr__(self, "group", self.id)


def training_corpus_path() -> Path:
    """The train split shipped inside the package (the ml model learns from it)."""
    return Path(str(resources.files("safenow.safety").joinpath("data/train.jsonl")))


def read_corpus(path: Path) -> list[Sample]:
    return list(_iter_samples(path))


def _iter_samples(path: Path) -> Iterator[Sample]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("label") not in LABELS:
                raise ValueError(f"{path}:{number}: label {row.get('label')!r} not in {LABELS}")
            yield Sample(
                row["id"],
                row["label"],
                row["text"],
                row.get("variant", "base"),
                row.get("group", row["id"]),
            )
