"""The audit sink interface and the trail that feeds it."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from typing import Any, Protocol

from safenow.audit.record import GENESIS, seal


class AuditError(Exception):
    """The sink could not durably record an event."""


class AuditSink(Protocol):
    name: str

    def append(self, record: dict[str, Any]) -> None:
        """Durably store one sealed record (raise AuditError otherwise)."""
        ...

    def last_record(self, writer: str) -> dict[str, Any] | None: ...

    def writers(self) -> list[str]: ...

    def records(self, writer: str) -> Iterator[dict[str, Any]]: ...

    def check(self) -> tuple[bool, str]: ...

    def close(self) -> None: ...


def default_writer_id() -> str:
    """One chain per process: host (pod name in Kubernetes) and pid."""
    return f"{socket.gethostname()}-{os.getpid()}"


class AuditTrail:
    """Seals events into this process's chain and hands them to the sink."""

    def __init__(self, sink: AuditSink, writer: str | None = None) -> None:
        self.sink = sink
        self._writer = writer
        self._lock = threading.Lock()
        self._seq: int | None = None
        self._prev = GENESIS

    @property
    def writer(self) -> str:
        # Resolved lazily so that a forked gunicorn worker gets its own pid.
        if self._writer is None:
            self._writer = default_writer_id()
        return self._writer

    def record(self, event: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            if self._seq is None:
                last = self.sink.last_record(self.writer)
                self._seq = (last["seq"] + 1) if last else 0
                self._prev = last["hash"] if last else GENESIS
            sealed = seal(event, self.writer, self._seq, self._prev)
            self.sink.append(sealed)
            self._seq += 1
            self._prev = sealed["hash"]
            return sealed
