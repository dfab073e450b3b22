"""One SafeNow rule: its reviewable metadata and the pulumi_policy object built from it.

A rule is written once as plain data plus a check function. The registry turns
it into a ResourceValidationPolicy or StackValidationPolicy; the docs, the
per-stack config files and the report read the same object, so the text a
reviewer reads is the text the engine prints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from pulumi_policy import (
    EnforcementLevel,
    PolicyComplianceFramework,
    PolicyConfigSchema,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
)

from safenow_policies.k8s import plain
from safenow_policies.resource import Resource
from safenow_policies.stack import StackView, engine_stack_config

STACKS = ("dev", "staging", "prod")
CONTROL_IDS = tuple(f"SN-C{n:02d}" for n in range(1, 16))
FAMILIES = (
    "pod_security",
    "images",
    "resources_probes",
    "availability_scaling",
    "networking",
    "canary",
    "service_config",
    "stack_level",
)

LevelCode = Literal["M", "A", "M-prod"]
_LEVEL_NAMES = frozenset(level.value for level in EnforcementLevel)
_MANDATORY_IN: dict[str, frozenset[str]] = {
    "M": frozenset(STACKS),
    "A": frozenset(),
    "M-prod": frozenset({"prod"}),
}


def spec_level(code: LevelCode, stack: str) -> EnforcementLevel:
    """The level policy-checks.md gives a rule in `stack` (before any documented downgrade)."""
    if stack not in STACKS:
        raise ValueError(f"unknown stack {stack!r}; allowed: {', '.join(STACKS)}")
    return EnforcementLevel.MANDATORY if stack in _MANDATORY_IN[code] else EnforcementLevel.ADVISORY


class NotApplicable(Exception):
    """Raised by a check when the rule has nothing to look at; the engine records the reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Finding:
    """A stack check's result: a message and the resource it is about (None = the stack)."""

    message: str
    urn: str | None = None


ResourceCheck = Callable[[Resource, Mapping[str, Any]], Iterable[str]]
StackCheck = Callable[[StackView, Mapping[str, Any]], Iterable[Finding]]
Remediation = Callable[[Resource, Mapping[str, Any]], Mapping[str, Any] | None]


