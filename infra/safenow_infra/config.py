"""The one typed StackConfig, built from `pulumi.Config("safenow")`.

Every `safenow:*` key of Pulumi.<stack>.yaml is validated here, once, before
any resource is declared. A missing, unknown or wrong key stops the preview
with a ConfigError whose message names the key, the value and what is allowed.
Rules that span keys (weight under the stack's cap, prod pinned by digest,
durable audit sink outside dev, ...) live in StackConfig's validators.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Mapping
from typing import Annotated, Any, Literal

import pulumi
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic.alias_generators import to_camel

from safenow_infra.envfile import SECRET_VARIABLES, documented_variables
from safenow_infra.imageref import DIGEST, REPOSITORY, TAG, ImageRef, parse_image

NAMESPACE = "safenow"
ENVIRONMENTS = ("dev", "staging", "prod")

DnsLabel = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", max_length=63)
]
Quantity = Annotated[str, StringConstraints(pattern=r"^[0-9]+(\.[0-9]+)?(m|Ki|Mi|Gi|Ti|k|M|G)?$")]
Hostname = Annotated[
    str,
    StringConstraints(
        pattern=r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+$",
        max_length=253,
    ),
]
Cidr = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,3}(\.[0-9]{1,3}){3}/[0-9]{1,2}$")]
Port = Annotated[int, Field(ge=1, le=65535)]


class ConfigError(pulumi.RunError):
    """A stack configuration problem; RunError makes Pulumi print only the message."""


class _Block(BaseModel):
    """Config blocks: camelCase keys as in the stack files, unknown keys refused."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, alias_generator=to_camel, populate_by_name=True
    )


class SecretRef(_Block):
    """A key of a Kubernetes Secret that the platform team creates out of band."""

    name: DnsLabel
    key: Annotated[str, StringConstraints(pattern=r"^[-._a-zA-Z0-9]+$", max_length=253)]


class ImageConfig(_Block):
    repository: str
    tag: str | None = None
    digest: str | None = None

    @field_validator("repository")
    @classmethod
    def _repository(cls, value: str) -> str:
        if not REPOSITORY.match(value):
            raise ValueError(f"{value!r} is not a lowercase image repository (ghcr.io/org/app)")
        return value

    @field_validator("tag")
    @classmethod
    def _tag(cls, value: str | None) -> str | None:
        if value is not None and (not TAG.match(value) or value == "latest"):
            raise ValueError(f"{value!r} is not a pinned tag (letters, digits, ._-; not latest)")
        return value

    @field_validator("digest")
    @classmethod
    def _digest(cls, value: str | None) -> str | None:
        if value is not None and not DIGEST.match(value):
            raise ValueError(f"{value!r} is not a digest; expected sha256:<64 lowercase hex>")
        return value

    @model_validator(mode="after")
    def _tag_or_digest(self) -> ImageConfig:
        if not self.tag and not self.digest:
            raise ValueError("set tag or digest (an image without either is :latest)")
        return self

    @property
    def ref(self) -> ImageRef:
        return ImageRef(self.repository, self.tag, self.digest)


class BuildConfig(_Block):
    """Build and push service/ with pulumi-docker instead of deploying a given image."""

    enabled: bool = False
    context: str = "service"
    dockerfile: str = "service/Dockerfile"
    platform: Literal["linux/amd64", "linux/arm64"] = "linux/amd64"
    push: bool = True


class ScalingConfig(_Block):
    min_replicas: Annotated[int, Field(ge=1, le=100)]
    max_replicas: Annotated[int, Field(ge=1, le=500)]
    cpu_target_percent: Annotated[int, Field(ge=10, le=95)] = 70
    scale_down_stabilization_seconds: Annotated[int, Field(ge=0, le=3600)] = 300
    pdb_max_unavailable: Annotated[int, Field(ge=1, le=100)] = 1

    @model_validator(mode="after")
    def _bounds(self) -> ScalingConfig:
        if self.max_replicas <= self.min_replicas:
            raise ValueError(
                f"maxReplicas ({self.max_replicas}) must be greater than minReplicas "
                f"({self.min_replicas})"
            )
        return self


class ResourceAmounts(_Block):
    cpu: Quantity
    memory: Quantity
    ephemeral_storage: Quantity


class ResourcesConfig(_Block):
    requests: ResourceAmounts
    limits: ResourceAmounts
    # emptyDir for DATA_DIR; counts against the ephemeral-storage limit.
    data_volume: Quantity = "128Mi"


