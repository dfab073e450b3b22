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

# Values our own processors add (ISO time, level, logger name): machine-made,
# never personal data, and skipping them keeps redaction cheap per event.
_TRUSTED_KEYS = frozenset({"timestamp", "level", "logger"})


class RedactPII:
    """structlog processor: redact every string value of the event, recursively.

    Sits in front of every renderer (see build_formatter), after exceptions
    were turned into text, so tracebacks, stack info, gunicorn access lines
    and arbitrary objects (rendered with str/repr first) are covered too.
    """

    def __init__(self, redactor: Redactor | None = None) -> None:
        self.redactor = redactor or Redactor()

    def _clean(self, value: Any) -> Any:
        if value is None or isinstance(value, bool | int | float):
            return value
        if isinstance(value, str):
            return self.redactor.redact(value)
        if isinstance(value, dict):
            return {self._clean(k): self._clean(v) for k, v in value.items()}
        if isinstance(value, list | tuple | set | frozenset):
            return [self._clean(v) for v in value]
        if isinstance(value, bytes):
            return self.redactor.redact(value.decode("utf-8", "replace"))
        # Exceptions and other objects: the renderer would str()/repr() them
        # unredacted, so do it here first.
        text = str(value) if isinstance(value, BaseException) else repr(value)
        return self.redactor.redact(text)

    def __call__(self, logger: Any, method: str, event_dict: dict[str, Any]) -> dict[str, Any]:
        cleaned = {}
        for key, value in event_dict.items():
            if key in _TRUSTED_KEYS:
                cleaned[key] = value
                continue
            try:
                cleaned[key] = self._clean(value)
            except Exception:
                # Never let a redaction bug emit the raw value.
                cleaned[key] = "[REDACTION_FAILED]"
        return cleaned


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
            structlog.stdlib.PositionalArgumentsFormatter(),
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
