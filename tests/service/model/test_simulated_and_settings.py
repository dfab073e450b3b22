"""SimulatedModel behaviour and the model part of the configuration."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from safenow.model import simulated
from safenow.model.base import Message, ModelError, estimate_prompt_tokens, estimate_tokens
from safenow.model.factory import build_model
from safenow.model.fallback import FallbackModel, RefusalModel
from safenow.model.providers import AnthropicMessagesModel, OpenAIChatModel
from safenow.model.simulated import SimulatedModel
from safenow.settings import SettingsError

ROOT = Path(__file__).resolve().parents[3]
CHAT = [Message("system", "You are kind."), Message("user", "What is a gateway?")]


def test_same_prompt_and_seed_give_the_same_answer():
    assert SimulatedModel(seed=1).generate(CHAT, 200) == SimulatedModel(seed=1).generate(CHAT, 200)
    assert SimulatedModel(seed=1).generate(CHAT, 200) != SimulatedModel(seed=2).generate(CHAT, 200)
    other = [Message("user", "Something else entirely")]
    assert SimulatedModel(seed=1).generate(other, 200) != SimulatedModel(seed=1).generate(CHAT, 200)


@pytest.mark.parametrize("budget", [1, 2, 3, 7, 30, 1000])
def test_answer_respects_the_token_budget_and_counts_usage(budget):
    completion = SimulatedModel().generate(CHAT, budget)
    assert 1 <= completion.completion_tokens <= budget
    assert completion.completion_tokens == estimate_tokens(completion.text)
    assert completion.prompt_tokens == estimate_prompt_tokens(CHAT)
    assert completion.finish_reason in {"stop", "length"}


def test_long_budgets_stop_naturally():
    answers = [SimulatedModel(seed=s).generate(CHAT, 4096) for s in range(20)]
    assert all(a.finish_reason == "stop" for a in answers)
    assert len({a.completion_tokens for a in answers}) > 5  # lengths vary with the prompt


def test_latency_is_configurable_and_deterministic(monkeypatch):
    slept: list[float] = []
    monkeypatch.setattr(simulated.time, "sleep", slept.append)
    model = SimulatedModel(latency_ms=100)
    model.generate(CHAT, 50)
    model.generate(CHAT, 50)
    assert slept[0] == slept[1]
    assert 0.08 <= slept[0] <= 0.12
    SimulatedModel(latency_ms=0).generate(CHAT, 50)
    assert len(slept) == 2


def test_model_error_rejects_unknown_reasons():
    with pytest.raises(ValueError):
        ModelError("x", reason="bogus")


def test_factory_builds_simulated_by_default(make_settings):
    model = build_model(make_settings(MODEL_NAME="sim-x", SIMULATED_MODEL_SEED=4))
    assert isinstance(model, SimulatedModel)
    assert (model.model_name, model.seed) == ("sim-x", 4)


@pytest.mark.parametrize(
    ("provider", "fallback", "primary_type", "fallback_type"),
    [
        ("openai", "simulated", OpenAIChatModel, SimulatedModel),
        ("anthropic", "refusal", AnthropicMessagesModel, RefusalModel),
        ("openai", "none", OpenAIChatModel, type(None)),
    ],
)
def test_factory_builds_the_real_chain(make_settings, provider, fallback, primary_type,
                                       fallback_type):  # fmt: skip
    model = build_model(
        make_settings(
            ENABLE_REAL_MODEL=True,
            MODEL_PROVIDER=provider,
            MODEL_API_KEY="placeholder",
            MODEL_FALLBACK=fallback,
            MODEL_CONNECT_TIMEOUT_S=1.5,
            MODEL_READ_TIMEOUT_S=9,
            MODEL_MAX_RETRIES=4,
            MODEL_BREAKER_FAILURES=7,
        )
    )
    assert isinstance(model, FallbackModel)
    assert isinstance(model.primary, primary_type)
    assert isinstance(model.fallback, fallback_type)
    primary = model.primary
    assert primary.retry.max_retries == 4 and primary.breaker.failure_threshold == 7
    assert primary.client.timeout.connect == 1.5 and primary.client.timeout.read == 9
    expected = {"openai": "https://api.openai.com/v1", "anthropic": "https://api.anthropic.com/v1"}
    assert primary.base_url == expected[provider]


def test_real_model_without_key_is_a_settings_error(make_settings):
    with pytest.raises(SettingsError) as caught:
        make_settings(ENABLE_REAL_MODEL=True)
    assert "ENABLE_REAL_MODEL=true needs MODEL_API_KEY" in str(caught.value)


def test_bad_base_url_names_the_variable(make_settings):
    with pytest.raises(SettingsError) as caught:
        make_settings(MODEL_BASE_URL="api.example.com/v1")
    assert "MODEL_BASE_URL='api.example.com/v1'" in str(caught.value)


def test_gunicorn_refuses_to_start_with_real_model_and_no_key(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("MODEL_", "ENABLE_", "PROMETHEUS_"))
    }
    env.update(
        ENABLE_REAL_MODEL="true",
        GUNICORN_BIND="127.0.0.1:0",
        AUDIT_LOG_PATH=str(tmp_path / "audit"),
        DATA_DIR=str(tmp_path / "var"),
    )
    gunicorn = Path(sys.executable).parent / "gunicorn"
    result = subprocess.run(
        [str(gunicorn), "-c", "gunicorn.conf.py", "safenow.wsgi:app"],
        cwd=ROOT / "service",
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "ENABLE_REAL_MODEL=true needs MODEL_API_KEY" in result.stderr
