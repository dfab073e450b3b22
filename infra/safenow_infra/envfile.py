"""The service's environment variables, read from SafeNow.env.example.

SafeNow.env.example documents every variable the service reads, with its
default. The ConfigMap is derived from it instead of from a second hand-kept
list, so a variable added to the service shows up in the cluster as soon as it
is documented.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
ENV_EXAMPLE = REPO_ROOT / "SafeNow.env.example"

_ASSIGNMENT = re.compile(r"^(?P<name>[A-Z][A-Z0-9_]*)=(?P<value>.*)$")

# Variables whose value is a credential or carries one (a URL with a password).
# They only ever reach a pod through secretKeyRef, never through the ConfigMap.
SECRET_VARIABLES = frozenset(
    {"API_KEYS", "MODEL_API_KEY", "REDIS_URL", "AUDIT_DATABASE_URL", "AUDIT_CHECKPOINT_KEY"}
)


def parse_env_example(text: str) -> dict[str, str]:
    """Ordered NAME -> default from `NAME=value` lines; comments and blanks skipped."""
    variables: dict[str, str] = {}
    for line in text.splitlines():
        match = _ASSIGNMENT.match(line.strip())
        if match:
            variables[match.group("name")] = _unquote(match.group("value").strip())
    return variables


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


@cache
def documented_variables(path: Path = ENV_EXAMPLE) -> dict[str, str]:
    """Every documented variable with its default (read once per process)."""
    return parse_env_example(path.read_text(encoding="utf-8"))
