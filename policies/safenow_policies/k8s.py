"""Read Kubernetes resources the way the Pulumi engine hands them to a policy.

The engine sends camelCase properties wrapped in read-only proxies (Mapping and
Sequence, not dict and list) and every number as a float. These helpers hide
that: they accept any Mapping/Sequence, turn whole floats back into ints and
find the pod spec inside each workload kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

EMPTY: Mapping[str, Any] = MappingProxyType({})

# Kinds that carry a pod template, and where their pod spec lives.
_TEMPLATE_PATHS: dict[str, tuple[str, ...]] = {
    "Pod": (),
    "Deployment": ("spec", "template"),
    "StatefulSet": ("spec", "template"),
    "DaemonSet": ("spec", "template"),
    "ReplicaSet": ("spec", "template"),
    "ReplicationController": ("spec", "template"),
    "Job": ("spec", "template"),
    "CronJob": ("spec", "jobTemplate", "spec", "template"),
}
WORKLOAD_KINDS = frozenset(_TEMPLATE_PATHS)
# Workloads that serve traffic for as long as they run (probes, replicas, PDBs apply).
SERVING_KINDS = frozenset({"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Pod"})
SCALABLE_KINDS = frozenset({"Deployment", "StatefulSet", "ReplicaSet"})

# Kinds without a namespace: the default-namespace rule does not apply to them.
CLUSTER_SCOPED_KINDS = frozenset(
    {
        "Namespace",
        "Node",
        "PersistentVolume",
        "StorageClass",
        "PriorityClass",
        "ClusterRole",
        "ClusterRoleBinding",
        "CustomResourceDefinition",
        "MutatingWebhookConfiguration",
        "ValidatingWebhookConfiguration",
        "GatewayClass",
        "IngressClass",
        "RuntimeClass",
        "CSIDriver",
        "APIService",
    }
)

_TYPE_TOKEN = re.compile(r"^kubernetes:(?P<api>[^:]+):(?P<kind>[A-Za-z0-9]+)$")


def is_mapping(value: Any) -> bool:
    return isinstance(value, Mapping)


def is_list(value: Any) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, str | bytes)


def get(node: Any, *path: str | int, default: Any = None) -> Any:
    """Walk `path` through mappings and lists; `default` where anything is missing."""
    for part in path:
        if isinstance(part, int):
            if not is_list(node) or part >= len(node):
                return default
        elif not is_mapping(node) or part not in node:
            return default
        node = node[part]
    return node


def mapping(node: Any, *path: str) -> Mapping[str, Any]:
    value = get(node, *path)
    return value if is_mapping(value) else EMPTY


def items(node: Any, *path: str) -> list[Any]:
    value = get(node, *path)
    return list(value) if is_list(value) else []


def number(value: Any) -> int | float | None:
    """A JSON number as int when whole (the engine sends 3 as 3.0); None otherwise."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value) if float(value).is_integer() else value


def plain(value: Any) -> Any:
    """A deep copy as dicts, lists and ints, for comparing and printing."""
    if is_mapping(value):
        return {k: plain(value[k]) for k in value}
    if is_list(value):
        return [plain(v) for v in value]
    as_number = number(value)
    return as_number if as_number is not None else value


@dataclass(frozen=True)
class Kind:
    """What a Pulumi type token says about a Kubernetes resource."""

    api_version: str  # "apps/v1", "v1" for the core group
    kind: str

    @property
    def group(self) -> str:
        return self.api_version.rpartition("/")[0] if "/" in self.api_version else ""

    @property
    def version(self) -> str:
        return self.api_version.rpartition("/")[2]


def kind_of(resource_type: str, props: Any = None) -> Kind | None:
    """The Kubernetes apiVersion/kind of a Pulumi resource, None for non-Kubernetes types."""
    match = _TYPE_TOKEN.match(resource_type)
    if not match:
        return None
    api = match.group("api")
    if api.startswith("core/"):
        api = api.removeprefix("core/")
    kind = match.group("kind")
    # CustomResource and yaml-rendered objects carry their own apiVersion/kind.
    declared_api = get(props, "apiVersion")
    declared_kind = get(props, "kind")
    if isinstance(declared_api, str) and declared_api:
        api = declared_api
    if isinstance(declared_kind, str) and declared_kind:
        kind = declared_kind
    return Kind(api, kind)


def pod_template(kind: str, props: Any) -> Mapping[str, Any] | None:
    """The object holding `metadata` and `spec` of the pods a workload runs."""
    path = _TEMPLATE_PATHS.get(kind)
    if path is None:
        return None
    template = get(props, *path) if path else props
    return template if is_mapping(template) else None


def pod_spec(kind: str, props: Any) -> Mapping[str, Any] | None:
    template = pod_template(kind, props)
    if template is None:
        return None
    return mapping(template, "spec")


def pod_labels(kind: str, props: Any) -> Mapping[str, Any]:
    template = pod_template(kind, props)
    return mapping(template, "metadata", "labels") if template is not None else EMPTY


@dataclass(frozen=True)
class Container:
    section: str  # "containers", "initContainers" or "ephemeralContainers"
    spec: Mapping[str, Any]

    @property
    def name(self) -> str:
        return str(get(self.spec, "name", default="?"))

    @property
    def label(self) -> str:
        prefix = {"initContainers": "init container", "ephemeralContainers": "ephemeral container"}
        return f"{prefix.get(self.section, 'container')} '{self.name}'"


def containers(spec: Mapping[str, Any] | None, *, init: bool = True) -> Iterator[Container]:
    """Every container of a pod spec; init and ephemeral ones too unless init=False."""
    if spec is None:
        return
    sections = ("containers", "initContainers", "ephemeralContainers") if init else ("containers",)
    for section in sections:
        for entry in items(spec, section):
            if is_mapping(entry):
                yield Container(section, entry)


def effective_security(pod: Mapping[str, Any], container: Container, field: str) -> Any:
    """A securityContext field as the kubelet sees it: the container's wins over the pod's."""
    own = get(container.spec, "securityContext", field)
    return own if own is not None else get(pod, "securityContext", field)


def selector_matches(selector: Any, labels: Mapping[str, Any]) -> bool:
    """Does a LabelSelector (matchLabels + matchExpressions) select `labels`?

    An empty selector selects everything, as in Kubernetes.
    """
    for key, value in mapping(selector, "matchLabels").items():
        if labels.get(key) != value:
            return False
    for expression in items(selector, "matchExpressions"):
        key = get(expression, "key")
        operator = get(expression, "operator")
        values = set(items(expression, "values"))
        present = key in labels
        if operator == "In" and not (present and labels[key] in values):
            return False
        if operator == "NotIn" and present and labels[key] in values:
            return False
        if operator == "Exists" and not present:
            return False
        if operator == "DoesNotExist" and present:
            return False
    return True


def map_selector_matches(selector: Mapping[str, Any], labels: Mapping[str, Any]) -> bool:
    """A Service-style selector (a plain map): every pair must be among the labels."""
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


def metadata_name(props: Any, fallback: str = "?") -> str:
    name = get(props, "metadata", "name")
    return str(name) if isinstance(name, str) and name else fallback


def namespace_of(props: Any, provider_props: Any = None) -> str | None:
    """The namespace a resource lands in: its own, else its provider's default."""
    own = get(props, "metadata", "namespace")
    if isinstance(own, str) and own:
        return own
    from_provider = get(provider_props, "namespace")
    if isinstance(from_provider, str) and from_provider:
        return from_provider
    return None
