"""API-key authentication.

Keys are configured as SHA-256 hashes. A presented key is hashed and compared
with every configured hash in constant time (no early exit), so neither the
comparison nor the loop leaks which key or which prefix matched.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from flask import Request

from safenow.settings import ApiKeyEntry


@dataclass(frozen=True)
class Principal:
    name: str
    tier: str


class KeyRing:
    def __init__(self, entries: tuple[ApiKeyEntry, ...]) -> None:
        self._entries = tuple((bytes.fromhex(e.sha256), Principal(e.name, e.tier)) for e in entries)

    def __len__(self) -> int:
        return len(self._entries)

    def authenticate(self, presented: str) -> Principal | None:
        digest = hashlib.sha256(presented.encode("utf-8")).digest()
        found = None
        for expected, principal in self._entries:
            if hmac.compare_digest(digest, expected):
                found = principal
        return found


def presented_key(request: Request) -> str | None:
    """The key from `Authorization: Bearer <key>` or `X-API-Key`."""
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    api_key = request.headers.get("X-API-Key", "").strip()
    return api_key or None