@dataclass(frozen=True, eq=False)
class SafeNowPolicy:
    """A rule as the team reviews it; `.policy` is what the Pulumi engine runs."""

    name: str
    family: str
    rows: tuple[int, ...]
    control_ids: tuple[str, ...]
    default_level: LevelCode
    description: str
    remediation: str
    example_message: str
    resource_check: ResourceCheck | None = None
    stack_check: StackCheck | None = None
    # Kubernetes kinds the resource check reads (None: every Kubernetes kind); other
    # resources are reported "not applicable".
    kinds: frozenset[str] | None = None
    # JSON-schema properties of the rule's parameters, each with a "default".
    parameters: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    fix: Remediation | None = None
    # Per-stack departures from the spec level ("advisory" in dev, "remediate" where safe).
    stack_levels: Mapping[str, str] = field(default_factory=dict)
    # Per-stack parameter values (merged over the schema defaults).
    stack_parameters: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # Why the stacks differ, for reviewers (required when they do).
    stack_note: str = ""

    def __post_init__(self) -> None:
        problems = []
        for stack, level in self.stack_levels.items():
            if stack not in STACKS or level not in _LEVEL_NAMES:
                problems.append(f"stack level {stack}={level} is not a stack/level")
            elif stack == "prod":
                problems.append("prod is strict: it takes the spec level, no override")
            elif level == "remediate" and self.fix is None:
                problems.append(f"{stack}: remediate needs a fix function")
            elif level == "advisory" and stack != "dev":
                problems.append(f"{stack}: only dev may downgrade a rule to advisory")
        for stack, values in self.stack_parameters.items():
            unknown = set(values) - set(self.parameters)
            if stack not in STACKS or unknown:
                problems.append(f"stack parameters {stack}: unknown stack or keys {unknown}")
        if self.family not in FAMILIES:
            problems.append(f"family {self.family!r} not in {FAMILIES}")
        if not self.control_ids or any(c not in CONTROL_IDS for c in self.control_ids):
            problems.append(f"control ids {self.control_ids} must be among {CONTROL_IDS}")
        if (self.resource_check is None) == (self.stack_check is None):
            problems.append("give exactly one of resource_check and stack_check")
        if self.fix is not None and self.stack_check is not None:
            problems.append("stack policies cannot remediate")
        if (self.stack_levels or self.stack_parameters) and not self.stack_note:
            problems.append("per-stack levels or parameters need a stack_note saying why")
        missing_defaults = [k for k, v in self.parameters.items() if "default" not in v]
        if missing_defaults:
            problems.append(f"parameters without a default: {missing_defaults}")
        if problems:
            raise ValueError(f"policy {self.name}: " + "; ".join(problems))

    # --- levels and parameters -------------------------------------------
    @property
    def scope(self) -> str:
        return "stack" if self.stack_check is not None else "resource"

    def level(self, stack: str) -> EnforcementLevel:
        """The enforcement level this rule runs at in `stack` (its config file says the same)."""
        override = self.stack_levels.get(stack)
        return EnforcementLevel(override) if override else spec_level(self.default_level, stack)

    @property
    def levels(self) -> dict[str, EnforcementLevel]:
        """The enforcement level in each stack: {"dev": ..., "staging": ..., "prod": ...}."""
        return {stack: self.level(stack) for stack in STACKS}

    def parameters_for(self, stack: str) -> dict[str, Any]:
        return self.parameter_values(self.stack_parameters.get(stack))

    @property
    def strict_level(self) -> EnforcementLevel:
        """The level the pack declares when no config file is given: prod's, the strict one."""
        return spec_level(self.default_level, "prod")

    def parameter_values(self, config: Mapping[str, Any] | None) -> dict[str, Any]:
        values = {k: v["default"] for k, v in self.parameters.items()}
        # The engine hands numbers over as floats: 3 arrives as 3.0.
        values.update({k: plain(v) for k, v in (config or {}).items() if k in self.parameters})
        return values

    # --- evaluation (also used directly by unit tests) ---------------------
    def check_resource(
        self, resource: Resource, config: Mapping[str, Any] | None = None
    ) -> list[str] | None:
        """Violation messages for one resource, or None when the rule does not apply."""
        return self._run_resource(resource, config)[0]

    def _run_resource(
        self, resource: Resource, config: Mapping[str, Any] | None
    ) -> tuple[list[str] | None, str]:
        if self.resource_check is None:
            raise TypeError(f"{self.name} is a stack policy")
        if resource.k8s is None:
            return None, "reads Kubernetes resources only"
        if self.kinds is not None and resource.kind not in self.kinds:
            return None, f"reads {', '.join(sorted(self.kinds))} only"
        try:
            return list(self.resource_check(resource, self.parameter_values(config))), ""
        except NotApplicable as exc:
            return None, exc.reason

    def check_stack(
        self, stack: StackView, config: Mapping[str, Any] | None = None
    ) -> list[Finding] | None:
        """Findings for the whole stack, or None when the rule does not apply."""
        return self._run_stack(stack, config)[0]

    def _run_stack(
        self, stack: StackView, config: Mapping[str, Any] | None
    ) -> tuple[list[Finding] | None, str]:
        if self.stack_check is None:
            raise TypeError(f"{self.name} is a resource policy")
        try:
            return list(self.stack_check(stack, self.parameter_values(config))), ""
        except NotApplicable as exc:
            return None, exc.reason

    # --- the pulumi_policy object ------------------------------------------
    @cached_property
    def policy(self) -> ResourceValidationPolicy | StackValidationPolicy:
        common: dict[str, Any] = {
            "name": self.name,
            "description": self.description,
            "enforcement_level": self.strict_level,
            "config_schema": PolicyConfigSchema(properties=dict(self.parameters))
            if self.parameters
            else None,
            "framework": PolicyComplianceFramework(
                name="SafeNow controls",
                reference="compliance/controls.csv",
                specification=", ".join(self.control_ids),
            ),
            "tags": [self.family, *self.control_ids],
            "remediation_steps": self.remediation,
        }
        if self.stack_check is not None:
            return StackValidationPolicy(validate=self._validate_stack, **common)
        return ResourceValidationPolicy(
            validate=self._validate_resource,
            remediate=self._remediate if self.fix is not None else None,
            **common,
        )

    def _validate_resource(self, args: ResourceValidationArgs, report: Callable) -> None:
        messages, reason = self._run_resource(_resource_from_args(args), args.get_config())
        if messages is None:
            args.not_applicable(reason)
        for message in messages or ():
            report(message)

    def _validate_stack(self, args: StackValidationArgs, report: Callable) -> None:
        stack = StackView.from_policy_resources(args.resources, engine_stack_config())
        findings, reason = self._run_stack(stack, args.get_config())
        if findings is None:
            args.not_applicable(reason)
        for finding in findings or ():
            report(finding.message, finding.urn)

    def _remediate(self, args: ResourceValidationArgs) -> Mapping[str, Any] | None:
        assert self.fix is not None
        resource = _resource_from_args(args)
        if resource.k8s is None or (self.kinds is not None and resource.kind not in self.kinds):
            return None
        return self.fix(resource, self.parameter_values(args.get_config()))


def _resource_from_args(args: ResourceValidationArgs) -> Resource:
    provider = args.provider.props if args.provider is not None else None
    return Resource(args.resource_type, args.name, args.urn, args.props, provider)
