"""Strict JSON body parsing shared by the v1 endpoints."""

from __future__ import annotations

import json
from typing import TypeVar

from flask import request
from pydantic import BaseModel, ValidationError

from safenow.errors import ApiError

ModelT = TypeVar("ModelT", bound=BaseModel)


def parse_json_body(model: type[ModelT]) -> ModelT:
    if request.mimetype != "application/json":
        raise ApiError(
            415,
            "unsupported_media_type",
            f"Content-Type must be application/json, got {request.mimetype or 'none'}",
        )
    raw = request.get_data(cache=True)  # raises 413 beyond MAX_CONTENT_LENGTH
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, "malformed_json", f"request body is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ApiError(422, "validation_error", "request body must be a JSON object")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first.get("loc", ())) or "(body)"
        raise ApiError(
            422,
            "validation_error",
            f"{field}: {first.get('msg', 'invalid')}",
            details={"field": field},
        ) from None
