"""Fixtures of the model adapter tests."""

from __future__ import annotations

import pytest
from provider_server import ProviderServer


@pytest.fixture
def provider_server():
    server = ProviderServer().start()
    yield server
    server.stop()


class NoSleep:
    """Records the backoff delays instead of sleeping them."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@pytest.fixture
def no_sleep():
    return NoSleep()
