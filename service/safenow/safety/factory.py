"""Builds the safety pipeline and classifier from settings (used by components)."""

from __future__ import annotations

from safenow.privacy import Redactor
from safenow.safety.classifier import OffClassifier, RulesClassifier, SafetyClassifier, Thresholds
from safenow.safety.pipeline import SafetyPipeline
from safenow.safety.validators import (
    EncodingCheck,
    PiiCheck,
    SecretScanner,
    SizeLimit,
    TokenLimit,
    TopicFilter,
)
from safenow.settings import Settings


def thresholds_from(settings: Settings) -> Thresholds:
    return Thresholds(settings.SAFETY_FLAG_THRESHOLD, settings.SAFETY_BLOCK_THRESHOLD)


def build_classifier(settings: Settings) -> SafetyClassifier:
    thresholds = thresholds_from(settings)
    if settings.SAFETY_CLASSIFIER == "off":
        return OffClassifier()
    if settings.SAFETY_CLASSIFIER == "rules":
        return RulesClassifier(thresholds)
    # Imported here: scikit-learn is only loaded when the ml classifier is used.
    from safenow.safety.ml import MLClassifier

    return MLClassifier.from_data_dir(settings.DATA_DIR, thresholds)


def build_pipeline(
    settings: Settings,
    classifier: SafetyClassifier | None = None,
    redactor: Redactor | None = None,
) -> SafetyPipeline:
    thresholds = thresholds_from(settings)
    redactor = redactor or Redactor()
    secrets = SecretScanner()
    pii = PiiCheck(settings.SAFETY_PII_POLICY, redactor)
    topics = TopicFilter.from_entries(settings.disallowed_topics, thresholds)
    encoding = EncodingCheck()
    return SafetyPipeline(
        input_validators=[
            SizeLimit(settings.MAX_PROMPT_CHARS),
            TokenLimit(settings.SAFETY_MAX_PROMPT_TOKENS),
            encoding,
            secrets,
            pii,
            topics,
        ],
        output_validators=[encoding, secrets, pii, topics],
        classifier=classifier if classifier is not None else build_classifier(settings),
    )
