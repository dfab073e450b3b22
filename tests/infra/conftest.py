"""Fixtures of the infra tests: each stack's program run once under Pulumi mocks."""

from __future__ import annotations

from pathlib import Path

import pytest
from infra_testdata import STACKS

from safenow_infra.capture import StackCapture, run_stack
from safenow_infra.render import write_render


@pytest.fixture(scope="session")
def captures() -> dict[str, StackCapture]:
    return {stack: run_stack(stack) for stack in STACKS}


@pytest.fixture(scope="session")
def rendered(captures, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("render")
    dirs = {}
    for stack, capture in captures.items():
        dirs[stack] = out / stack
        write_render(capture.resources, dirs[stack])
    return dirs
