"""Every rendered manifest is valid for the Kubernetes API, strictly.

Core kinds are checked with kubernetes-validate in strict mode (unknown fields
fail) against the newest Kubernetes version it ships and the oldest minor
still inside the upstream support window (newest - 2). The HTTPRoute, a CRD
that kubernetes-validate does not know, is checked against the Gateway API v1
schema subset in fixtures/httproute-v1.schema.json.
"""

from __future__ import annotations

import copy
import json

import jsonschema
import kubernetes_validate
import pytest
import yaml
from infra_testdata import FIXTURES, STACKS

NEWEST = kubernetes_validate.latest_version()
_MAJOR, _MINOR = (int(part) for part in NEWEST.split(".")[:2])
VERSIONS = (NEWEST, f"{_MAJOR}.{_MINOR - 2}.0")
ROUTE_SCHEMA = json.loads((FIXTURES / "httproute-v1.schema.json").read_text(encoding="utf-8"))


def manifests(directory):
    for path in sorted(directory.glob("*.yaml")):
        yield path, yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("stack", STACKS)
def test_core_manifests_pass_strict_validation(rendered, stack, version):
    checked = 0
    for path, document in manifests(rendered[stack]):
        if document["apiVersion"].startswith("gateway.networking.k8s.io/"):
            continue
        try:
            kubernetes_validate.validate(document, version, strict=True)
        except kubernetes_validate.ValidationError as exc:
            pytest.fail(f"{path.name} invalid for Kubernetes {version}: {exc.message}")
        checked += 1
    assert checked >= 9


def test_strict_validation_catches_an_unknown_field(rendered):
    _, deployment = next(
        (p, d) for p, d in manifests(rendered["prod"]) if d["kind"] == "Deployment"
    )
    broken = copy.deepcopy(deployment)
    broken["spec"]["template"]["spec"]["containers"][0]["securityContxt"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, NEWEST, strict=True)


@pytest.mark.parametrize("stack", ["staging", "prod"])
def test_httproute_matches_the_gateway_api_v1_schema(rendered, stack):
    routes = [d for _, d in manifests(rendered[stack]) if d["kind"] == "HTTPRoute"]
    assert len(routes) == 1
    jsonschema.validate(routes[0], ROUTE_SCHEMA, cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize(
    ("mutate", "reason"),
    [
        (lambda r: r["spec"]["rules"][0]["backendRefs"][0].update(weight=1_000_001), "maximum"),
        (lambda r: r["spec"]["rules"][0]["backendRefs"][0].update(weight=-1), "minimum"),
        (lambda r: r["spec"]["rules"][0]["backendRefs"][0].update(weight=9.5), "integer"),
        (lambda r: r["spec"]["rules"][0]["backendRefs"][0].pop("port"), "port"),
        (lambda r: r["spec"]["parentRefs"][0].pop("name"), "name"),
        (lambda r: r["spec"].update(hostnames=["API.Example"]), "does not match"),
        (lambda r: r["spec"]["rules"][0]["matches"][0]["path"].update(value="x"), "does not match"),
        (lambda r: r.update(apiVersion="gateway.networking.k8s.io/v1beta1"), "v1"),
        (lambda r: r["spec"].update(backendRefs=[]), "Additional properties"),
    ],
)
def test_route_schema_rejects_what_the_crd_rejects(rendered, mutate, reason):
    route = next(d for _, d in manifests(rendered["prod"]) if d["kind"] == "HTTPRoute")
    broken = copy.deepcopy(route)
    mutate(broken)
    with pytest.raises(jsonschema.ValidationError, match=reason):
        jsonschema.validate(broken, ROUTE_SCHEMA, cls=jsonschema.Draft202012Validator)


def test_rendered_numbers_are_integers(rendered):
    route = next(d for _, d in manifests(rendered["prod"]) if d["kind"] == "HTTPRoute")
    weights = [b["weight"] for b in route["spec"]["rules"][0]["backendRefs"]]
    assert weights == [90, 10] and all(type(w) is int for w in weights)
