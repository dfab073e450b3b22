"""What the service container gets as environment: a ConfigMap plus Secret references.

Plain settings: every variable documented in SafeNow.env.example with its
default, then the values the program derives from other config blocks, then
the stack's `env` overrides. Secrets: only as secretKeyRef entries naming a
Kubernetes Secret the platform team creates; no credential value ever passes
through the program or the stack files.
"""

from __future__ import annotations

from dataclasses import dataclass

from safenow_infra.config import StackConfig
from safenow_infra.envfile import SECRET_VARIABLES, documented_variables
from safenow_infra.naming import CONTAINER_PORT, Naming

DATA_DIR = "/var/lib/safenow"
AUDIT_DIR = f"{DATA_DIR}/audit"
TMP_DIR = "/tmp"


# What a cluster run wants whatever the local default is: structured logs and
# PII redaction (a stack may override them through `env`, within its rules).
CLUSTER_DEFAULTS = {"LOG_FORMAT": "json", "LOG_REDACT_PII": "true"}


@dataclass(frozen=True)
class SecretEnv:
    variable: str
    secret_name: str
    secret_key: str


@dataclass(frozen=True)
class ServiceEnvironment:
    config: dict[str, str]
    secrets: tuple[SecretEnv, ...]


def service_environment(cfg: StackConfig, naming: Naming) -> ServiceEnvironment:
    data = {
        name: value
        for name, value in documented_variables().items()
        if name not in SECRET_VARIABLES
    }
    data.update(CLUSTER_DEFAULTS)
    data.update(_derived(cfg, naming))
    data.update({name: _text(value) for name, value in cfg.env.items()})
    return ServiceEnvironment(config=data, secrets=_secret_refs(cfg))


def _derived(cfg: StackConfig, naming: Naming) -> dict[str, str]:
    derived = {
        "SAFENOW_ENV": cfg.environment,
        "GUNICORN_BIND": f"0.0.0.0:{CONTAINER_PORT}",
        "DATA_DIR": DATA_DIR,
        # Several pods share the limits, so the store is always Redis in a cluster.
        "RATE_LIMIT_STORE": "redis",
        "AUDIT_SINK": cfg.audit.sink,
        "ENABLE_REAL_MODEL": _text(cfg.model.real_model),
        "MODEL_PROVIDER": cfg.model.provider,
        "MODEL_NAME": cfg.model.name,
        "MODEL_BASE_URL": cfg.model.base_url,
    }
    if cfg.audit.sink == "file":
        derived["AUDIT_LOG_PATH"] = AUDIT_DIR
    if cfg.redis.mode == "in-cluster":
        # An in-cluster dev Redis has no password: its URL is not a secret.
        derived["REDIS_URL"] = f"redis://{naming.redis}:{cfg.redis.port}/0"
    return derived


def _secret_refs(cfg: StackConfig) -> tuple[SecretEnv, ...]:
    refs = [SecretEnv("API_KEYS", cfg.api_keys.secret.name, cfg.api_keys.secret.key)]
    if cfg.redis.url_secret is not None:
        refs.append(SecretEnv("REDIS_URL", cfg.redis.url_secret.name, cfg.redis.url_secret.key))
    if cfg.audit.database_url_secret is not None:
        ref = cfg.audit.database_url_secret
        refs.append(SecretEnv("AUDIT_DATABASE_URL", ref.name, ref.key))
    if cfg.audit.checkpoint_key_secret is not None:
        ref = cfg.audit.checkpoint_key_secret
        refs.append(SecretEnv("AUDIT_CHECKPOINT_KEY", ref.name, ref.key))
    if cfg.model.api_key_secret is not None:
        ref = cfg.model.api_key_secret
        refs.append(SecretEnv("MODEL_API_KEY", ref.name, ref.key))
    return tuple(refs)


def _text(value: object) -> str:
    # ConfigMap data is text; booleans in the form the service's settings parse.
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
