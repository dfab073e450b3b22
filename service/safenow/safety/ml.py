"""The `ml` classifier: character n-grams and a linear model, trained here.

Features are hashed character n-grams (2 to 5, within word boundaries) and
word 1- to 3-grams (weighted up) of the folded text, with long random runs (keys,
base64) and digits masked, weighted by TF-IDF; a multinomial logistic regression maps
them to the corpus labels. Hashing keeps the model a handful of arrays (no
vocabulary), saved with numpy's ``.npz`` (no pickle, so loading a model file
cannot run code).

The model is trained from the train split shipped in the package, at build
time (``make train-classifier`` / ``safenow-train-classifier``) or on first
start, and stored under ``DATA_DIR/models`` with a fingerprint of the corpus,
the feature settings and the scikit-learn version in its name: a changed
corpus or library retrains instead of loading a stale model. Workers starting
together take a file lock so that only one of them trains.

Long texts are classified in overlapping windows and the most unsafe window
counts: one injected sentence in a long document must not be diluted by the
rest of it.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import sklearn
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from threadpoolctl import threadpool_limits

from safenow.safety.chunks import windows_of
from safenow.safety.classifier import Thresholds
from safenow.safety.corpus import Sample, read_corpus, training_corpus_path
from safenow.safety.normalize import normalize_text
from safenow.safety.verdict import Action, Verdict

FORMAT_VERSION = 2
CHAR_FEATURES = 2**18
WORD_FEATURES = 2**16
N_FEATURES = CHAR_FEATURES + WORD_FEATURES
NGRAMS = (2, 5)
WORD_NGRAMS = (1, 3)
# Word features are scaled by this factor against the character n-grams (on
# top of their IDF): phrasing carries over to a new author better than
# spelling. Chosen, with word trigrams, by leave-one-author-out evaluation on
# the train split (train on all authors but one, pipeline verdicts on the
# held author).
WORD_WEIGHT = 2.0
# Chosen by 5-fold cross-validation on the train split, grouped by prompt so
# that variants of one prompt never sit on both sides (see docs/safety.md).
# Classes are not re-weighted: benign prompts are the most common class in
# traffic, and balancing raised false positives on held-out folds.
REGULARISATION_C = 300.0
# The operating point: the raw unsafe probability that becomes score 0.5 (the
# default flag threshold) is chosen so that, on out-of-fold predictions of the
# training split, at most this share of benign prompts would be flagged.
# Held prompts are scored by their most unsafe window, as in classify().
# 1.5 %: leave-one-author-out over the fourteen authors of the train split
# (operating point chosen inside the training authors, pipeline verdicts on
# the held author) gave, for unseen new authors, injection / jailbreak recall
# 0.94 / 0.95 and a mean benign false-positive rate of 1.9 % (2 %: 0.95 /
# 0.96 / 2.1 %). Blind batches scored before they joined training showed
# 2.5-3.5 % at 2 %, so the lower budget buys margin at a small recall cost.
TARGET_FALSE_POSITIVE_RATE = 0.015
CV_FOLDS = 5
# Long benign texts (documents to summarise, code to review) are also learnt
# window by window, as classify() reads them: a quoted "do not..." paragraph
# of an e-mail is benign on its own too. Windows of unsafe texts are not added
# (an injected sentence sits in one window only).
BENIGN_WINDOWS = True
# A second unsafe class is reported when it holds this share of the probability.
SECONDARY_CATEGORY_SHARE = 0.25


# Runs of 20+ key-like characters (API keys, base64 lines, hashes) become one
# marker that keeps a short provider prefix ("sk-", "ghp_"): random characters
# carry no signal and would drown the words around them.
_RANDOM_RUN = re.compile(r"\b([a-z]{2,10}[-_])?[a-z0-9+/_=-]{20,}")
_DIGIT = re.compile(r"\d")


def feature_text(folded: str) -> str:
    """What the model reads: the folded text with random runs and digits masked.

    Digits become 0 so that the *shape* of a phone number or card number is
    learnt, not the particular number.
    """
    masked = _RANDOM_RUN.sub(lambda m: (m.group(1) or "") + "randomtoken", folded)
    return _DIGIT.sub("0", masked)


class _Features:
    """Hashed character n-grams (spelling, obfuscation) and word pairs (phrasing)."""

    def __init__(self) -> None:
        common = {"alternate_sign": False, "norm": None, "lowercase": False,
                  "dtype": np.float32}  # fmt: skip  # folded text is already lower case
        self.chars = HashingVectorizer(
            analyzer="char_wb", ngram_range=NGRAMS, n_features=CHAR_FEATURES, **common
        )
        self.words = HashingVectorizer(
            analyzer="word",
            ngram_range=WORD_NGRAMS,
            n_features=WORD_FEATURES,
            token_pattern=r"(?u)\b\w+\b",
            **common,
        )

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        return sparse.hstack([self.chars.transform(texts), self.words.transform(texts)]).tocsr()


def _vectorizer() -> _Features:
    return _Features()


@dataclass(frozen=True)
class LinearModel:
    """What training produces: IDF weights and the logistic regression."""

    classes: tuple[str, ...]
    idf: np.ndarray  # (n_features,)
    coef: np.ndarray  # (n_features, n_classes), transposed for X @ coef
    intercept: np.ndarray  # (n_classes,)
    # Raw unsafe probability that maps to score 0.5 (see calibrated_score).
    operating_point: float = 0.5

    def calibrated_score(self, raw: float) -> float:
        """Monotone map of 1 - P(benign) so that the operating point lands on 0.5.

        Settings thresholds (0.5 flag, 0.8 block by default) then mean the
        same for every classifier: 0.5 is where cross-validation put the
        budget of false positives.
        """
        point = self.operating_point
        if raw < point:
            return 0.5 * raw / point
        return 0.5 + 0.5 * (raw - point) / (1.0 - point)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".model-", suffix=".npz")
        os.close(fd)
        try:
            np.savez_compressed(
                tmp,
                classes=np.array(self.classes),
                idf=self.idf,
                coef=self.coef,
                intercept=self.intercept,
                operating_point=np.array(self.operating_point),
                format_version=np.array(FORMAT_VERSION),
            )
            os.replace(tmp, path)  # readers never see a half-written model
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        with np.load(path, allow_pickle=False) as data:
            if int(data["format_version"]) != FORMAT_VERSION:
                raise ValueError(f"{path}: model format {int(data['format_version'])} unsupported")
            return cls(
                classes=tuple(str(c) for c in data["classes"]),
                idf=data["idf"].astype(np.float32),
                coef=data["coef"].astype(np.float32),
                intercept=data["intercept"].astype(np.float32),
                operating_point=float(data["operating_point"]),
            )


def _tfidf(counts: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    weighted = counts.copy()
    weighted.data = np.log1p(weighted.data)  # sublinear term frequency
    weighted = weighted.multiply(idf).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms).dot(weighted).tocsr()


def _fit(counts: sparse.csr_matrix, labels: list[str]) -> LinearModel:
    document_frequency = np.bincount(counts.indices, minlength=N_FEATURES)
    n_docs = counts.shape[0]
    # The smoothed IDF scikit-learn's TfidfTransformer uses.
    idf = (np.log((1 + n_docs) / (1 + document_frequency)) + 1).astype(np.float32)
    idf[CHAR_FEATURES:] *= WORD_WEIGHT
    # Only hash buckets seen in training can get a weight; fitting on those
    # columns alone gives the same model and is much faster.
    used = np.flatnonzero(document_frequency)
    features = _tfidf(counts, idf)[:, used]
    model = LogisticRegression(C=REGULARISATION_C, max_iter=5000, solver="newton-cg")
    # One BLAS thread: several threads on a tiny problem only fight each other
    # (and the gunicorn workers on the same cores).
    with threadpool_limits(limits=1):
        model.fit(features, labels)
    coef = np.zeros((N_FEATURES, len(model.classes_)), dtype=np.float32)
    coef[used] = model.coef_.T
    return LinearModel(
        classes=tuple(str(c) for c in model.classes_),
        idf=idf,
        coef=coef,
        intercept=model.intercept_.astype(np.float32),
    )


def _unsafe_probability(model: LinearModel, counts: sparse.csr_matrix) -> np.ndarray:
    logits = np.asarray(_tfidf(counts, model.idf) @ model.coef) + model.intercept
    logits -= logits.max(axis=1, keepdims=True)
    probs = np.exp(logits)
    probs /= probs.sum(axis=1, keepdims=True)
    return 1.0 - probs[:, model.classes.index("benign")]


def _window_counts(folded: list[str]) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Counts of every window the classifier reads, and the text each belongs to."""
    windows, owner = [], []
    for index, text in enumerate(folded):
        for window in windows_of(text):
            windows.append(feature_text(window))
            owner.append(index)
    return _vectorizer().transform(windows).tocsr(), np.array(owner)


