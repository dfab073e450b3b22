"""The environment a container really gets: env entries over envFrom sources.

Kubernetes builds it from `envFrom` (ConfigMaps and Secrets, later sources
winning) and then `env` (which wins over all of envFrom). ConfigMaps declared in
the same stack are resolved to their data; Secrets never are (the pack never
sees secret values), only recorded as "from a Secret".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from safenow_policies.k8s import Container, get, items, mapping
from safenow_policies.resource import Resource
from safenow_policies.stack import StackView

Source = Literal["literal", "configMap", "secret", "other"]
_TRUE = {"true", "1", "yes", "on"}  # what the service's settings parse as true


@dataclass(frozen=True)
class EnvValue:
    source: Source
    value: str | None  # known text (literal or resolved from a stack ConfigMap)
    origin: str  # where it came from, for messages: "env", "ConfigMap 'x'", "Secret 'y'"

    @property
    def truthy(self) -> bool:
        return self.value is not None and self.value.strip().lower() in _TRUE


@dataclass(frozen=True)
class ContainerEnv:
    values: dict[str, EnvValue]
    # envFrom Secrets: they may define any variable, unknown to the pack.
    secret_sources: tuple[str, ...]


def effective_env(
    stack: StackView | None, workload: Resource, container: Container
) -> ContainerEnv:
    values: dict[str, EnvValue] = {}
    secret_sources: list[str] = []
    for source in items(container.spec, "envFrom"):
        prefix = str(get(source, "prefix", default=""))
        config_map = get(source, "configMapRef", "name")
        secret = get(source, "secretRef", "name")
        if config_map:
            for key, text in _config_map_data(stack, workload, str(config_map)).items():
                values[prefix + key] = EnvValue("configMap", text, f"ConfigMap '{config_map}'")
        elif secret:
            secret_sources.append(str(secret))
    for entry in items(container.spec, "env"):
        name = get(entry, "name")
        if not isinstance(name, str):
            continue
        if get(entry, "valueFrom") is None:
            values[name] = EnvValue("literal", str(get(entry, "value", default="")), "env")
            continue
        secret_name = get(entry, "valueFrom", "secretKeyRef", "name")
        map_name = get(entry, "valueFrom", "configMapKeyRef", "name")
        if secret_name:
            values[name] = EnvValue("secret", None, f"Secret '{secret_name}'")
        elif map_name:
            key = get(entry, "valueFrom", "configMapKeyRef", "key")
            text = _config_map_data(stack, workload, str(map_name)).get(str(key))
            values[name] = EnvValue("configMap", text, f"ConfigMap '{map_name}'")
        else:
            values[name] = EnvValue("other", None, "a field reference")
    return ContainerEnv(values, tuple(secret_sources))


def _config_map_data(stack: StackView | None, workload: Resource, name: str) -> dict[str, str]:
    if stack is None:
        return {}
    config_map = stack.find("ConfigMap", workload.namespace, name)
    if config_map is None:
        return {}
    return {str(k): str(v) for k, v in mapping(config_map.props, "data").items()}
