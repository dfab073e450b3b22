"""Drive the real pack the way the Pulumi engine does, without the engine.

The engine starts a Python pack as `python -u -m pulumi.policy <engine> .` in
the pack directory, with the stack's config in PULUMI_CONFIG, reads the port
the pack prints, then talks to its Analyzer gRPC service: GetAnalyzerInfo,
Configure (the --policy-pack-config file reconciled with the policies'
defaults and validated against their schemas), Remediate + Analyze for each
resource, AnalyzeStack at the end. This module does exactly that with the
protobuf stubs shipped in the `pulumi` package. Tests, `make policy-report`
and the benchmark use it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import grpc
import jsonschema
from google.protobuf import empty_pb2, json_format, struct_pb2
from pulumi.runtime.proto import analyzer_pb2, analyzer_pb2_grpc, plugin_pb2

PACK_DIR = Path(__file__).resolve().parent.parent
PROJECT = "safenow"
START_TIMEOUT_S = 60.0

LEVEL_NAMES = {
    analyzer_pb2.ADVISORY: "advisory",
    analyzer_pb2.MANDATORY: "mandatory",
    analyzer_pb2.REMEDIATE: "remediate",
    analyzer_pb2.DISABLED: "disabled",
}
LEVEL_VALUES = {name: value for value, name in LEVEL_NAMES.items()}


class PolicyConfigError(ValueError):
    """The policy config file does not fit the pack (what the engine refuses to run with)."""


class StackResource(Protocol):
    """What the harness needs of a resource (safenow_infra's CapturedResource fits)."""

    type: str
    name: str
    urn: str
    props: Mapping[str, Any]
    parent: str | None


@dataclass(frozen=True)
class Diagnostic:
    policy: str
    level: str
    message: str  # the policy's description, a newline, then the violation text
    urn: str

    @property
    def violation(self) -> str:
        """The violation text alone, without the policy description in front."""
        return self.message.partition("\n")[2] or self.message


@dataclass
class Evaluation:
    """Everything the pack said about one stack's resources."""

    stack: str
    levels: dict[str, str]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # policy -> number of resources (or 1 for the stack) it declared itself not applicable to
    not_applicable: dict[str, int] = field(default_factory=dict)
    # (policy, urn) of each remediation the pack applied
    remediations: list[tuple[str, str]] = field(default_factory=list)
    resources_analyzed: int = 0

    @property
    def mandatory(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.level == "mandatory"]

    def of(self, policy: str) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.policy == policy]


def engine_config_env(stack_config: Mapping[str, Any]) -> str:
    """PULUMI_CONFIG as the engine writes it: every value as text, objects as JSON."""
    return json.dumps(
        {k: v if isinstance(v, str) else json.dumps(v) for k, v in stack_config.items()}
    )


