"""The view of one resource that every check receives."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from safenow_policies.k8s import Kind, kind_of, metadata_name, namespace_of, pod_labels, pod_spec


@dataclass(frozen=True)
class Resource:
    """Type token, names and camelCase properties, plus the provider's properties."""

    type: str
    name: str
    urn: str
    props: Mapping[str, Any]
    provider_props: Mapping[str, Any] | None = None

    @cached_property
    def k8s(self) -> Kind | None:
        return kind_of(self.type, self.props)

    @property
    def kind(self) -> str:
        return self.k8s.kind if self.k8s else ""

    @property
    def display(self) -> str:
        """How messages name the resource: Kind 'metadata.name'."""
        return f"{self.kind or self.type} '{metadata_name(self.props, self.name)}'"

    @property
    def k8s_name(self) -> str:
        return metadata_name(self.props, self.name)

    @property
    def namespace(self) -> str:
        """The namespace the object lands in ("default" when nothing sets one)."""
        return namespace_of(self.props, self.provider_props) or "default"

    @cached_property
    def pod_spec(self) -> Mapping[str, Any] | None:
        return pod_spec(self.kind, self.props) if self.k8s else None

    @cached_property
    def pod_labels(self) -> Mapping[str, Any]:
        return pod_labels(self.kind, self.props) if self.k8s else {}
