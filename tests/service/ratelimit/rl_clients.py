"""Load generators for the rate-limit tests, run in separate processes.

They live in their own module (not in a test file) so that `spawn`ed
processes can import them. Timestamps are wall-clock (`time.time()`), the
same clock redis-server reads with TIME on this machine, so a test can place
each request's decision between its send and receive times.
"""

from __future__ import annotations

import http.client
import json
import multiprocessing
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

RATELIMIT_HEADERS = ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After")


@dataclass(frozen=True)
class Sample:
    sent: float
    received: float
    status: int
    headers: dict[str, str]
    code: str | None


def _wait_until(moment: float) -> None:
    delay = moment - time.time()
    if delay > 0:
        time.sleep(delay)


def hammer_http(
    base_url: str,
    api_key: str,
    start_at: float,
    stop_at: float,
    max_requests: int,
    keep_alive: bool = True,
) -> list[Sample]:
    """POST /v1/generate back to back from start_at until stop_at.

    With keep_alive one connection (so one gunicorn worker) serves every
    request; without, each request opens a new connection and may land on
    any worker.
    """
    parts = urlsplit(base_url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    body = json.dumps({"prompt": "hi"})
    headers = {"Authorization": f"Bearer {api_key}", "Content-Type": "application/json"}
    if not keep_alive:
        headers["Connection"] = "close"
    samples: list[Sample] = []
    _wait_until(start_at)
    try:
        while len(samples) < max_requests and time.time() < stop_at:
            if not keep_alive:
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            sent = time.time()
            conn.request("POST", "/v1/generate", body=body, headers=headers)
            response = conn.getresponse()
            payload = response.read()
            received = time.time()
            code = None
            if response.status >= 400:
                code = json.loads(payload)["error"]["code"]
            kept = {name: response.getheader(name) for name in RATELIMIT_HEADERS}
            samples.append(
                Sample(sent, received, response.status, {k: v for k, v in kept.items() if v}, code)
            )
    finally:
        conn.close()
    return samples


def hammer_store(
    redis_url: str,
    key_prefix: str,
    key: str,
    per_minute: int,
    burst: int,
    count: int,
    start_at: float,
) -> list[tuple[bool, int]]:
    """Call the Redis limiter directly, `count` times, as fast as possible."""
    from safenow.ratelimit.redis_store import RedisRateLimiter

    limiter = RedisRateLimiter(redis_url, timeout_s=2.0, key_prefix=key_prefix)
    _wait_until(start_at)
    decisions = [limiter.hit(key, per_minute, burst) for _ in range(count)]
    return [(d.allowed, d.remaining) for d in decisions]


def in_processes(function, argument_lists: list[tuple]) -> list:
    """Run `function` once per argument tuple, each in its own spawned process."""
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(len(argument_lists))
    try:
        results = pool.starmap(function, argument_lists)
    except BaseException:
        pool.terminate()
        pool.join()
        raise
    # Let the workers exit on their own (not SIGTERM, as Pool.__exit__ does), so
    # that coverage, measuring these processes too, can save its data cleanly.
    pool.close()
    pool.join()
    return results
