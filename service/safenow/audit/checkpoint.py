"""Signed checkpoints: where a writer's chain resumes after a purge.

Purging old segments removes the start of a chain. The checkpoint records
the sequence number and hash the first kept record must link to, and is
signed with HMAC-SHA256 under AUDIT_CHECKPOINT_KEY. Without the key nobody
can forge a checkpoint to hide deleted records; the service itself never
needs the key (only `safenow-audit purge` and `verify` do).
"""

from __future__ import annotations

import hashlib
import hmac
import time
from typing import Any

from safenow.audit.record import canonical_json

MIN_KEY_CHARS = 32


class CheckpointKeyError(ValueError):
    """The checkpoint key is missing or too weak."""


def require_key(key: str | None) -> bytes:
    if not key:
        raise CheckpointKeyError(
            "AUDIT_CHECKPOINT_KEY is not set: purge signs a checkpoint with it and verify "
            "checks it (use a random value of at least 32 characters from a Secret)"
        )
    if len(key) < MIN_KEY_CHARS:
        raise CheckpointKeyError(
            f"AUDIT_CHECKPOINT_KEY is {len(key)} characters; at least {MIN_KEY_CHARS} are needed"
        )
    return key.encode("utf-8")


def _mac(body: dict[str, Any], key: bytes) -> str:
    return hmac.new(key, canonical_json(body).encode("utf-8"), hashlib.sha256).hexdigest()


def make_checkpoint(
    writer: str,
    next_seq: int,
    prev_hash: str,
    purged_through: str,
    previous: dict[str, Any] | None,
    key: str | None,
) -> dict[str, Any]:
    secret = require_key(key)
    body = {
        "writer": writer,
        "next_seq": next_seq,
        "prev_hash": prev_hash,
        "purged_through": purged_through,
        "previous_mac": (previous or {}).get("mac"),
        "created": round(time.time(), 3),
    }
    return {**body, "mac": _mac(body, secret)}


def checkpoint_problem(checkpoint: dict[str, Any], writer: str, key: str | None) -> str | None:
    """None when the checkpoint is authentic and belongs to this writer."""
    try:
        secret = require_key(key)
    except CheckpointKeyError as exc:
        return f"cannot authenticate the checkpoint: {exc}"
    body = {k: v for k, v in checkpoint.items() if k != "mac"}
    if not hmac.compare_digest(str(checkpoint.get("mac", "")), _mac(body, secret)):
        return "checkpoint signature is invalid (forged, edited or signed with another key)"
    if checkpoint.get("writer") != writer:
        return f"checkpoint belongs to writer {checkpoint.get('writer')!r}"
    return None
