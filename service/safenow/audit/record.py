"""Audit records and the hash chain that links them.

Each record carries the SHA-256 of the previous record of the same writer
(one writer per process), so editing, deleting or reordering a record breaks
the chain at a position `safenow-audit verify` can name.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

GENESIS = "0" * 64


def canonical_json(data: dict[str, Any]) -> str:
    """The exact bytes that are hashed: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def record_hash(record: dict[str, Any]) -> str:
    body = {k: v for k, v in record.items() if k != "hash"}
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def sha256_text(text: str | None) -> str | None:
    if text is None:
        return None
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def seal(event: dict[str, Any], writer: str, seq: int, prev_hash: str) -> dict[str, Any]:
    """Attach chain fields to an event and compute its hash."""
    record = dict(event, writer=writer, seq=seq, prev_hash=prev_hash)
    record["hash"] = record_hash(record)
    return record


def verify_chain(records: list[dict[str, Any]]) -> tuple[bool, int | None, str]:
    """Check one writer's records in order; return (ok, bad_position, reason)."""
    prev = None
    for position, record in enumerate(records):
        if record.get("hash") != record_hash(record):
            return False, position, "record content does not match its hash"
        if prev is None:
            if record.get("seq") != 0 and record.get("prev_hash") == GENESIS:
                return False, position, "chain starts at a non-zero sequence"
        else:
            if record.get("prev_hash") != prev["hash"]:
                return False, position, "prev_hash does not match the previous record"
            if record.get("seq") != prev.get("seq", -1) + 1:
                return False, position, "sequence number gap"
        prev = record
    return True, None, "ok"