class GatewayConfig(_Block):
    """The Gateway the HTTPRoute attaches to; enabled: false means no Gateway exists."""

    enabled: bool
    name: DnsLabel | None = None
    namespace: DnsLabel | None = None
    section_name: DnsLabel | None = None
    hostnames: list[Hostname] = Field(default_factory=list)
    tls: bool = True

    @model_validator(mode="after")
    def _complete(self) -> GatewayConfig:
        if self.enabled:
            missing = [k for k in ("name", "namespace") if getattr(self, k) is None]
            if missing:
                raise ValueError(f"enabled: true needs {' and '.join(missing)}")
            if not self.hostnames:
                raise ValueError("enabled: true needs at least one hostname")
        return self


class RedisConfig(_Block):
    mode: Literal["in-cluster", "external"]
    image: str = "redis:7.4-alpine"
    url_secret: SecretRef | None = None
    egress_cidr: Cidr | None = None
    port: Port = 6379

    @field_validator("image")
    @classmethod
    def _image(cls, value: str) -> str:
        parse_image(value)
        return value

    @model_validator(mode="after")
    def _mode(self) -> RedisConfig:
        if self.mode == "external" and (self.url_secret is None or self.egress_cidr is None):
            raise ValueError("mode: external needs urlSecret {name, key} and egressCidr")
        return self


class AuditConfig(_Block):
    sink: Literal["file", "postgres"]
    database_url_secret: SecretRef | None = None
    checkpoint_key_secret: SecretRef | None = None
    egress_cidr: Cidr | None = None
    port: Port = 5432

    @model_validator(mode="after")
    def _sink(self) -> AuditConfig:
        if self.sink == "postgres" and (
            self.database_url_secret is None or self.egress_cidr is None
        ):
            raise ValueError("sink: postgres needs databaseUrlSecret {name, key} and egressCidr")
        return self


class ModelConfig(_Block):
    real_model: bool = False
    provider: Literal["openai", "anthropic"] = "openai"
    name: str = "safenow-sim-1"
    base_url: Annotated[str, StringConstraints(pattern=r"^https://[^\s]+$")] = (
        "https://api.openai.com/v1"
    )
    api_key_secret: SecretRef | None = None
    egress_cidr: Cidr = "0.0.0.0/0"
    port: Port = 443

    @model_validator(mode="after")
    def _key(self) -> ModelConfig:
        if self.real_model and self.api_key_secret is None:
            raise ValueError("realModel: true needs apiKeySecret {name, key}")
        return self


class ApiKeysConfig(_Block):
    secret: SecretRef


class LabelsConfig(_Block):
    owner: DnsLabel
    data_classification: Literal["public", "internal", "confidential", "restricted"]


class GatesConfig(_Block):
    """What must hold at every step before the weight goes up (read by docs and policies)."""

    min_success_rate: Annotated[float, Field(ge=0.9, le=1.0)] = 0.99
    max_p99_ms: Annotated[int, Field(ge=1, le=60_000)] = 500
    interval_minutes: Annotated[int, Field(ge=1, le=1440)] = 10


class CanaryConfig(_Block):
    image: str | None = None
    weight: Annotated[int, Field(ge=0, le=100)] = 0
    max_weight: Annotated[int, Field(ge=0, le=100)]
    steps: list[Annotated[int, Field(ge=1, le=100)]]
    gates: GatesConfig = GatesConfig()

    @field_validator("image")
    @classmethod
    def _image(cls, value: str | None) -> str | None:
        if value is not None:
            parse_image(value)
        return value

    @field_validator("steps")
    @classmethod
    def _steps(cls, value: list[int]) -> list[int]:
        if not value or any(b <= a for a, b in itertools.pairwise(value)):
            raise ValueError(f"{value} must be strictly increasing weights ending at 100")
        if value[-1] != 100:
            raise ValueError(f"{value} must end at 100 (the promote step)")
        return value

    @property
    def image_ref(self) -> ImageRef | None:
        return parse_image(self.image) if self.image else None


class MonitoringConfig(_Block):
    namespace: DnsLabel = "monitoring"


