"""Stack-based rollback with the real engine: `make promote`, `make canary`, `make rollback`.

On a copy of the prod stack (Gateway API split, images by digest), through the
same make targets an operator runs (`pulumi config` by the CLI, `pulumi up`
through the Automation API: SAFENOW_PULUMI_UP=inline):

1. up as committed, then `make promote`: image A (the committed canary) becomes
   stable, the canary goes, and A's config is recorded as the last good one;
2. `make canary IMAGE=B WEIGHT=10`: the HTTPRoute sends 10 % to B;
3. `make rollback`: weight 0 at once, in the config, the checkpoint, the
   rendered HTTPRoute and the stack outputs;
4. `pulumi stack history` lists every update with its message;
5. a bad change ships (stable set to B by hand) and `make rollback
   TO_LAST_GOOD=1` puts A's whole config back: stable runs A, no canary.

After every update the engine's manifests must equal the mock render of the
config the stack then holds, so each step is checked field for field.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from e2e_engine import (
    Workspace,
    differences,
    mock_manifests,
    rendered_manifests,
    state_resource,
    without_empty,
)

from safenow_infra.imageref import parse_image

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(1800)]

STACK = "prod"
IMAGE_B = "ghcr.io/safenow/safenow:0.3.0@sha256:" + "b" * 64
ROUTE_TYPE = "kubernetes:gateway.networking.k8s.io/v1:HTTPRoute"
DEPLOYMENT_TYPE = "kubernetes:apps/v1:Deployment"


def route_weights(route: dict[str, Any]) -> dict[str, int]:
    refs = route["spec"]["rules"][0]["backendRefs"]
    return {ref["name"]: int(ref["weight"]) for ref in refs}


def container_image(deployment: dict[str, Any]) -> str:
    return deployment["spec"]["template"]["spec"]["containers"][0]["image"]


def assert_render_matches_config(workspace: Workspace) -> dict[tuple[str, str], dict[str, Any]]:
    """The engine's render equals the mock render of the stack's current config."""
    engine = rendered_manifests(workspace.render_dir(STACK))
    mock = mock_manifests(STACK, workspace.config(STACK))
    assert sorted(engine) == sorted(mock)
    problems = [
        f"{kind}/{name} {line}"
        for (kind, name), expected in mock.items()
        for line in differences(without_empty(expected), without_empty(engine[(kind, name)]))
    ]
    assert problems == []
    return engine


def outputs(workspace: Workspace) -> dict[str, Any]:
    state = workspace.state(STACK)
    stack = next(r for r in state["deployment"]["resources"] if r["type"] == "pulumi:pulumi:Stack")
    return stack["outputs"]


def test_promote_canary_rollback_and_last_good(workspace: Workspace) -> None:
    committed = workspace.config(STACK)
    image_a = committed["safenow:canary"]["image"]
    ref_a = parse_image(image_a)

    # 1. The stack as committed, then promote its canary (A) to stable.
    workspace.runner(STACK).up(STACK, "e2e: up as committed")
    workspace.make("promote", STACK=STACK)
    rendered = assert_render_matches_config(workspace)
    assert container_image(rendered[("Deployment", "safenow-stable")]) == image_a
    assert ("Deployment", "safenow-canary") not in rendered
    last_good = json.loads((workspace.root / "last-good" / f"{STACK}.json").read_text())
    recorded_image = last_good["config"]["safenow:image"]["objectValue"]
    assert (recorded_image.get("tag"), recorded_image.get("digest")) == (ref_a.tag, ref_a.digest)

    # 2. Canary B at 10 %.
    workspace.make("canary", STACK=STACK, IMAGE=IMAGE_B, WEIGHT="10")
    rendered = assert_render_matches_config(workspace)
    assert route_weights(rendered[("HTTPRoute", "safenow")]) == {
        "safenow-stable": 90,
        "safenow-canary": 10,
    }
    assert container_image(rendered[("Deployment", "safenow-canary")]) == IMAGE_B
    assert container_image(rendered[("Deployment", "safenow-stable")]) == image_a

    # 3. Roll back: weight 0 everywhere the stack keeps it.
    workspace.make("rollback", STACK=STACK)
    assert workspace.config(STACK)["safenow:canary"]["weight"] == 0
    rendered = assert_render_matches_config(workspace)
    assert route_weights(rendered[("HTTPRoute", "safenow")]) == {
        "safenow-stable": 100,
        "safenow-canary": 0,
    }
    state = workspace.state(STACK)
    route_state = state_resource(state, ROUTE_TYPE, "safenow")
    assert route_weights(route_state["outputs"]) == {"safenow-stable": 100, "safenow-canary": 0}
    # With a Gateway the canary pods stay up for inspection, receiving nothing.
    canary_state = state_resource(state, DEPLOYMENT_TYPE, "safenow-canary")
    assert container_image(canary_state["outputs"]) == IMAGE_B
    split = outputs(workspace)["trafficSplit"]
    assert split["effectiveWeights"] == {"stable": 100, "canary": 0}
    assert split["requestedCanaryWeight"] == 0

    # 4. `pulumi stack history`: every update, newest first, all succeeded.
    history = workspace.history(STACK)
    assert [entry["message"] for entry in history] == [
        "rollback: canary weight 0",
        f"canary {IMAGE_B} at 10%",
        f"remove canary after promoting {image_a}",
        f"promote {image_a} to stable",
        "e2e: up as committed",
    ]
    assert {entry["result"] for entry in history} == {"succeeded"}
    assert [entry["kind"] for entry in history] == ["update"] * 5

    # 5. A bad stable change ships; the last good config brings A back.
    ref_b = parse_image(IMAGE_B)
    workspace.config_set(STACK, "safenow:image.tag", ref_b.tag)
    workspace.config_set(STACK, "safenow:image.digest", ref_b.digest)
    workspace.runner(STACK).up(STACK, "e2e: bad stable")
    rendered = assert_render_matches_config(workspace)
    assert container_image(rendered[("Deployment", "safenow-stable")]) == IMAGE_B

    workspace.make("rollback", STACK=STACK, TO_LAST_GOOD="1")
    config = workspace.config(STACK)
    assert config["safenow:image"] == last_good["config"]["safenow:image"]["objectValue"]
    assert config["safenow:canary"] == last_good["config"]["safenow:canary"]["objectValue"]
    assert "image" not in config["safenow:canary"]
    rendered = assert_render_matches_config(workspace)
    assert container_image(rendered[("Deployment", "safenow-stable")]) == image_a
    assert ("Deployment", "safenow-canary") not in rendered
    state = workspace.state(STACK)
    assert container_image(state_resource(state, DEPLOYMENT_TYPE, "safenow-stable")["outputs"]) == (
        image_a
    )
    assert outputs(workspace)["stableImage"] == image_a
    assert workspace.history(STACK)[0]["message"] == "rollback to the last good config"