class PackProcess:
    """The policy pack running as its own process, started the way the engine starts it."""

    def __init__(
        self,
        stack: str,
        stack_config: Mapping[str, Any] | None = None,
        pack_dir: Path = PACK_DIR,
        python: str = sys.executable,
    ) -> None:
        self.stack = stack
        self.stack_config = dict(stack_config or {})
        self.pack_dir = pack_dir
        self.python = python
        self.process: subprocess.Popen[bytes] | None = None
        self.port: int | None = None
        self.channel: grpc.Channel | None = None
        self._stderr: list[bytes] = []

    def __enter__(self) -> PackProcess:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        env = {
            **os.environ,
            "PULUMI_PROJECT": PROJECT,
            "PULUMI_STACK": self.stack,
            "PULUMI_ORGANIZATION": "organization",
            "PULUMI_DRY_RUN": "true",
            "PULUMI_CONFIG": engine_config_env(self.stack_config),
        }
        # The engine's address comes first; the pack only dials it to log, which ours never do.
        command = [self.python, "-u", "-m", "pulumi.policy", "127.0.0.1:1", "."]
        self.process = subprocess.Popen(
            command,
            cwd=self.pack_dir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        threading.Thread(target=self._drain_stderr, daemon=True).start()
        self.port = self._read_port()
        self.channel = grpc.insecure_channel(f"127.0.0.1:{self.port}")
        grpc.channel_ready_future(self.channel).result(timeout=START_TIMEOUT_S)

    def _drain_stderr(self) -> None:
        assert self.process is not None and self.process.stderr is not None
        for line in self.process.stderr:
            self._stderr.append(line)

    def _read_port(self) -> int:
        assert self.process is not None and self.process.stdout is not None
        result: list[bytes] = []
        reader = threading.Thread(
            target=lambda: result.append(self.process.stdout.readline()),  # type: ignore[union-attr]
            daemon=True,
        )
        reader.start()
        reader.join(START_TIMEOUT_S)
        line = result[0].strip() if result else b""
        if not line.isdigit():
            self.stop()
            raise RuntimeError(
                f"the pack printed {line!r} instead of its port; stderr:\n{self.stderr}"
            )
        return int(line)

    @property
    def stderr(self) -> str:
        return b"".join(self._stderr).decode(errors="replace")

    def stop(self) -> None:
        if self.channel is not None:
            self.channel.close()
            self.channel = None
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def session(self) -> AnalyzerSession:
        if self.channel is None:
            raise RuntimeError("the pack is not running")
        return AnalyzerSession(analyzer_pb2_grpc.AnalyzerStub(self.channel), self.stack)


def reconcile(
    policies: Iterable[analyzer_pb2.PolicyInfo], file_config: Mapping[str, Any]
) -> dict[str, tuple[str, dict[str, Any]]]:
    """The engine's ReconcilePolicyPackConfig: defaults, then "all", then each policy's entry.

    Raises PolicyConfigError where the engine would refuse to run: an unknown
    enforcement level or properties that fail the policy's JSON schema.
    """
    infos = list(policies)
    result: dict[str, tuple[str, dict[str, Any]]] = {}
    for info in infos:
        schema = json_format.MessageToDict(info.configSchema.properties)
        defaults = {k: v["default"] for k, v in schema.items() if "default" in v}
        result[info.name] = (LEVEL_NAMES[info.enforcementLevel], defaults)
    entries = {k: _entry(k, v) for k, v in file_config.items()}
    if "all" in entries and entries["all"][0]:
        result = {k: (entries["all"][0], props) for k, (_, props) in result.items()}
    for name, (level, props) in entries.items():
        current_level, current_props = result.get(name, ("", {}))
        result[name] = (level or current_level, {**current_props, **props})
    errors = []
    for info in infos:
        schema = json_format.MessageToDict(info.configSchema.properties)
        if not schema:
            continue
        full = {"type": "object", "properties": schema}
        if info.configSchema.required:
            full["required"] = list(info.configSchema.required)
        validator = jsonschema.Draft7Validator(full)
        for error in validator.iter_errors(result[info.name][1]):
            where = ".".join(str(p) for p in error.absolute_path) or "(root)"
            errors.append(f"{info.name}: {where}: {error.message}")
    if errors:
        raise PolicyConfigError("policy pack configuration is invalid:\n  " + "\n  ".join(errors))
    return result


def _entry(name: str, value: Any) -> tuple[str, dict[str, Any]]:
    if isinstance(value, str):
        level, props = value, {}
    elif isinstance(value, Mapping):
        props = dict(value)
        level = str(props.pop("enforcementLevel", ""))
    else:
        raise PolicyConfigError(f"{name}: {value!r} must be a level or an object")
    if level and level not in LEVEL_VALUES:
        raise PolicyConfigError(
            f"{name}: enforcementLevel {level!r} is not one of {', '.join(LEVEL_VALUES)}"
        )
    return level, props


def _struct(props: Mapping[str, Any]) -> struct_pb2.Struct:
    message = struct_pb2.Struct()
    message.update(dict(props))
    return message


class AnalyzerSession:
    """One engine-side conversation with a running pack."""

    def __init__(self, stub: analyzer_pb2_grpc.AnalyzerStub, stack: str) -> None:
        self.stub = stub
        self.stack = stack
        self.levels: dict[str, str] = {}

    def info(self) -> analyzer_pb2.AnalyzerInfo:
        return self.stub.GetAnalyzerInfo(empty_pb2.Empty())

    def plugin_info(self) -> plugin_pb2.PluginInfo:
        return self.stub.GetPluginInfo(empty_pb2.Empty())

    def configure(self, file_config: Mapping[str, Any]) -> dict[str, str]:
        """Reconcile and send the config; returns each policy's resulting level."""
        reconciled = reconcile(self.info().policies, file_config)
        request = analyzer_pb2.ConfigureAnalyzerRequest()
        for name, (level, props) in reconciled.items():
            request.policyConfig[name].enforcementLevel = LEVEL_VALUES[level]
            request.policyConfig[name].properties.update(props)
        self.stub.Configure(request)
        self.stub.ConfigureStack(
            analyzer_pb2.AnalyzerStackConfigureRequest(
                stack=self.stack, project=PROJECT, organization="organization", dry_run=True
            )
        )
        self.levels = {name: level for name, (level, _) in reconciled.items()}
        return self.levels

    def analyze(
        self, resource: StackResource, props: Mapping[str, Any]
    ) -> analyzer_pb2.AnalyzeResponse:
        return self.stub.Analyze(
            analyzer_pb2.AnalyzeRequest(
                type=resource.type,
                properties=_struct(props),
                urn=resource.urn,
                name=resource.name,
                options=analyzer_pb2.AnalyzerResourceOptions(parent=resource.parent or ""),
            )
        )

    def remediate(
        self, resource: StackResource, props: Mapping[str, Any]
    ) -> analyzer_pb2.RemediateResponse:
        return self.stub.Remediate(
            analyzer_pb2.AnalyzeRequest(
                type=resource.type,
                properties=_struct(props),
                urn=resource.urn,
                name=resource.name,
                options=analyzer_pb2.AnalyzerResourceOptions(parent=resource.parent or ""),
            )
        )

    def analyze_stack(
        self, resources: Iterable[tuple[StackResource, Mapping[str, Any]]]
    ) -> analyzer_pb2.AnalyzeResponse:
        request = analyzer_pb2.AnalyzeStackRequest()
        for resource, props in resources:
            request.resources.append(
                analyzer_pb2.AnalyzerResource(
                    type=resource.type,
                    properties=_struct(props),
                    urn=resource.urn,
                    name=resource.name,
                    options=analyzer_pb2.AnalyzerResourceOptions(parent=resource.parent or ""),
                    parent=resource.parent or "",
                    dependencies=list(getattr(resource, "dependencies", ()) or ()),
                )
            )
        return self.stub.AnalyzeStack(request)

    def evaluate(self, resources: Iterable[StackResource]) -> Evaluation:
        """Remediate, Analyze every resource, then AnalyzeStack, as a preview does."""
        evaluation = Evaluation(self.stack, dict(self.levels))
        remediating = "remediate" in self.levels.values()
        final: list[tuple[StackResource, Mapping[str, Any]]] = []
        for resource in resources:
            props: Mapping[str, Any] = resource.props
            if remediating:
                for fix in self.remediate(resource, props).remediations:
                    if fix.HasField("properties") and fix.properties.fields:
                        props = json_format.MessageToDict(fix.properties)
                        evaluation.remediations.append((fix.policyName, resource.urn))
            self._collect(evaluation, self.analyze(resource, props), resource.urn)
            evaluation.resources_analyzed += 1
            final.append((resource, props))
        self._collect(evaluation, self.analyze_stack(final))
        return evaluation

    @staticmethod
    def _collect(
        evaluation: Evaluation, response: analyzer_pb2.AnalyzeResponse, urn: str = ""
    ) -> None:
        # A resource policy's diagnostic carries no URN: the engine pins it to the resource.
        for d in response.diagnostics:
            evaluation.diagnostics.append(
                Diagnostic(d.policyName, LEVEL_NAMES[d.enforcementLevel], d.message, d.urn or urn)
            )
        for item in response.not_applicable:
            evaluation.not_applicable[item.policy_name] = (
                evaluation.not_applicable.get(item.policy_name, 0) + 1
            )


def evaluate_stack(
    stack: str,
    resources: Iterable[StackResource],
    stack_config: Mapping[str, Any],
    policy_config: Mapping[str, Any],
) -> Evaluation:
    """Start the pack for `stack`, configure it, evaluate `resources`, stop it."""
    with PackProcess(stack, stack_config) as pack:
        session = pack.session()
        session.configure(policy_config)
        return session.evaluate(resources)