class StackConfig(_Block):
    """Everything one stack says about SafeNow, validated as a whole."""

    environment: Literal["dev", "staging", "prod"]
    namespace: DnsLabel
    app_name: DnsLabel = "safenow"
    labels: LabelsConfig
    image: ImageConfig
    build: BuildConfig = BuildConfig()
    scaling: ScalingConfig
    resources: ResourcesConfig
    gateway: GatewayConfig
    redis: RedisConfig
    audit: AuditConfig
    model: ModelConfig = ModelConfig()
    api_keys: ApiKeysConfig
    env: dict[str, str | int | float | bool] = Field(default_factory=dict)
    canary: CanaryConfig
    monitoring: MonitoringConfig = MonitoringConfig()
    priority_class_name: DnsLabel | None = None

    @field_validator("namespace")
    @classmethod
    def _not_default(cls, value: str) -> str:
        if value in {"default", "kube-system", "kube-public"}:
            raise ValueError(f"{value!r} is a system namespace; give SafeNow its own")
        return value

    @field_validator("env")
    @classmethod
    def _env(cls, value: dict[str, Any]) -> dict[str, Any]:
        documented = documented_variables()
        for name in value:
            if name in SECRET_VARIABLES:
                raise _KeyError(
                    f"env.{name}",
                    f"{name} is a secret; it comes from a Kubernetes Secret "
                    "(see the redis/audit/model/apiKeys blocks), never from stack config",
                )
            if name in DERIVED_VARIABLES:
                raise _KeyError(f"env.{name}", f"{name} is set from {DERIVED_VARIABLES[name]}")
            if name not in documented and name not in CLUSTER_DEFAULT_VARIABLES:
                raise _KeyError(
                    f"env.{name}",
                    f"unknown variable; allowed are the variables documented in "
                    f"SafeNow.env.example: {', '.join(_overridable(documented))}",
                )
        return value

    @model_validator(mode="after")
    def _cross_checks(self) -> StackConfig:
        canary = self.canary
        if canary.weight > 0 and canary.image is None:
            raise _KeyError(
                "canary.image",
                f"required when canary.weight is {canary.weight}; set an image or weight 0",
            )
        if canary.weight > canary.max_weight:
            raise _KeyError(
                "canary.weight",
                f"{canary.weight} is above this stack's cap canary.maxWeight="
                f"{canary.max_weight}; allowed 0..{canary.max_weight}",
            )
        too_high = [s for s in canary.steps[:-1] if s > canary.max_weight]
        if too_high:
            raise _KeyError(
                "canary.steps",
                f"steps {too_high} exceed canary.maxWeight={canary.max_weight}; only the last "
                "step (100, the promote) may",
            )
        if self.environment == "prod":
            self._check_prod()
        if self.environment != "dev":
            self._check_shared_environment()
        return self

    def _check_prod(self) -> None:
        if not self.build.enabled and self.image.digest is None:
            raise _KeyError(
                "image.digest",
                "prod deploys images pinned by digest; set image.digest: sha256:<64 hex>",
            )
        ref = self.canary.image_ref
        if ref is not None and not ref.pinned:
            raise _KeyError(
                "canary.image",
                f"prod deploys images pinned by digest; {self.canary.image!r} has none "
                "(use repository:tag@sha256:<64 hex>)",
            )
        if self.scaling.min_replicas < 3:
            raise _KeyError("scaling.minReplicas", "prod runs at least 3 replicas; allowed >= 3")

    def _check_shared_environment(self) -> None:
        env = self.environment
        if self.redis.mode != "external":
            raise _KeyError(
                "redis.mode", f"in-cluster Redis is for dev; allowed in {env}: external"
            )
        if self.audit.sink != "postgres":
            raise _KeyError(
                "audit.sink", f"{env} needs a durable audit sink; allowed in {env}: postgres"
            )
        if str(self.env.get("LOG_REDACT_PII", "true")).lower() != "true":
            raise _KeyError("env.LOG_REDACT_PII", f"{env} redacts PII in logs; allowed: true")
        if self.scaling.min_replicas < 2:
            raise _KeyError("scaling.minReplicas", f"{env} runs at least 2 replicas")

    # --- derived views used by the components --------------------------
    @property
    def stable_image(self) -> ImageRef:
        return self.image.ref

    @property
    def canary_enabled(self) -> bool:
        return self.canary.image is not None


# Service variables the program sets itself from other blocks; a stack may not
# override them through `env` (two places for one value drift apart).
DERIVED_VARIABLES: dict[str, str] = {
    "SAFENOW_ENV": "safenow:environment",
    "GUNICORN_BIND": "the container port (the program binds 0.0.0.0:8080)",
    "DATA_DIR": "the pod's data volume",
    "RATE_LIMIT_STORE": "safenow:redis",
    "AUDIT_SINK": "safenow:audit.sink",
    "AUDIT_LOG_PATH": "the pod's audit volume",
    "ENABLE_REAL_MODEL": "safenow:model.realModel",
    "MODEL_PROVIDER": "safenow:model.provider",
    "MODEL_NAME": "safenow:model.name",
    "MODEL_BASE_URL": "safenow:model.baseUrl",
}


# Set by the program with a cluster default, overridable (see service_env.CLUSTER_DEFAULTS).
CLUSTER_DEFAULT_VARIABLES = ("LOG_FORMAT", "LOG_REDACT_PII")


