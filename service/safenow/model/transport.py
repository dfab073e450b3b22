"""HTTP for provider clients: timeouts, bounded retries with jitter, errors.

Only answers that say "try again later" are retried: 429 and 5xx (Anthropic's
529 "overloaded" included). Other 4xx are the request's fault and would fail
the same way again. Timeouts and connection errors are not retried either: a
read timeout has already spent the whole latency budget, and the circuit
breaker plus the fallback deal with a provider that is unreachable.

Backoff is "full jitter": a uniform delay in [0, min(cap, base * 2**attempt)],
so that many workers retrying at once do not hit the provider in lockstep.
A Retry-After header (seconds) raises the delay, never beyond the cap.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from safenow.model.base import ModelError


@dataclass
class RetryPolicy:
    max_retries: int = 2
    base_delay_s: float = 0.25
    max_delay_s: float = 4.0
    rng: random.Random = field(default_factory=random.Random)
    sleep: Callable[[float], None] = time.sleep

    def delay(self, attempt: int, retry_after: float | None) -> float:
        ceiling = min(self.max_delay_s, self.base_delay_s * (2**attempt))
        delay = self.rng.uniform(0.0, ceiling)
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.max_delay_s))
        return delay


def is_retryable(status: int) -> bool:
    return status == 429 or 500 <= status <= 599


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None  # an HTTP date: rare from model APIs; the jittered delay applies


def _error_detail(response: httpx.Response) -> str:
    """The provider's error type/message, shortened (never echoes our request)."""
    try:
        body = response.json()
    except ValueError:
        return response.text[:200].strip() or "no body"
    error = body.get("error") if isinstance(body, dict) else None
    if isinstance(error, dict):
        kind = error.get("type") or error.get("code") or "error"
        message = str(error.get("message", ""))[:200]
        return f"{kind}: {message}" if message else str(kind)
    if isinstance(error, str):
        return error[:200]
    return json.dumps(body)[:200]


def post_json(
    client: httpx.Client,
    url: str,
    headers: dict[str, str],
    payload: dict[str, Any],
    retry: RetryPolicy,
    provider: str,
) -> dict[str, Any]:
    """POST JSON and return the decoded JSON object of a 2xx answer.

    Raises ModelError with the reason the fallback metric is labelled with.
    """
    attempt = 0
    while True:
        try:
            response = client.post(url, headers=headers, json=payload)
        except httpx.TimeoutException as exc:
            raise ModelError(f"{provider}: {type(exc).__name__}", "timeout") from exc
        except httpx.TransportError as exc:
            raise ModelError(f"{provider}: {type(exc).__name__}", "transport_error") from exc
        status = response.status_code
        if 200 <= status < 300:
            try:
                body = response.json()
            except ValueError as exc:
                raise ModelError(
                    f"{provider}: answer is not JSON", "malformed_response", status
                ) from exc
            if not isinstance(body, dict):
                raise ModelError(
                    f"{provider}: answer is not a JSON object", "malformed_response", status
                )
            return body
        if is_retryable(status) and attempt < retry.max_retries:
            retry.sleep(retry.delay(attempt, _retry_after(response)))
            attempt += 1
            continue
        reason = (
            "rate_limited"
            if status == 429
            else ("server_error" if status >= 500 else "client_error")
        )
        tries = f" after {attempt + 1} attempts" if attempt else ""
        raise ModelError(f"{provider}: HTTP {status}{tries}: {_error_detail(response)}", reason,
                         status)  # fmt: skip
