"""Per-stack policy configuration: what `--policy-pack-config` hands the engine.

policies/config/<stack>.json is generated from the rules themselves (their
spec level, documented per-stack departures and parameters), so the file a
stack deploys with and the text a reviewer reads cannot disagree. Regenerate
with `make policy-config`; a test fails when a file is stale.

    pulumi preview --stack prod --policy-pack policies \
        --policy-pack-config policies/config/prod.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from safenow_policies.model import STACKS
from safenow_policies.registry import ALL_POLICIES

CONFIG_DIR = Path(__file__).resolve().parent.parent / "config"


def config_path(stack: str) -> Path:
    if stack not in STACKS:
        raise ValueError(f"unknown stack {stack!r}; allowed: {', '.join(STACKS)}")
    return CONFIG_DIR / f"{stack}.json"


def pack_config(stack: str) -> dict[str, Any]:
    """{policy: {"enforcementLevel": ..., parameter: value, ...}} for every policy."""
    config: dict[str, Any] = {}
    for policy in ALL_POLICIES:
        entry: dict[str, Any] = {"enforcementLevel": policy.level(stack).value}
        entry.update(policy.parameters_for(stack))
        config[policy.name] = entry
    return config


def render(stack: str) -> str:
    return json.dumps(pack_config(stack), indent=2) + "\n"


def load(stack: str) -> dict[str, Any]:
    return json.loads(config_path(stack).read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a file is out of date")
    args = parser.parse_args(argv)
    stale = []
    for stack in STACKS:
        path, text = config_path(stack), render(stack)
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(str(path))
        else:
            CONFIG_DIR.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    if stale:
        print(f"out of date (run `make policy-config`): {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
