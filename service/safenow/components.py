"""Builds the app's clients and strategies from settings, once, in the factory."""

from __future__ import annotations

from dataclasses import dataclass

from safenow.audit.base import AuditSink, AuditTrail
from safenow.audit.factory import build_sink
from safenow.auth import KeyRing
from safenow.gateway import Gateway
from safenow.metrics import Metrics
from safenow.model.base import ModelAdapter
from safenow.model.factory import build_model as build_model_adapter
from safenow.privacy import Redactor
from safenow.ratelimit.base import RateLimiter
from safenow.ratelimit.failover import StoreFailover
from safenow.ratelimit.memory import MemoryRateLimiter
from safenow.ratelimit.policy import KeyRateLimitPolicy
from safenow.ratelimit.redis_store import RedisRateLimiter
from safenow.safety import factory as safety_factory
from safenow.safety.classifier import SafetyClassifier
from safenow.safety.pipeline import SafetyPipeline
from safenow.settings import Settings


@dataclass
class Services:
    settings: Settings
    keyring: KeyRing
    metrics: Metrics
    limiter: KeyRateLimitPolicy
    audit_sink: AuditSink
    model: ModelAdapter
    gateway: Gateway

    def close(self) -> None:
        self.audit_sink.close()


def build_classifier(settings: Settings) -> SafetyClassifier:
    """off | rules | ml (the ml model is loaded from DATA_DIR, or trained there once)."""
    return safety_factory.build_classifier(settings)


def build_pipeline(settings: Settings) -> SafetyPipeline:
    """Validators (size, tokens, encoding, secrets, PII, topics) plus the classifier."""
    return safety_factory.build_pipeline(settings, build_classifier(settings))


def build_rate_limiter(settings: Settings, metrics: Metrics | None = None) -> RateLimiter:
    if settings.RATE_LIMIT_STORE == "memory":
        return MemoryRateLimiter()
    if settings.RATE_LIMIT_STORE == "redis":
        # The Redis store always sits behind the failure policy: a Redis
        # outage must neither take the service down nor silently drop limits.
        return StoreFailover(
            RedisRateLimiter(settings.REDIS_URL, settings.REDIS_TIMEOUT_MS / 1000),
            mode=settings.RATE_LIMIT_ON_STORE_FAILURE,
            metrics=metrics or Metrics(),
            expected_processes=settings.RATE_LIMIT_EXPECTED_PROCESSES,
            retry_after_s=settings.RATE_LIMIT_STORE_RETRY_MS / 1000,
        )
    raise ValueError(
        f"RATE_LIMIT_STORE={settings.RATE_LIMIT_STORE!r}: allowed values are memory, redis"
    )


def build_audit_sink(settings: Settings) -> AuditSink:
    return build_sink(
        settings.AUDIT_SINK,
        settings.AUDIT_LOG_PATH,
        settings.AUDIT_DATABASE_URL,
        fsync=settings.AUDIT_FSYNC,
        group_commit_ms=settings.AUDIT_GROUP_COMMIT_MS,
        failure_policy=settings.AUDIT_ON_FAILURE,
    )


def build_model(settings: Settings) -> ModelAdapter:
    """Simulated model, or the real provider behind the MODEL_FALLBACK chain."""
    return build_model_adapter(settings)


def build_services(settings: Settings) -> Services:
    metrics = Metrics()
    audit_sink = build_audit_sink(settings)
    model = build_model(settings)
    redactor = Redactor()
    gateway = Gateway(
        pipeline=build_pipeline(settings),
        model=model,
        audit=AuditTrail(audit_sink),
        metrics=metrics,
        redactor=redactor,
        audit_on_failure=settings.AUDIT_ON_FAILURE,
    )
    return Services(
        settings=settings,
        keyring=KeyRing(settings.api_keys),
        metrics=metrics,
        limiter=KeyRateLimitPolicy(build_rate_limiter(settings, metrics), settings, metrics),
        audit_sink=audit_sink,
        model=model,
        gateway=gateway,
    )
