"""Small pure parts of the infra package: image references, split planning, rendering."""

from __future__ import annotations

import pytest
import yaml

from safenow_infra.components.traffic import plan_split
from safenow_infra.config import GatewayConfig, ScalingConfig
from safenow_infra.imageref import parse_image
from safenow_infra.render import integral, main

DIGEST = "sha256:" + "c" * 64
GATEWAY = GatewayConfig(enabled=True, name="gw", namespace="gw-ns", hostnames=["a.example"])
NO_GATEWAY = GatewayConfig(enabled=False)
SCALING = ScalingConfig(min_replicas=3, max_replicas=12)


@pytest.mark.parametrize(
    ("text", "repository", "tag", "digest"),
    [
        ("redis:7", "redis", "7", None),
        ("localhost:5000/app:1.0", "localhost:5000/app", "1.0", None),
        (f"ghcr.io/org/app@{DIGEST}", "ghcr.io/org/app", None, DIGEST),
        (f"ghcr.io/org/app:2@{DIGEST}", "ghcr.io/org/app", "2", DIGEST),
    ],
)
def test_image_references_parse(text, repository, tag, digest):
    ref = parse_image(text)
    assert (ref.repository, ref.tag, ref.digest) == (repository, tag, digest)
    assert str(ref) == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("redis", "needs a tag or a digest"),
        ("redis:latest", "uses the tag 'latest'"),
        ("Ghcr.io/App:1", "is not an image reference"),
        ("app:1@sha256:abc", "is not an image reference"),
    ],
)
def test_bad_image_references_are_explained(text, message):
    with pytest.raises(ValueError, match=message):
        parse_image(text)


def test_gateway_split_uses_exact_weights_and_full_canary_bounds():
    plan = plan_split(GATEWAY, SCALING, canary_image_set=True, weight=5)
    assert (plan.mode, plan.stable_weight, plan.canary_weight) == ("gateway", 95, 5)
    assert (plan.canary_min_replicas, plan.canary_max_replicas) == (3, 12)
    assert plan.effective_canary_percent == 5


def test_no_canary_image_means_everything_to_stable():
    for gateway in (GATEWAY, NO_GATEWAY):
        plan = plan_split(gateway, SCALING, canary_image_set=False, weight=0)
        assert not plan.canary_deployed and plan.effective_canary_percent == 0


@pytest.mark.parametrize(
    ("weight", "canary_min", "canary_max", "effective"),
    [(10, 2, 3, 40), (25, 2, 4, 40), (50, 3, 12, 50), (75, 9, 36, 75)],
)
def test_replica_ratio_sizes_the_canary_and_reports_the_real_share(
    weight, canary_min, canary_max, effective
):
    plan = plan_split(NO_GATEWAY, SCALING, canary_image_set=True, weight=weight)
    assert plan.mode == "replica-ratio"
    assert (plan.canary_min_replicas, plan.canary_max_replicas) == (canary_min, canary_max)
    assert plan.effective_canary_percent == effective
    assert f"about {effective} % canary for {weight} % requested" in plan.note


def test_integral_turns_whole_floats_into_ints_only():
    assert integral({"a": [1.0, 2.5, True, "3"], "b": {"c": 80.0}}) == {
        "a": [1, 2.5, True, "3"],
        "b": {"c": 80},
    }


def test_render_cli_writes_one_file_per_resource(tmp_path, capsys):
    stale = tmp_path / "old-thing.yaml"
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_text("kind: Gone\n")
    assert main(["--stack", "staging", "--out", str(tmp_path)]) == 0
    files = sorted(p.name for p in tmp_path.glob("*.yaml"))
    assert files == [
        "configmap-safenow-env.yaml",
        "deployment-safenow-stable.yaml",
        "horizontalpodautoscaler-safenow-stable.yaml",
        "httproute-safenow.yaml",
        "namespace-safenow-staging.yaml",
        "networkpolicy-safenow-api.yaml",
        "networkpolicy-safenow-default-deny.yaml",
        "poddisruptionbudget-safenow-stable.yaml",
        "service-safenow-stable.yaml",
        "serviceaccount-safenow.yaml",
    ]
    route = yaml.safe_load((tmp_path / "httproute-safenow.yaml").read_text())
    assert list(route)[:3] == ["apiVersion", "kind", "metadata"]
    assert "render: 10 manifests for stack staging" in capsys.readouterr().out


def test_render_cli_refuses_an_unknown_stack(tmp_path, capsys):
    assert main(["--stack", "qa", "--out", str(tmp_path)]) == 2
    assert "unknown stack 'qa'" in capsys.readouterr().err
