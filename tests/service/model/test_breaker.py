"""The circuit breaker, on its own (fake clock) and in front of a failing provider."""

from __future__ import annotations

import random

import pytest
from provider_server import Reply, openai_body, openai_error

from safenow.model.base import Message, ModelError
from safenow.model.breaker import CLOSED, HALF_OPEN, OPEN, CircuitBreaker
from safenow.model.providers import OpenAIChatModel
from safenow.model.transport import RetryPolicy


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_opens_after_consecutive_failures_only():
    breaker = CircuitBreaker(failure_threshold=3, reset_timeout_s=10, clock=Clock())
    breaker.record_failure()
    breaker.record_failure()
    breaker.record_success()  # a success resets the count
    breaker.record_failure()
    breaker.record_failure()
    assert breaker.state == CLOSED and breaker.allow()
    breaker.record_failure()
    assert breaker.state == OPEN
    assert not breaker.allow()


def test_half_open_lets_exactly_one_trial_through():
    clock = Clock()
    breaker = CircuitBreaker(failure_threshold=1, reset_timeout_s=10, clock=clock)
    breaker.record_failure()
    clock.now += 9.9
    assert not breaker.allow()
    assert breaker.seconds_until_trial() == pytest.approx(0.1)
    clock.now += 0.2
    assert breaker.state == HALF_OPEN
    assert breaker.allow()
    assert not breaker.allow()  # the trial is still in flight


def test_failed_trial_reopens_and_successful_trial_closes():
    clock = Clock()
    breaker = CircuitBreaker(failure_threshold=2, reset_timeout_s=5, clock=clock)
    breaker.record_failure()
    breaker.record_failure()
    clock.now += 5
    assert breaker.allow()
    breaker.record_failure()
    assert breaker.state == OPEN and not breaker.allow()
    clock.now += 5
    assert breaker.allow()
    breaker.record_success()
    assert breaker.state == CLOSED and breaker.seconds_until_trial() == 0.0


def test_threshold_must_be_positive():
    with pytest.raises(ValueError):
        CircuitBreaker(failure_threshold=0)


def _model(server, breaker):
    return OpenAIChatModel(
        "gpt-test",
        "sk-test-placeholder",
        base_url=server.url,
        retry=RetryPolicy(max_retries=0, rng=random.Random(1), sleep=lambda s: None),
        breaker=breaker,
    )


def test_breaker_stops_calling_a_failing_provider_then_recovers(provider_server):
    clock = Clock()
    breaker = CircuitBreaker(failure_threshold=3, reset_timeout_s=30, clock=clock)
    model = _model(provider_server, breaker)
    provider_server.script(*[openai_error(500, "down", "server_error")] * 3)
    for _ in range(3):
        with pytest.raises(ModelError) as caught:
            model.generate([Message("user", "hi")], 5)
        assert caught.value.reason == "server_error"
    assert model.check()[0] is False and "circuit open" in model.check()[1]

    with pytest.raises(ModelError) as caught:
        model.generate([Message("user", "hi")], 5)
    assert caught.value.reason == "circuit_open"
    assert len(provider_server.requests) == 3  # the open breaker sent nothing

    clock.now += 30
    ok, detail = model.check()
    assert ok and "half-open" in detail
    provider_server.script(Reply(200, openai_body("back")))
    assert model.generate([Message("user", "hi")], 5).text == "back"
    assert breaker.state == CLOSED
    assert model.check() == (True, "openai gpt-test: circuit closed")


def test_client_errors_do_not_open_the_breaker(provider_server):
    breaker = CircuitBreaker(failure_threshold=1, reset_timeout_s=30, clock=Clock())
    model = _model(provider_server, breaker)
    provider_server.script(openai_error(400, "context too long", "invalid_request_error"))
    with pytest.raises(ModelError):
        model.generate([Message("user", "hi")], 5)
    assert breaker.state == CLOSED


def test_malformed_answers_count_as_failures(provider_server):
    breaker = CircuitBreaker(failure_threshold=1, reset_timeout_s=30, clock=Clock())
    model = _model(provider_server, breaker)
    provider_server.script(Reply(200, b"not json"))
    with pytest.raises(ModelError):
        model.generate([Message("user", "hi")], 5)
    assert breaker.state == OPEN
