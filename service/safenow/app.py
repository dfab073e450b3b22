"""The application factory."""

from __future__ import annotations

import re
import time
import uuid

import structlog
from flask import Flask, g, request

from safenow.api import openapi, probes, v1
from safenow.components import build_services
from safenow.errors import register_error_handlers
from safenow.logging_setup import configure_logging
from safenow.settings import Settings

log = structlog.get_logger("safenow.access")

# Accept a caller's request id only if it is short and harmless to log.
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def create_app(settings: Settings | None = None) -> Flask:
    settings = settings or Settings.from_env()
    configure_logging(settings.LOG_FORMAT, settings.LOG_LEVEL, settings.LOG_REDACT_PII)

    app = Flask("safenow")
    app.config["MAX_CONTENT_LENGTH"] = settings.MAX_REQUEST_BYTES
    app.json.sort_keys = False
    app.extensions["safenow"] = build_services(settings)

    register_error_handlers(app)
    _register_request_hooks(app)
    app.register_blueprint(v1.bp)
    app.register_blueprint(probes.bp)
    app.register_blueprint(openapi.bp)
    return app


def _route_label() -> str:
    rule = request.url_rule
    return rule.rule if rule is not None else "unmatched"


def _register_request_hooks(app: Flask) -> None:
    metrics = app.extensions["safenow"].metrics

    @app.before_request
    def _start():
        incoming = request.headers.get("X-Request-ID", "")
        g.request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        g.started = time.perf_counter()
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=g.request_id, route=_route_label())

    @app.after_request
    def _finish(response):
        request_id = getattr(g, "request_id", None) or uuid.uuid4().hex
        response.headers["X-Request-ID"] = request_id
        elapsed = time.perf_counter() - getattr(g, "started", time.perf_counter())
        route = _route_label()
        status = str(response.status_code)
        metrics.request_duration.labels(request.method, route, status).observe(elapsed)
        metrics.requests.labels(route, status).inc()
        log.info(
            "request",
            method=request.method,
            path=request.path,
            status=response.status_code,
            duration_ms=round(elapsed * 1000, 3),
        )
        return response

    @app.teardown_request
    def _clear(_exc):
        structlog.contextvars.clear_contextvars()
