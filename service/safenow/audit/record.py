"""Audit records and the hash chain that links them.

Each record carries the SHA-256 of the previous record of the same writer
(one writer per process), so editing, deleting or reordering a record breaks
the chain at a position `safenow-audit verify` can name (see verify.py).
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


def link_problem(record: dict[str, Any], expected_seq: int, expected_prev: str) -> str | None:
    """Why a record does not continue the chain at (expected_seq, expected_prev)."""
    if record.get("hash") != record_hash(record):
        return "record content does not match its hash (edited)"
    seq = record.get("seq")
    if seq != expected_seq:
        if isinstance(seq, int) and seq > expected_seq:
            missing = seq - expected_seq
            return (
                f"expected seq {expected_seq}, found {seq}: {missing} record(s) missing "
                "(deleted) or out of order"
            )
        return f"expected seq {expected_seq}, found {seq}: record out of order or duplicated"
    if record.get("prev_hash") != expected_prev:
        return "prev_hash does not match the hash of the previous record"
    return None
