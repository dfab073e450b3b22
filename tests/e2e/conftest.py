"""Fixtures of the end-to-end tests: the real Pulumi engine or a clear skip (or failure).

Without the engine binaries (tools/pulumi-engine/build.sh, `make engine`) every
test here is skipped with the reason, so a plain `make test` on a fresh
machine passes. Under `make e2e` (SAFENOW_E2E_REQUIRED=1) a missing engine is
an error instead: a CI run that meant to test the engine must not go green by
skipping it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from e2e_engine import REQUIRED_ENV, Workspace, engine_bin_dir


@pytest.fixture(scope="session")
def engine_bin() -> Path:
    bin_dir, reason = engine_bin_dir()
    if bin_dir is None:
        if os.environ.get(REQUIRED_ENV) == "1":
            pytest.fail(f"{REQUIRED_ENV}=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    return bin_dir


@pytest.fixture(autouse=True)
def _needs_engine(engine_bin: Path) -> None:
    """Every e2e test needs the engine: skip or fail them all in one place."""


@pytest.fixture(scope="module")
def workspace(engine_bin: Path, tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """One offline project copy + backend per test module (stacks are independent)."""
    return Workspace(tmp_path_factory.mktemp("e2e"), engine_bin)
