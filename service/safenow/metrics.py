"""Prometheus metrics, one set per app.

Under gunicorn with several workers, `PROMETHEUS_MULTIPROC_DIR` is set by
gunicorn.conf.py and the exposition aggregates every worker's files.
"""

from __future__ import annotations

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    def __init__(self) -> None:
        self.multiprocess = bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))
        # In multiprocess mode values live in files; registering is not needed.
        self.registry = CollectorRegistry()
        reg = None if self.multiprocess else self.registry
        self.request_duration = Histogram(
            "http_request_duration_seconds",
            "HTTP request latency",
            ["method", "route", "status"],
            buckets=LATENCY_BUCKETS,
            registry=reg,
        )
        self.requests = Counter(
            "safenow_requests_total", "HTTP requests", ["route", "status"], registry=reg
        )
        self.safety_verdicts = Counter(
            "safenow_safety_verdicts_total",
            "Safety verdicts by stage and action",
            ["stage", "action"],
            registry=reg,
        )
        self.ratelimit_rejections = Counter(
            "safenow_ratelimit_rejections_total",
            "Requests rejected by the rate limiter",
            ["tier", "scope"],
            registry=reg,
        )
        self.ratelimit_store_failures = Counter(
            "safenow_ratelimit_store_failures_total",
            "Rate-limit decisions taken while the shared store was unreachable",
            ["mode"],
            registry=reg,
        )
        self.ratelimit_degraded = Gauge(
            "safenow_ratelimit_degraded",
            "1 while the limiter runs without its shared store",
            registry=reg,
            multiprocess_mode="max",
        )
        self.model_fallbacks = Counter(
            "safenow_model_fallbacks_total",
            "Answers served by a fallback instead of the primary model",
            ["reason", "fallback"],
            registry=reg,
        )
        self.audit_failures = Counter(
            "safenow_audit_failures_total",
            "Audit records that could not be written",
            ["policy"],
            registry=reg,
        )

    def exposition(self) -> tuple[bytes, str]:
        if self.multiprocess:
            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry)
        else:
            registry = self.registry
        return generate_latest(registry), CONTENT_TYPE_LATEST
