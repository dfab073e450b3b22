"""Networking: what is exposed and how routes are wired (control SN-C05)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from safenow_policies.k8s import get, items, mapping, number
from safenow_policies.model import SafeNowPolicy
from safenow_policies.resource import Resource

FAMILY = "networking"
MAX_WEIGHT = 1_000_000  # the Gateway API bound on a backendRef weight


def _service_type(resource: Resource, params: Mapping[str, Any]) -> Iterator[str]:
    allowed = list(params["allowedServiceTypes"])
    kind = get(resource.props, "spec", "type", default="ClusterIP")
    if kind not in allowed:
        yield f"{resource.display} has type {kind}; allowed: {', '.join(allowed)}"
    if items(resource.props, "spec", "externalIPs") and not params["allowExternalIPs"]:
        yield f"{resource.display} sets externalIPs"


def backend_weight(ref: Any) -> Any:
    """A backendRef's weight as the Gateway API reads it: 1 when omitted."""
    weight = get(ref, "weight")
    if weight is None:
        return 1
    as_number = number(weight)
    return as_number if as_number is not None else weight


def _route_well_formed(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    spec = mapping(resource.props, "spec")
    if not items(spec, "parentRefs"):
        yield f"{resource.display} has no parentRefs (it attaches to no Gateway)"
    rules = items(spec, "rules")
    if not rules:
        yield f"{resource.display} has no rules"
    for index, rule in enumerate(rules):
        refs = items(rule, "backendRefs")
        if not refs:
            yield f"{resource.display} rule {index} has no backendRefs"
            continue
        total = 0
        for ref in refs:
            name = get(ref, "name")
            kind = get(ref, "kind", default="Service")
            if not name:
                yield f"{resource.display} rule {index} has a backendRef without a name"
            if kind == "Service" and number(get(ref, "port")) is None:
                yield f"{resource.display} rule {index} backendRef '{name}' has no port"
            weight = backend_weight(ref)
            if (
                not isinstance(weight, int)
                or isinstance(weight, bool)
                or not 0 <= weight <= MAX_WEIGHT
            ):
                yield (
                    f"{resource.display} rule {index} backendRef '{name}' has weight {weight}; "
                    f"an integer 0..{MAX_WEIGHT} is required"
                )
            elif weight:
                total += weight
        if total <= 0:
            yield f"{resource.display} rule {index} weights sum to 0: the rule serves nothing"


def _tls_no_wildcard(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    if resource.kind == "HTTPRoute":
        hostnames = [str(h) for h in items(resource.props, "spec", "hostnames")]
        if not hostnames:
            yield f"{resource.display} sets no hostnames (it answers every host of its Gateway)"
        for host in hostnames:
            if host.startswith("*"):
                yield f"{resource.display} uses the wildcard hostname {host}"
        for ref in items(resource.props, "spec", "parentRefs"):
            if not get(ref, "sectionName"):
                yield (
                    f"{resource.display} attaches to every listener of Gateway "
                    f"'{get(ref, 'name')}' (no sectionName), plain HTTP ones included"
                )
    elif resource.kind == "Gateway":
        for listener in items(resource.props, "spec", "listeners"):
            name = get(listener, "name", default="?")
            protocol = get(listener, "protocol")
            if protocol not in ("HTTPS", "TLS"):
                yield f"{resource.display} listener '{name}' is {protocol}, not TLS"
            elif (
                not items(listener, "tls", "certificateRefs")
                and get(listener, "tls", "mode") != "Passthrough"
            ):
                yield f"{resource.display} listener '{name}' has no certificateRefs"
            if str(get(listener, "hostname", default="")).startswith("*"):
                yield f"{resource.display} listener '{name}' uses a wildcard hostname"
    elif resource.kind == "Ingress":
        tls_hosts = {
            str(h) for t in items(resource.props, "spec", "tls") for h in items(t, "hosts")
        }
        for rule in items(resource.props, "spec", "rules"):
            host = get(rule, "host")
            if not host or str(host).startswith("*"):
                yield f"{resource.display} has a rule for {host or 'every host'}"
            elif host not in tls_hosts:
                yield f"{resource.display} serves {host} without TLS"


POLICIES = [
    SafeNowPolicy(
        name="service-type-allowed",
        family=FAMILY,
        rows=(36,),
        control_ids=("SN-C05",),
        default_level="M",
        kinds=frozenset({"Service"}),
        parameters={
            "allowedServiceTypes": {
                "type": "array",
                "items": {"enum": ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"]},
                "minItems": 1,
                "uniqueItems": True,
                "default": ["ClusterIP"],
                "description": "Service types the stack may declare.",
            },
            "allowExternalIPs": {
                "type": "boolean",
                "default": False,
                "description": "Whether Services may set externalIPs.",
            },
        },
        description=(
            "Services are ClusterIP: SafeNow is reached only through the Gateway, whose "
            "HTTPRoute applies TLS and the canary split. NodePort and LoadBalancer Services and "
            "externalIPs open a second, unfiltered way in (and externalIPs allows traffic "
            "interception, CVE-2020-8554). A stack may allow other types by parameter."
        ),
        remediation=(
            "Use type ClusterIP and expose the service through the HTTPRoute; remove externalIPs."
        ),
        example_message="Service 'safenow-stable' has type LoadBalancer; allowed: ClusterIP",
        resource_check=_service_type,
    ),
    SafeNowPolicy(
        name="route-tls-no-wildcard",
        family=FAMILY,
        rows=(38,),
        control_ids=("SN-C05",),
        default_level="A",
        kinds=frozenset({"HTTPRoute", "Gateway", "Ingress"}),
        description=(
            "Routes name their hostnames (no wildcard, not empty) and attach to a named "
            "listener of the Gateway (sectionName), the HTTPS one; Gateways declared in the "
            "stack terminate TLS with a certificate, and Ingresses carry tls for every host. "
            "Advisory because the shared Gateway and its certificates belong to the platform "
            "team, outside this stack."
        ),
        remediation=(
            "Set spec.hostnames to the service's hosts and parentRefs[].sectionName to the "
            "Gateway's HTTPS listener (safenow:gateway.sectionName)."
        ),
        example_message="HTTPRoute 'safenow' uses the wildcard hostname *.safenow.example",
        resource_check=_tls_no_wildcard,
    ),
    SafeNowPolicy(
        name="httproute-well-formed",
        family=FAMILY,
        rows=(40,),
        control_ids=("SN-C05", "SN-C06"),
        default_level="M",
        kinds=frozenset({"HTTPRoute"}),
        description=(
            "An HTTPRoute attaches to a Gateway (parentRefs), every rule has backendRefs with a "
            "name and a port, every weight is an integer 0..1000000 (omitted means 1) and each "
            "rule's weights sum above 0. The API server accepts some of these mistakes and the "
            "route then silently serves 500s or nothing; the canary split is only as good as "
            "these weights."
        ),
        remediation=(
            "Give each backendRef name, port and an integer weight; keep at least one weight "
            "above 0 (stable takes 100 - canary)."
        ),
        example_message=(
            "HTTPRoute 'safenow' rule 0 backendRef 'safenow-canary' has weight 12.5; an integer "
            "0..1000000 is required"
        ),
        resource_check=_route_well_formed,
    ),
]
