"""structlog configuration shared by the app, the stdlib loggers and gunicorn.

Everything (structlog events, stdlib records, gunicorn's error and access
logs) ends in one `ProcessorFormatter`, so every line has the same shape and
passes the same PII redaction before the renderer.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

import structlog

from safenow.privacy import Redactor


class RedactPII:
    """structlog processor: redact every string value of the event, recursively."""

    def __init__(self, redactor: Redactor | None = None) -> None:
        self.redactor = redactor or Redactor()

    def _clean(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.redactor.redact(value)
        if isinstance(value, dict):
            return {k: self._clean(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return type(value)(self._clean(v) for v in value)
        return value

    def __call__(self, logger: Any, method: str, event_dict: dict[str, Any]) -> dict[str, Any]:
        return {key: self._clean(value) for key, value in event_dict.items()}


def _pre_chain() -> list[Any]:
    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]


def build_formatter(log_format: str = "json", redact_pii: bool = True) -> logging.Formatter:
    processors: list[Any] = [
        structlog.stdlib.ProcessorFormatter.remove_processors_meta,
        # Exceptions become text first so that redaction sees them too.
        structlog.processors.format_exc_info,
    ]
    if redact_pii:
        processors.append(RedactPII())
    if log_format == "json":
        processors.append(structlog.processors.JSONRenderer())
    else:
        processors.append(structlog.dev.ConsoleRenderer(colors=False))
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=_pre_chain(), processors=processors
    )


def configure_logging(log_format: str = "json", level: str = "INFO", redact_pii: bool = True):
    structlog.configure(
        processors=[
            *_pre_chain(),
            structlog.processors.StackInfoRenderer(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(build_formatter(log_format, redact_pii))
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level)
    # Route gunicorn's loggers through the same formatter when they exist.
    for name in ("gunicorn.error", "gunicorn.access"):
        for existing in logging.getLogger(name).handlers:
            existing.setFormatter(build_formatter(log_format, redact_pii))
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    return handler
