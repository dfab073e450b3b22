"""The ConfigMap is derived from SafeNow.env.example and accepted by the service itself."""

from __future__ import annotations

import pytest
from infra_testdata import STACKS

from safenow_infra.envfile import SECRET_VARIABLES, documented_variables, parse_env_example

# Stand-ins for what the cluster's Secrets hold; shapes the service's settings accept.
PLACEHOLDER_SECRETS = {
    "API_KEYS": "ci:standard:" + "0" * 64,
    "REDIS_URL": "redis://redis.example:6379/0",
    "AUDIT_DATABASE_URL": "postgresql://safenow@db.example:5432/audit",
    "AUDIT_CHECKPOINT_KEY": "placeholder-checkpoint-key-" + "x" * 32,
    "MODEL_API_KEY": "placeholder-model-key",
}


def pod_environment(capture) -> tuple[dict[str, str], dict[str, dict]]:
    config = capture.one("ConfigMap", "safenow-env").props["data"]
    container = capture.one("Deployment", "safenow-stable").props["spec"]["template"]["spec"][
        "containers"
    ][0]
    assert container["envFrom"] == [{"configMapRef": {"name": "safenow-env"}}]
    secrets = {v["name"]: v["valueFrom"]["secretKeyRef"] for v in container.get("env", [])}
    return config, secrets


def test_parse_env_example_reads_assignments_only():
    text = '# A=1\n\nB=2\nC="quoted value"\n  D=x  \nlower=no\nE=a=b\n'
    assert parse_env_example(text) == {"B": "2", "C": "quoted value", "D": "x", "E": "a=b"}


@pytest.mark.parametrize("stack", STACKS)
def test_every_documented_variable_reaches_the_pod(captures, stack):
    config, secrets = pod_environment(captures[stack])
    for name in documented_variables():
        if name in SECRET_VARIABLES:
            # A secret the stack does not use (e.g. no model key in dev) is simply absent.
            assert name not in config or (stack == "dev" and name == "REDIS_URL")
        else:
            assert name in config, f"{name} documented but not in the ConfigMap"
    assert set(secrets) <= SECRET_VARIABLES


@pytest.mark.parametrize("stack", STACKS)
def test_pod_environment_is_accepted_by_the_service_settings(captures, stack, monkeypatch):
    settings_module = pytest.importorskip("safenow.settings")
    config, secrets = pod_environment(captures[stack])
    environment = {**config, **{name: PLACEHOLDER_SECRETS[name] for name in secrets}}
    for name in list(settings_module.Settings.model_fields):
        monkeypatch.delenv(name, raising=False)  # only the pod's environment counts
    settings = settings_module.Settings.from_env(**environment)
    assert stack == settings.SAFENOW_ENV
    assert settings.RATE_LIMIT_STORE == "redis"
    assert settings.LOG_REDACT_PII is True
    assert ("file" if stack == "dev" else "postgres") == settings.AUDIT_SINK
    assert settings.ENABLE_REAL_MODEL is (stack == "prod")


def test_derived_values_follow_the_stack(captures):
    dev, _ = pod_environment(captures["dev"])
    prod, prod_secrets = pod_environment(captures["prod"])
    assert dev["GUNICORN_BIND"] == prod["GUNICORN_BIND"] == "0.0.0.0:8080"
    assert dev["AUDIT_LOG_PATH"] == "/var/lib/safenow/audit"
    assert prod["MODEL_NAME"] == "gpt-4o-mini"
    assert prod["GUNICORN_WORKERS"] == "4"
    assert "REDIS_URL" in prod_secrets and "REDIS_URL" not in prod


def test_config_change_rolls_the_pods():
    from safenow_infra.capture import run_stack

    def config_hash(capture):
        template = capture.one("Deployment", "safenow-stable").props["spec"]["template"]
        return template["metadata"]["annotations"]["safenow.io/config-sha256"]

    before = config_hash(run_stack("staging"))
    after = config_hash(run_stack("staging", {"safenow:env.GUNICORN_WORKERS": 3}))
    assert before != after
