"""The OpenAPI 3.1 document, generated from the pydantic schemas."""

from __future__ import annotations

from functools import cache
from typing import Any

from flask import Blueprint, jsonify
from pydantic import BaseModel

from safenow import schemas

bp = Blueprint("openapi", __name__)

_COMPONENTS: tuple[type[BaseModel], ...] = (
    schemas.GenerateRequest,
    schemas.GenerateResponse,
    schemas.ChatCompletionRequest,
    schemas.ChatCompletionResponse,
    schemas.ErrorEnvelope,
    schemas.ReadyResponse,
    schemas.HealthResponse,
)

_ERRORS = {
    "400": "Malformed JSON",
    "401": "Missing or invalid API key",
    "413": "Body larger than MAX_REQUEST_BYTES",
    "415": "Content-Type is not application/json",
    "422": "Schema violation or blocked by the safety policy",
    "429": "Rate limited (see Retry-After)",
    "503": "A dependency (audit sink, rate-limit store, model) is down",
}


def _ref(model: type[BaseModel]) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def _json(model: type[BaseModel], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _ref(model)}}}


def _ratelimit_headers() -> dict[str, Any]:
    integer = {"schema": {"type": "integer", "minimum": 0}}
    return {
        "RateLimit-Limit": {"description": "Burst capacity of the key", **integer},
        "RateLimit-Remaining": {"description": "Requests left right now", **integer},
        "RateLimit-Reset": {"description": "Seconds until the full burst is back", **integer},
    }


def _model_operation(summary: str, request: type[BaseModel], response: type[BaseModel]):
    responses: dict[str, Any] = {"200": _json(response, "Checked answer")}
    responses["200"]["headers"] = _ratelimit_headers()
    for status, text in _ERRORS.items():
        responses[status] = _json(schemas.ErrorEnvelope, text)
    return {
        "summary": summary,
        "security": [{"bearer": []}, {"apiKey": []}],
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": _ref(request)}},
        },
        "responses": responses,
    }


@cache
def build_spec() -> dict[str, Any]:
    components: dict[str, Any] = {}
    for model in _COMPONENTS:
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        for name, sub in schema.pop("$defs", {}).items():
            components[name] = sub
        components[model.__name__] = schema
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "SafeNow",
            "version": "0.1.0",
            "description": "Guarded LLM gateway: every prompt and answer is checked and audited.",
        },
        "servers": [{"url": "/"}],
        "paths": {
            "/v1/generate": {
                "post": _model_operation(
                    "Generate text", schemas.GenerateRequest, schemas.GenerateResponse
                )
            },
            "/v1/chat/completions": {
                "post": _model_operation(
                    "OpenAI-compatible chat completion",
                    schemas.ChatCompletionRequest,
                    schemas.ChatCompletionResponse,
                )
            },
            "/healthz": {
                "get": {
                    "summary": "Liveness",
                    "responses": {"200": _json(schemas.HealthResponse, "Alive")},
                }
            },
            "/readyz": {
                "get": {
                    "summary": "Readiness of every dependency",
                    "responses": {
                        "200": _json(schemas.ReadyResponse, "Ready (possibly degraded)"),
                        "503": _json(schemas.ErrorEnvelope, "A dependency is down"),
                    },
                }
            },
            "/metrics": {
                "get": {
                    "summary": "Prometheus metrics",
                    "responses": {
                        "200": {
                            "description": "Text exposition format",
                            "content": {"text/plain": {"schema": {"type": "string"}}},
                        }
                    },
                }
            },
        },
        "components": {
            "schemas": components,
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
            },
        },
    }


@bp.get("/openapi.json")
def openapi_json():
    return jsonify(build_spec())
