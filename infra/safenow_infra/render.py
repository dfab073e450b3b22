"""`make render`: write every Kubernetes resource of a stack as YAML, one file each.

The manifests come from the same program run under mocks (capture.run_stack),
so what is validated here is what `pulumi up` would send. Numbers arrive from
the Pulumi wire format as floats; whole numbers are written back as integers
because Kubernetes schemas declare them so (`replicas: 3`, not `3.0`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from safenow_infra.capture import CapturedResource, run_stack
from safenow_infra.config import ConfigError

_FIRST_KEYS = ("apiVersion", "kind", "metadata")


def manifest(resource: CapturedResource) -> dict[str, Any]:
    """The Kubernetes object a resource's inputs describe, in conventional key order."""
    props = integral(resource.props)
    ordered = {key: props[key] for key in _FIRST_KEYS if key in props}
    ordered.update({key: value for key, value in props.items() if key not in ordered})
    return ordered


def integral(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {key: integral(item) for key, item in value.items()}
    if isinstance(value, list):
        return [integral(item) for item in value]
    return value


def file_name(resource: CapturedResource) -> str:
    kind = str(resource.kind).lower()
    return f"{kind}-{resource.k8s_name}.yaml"


def kubernetes_resources(resources: Iterable[CapturedResource]) -> list[CapturedResource]:
    return [r for r in resources if r.custom and r.type.startswith("kubernetes:") and r.kind]


def write_render(resources: Iterable[CapturedResource], out_dir: Path) -> list[Path]:
    """Write one YAML file per Kubernetes resource; stale files from a past render go."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("*.yaml"):
        old.unlink()
    written: list[Path] = []
    for resource in sorted(kubernetes_resources(resources), key=file_name):
        path = out_dir / file_name(resource)
        if path.exists():
            raise ValueError(f"two resources render to {path.name}; names must be unique per kind")
        path.write_text(
            yaml.safe_dump(manifest(resource), sort_keys=False, default_flow_style=False),
            encoding="utf-8",
        )
        written.append(path)
    return written


def render_stack(stack: str, out_dir: Path) -> list[Path]:
    return write_render(run_stack(stack).resources, out_dir)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stack", required=True, help="dev, staging or prod")
    parser.add_argument("--out", type=Path, help="output folder (default build/render/<stack>)")
    args = parser.parse_args(argv)
    out_dir = args.out or Path("build/render") / args.stack
    try:
        written = render_stack(args.stack, out_dir)
    except (FileNotFoundError, ValueError, ConfigError) as exc:
        print(f"render: {exc}", file=sys.stderr)
        return 2
    print(f"render: {len(written)} manifests for stack {args.stack} in {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
