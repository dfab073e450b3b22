"""One JSON error envelope for every failure the service returns.

`{"error": {"code": ..., "message": ..., "request_id": ...}}` plus optional
details (the failing field, the blocked categories). No HTML page and no
stack trace ever reaches a client.
"""

from __future__ import annotations

from typing import Any

import structlog
from flask import Flask, g, jsonify
from werkzeug.exceptions import HTTPException

log = structlog.get_logger("safenow.errors")


class ApiError(Exception):
    """An error the API reports to the client as-is."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details or {}
        self.headers = headers or {}


# Stable machine-readable codes for the statuses werkzeug raises itself.
_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "rate_limited",
    503: "unavailable",
}


def error_response(
    status: int,
    code: str,
    message: str,
    details: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
):
    body: dict[str, Any] = {
        "code": code,
        "message": message,
        "request_id": getattr(g, "request_id", None),
    }
    if details:
        body.update(details)
    response = jsonify({"error": body})
    response.status_code = status
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def _api_error(exc: ApiError):
        return error_response(exc.status, exc.code, exc.message, exc.details, exc.headers)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        status = exc.code or 500
        code = _HTTP_CODES.get(status, "http_error")
        message = exc.description or exc.name
        if status == 413:
            limit = app.config.get("MAX_CONTENT_LENGTH")
            message = f"request body exceeds MAX_REQUEST_BYTES ({limit} bytes)"
        allowed = getattr(exc, "valid_methods", None)
        headers = {"Allow": ", ".join(allowed)} if allowed else None
        return error_response(status, code, message, headers=headers)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        # Log the full exception server-side; the client gets an opaque envelope.
        log.exception("unhandled_error", error_type=type(exc).__name__)
        return error_response(500, "internal_error", "internal error; see server logs")
