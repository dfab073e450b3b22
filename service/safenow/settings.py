"""Typed settings, read from the environment once at start-up.

Every variable is documented in SafeNow.env.example. A bad value stops
start-up with a message that names the variable, the value it had and what is
allowed, instead of failing later on the first request that needs it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")
_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


class SettingsError(ValueError):
    """Raised when the environment holds an invalid configuration."""


@dataclass(frozen=True)
class ApiKeyEntry:
    """One configured API key: a public name, a tier and the SHA-256 of the key."""

    name: str
    tier: str
    sha256: str


@dataclass(frozen=True)
class TierLimit:
    requests_per_minute: int
    burst: int


def hash_api_key(key: str) -> str:
    """The form in which keys are configured: lowercase hex SHA-256."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class Settings(BaseSettings):
    """All runtime configuration of the service."""

    model_config = SettingsConfigDict(case_sensitive=True, extra="ignore", frozen=True)

    # --- environment and HTTP ---
    SAFENOW_ENV: Literal["dev", "test", "staging", "prod"] = "dev"
    MAX_REQUEST_BYTES: int = Field(65536, ge=256, le=16 * 1024 * 1024)
    MAX_PROMPT_CHARS: int = Field(32768, ge=1, le=1_000_000)
    MAX_OUTPUT_TOKENS: int = Field(1024, ge=1, le=32768)
    DATA_DIR: Path = Path("./var")

    # --- authentication ---
    # Comma-separated "name:tier:sha256hex" triples. Plaintext keys never
    # appear in configuration, only their SHA-256.
    API_KEYS: str = ""

    # --- rate limiting ---
    RATE_LIMIT_STORE: Literal["memory", "redis"] = "memory"
    # May carry a password (redis://:secret@host): kept out of repr and errors.
    REDIS_URL: str = Field("redis://127.0.0.1:6379/0", repr=False)
    RATE_LIMIT_PER_MINUTE: int = Field(60, ge=1, le=1_000_000)
    RATE_LIMIT_BURST: int = Field(10, ge=1, le=1_000_000)
    # Optional per-tier overrides: "tier=rpm/burst,tier2=rpm/burst".
    RATE_LIMIT_TIERS: str = ""
    # 0 disables the global (all keys together) limit.
    RATE_LIMIT_GLOBAL_PER_MINUTE: int = Field(0, ge=0, le=100_000_000)
    RATE_LIMIT_ON_STORE_FAILURE: Literal["fail-open", "fail-closed", "local"] = "local"
    # Processes sharing the limits (pods x workers); in `local` mode each
    # process enforces 1/N of every limit while Redis is unreachable.
    RATE_LIMIT_EXPECTED_PROCESSES: int = Field(4, ge=1, le=100_000)
    # While Redis is unreachable, each process tries it again this often.
    RATE_LIMIT_STORE_RETRY_MS: int = Field(1000, ge=10, le=600_000)
    # Connect and read timeout of every Redis call.
    REDIS_TIMEOUT_MS: int = Field(100, ge=1, le=60_000)

    # --- safety ---
    SAFETY_CLASSIFIER: Literal["off", "rules", "ml"] = "rules"
    SAFETY_BLOCK_THRESHOLD: float = Field(0.8, ge=0.0, le=1.0)
    SAFETY_FLAG_THRESHOLD: float = Field(0.5, ge=0.0, le=1.0)
    SAFETY_PII_POLICY: Literal["allow", "flag", "redact", "block"] = "flag"
    SAFETY_DISALLOWED_TOPICS: str = "weapons_of_mass_destruction,self_harm_instructions,malware"
    SAFETY_MAX_PROMPT_TOKENS: int = Field(8192, ge=1, le=1_000_000)

    # --- model adapter ---
    ENABLE_REAL_MODEL: bool = False
    MODEL_PROVIDER: Literal["openai", "anthropic"] = "openai"
    MODEL_NAME: str = "safenow-sim-1"
    # Empty: the provider's public endpoint (api.openai.com/v1, api.anthropic.com/v1).
    MODEL_BASE_URL: str = ""
    MODEL_API_KEY: str = Field("", repr=False)
    MODEL_CONNECT_TIMEOUT_S: float = Field(2.0, gt=0, le=60)
    MODEL_READ_TIMEOUT_S: float = Field(30.0, gt=0, le=600)
    MODEL_MAX_RETRIES: int = Field(2, ge=0, le=10)
    MODEL_FALLBACK: Literal["simulated", "refusal", "none"] = "simulated"
    # Circuit breaker: consecutive failures that open it, seconds before a trial call.
    MODEL_BREAKER_FAILURES: int = Field(5, ge=1, le=1000)
    MODEL_BREAKER_RESET_S: float = Field(30.0, gt=0, le=3600)
    SIMULATED_MODEL_SEED: int = 0
    SIMULATED_LATENCY_MS: int = Field(0, ge=0, le=60_000)

    # --- audit ---
    # sqlite keeps `make run` free of servers: <AUDIT_LOG_PATH>/audit.sqlite3.
    AUDIT_SINK: Literal["file", "sqlite", "postgres"] = "sqlite"
    AUDIT_LOG_PATH: Path = Path("./var/audit")
    AUDIT_DATABASE_URL: str = Field("", repr=False)
    AUDIT_ON_FAILURE: Literal["fail-closed", "degrade"] = "fail-closed"
    AUDIT_FSYNC: Literal["always", "group"] = "always"
    AUDIT_GROUP_COMMIT_MS: int = Field(10, ge=1, le=10_000)
    AUDIT_RETENTION_DAYS: int = Field(365, ge=1, le=36500)
    AUDIT_CHECKPOINT_KEY: str = Field("", repr=False)

    # --- logging and metrics ---
    LOG_FORMAT: Literal["json", "console"] = "json"
    LOG_LEVEL: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    LOG_REDACT_PII: bool = True

    @field_validator("API_KEYS")
    @classmethod
    def _check_api_keys(cls, value: str) -> str:
        parse_api_keys(value)
        return value

    @field_validator("REDIS_URL")
    @classmethod
    def _check_redis_url(cls, value: str) -> str:
        if not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("must start with redis://, rediss:// or unix://")
        return value

    @field_validator("AUDIT_CHECKPOINT_KEY")
    @classmethod
    def _check_checkpoint_key(cls, value: str) -> str:
        # Empty is allowed (only purge and verify of a purged chain need it);
        # a short key would make forged checkpoints guessable.
        if value and len(value) < 32:
            raise ValueError("must be at least 32 characters (a random secret from a Secret)")
        return value

    @field_validator("SAFETY_DISALLOWED_TOPICS")
    @classmethod
    def _check_topics(cls, value: str) -> str:
        from safenow.safety.validators.topics import parse_topics

        parse_topics([t.strip() for t in value.split(",") if t.strip()])
        return value

    @field_validator("MODEL_BASE_URL")
    @classmethod
    def _check_model_base_url(cls, value: str) -> str:
        if value and not re.match(r"^https?://[^\s/]+", value):
            raise ValueError("must be empty or an http(s) URL such as http://127.0.0.1:8000/v1")
        return value

    @field_validator("RATE_LIMIT_TIERS")
    @classmethod
    def _check_tiers(cls, value: str) -> str:
        parse_tiers(value)
        return value

    @model_validator(mode="after")
    def _check_cross_fields(self) -> Settings:
        if self.SAFETY_FLAG_THRESHOLD > self.SAFETY_BLOCK_THRESHOLD:
            raise ValueError(
                "SAFETY_FLAG_THRESHOLD must not exceed SAFETY_BLOCK_THRESHOLD "
                f"(got {self.SAFETY_FLAG_THRESHOLD} > {self.SAFETY_BLOCK_THRESHOLD})"
            )
        if self.ENABLE_REAL_MODEL and not self.MODEL_API_KEY:
            raise ValueError(
                "ENABLE_REAL_MODEL=true needs MODEL_API_KEY (read it from a Secret, "
                "never from a config file); set it or set ENABLE_REAL_MODEL=false"
            )
        if self.AUDIT_SINK == "postgres" and not self.AUDIT_DATABASE_URL:
            raise ValueError("AUDIT_SINK=postgres needs AUDIT_DATABASE_URL (postgresql://...)")
        return self

    # --- derived views -------------------------------------------------
    @property
    def api_keys(self) -> tuple[ApiKeyEntry, ...]:
        return parse_api_keys(self.API_KEYS)

    @property
    def tier_limits(self) -> dict[str, TierLimit]:
        return parse_tiers(self.RATE_LIMIT_TIERS)

    def limit_for_tier(self, tier: str) -> TierLimit:
        default = TierLimit(self.RATE_LIMIT_PER_MINUTE, self.RATE_LIMIT_BURST)
        return self.tier_limits.get(tier, default)

    @property
    def disallowed_topics(self) -> tuple[str, ...]:
        return tuple(t.strip() for t in self.SAFETY_DISALLOWED_TOPICS.split(",") if t.strip())

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Build settings from os.environ (plus overrides), with readable errors."""
        try:
            return cls(**overrides)
        except ValidationError as exc:
            raise SettingsError(describe_validation_error(exc, overrides)) from None


def parse_api_keys(raw: str) -> tuple[ApiKeyEntry, ...]:
    entries: list[ApiKeyEntry] = []
    seen: set[str] = set()
    for item in (part.strip() for part in raw.split(",")):
        if not item:
            continue
        pieces = item.split(":")
        if len(pieces) != 3:
            raise ValueError(
                "each entry must be name:tier:sha256hex (the SHA-256 of the key, "
                "never the key itself)"
            )
        name, tier, digest = pieces
        if not _NAME.match(name) or not _NAME.match(tier):
            raise ValueError(f"key name and tier must match {_NAME.pattern}")
        if not _SHA256_HEX.match(digest):
            raise ValueError(
                f"the hash of key {name!r} must be 64 lowercase hex characters (SHA-256)"
            )
        if name in seen:
            raise ValueError(f"key name {name!r} appears twice")
        seen.add(name)
        entries.append(ApiKeyEntry(name=name, tier=tier, sha256=digest))
    return tuple(entries)


def parse_tiers(raw: str) -> dict[str, TierLimit]:
    tiers: dict[str, TierLimit] = {}
    for item in (part.strip() for part in raw.split(",")):
        if not item:
            continue
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)=(\d+)/(\d+)", item)
        if not match or int(match.group(2)) < 1 or int(match.group(3)) < 1:
            raise ValueError("each entry must be tier=requests_per_minute/burst with both >= 1")
        tiers[match.group(1)] = TierLimit(int(match.group(2)), int(match.group(3)))
    return tiers


def describe_validation_error(exc: ValidationError, overrides: dict[str, object]) -> str:
    """Turn pydantic's error list into one line per variable."""
    import os

    lines = ["invalid SafeNow configuration:"]
    for err in exc.errors():
        loc = err.get("loc") or ()
        name = str(loc[0]) if loc else "(settings)"
        if loc:
            value = overrides.get(name, os.environ.get(name, err.get("input")))
            shown = "<hidden>" if name in _SECRET_NAMES else repr(value)
            lines.append(f"  {name}={shown}: {_allowed(err)}")
        else:
            lines.append(f"  {err.get('msg', 'invalid')}".replace("Value error, ", ""))
    return "\n".join(lines)


_SECRET_NAMES = {"MODEL_API_KEY", "AUDIT_DATABASE_URL", "AUDIT_CHECKPOINT_KEY", "REDIS_URL"}


def _allowed(err: dict) -> str:
    ctx = err.get("ctx") or {}
    kind = err.get("type", "")
    if kind == "literal_error":
        return f"allowed values are {ctx.get('expected')}"
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return "expected a whole number"
    if kind in {"float_parsing", "float_type"}:
        return "expected a number"
    if kind in {"bool_parsing", "bool_type"}:
        return "expected true or false"
    bounds = {"greater_than_equal": ">=", "less_than_equal": "<=", "greater_than": ">"}
    if kind in bounds:
        limit = next(iter(ctx.values()), "?")
        return f"must be {bounds[kind]} {limit}"
    return str(err.get("msg", "invalid")).replace("Value error, ", "")
