"""Run the real program for a stack under Pulumi's mocks and capture every resource.

`capture_stack("prod")` reads Pulumi.prod.yaml, applies optional overrides,
runs `build_program` exactly as `pulumi preview` would (same config loading,
same components) against a recording mock monitor, and returns one
CapturedResource per registered resource: its type token, name, URN, inputs
in the camelCase shape the engine hands to analyzers, parent URN and the
mocked outputs. Tests, `make render`, the policy tests and the e2e
comparison all start from this.

Overrides: {"safenow:canary": {...}} replaces a key, {"safenow:canary.weight": 5}
sets one field inside it, and a value of None removes the key or field.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pulumi
import yaml
from pulumi.runtime import mocks as pulumi_mocks
from pulumi.runtime import settings as pulumi_settings
from pulumi.runtime.stack import run_pulumi_func
from pulumi.runtime.sync_await import _sync_await

from safenow_infra.envfile import REPO_ROOT

STACK_TYPE = "pulumi:pulumi:Stack"


@dataclass(frozen=True)
class CapturedResource:
    type: str
    name: str
    urn: str
    props: dict[str, Any]
    parent: str | None
    outputs: dict[str, Any]
    id: str | None = None
    custom: bool = True
    dependencies: tuple[str, ...] = ()

    @property
    def kind(self) -> str | None:
        """The Kubernetes kind for kubernetes:* resources (Deployment, HTTPRoute, ...)."""
        return self.props.get("kind") if self.type.startswith("kubernetes:") else None

    @property
    def k8s_name(self) -> str | None:
        return (self.props.get("metadata") or {}).get("name")


@dataclass
class StackCapture:
    stack: str
    resources: list[CapturedResource]
    outputs: dict[str, Any] = field(default_factory=dict)

    def of_kind(self, kind: str) -> list[CapturedResource]:
        return [r for r in self.resources if r.kind == kind]

    def one(self, kind: str, name: str) -> CapturedResource:
        found = [r for r in self.of_kind(kind) if r.k8s_name == name]
        if len(found) != 1:
            raise LookupError(f"expected one {kind} named {name!r}, found {len(found)}")
        return found[0]


def project_name(root: Path = REPO_ROOT) -> str:
    return yaml.safe_load((root / "Pulumi.yaml").read_text(encoding="utf-8"))["name"]


def known_stacks(root: Path = REPO_ROOT) -> list[str]:
    """Stacks are the Pulumi.<stack>.yaml files beside Pulumi.yaml."""
    return sorted(p.name[len("Pulumi.") : -len(".yaml")] for p in root.glob("Pulumi.*.yaml"))


def stack_config(stack: str, root: Path = REPO_ROOT) -> dict[str, Any]:
    """The `config:` map of Pulumi.<stack>.yaml, values as Python objects."""
    path = root / f"Pulumi.{stack}.yaml"
    if not path.is_file():
        known = ", ".join(known_stacks(root))
        raise FileNotFoundError(f"unknown stack {stack!r}: no {path.name}; known stacks: {known}")
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return dict(document.get("config") or {})


def apply_overrides(config: dict[str, Any], overrides: Mapping[str, object]) -> dict[str, Any]:
    merged = json.loads(json.dumps(config))  # deep copy of plain data
    for key, value in overrides.items():
        namespace, _, rest = key.partition(":")
        top, *path = rest.split(".")
        full = f"{namespace}:{top}"
        if not path:
            if value is None:
                merged.pop(full, None)
            else:
                merged[full] = value
            continue
        node = merged.setdefault(full, {})
        for part in path[:-1]:
            node = node.setdefault(part, {})
        if value is None:
            node.pop(path[-1], None)
        else:
            node[path[-1]] = value
    return merged


def _engine_form(config: Mapping[str, Any]) -> dict[str, str]:
    # The engine passes every config value as text: objects and lists as JSON.
    return {
        key: value if isinstance(value, str) else json.dumps(value) for key, value in config.items()
    }


class _RecordingMocks(pulumi.runtime.Mocks):
    """Echo inputs back as outputs, plus what real providers would add."""

    def __init__(self) -> None:
        self.last = threading.local()

    def new_resource(self, args: pulumi.runtime.MockResourceArgs):
        state = dict(args.inputs)
        if args.typ == "docker:index/image:Image":
            # What a push reports: the pushed name pinned to its content digest.
            name = str(state.get("imageName", "image"))
            digest = hashlib.sha256(name.encode()).hexdigest()
            state["repoDigest"] = f"{name.split(':')[0]}@sha256:{digest}"
        self.last.args = args
        self.last.state = state
        resource_id = f"{args.name}-id" if args.custom else None
        return resource_id, state

    def call(self, args: pulumi.runtime.MockCallArgs):
        return {}, None


class _RecordingMonitor(pulumi_mocks.MockMonitor):
    def __init__(self, mocks: _RecordingMocks) -> None:
        super().__init__(mocks)
        self.recorder = mocks
        self.captured: list[CapturedResource] = []
        self.lock = threading.Lock()

    def RegisterResource(self, request):
        self.recorder.last.args = None
        response = super().RegisterResource(request)
        args = getattr(self.recorder.last, "args", None)
        resource = CapturedResource(
            type=request.type,
            name=request.name,
            urn=response.urn,
            props=dict(args.inputs) if args else {},
            parent=request.parent or None,
            outputs=dict(self.recorder.last.state) if args else {},
            id=response.id or None,
            custom=bool(request.custom),
            dependencies=tuple(request.dependencies),
        )
        with self.lock:
            self.captured.append(resource)
        return response


def run_stack(stack: str, overrides: Mapping[str, object] | None = None) -> StackCapture:
    """Run the program for `stack` under mocks; resources and resolved stack outputs."""
    # Imported late so that importing this module stays cheap for tools.
    from safenow_infra.config import load_stack_config
    from safenow_infra.program import build_program

    config = apply_overrides(stack_config(stack), overrides or {})
    pulumi.runtime.set_all_config(_engine_form(config), [])
    pulumi_settings.set_root_resource(None)  # a fresh Stack resource for every run
    mocks = _RecordingMocks()
    monitor = _RecordingMonitor(mocks)
    pulumi.runtime.set_mocks(
        mocks, project=project_name(), stack=stack, preview=True, monitor=monitor
    )
    outputs: dict[str, Any] = {}

    async def program() -> None:
        exported = build_program(load_stack_config())
        for key, value in exported.items():
            outputs[key] = await pulumi.Output.from_input(value).future()

    _sync_await(run_pulumi_func(program))
    return StackCapture(stack=stack, resources=list(monitor.captured), outputs=outputs)


def capture_stack(
    stack: str, overrides: Mapping[str, object] | None = None
) -> list[CapturedResource]:
    """Every resource of `stack` (Pulumi.<stack>.yaml plus overrides), as registered."""
    return run_stack(stack, overrides).resources