def operating_point(
    samples: list[Sample],
    counts: sparse.csr_matrix,
    folded: list[str] | None = None,
    extra: tuple[sparse.csr_matrix, np.ndarray, list[str]] | None = None,
) -> float:
    """Raw threshold with TARGET_FALSE_POSITIVE_RATE on out-of-fold predictions.

    Folds are grouped by prompt, so the obfuscated variants of a prompt are
    never used to predict that prompt. Held prompts are scored as classify()
    scores them, by their most unsafe window, so that long benign texts (more
    windows, more chances) weigh in the budget as they will in service.
    `extra` holds the additional training rows (counts, owning sample, label)
    that go with a sample into whichever side of a fold it falls.
    """
    labels = np.array([s.label for s in samples])
    groups = np.array([s.group for s in samples])
    if len(set(groups)) < CV_FOLDS or "benign" not in labels:
        return 0.5
    if folded is not None:
        window_counts, owner = _window_counts(folded)
    scores = np.zeros(len(samples))
    for fit_rows, held_rows in GroupKFold(CV_FOLDS).split(counts, labels, groups):
        fit_counts, fit_labels = counts[fit_rows], list(labels[fit_rows])
        if extra is not None:
            keep = np.flatnonzero(np.isin(extra[1], fit_rows))
            fit_counts = sparse.vstack([fit_counts, extra[0][keep]]).tocsr()
            fit_labels += [extra[2][i] for i in keep]
        fold = _fit(fit_counts, fit_labels)
        if folded is not None:
            rows = np.flatnonzero(np.isin(owner, held_rows))
            raw = _unsafe_probability(fold, window_counts[rows])
            best = np.zeros(len(samples))
            np.maximum.at(best, owner[rows], raw)
            scores[held_rows] = best[held_rows]
        else:
            scores[held_rows] = _unsafe_probability(fold, counts[held_rows])
    benign = np.sort(scores[labels == "benign"])
    allowed = int(np.floor(TARGET_FALSE_POSITIVE_RATE * len(benign)))
    # The smallest threshold that flags at most `allowed` benign prompts.
    point = float(benign[len(benign) - allowed - 1]) + 1e-6
    return min(0.95, max(0.05, point))


