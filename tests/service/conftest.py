"""Fixtures for the service: settings, app and test client (as in Flask's tutorial)."""

from __future__ import annotations

import pytest
from testkeys import DEV_KEY, OTHER_KEY

from safenow import create_app
from safenow.settings import Settings, hash_api_key


@pytest.fixture
def make_settings(tmp_path):
    """Settings for one test: embedded defaults plus the overrides given."""

    def build(**overrides) -> Settings:
        base = {
            "API_KEYS": (
                f"dev:standard:{hash_api_key(DEV_KEY)},other:free:{hash_api_key(OTHER_KEY)}"
            ),
            "AUDIT_LOG_PATH": tmp_path / "audit",
            "DATA_DIR": tmp_path / "var",
            "SAFENOW_ENV": "test",
        }
        return Settings.from_env(**{**base, **overrides})

    return build


@pytest.fixture
def settings(make_settings):
    return make_settings()


@pytest.fixture
def app(settings):
    app = create_app(settings)
    app.config["TESTING"] = True
    yield app
    app.extensions["safenow"].close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def auth():
    return {"Authorization": f"Bearer {DEV_KEY}"}
