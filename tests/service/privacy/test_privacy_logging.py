"""RedactPII in front of every renderer: structlog events, stdlib records,
exceptions and gunicorn access lines, in JSON and console formats."""

from __future__ import annotations

import io
import logging

import pytest
import structlog
from pii_corpus import ALL, sentence

from safenow.logging_setup import build_formatter


def _logger(name: str, log_format: str, redact: bool) -> tuple[logging.Logger, io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(build_formatter(log_format, redact))
    logger = logging.getLogger(name)
    logger.handlers = [handler]
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    return logger, stream


@pytest.fixture(autouse=True)
def _structlog_to_stdlib():
    structlog.configure(
        processors=[structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )
    yield
    structlog.reset_defaults()


@pytest.mark.parametrize("log_format", ["json", "console"])
def test_every_kind_of_event_is_redacted(log_format):
    logger, stream = _logger(f"t.{log_format}", log_format, redact=True)
    text = sentence()
    # structlog event with nested values and an arbitrary object
    structlog.get_logger(f"t.{log_format}").info(
        text, nested={"a": [text]}, obj=ValueError(text), raw=text.encode()
    )
    # stdlib record with %-args, and an exception with its traceback
    logger.warning("user said %s", text)
    try:
        raise RuntimeError(f"failed for {text}")
    except RuntimeError:
        logger.exception("unhandled")
    # gunicorn's access logger formats its atoms as a dict argument
    access, access_stream = _logger("gunicorn.access.test", log_format, redact=True)
    access.info('%(h)s "%(r)s" %(s)s', {"h": "203.0.113.77", "r": f"GET /?q={ALL[0]}", "s": "200"})
    output = stream.getvalue() + access_stream.getvalue()
    assert "Traceback" in output and "[EMAIL]" in output and "[CARD]" in output
    leaked = [value for value in ALL if value in output]
    assert not leaked


def test_redaction_off_is_visible():
    logger, stream = _logger("t.off", "json", redact=False)
    logger.info("mail %s", ALL[0])
    assert ALL[0] in stream.getvalue()