def _benign_windows(samples: list[Sample], folded: list[str]):
    """Each window of a long benign text, as a benign training row of its own."""
    texts, owner = [], []
    for index, (sample, text) in enumerate(zip(samples, folded, strict=True)):
        if sample.label != "benign":
            continue
        windows = windows_of(text)
        if len(windows) > 1:
            for window in windows:
                if window != text:
                    texts.append(feature_text(window))
                    owner.append(index)
    if not texts:
        return None
    return _vectorizer().transform(texts).tocsr(), np.array(owner), ["benign"] * len(texts)


def train(samples: list[Sample]) -> LinearModel:
    folded = [normalize_text(s.text).folded for s in samples]
    counts = _vectorizer().transform([feature_text(t) for t in folded]).tocsr()
    labels = [s.label for s in samples]
    extra = _benign_windows(samples, folded) if BENIGN_WINDOWS else None
    if extra is not None:
        model = _fit(sparse.vstack([counts, extra[0]]).tocsr(), labels + extra[2])
    else:
        model = _fit(counts, labels)
    return replace(model, operating_point=operating_point(samples, counts, folded, extra))


def fingerprint(corpus: Path) -> str:
    digest = hashlib.sha256()
    digest.update(corpus.read_bytes())
    settings = {
        "format": FORMAT_VERSION,
        "n_features": [CHAR_FEATURES, WORD_FEATURES],
        "ngrams": [NGRAMS, WORD_NGRAMS],
        "word_weight": WORD_WEIGHT,
        "benign_windows": BENIGN_WINDOWS,
        "windowed_cv": True,
        "C": REGULARISATION_C,
        "target_fpr": TARGET_FALSE_POSITIVE_RATE,
        "folds": CV_FOLDS,
        "sklearn": sklearn.__version__,
    }
    digest.update(json.dumps(settings, sort_keys=True).encode())
    return digest.hexdigest()[:16]


