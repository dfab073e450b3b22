"""The model-facing endpoints: /v1/generate and the OpenAI-compatible chat route."""

from __future__ import annotations

import time
import uuid

from flask import Blueprint, current_app, g, jsonify, request

from safenow.api.request_body import parse_json_body
from safenow.auth import presented_key
from safenow.errors import ApiError
from safenow.gateway import CallContext
from safenow.model.base import Message
from safenow.schemas import ChatCompletionRequest, GenerateRequest

bp = Blueprint("v1", __name__, url_prefix="/v1")


def _services():
    return current_app.extensions["safenow"]


@bp.before_request
def authenticate_and_limit():
    services = _services()
    key = presented_key(request)
    principal = services.keyring.authenticate(key) if key else None
    if principal is None:
        services.gateway.record(
            {
                "ts": time.time(),
                "decision": "auth_failed",
                "request_id": g.request_id,
                "key_name": None,
                "route": request.path,
                "reason": "missing" if key is None else "invalid",
            }
        )
        raise ApiError(
            401,
            "unauthorized",
            "missing API key" if key is None else "invalid API key",
            headers={"WWW-Authenticate": 'Bearer realm="safenow"'},
        )
    g.principal = principal
    decision = services.limiter.decide(principal)
    g.ratelimit = decision
    if not decision.allowed:
        services.gateway.record(
            {
                "ts": time.time(),
                "decision": "rate_limited",
                "request_id": g.request_id,
                "key_name": principal.name,
                "tier": principal.tier,
                "route": request.path,
            }
        )
        raise ApiError(
            429,
            "rate_limited",
            f"rate limit exceeded for key {principal.name!r}; retry later",
            headers=decision.headers(),
        )


@bp.after_request
def add_ratelimit_headers(response):
    decision = getattr(g, "ratelimit", None)
    if decision is not None:
        for name, value in decision.headers().items():
            response.headers.setdefault(name, value)
    return response


def _context(route: str, metadata=None) -> CallContext:
    return CallContext(
        request_id=g.request_id,
        key_name=g.principal.name,
        tier=g.principal.tier,
        route=route,
        metadata=metadata,
    )


@bp.post("/generate")
def generate():
    body = parse_json_body(GenerateRequest)
    settings = _services().settings
    if len(body.prompt) > settings.MAX_PROMPT_CHARS:
        raise ApiError(
            422,
            "validation_error",
            f"prompt: longer than MAX_PROMPT_CHARS ({settings.MAX_PROMPT_CHARS})",
            details={"field": "prompt"},
        )
    max_tokens = min(body.max_tokens or settings.MAX_OUTPUT_TOKENS, settings.MAX_OUTPUT_TOKENS)
    outcome = _services().gateway.complete(
        _context("/v1/generate", body.metadata),
        [Message("user", body.prompt)],
        max_tokens,
    )
    completion = outcome.completion
    return jsonify(
        {
            "id": f"gen_{uuid.uuid4().hex}",
            "output": completion.text,
            "model": completion.model,
            "safety": outcome.safety(),
            "usage": completion.usage,
            "fallback": completion.fallback,
        }
    )


@bp.post("/chat/completions")
def chat_completions():
    body = parse_json_body(ChatCompletionRequest)
    settings = _services().settings
    if body.stream:
        raise ApiError(
            422,
            "validation_error",
            "stream: streaming is not supported; output is checked before it leaves",
            details={"field": "stream"},
        )
    messages = [Message(m.role, m.text()) for m in body.messages]
    if sum(len(m.content) for m in messages) > settings.MAX_PROMPT_CHARS:
        raise ApiError(
            422,
            "validation_error",
            f"messages: longer than MAX_PROMPT_CHARS ({settings.MAX_PROMPT_CHARS})",
            details={"field": "messages"},
        )
    wanted = body.max_completion_tokens or body.max_tokens or settings.MAX_OUTPUT_TOKENS
    outcome = _services().gateway.complete(
        _context("/v1/chat/completions"), messages, min(wanted, settings.MAX_OUTPUT_TOKENS)
    )
    completion = outcome.completion
    return jsonify(
        {
            "id": f"chatcmpl-{uuid.uuid4().hex}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": completion.model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": completion.text},
                    "finish_reason": completion.finish_reason,
                }
            ],
            "usage": completion.usage,
            "safenow": {"safety": outcome.safety(), "fallback": completion.fallback},
        }
    )
