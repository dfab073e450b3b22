"""Fixtures shared by every test package: real servers on loopback."""

from __future__ import annotations

import pytest
from realservers import LiveServer, start_postgres, start_redis
from testkeys import DEV_KEY, OTHER_KEY


@pytest.fixture(scope="session")
def redis_server():
    server = start_redis()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres_server():
    server = start_postgres()
    yield server
    server.stop()


@pytest.fixture
def live_server_factory(tmp_path):
    """Start gunicorn with extra environment; every server is stopped afterwards."""
    started: list[LiveServer] = []

    def start(env: dict[str, str], workers: int = 2) -> LiveServer:
        from safenow.settings import hash_api_key

        base = {
            "API_KEYS": (
                f"dev:standard:{hash_api_key(DEV_KEY)},other:free:{hash_api_key(OTHER_KEY)}"
            ),
            "AUDIT_LOG_PATH": str(tmp_path / "audit"),
            "DATA_DIR": str(tmp_path / "var"),
            "LOG_FORMAT": "json",
            "SAFENOW_ENV": "test",
        }
        server = LiveServer({**base, **env}, workers=workers).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