def model_path(data_dir: Path, corpus: Path) -> Path:
    return Path(data_dir) / "models" / f"safety-ml-{fingerprint(corpus)}.npz"


def load_or_train(data_dir: Path, corpus: Path | None = None) -> tuple[LinearModel, Path, bool]:
    """The model for this corpus: loaded from disk, or trained and saved once.

    Returns (model, path, trained_now).
    """
    corpus = corpus or training_corpus_path()
    path = model_path(data_dir, corpus)
    if path.exists():
        return LinearModel.load(path), path, False
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.parent / ".train.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another worker may be training right now
        if path.exists():
            return LinearModel.load(path), path, False
        model = train(read_corpus(corpus))
        model.save(path)
        return model, path, True


class MLClassifier:
    name = "ml"

    def __init__(self, model: LinearModel, thresholds: Thresholds) -> None:
        self.model = model
        self.thresholds = thresholds
        self.vectorizer = _vectorizer()
        self._benign = model.classes.index("benign")

    @classmethod
    def from_data_dir(cls, data_dir: Path, thresholds: Thresholds) -> MLClassifier:
        model, _, _ = load_or_train(data_dir)
        return cls(model, thresholds)

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """Class probabilities (rows: texts, columns: model.classes)."""
        masked = [feature_text(t) for t in texts]
        features = _tfidf(self.vectorizer.transform(masked).tocsr(), self.model.idf)
        logits = np.asarray(features @ self.model.coef) + self.model.intercept
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def classify(self, text: str) -> Verdict:
        probs = self.probabilities(windows_of(text))
        worst = int(np.argmin(probs[:, self._benign]))
        row = probs[worst]
        score = self.model.calibrated_score(float(1.0 - row[self._benign]))
        action = self.thresholds.action_for(score)
        if action is Action.ALLOW:
            return Verdict(Action.ALLOW, score, source=self.name)
        unsafe = sorted((i for i in range(len(row)) if i != self._benign), key=lambda i: -row[i])
        # The secondary class's share is of the unsafe probability mass.
        share = row / max(float(sum(row[i] for i in unsafe)), 1e-9)
        categories = [self.model.classes[unsafe[0]]]
        categories += [
            self.model.classes[i] for i in unsafe[1:] if share[i] >= SECONDARY_CATEGORY_SHARE
        ]
        reasons = tuple(f"ml: {c} ({row[self.model.classes.index(c)]:.2f})" for c in categories)
        return Verdict(action, score, tuple(categories), reasons, self.name)


def train_main(argv: list[str] | None = None) -> int:
    """`safenow-train-classifier`: train (or reuse) the ml model under a data dir."""
    parser = argparse.ArgumentParser(description="Train the SafeNow ml safety classifier.")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=Path(os.environ.get("DATA_DIR", "./var")),
        help="where models/ is written (default: $DATA_DIR or ./var)",
    )
    parser.add_argument("--corpus", type=Path, default=None, help="JSONL corpus to train from")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    model, path, trained = load_or_train(args.data_dir, args.corpus)
    took = time.perf_counter() - started
    verb = "trained" if trained else "already present"
    print(f"{verb}: {path} ({len(model.classes)} classes, {took:.1f} s)")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(train_main())