def _overridable(documented: Mapping[str, str]) -> list[str]:
    names = [n for n in documented if n not in SECRET_VARIABLES and n not in DERIVED_VARIABLES]
    return names + [n for n in CLUSTER_DEFAULT_VARIABLES if n not in names]


class _KeyError(ValueError):
    """A validation failure that knows which config path it is about."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path


# --- loading -------------------------------------------------------------


def stack_config_values() -> dict[str, Any]:
    """Every `safenow:*` key the engine gave this program, decoded.

    pulumi.Config has no "list all keys" call; unknown keys can only be found
    from the runtime's config map (filled by the engine or by set_all_config).
    """
    from pulumi.runtime import config as runtime_config

    merged = {**runtime_config.get_config_env(), **runtime_config.CONFIG.get()}
    values: dict[str, Any] = {}
    for full_key, raw in merged.items():
        namespace, _, key = full_key.partition(":")
        if namespace != NAMESPACE:
            continue
        values[key] = _decode(raw)
    return values


def _decode(raw: Any) -> Any:
    # The engine hands structured values over as JSON text, scalars as text.
    if isinstance(raw, str):
        try:
            return json.loads(raw)
        except ValueError:
            return raw
    return raw


def load_stack_config(values: Mapping[str, Any] | None = None) -> StackConfig:
    """Validate the stack's `safenow:*` keys into a StackConfig or raise ConfigError."""
    raw = dict(stack_config_values() if values is None else values)
    try:
        return StackConfig.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(describe(exc, raw, _stack_file())) from None


def _stack_file() -> str:
    try:
        return f"Pulumi.{pulumi.get_stack()}.yaml"
    except Exception:  # no stack outside a Pulumi run (plain unit tests)
        return "Pulumi.<stack>.yaml"


def describe(
    exc: ValidationError, raw: Mapping[str, Any], source: str = "Pulumi.<stack>.yaml"
) -> str:
    lines = [f"invalid stack configuration ({source}):"]
    for err in exc.errors():
        loc = tuple(str(p) for p in err.get("loc", ()))
        original = (err.get("ctx") or {}).get("error")
        if isinstance(original, _KeyError):
            lines.append(f"  {NAMESPACE}:{original.path}: {original}")
            continue
        path = ".".join(loc) if loc else "(stack)"
        lines.append(f"  {NAMESPACE}:{path}: {_explain(err, loc, raw)}")
    return "\n".join(lines)


def _explain(err: Mapping[str, Any], loc: tuple[str, ...], raw: Mapping[str, Any]) -> str:
    kind = err.get("type", "")
    ctx = err.get("ctx") or {}
    shown = _value_at(raw, loc)
    if kind == "missing":
        return f"missing; allowed keys here: {', '.join(_keys_at(loc[:-1]))}"
    if kind == "extra_forbidden":
        return f"unknown key; allowed keys here: {', '.join(_keys_at(loc[:-1]))}"
    if kind == "literal_error":
        return f"got {shown!r}; allowed values are {ctx.get('expected')}"
    bounds = {
        "greater_than_equal": ">=",
        "less_than_equal": "<=",
        "greater_than": ">",
        "less_than": "<",
    }
    if kind in bounds:
        return f"got {shown!r}; must be {bounds[kind]} {next(iter(ctx.values()), '?')}"
    if kind == "string_pattern_mismatch":
        return f"got {shown!r}; must match {ctx.get('pattern')}"
    message = str(err.get("msg", "invalid")).removeprefix("Value error, ")
    # A rule over a whole block (e.g. "realModel needs apiKeySecret") names the
    # block; echoing the block's every field would bury the message.
    if shown is _MISSING or isinstance(shown, Mapping):
        return message
    return f"got {shown!r}; {message}"


_MISSING = object()


def _value_at(raw: Mapping[str, Any], loc: tuple[str, ...]) -> Any:
    node: Any = raw
    for part in loc:
        if isinstance(node, Mapping) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return _MISSING
    return node


def _keys_at(loc: tuple[str, ...]) -> list[str]:
    """The camelCase keys the block at `loc` accepts."""
    model: Any = StackConfig
    for part in loc:
        field = next((f for name, f in model.model_fields.items() if part in (name, f.alias)), None)
        if field is None:
            return []
        inner = _block_type(field.annotation)
        if inner is None:
            return []
        model = inner
    return [f.alias or name for name, f in model.model_fields.items()]


def _block_type(annotation: Any) -> type[_Block] | None:
    if isinstance(annotation, type) and issubclass(annotation, _Block):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _block_type(arg)
        if found is not None:
            return found
    return None
