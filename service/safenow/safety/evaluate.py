"""Evaluate the safety pipeline on a labelled corpus (`make eval-safety`).

For each classifier mode it prints, per class, precision, recall and F1 and
the share of prompts blocked, plus the false-positive rate on benign prompts.
A prompt counts as *detected as class c* when the verdict is flag or block and
lists category c; a benign prompt is a false positive when its verdict is
anything but allow. `detected` is the looser share of a class's prompts that
were flagged or blocked under any unsafe category (an injection reported as
a jailbreak still counts), i.e. what the gateway stopped or marked. Two views
are printed: the whole pipeline as the service
runs it (validators + classifier), and each classifier on its own.

    python -m safenow.safety.evaluate --corpus tests/data/safety/test.jsonl
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from safenow.safety.corpus import UNSAFE_LABELS, Sample, read_corpus
from safenow.safety.normalize import normalize_text
from safenow.safety.verdict import Action, Verdict

MODES = ("off", "rules", "ml")


@dataclass(frozen=True)
class ClassScore:
    label: str
    support: int
    precision: float
    recall: float
    f1: float
    blocked: float
    detected: float


@dataclass(frozen=True)
class Report:
    title: str
    classes: tuple[ClassScore, ...]
    benign_total: int
    benign_flagged: int  # flagged or blocked: the false-positive rate counts both
    benign_blocked: int = 0  # refused outright

    @property
    def benign_fpr(self) -> float:
        return self.benign_flagged / self.benign_total if self.benign_total else 0.0

    def recall(self, label: str) -> float:
        return next(c.recall for c in self.classes if c.label == label)


def score(samples: list[Sample], verdicts: list[Verdict], title: str) -> Report:
    classes = []
    for label in UNSAFE_LABELS:
        positive = [v.action is not Action.ALLOW and label in v.categories for v in verdicts]
        truth = [s.label == label for s in samples]
        tp = sum(p and t for p, t in zip(positive, truth, strict=True))
        fp = sum(p and not t for p, t in zip(positive, truth, strict=True))
        support = sum(truth)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        own = [v for s, v in zip(samples, verdicts, strict=True) if s.label == label]
        blocked = sum(v.blocked for v in own) / support if support else 0.0
        detected = sum(v.action is not Action.ALLOW for v in own) / support if support else 0.0
        classes.append(ClassScore(label, support, precision, recall, f1, blocked, detected))
    benign = [v for s, v in zip(samples, verdicts, strict=True) if s.label == "benign"]
    flagged = sum(v.action is not Action.ALLOW for v in benign)
    refused = sum(v.blocked for v in benign)
    return Report(title, tuple(classes), len(benign), flagged, refused)


def run(samples: list[Sample], check: Callable[[str], Verdict], title: str) -> Report:
    return score(samples, [check(s.text) for s in samples], title)


def format_report(report: Report) -> str:
    lines = [
        f"### {report.title}",
        "",
        "| class | n | precision | recall | F1 | blocked | detected |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for c in report.classes:
        # Recall to three places: the targets are recall bars (0.90), and a
        # figure just under one must not be printed rounded up to it.
        lines.append(
            f"| {c.label} | {c.support} | {c.precision:.2f} | {c.recall:.3f} | {c.f1:.2f} "
            f"| {c.blocked:.0%} | {c.detected:.0%} |"
        )
    lines.append(
        f"| benign (false positives) | {report.benign_total} | | | | "
        f"{report.benign_blocked / max(1, report.benign_total):.1%} | "
        f"FPR {report.benign_fpr:.1%} ({report.benign_flagged}) |"
    )
    return "\n".join(lines)


def evaluate(corpus: Path, modes: tuple[str, ...], data_dir: Path) -> list[Report]:
    from safenow.safety.factory import build_classifier, build_pipeline
    from safenow.settings import Settings

    samples = read_corpus(corpus)
    reports = []
    for mode in modes:
        settings = Settings.from_env(SAFETY_CLASSIFIER=mode, DATA_DIR=data_dir)
        classifier = build_classifier(settings)
        pipeline = build_pipeline(settings, classifier)
        reports.append(run(samples, pipeline.check_input, f"pipeline, SAFETY_CLASSIFIER={mode}"))
        if mode != "off":
            reports.append(
                run(
                    samples,
                    lambda text, c=classifier: c.classify(normalize_text(text).folded),
                    f"{mode} classifier alone (no validators)",
                )
            )
    return reports


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Evaluate the SafeNow safety pipeline.")
    parser.add_argument("--corpus", type=Path, default=Path("tests/data/safety/test.jsonl"))
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated modes")
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="where the ml model is kept (default: temp)"
    )
    args = parser.parse_args(argv)
    modes = tuple(m.strip() for m in args.modes.split(",") if m.strip())
    unknown = [m for m in modes if m not in MODES]
    if unknown:
        parser.error(f"unknown mode(s) {unknown}; allowed: {MODES}")
    with tempfile.TemporaryDirectory(prefix="safenow-eval-") as tmp:
        data_dir = args.data_dir or Path(tmp)
        reports = evaluate(args.corpus, modes, data_dir)
    print(f"corpus: {args.corpus} ({len(read_corpus(args.corpus))} prompts)\n")
    for report in reports:
        print(format_report(report))
        print()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
