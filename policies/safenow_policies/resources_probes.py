"""Resources and probes: each pod states what it needs and how to tell it is healthy.

Controls SN-C04 (capacity) and SN-C14 (probes).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from safenow_policies.k8s import SERVING_KINDS, WORKLOAD_KINDS, containers, mapping, plain
from safenow_policies.model import SafeNowPolicy
from safenow_policies.resource import Resource

FAMILY = "resources_probes"
_HANDLER_FIELDS = ("httpGet", "tcpSocket", "exec", "grpc")


def _missing(resource: Resource, section: str, names: tuple[str, ...]) -> Iterator[str]:
    for c in containers(resource.pod_spec):
        amounts = mapping(c.spec, "resources", section)
        for name in names:
            if amounts.get(name) in (None, "", 0):
                yield f"{resource.display}: {c.label} has no {name} {section[:-1]}"


def _requests(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    yield from _missing(resource, "requests", ("cpu", "memory"))


def _memory_limit(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    yield from _missing(resource, "limits", ("memory",))


def _cpu_and_storage(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    yield from _missing(resource, "limits", ("cpu", "ephemeral-storage"))
    yield from _missing(resource, "requests", ("ephemeral-storage",))


def _readiness(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    for c in containers(resource.pod_spec, init=False):
        if not mapping(c.spec, "readinessProbe"):
            yield f"{resource.display}: {c.label} has no readinessProbe"


def _handler(probe: Mapping[str, Any]) -> Any:
    return {k: plain(probe[k]) for k in _HANDLER_FIELDS if k in probe}


def _liveness(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    for c in containers(resource.pod_spec, init=False):
        liveness = mapping(c.spec, "livenessProbe")
        readiness = mapping(c.spec, "readinessProbe")
        if not liveness:
            yield f"{resource.display}: {c.label} has no livenessProbe"
        elif readiness and _handler(liveness) == _handler(readiness):
            yield (
                f"{resource.display}: {c.label} livenessProbe checks the same endpoint as its "
                "readinessProbe"
            )


POLICIES = [
    SafeNowPolicy(
        name="resource-requests-set",
        family=FAMILY,
        rows=(21,),
        control_ids=("SN-C04",),
        default_level="M",
        kinds=WORKLOAD_KINDS,
        description=(
            "Every container requests CPU and memory. The scheduler places pods by their "
            "requests and the HPA scales on utilisation of them; without requests a node is "
            "overcommitted and the gateway is the first to be starved or evicted."
        ),
        remediation="Set resources.requests.cpu and resources.requests.memory (safenow:resources).",
        example_message="Deployment 'safenow-stable': container 'safenow' has no cpu request",
        resource_check=_requests,
    ),
    SafeNowPolicy(
        name="memory-limit-set",
        family=FAMILY,
        rows=(22,),
        control_ids=("SN-C04",),
        default_level="M",
        kinds=WORKLOAD_KINDS,
        description=(
            "Every container has a memory limit, so a leak or an oversized prompt kills one "
            "container (OOMKilled, restarted) instead of pushing the node into memory pressure "
            "that evicts its neighbours."
        ),
        remediation="Set resources.limits.memory (safenow:resources.limits.memory).",
        example_message="Deployment 'safenow-stable': container 'safenow' has no memory limit",
        resource_check=_memory_limit,
    ),
    SafeNowPolicy(
        name="cpu-limit-and-ephemeral-storage",
        family=FAMILY,
        rows=(23,),
        control_ids=("SN-C04",),
        default_level="A",
        kinds=WORKLOAD_KINDS,
        description=(
            "Containers set a CPU limit and an ephemeral-storage request and limit. Advisory: "
            "CPU limits throttle rather than protect (some teams prefer none), but an unbounded "
            "ephemeral-storage user gets the whole node's pods evicted when the disk fills."
        ),
        remediation=(
            "Set resources.limits.cpu, resources.requests.ephemeral-storage and "
            "resources.limits.ephemeral-storage."
        ),
        example_message="Deployment 'safenow-stable': container 'safenow' has no cpu limit",
        resource_check=_cpu_and_storage,
    ),
    SafeNowPolicy(
        name="readiness-probe-set",
        family=FAMILY,
        rows=(24,),
        control_ids=("SN-C04", "SN-C14"),
        default_level="M",
        kinds=SERVING_KINDS,
        description=(
            "Every serving container has a readinessProbe (SafeNow: GET /readyz), so a pod gets "
            "traffic only once its dependencies answer and leaves rotation while they do not. "
            "Without it a rollout or a canary sends requests to pods that cannot serve them."
        ),
        remediation="Add readinessProbe.httpGet on /readyz with the container port.",
        example_message="Deployment 'safenow-stable': container 'safenow' has no readinessProbe",
        resource_check=_readiness,
    ),
    SafeNowPolicy(
        name="liveness-probe-distinct",
        family=FAMILY,
        rows=(25,),
        control_ids=("SN-C04", "SN-C14"),
        default_level="M",
        kinds=SERVING_KINDS,
        description=(
            "Every serving container has a livenessProbe whose check differs from the readiness "
            "one (SafeNow: /healthz vs /readyz). Liveness asks 'is the process stuck?'; if it "
            "asked 'are Redis and the audit sink up?' an outage of a dependency would restart "
            "every pod at once instead of taking them out of rotation."
        ),
        remediation=(
            "Add livenessProbe.httpGet on /healthz (process only) and keep dependency checks "
            "in the readinessProbe (/readyz)."
        ),
        example_message=(
            "Deployment 'safenow-stable': container 'safenow' livenessProbe checks the same "
            "endpoint as its readinessProbe"
        ),
        resource_check=_liveness,
    ),
]
