"""Append-only JSON Lines files, one per writer, fsynced per record."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from safenow.audit.base import AuditError
from safenow.audit.record import canonical_json


class FileAuditSink:
    name = "file"

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._handles: dict[str, Any] = {}

    def _path(self, writer: str) -> Path:
        return self.directory / f"{writer}.jsonl"

    def append(self, record: dict[str, Any]) -> None:
        line = (canonical_json(record) + "\n").encode("utf-8")
        writer = record["writer"]
        try:
            with self._lock:
                handle = self._handles.get(writer)
                if handle is None:
                    handle = open(self._path(writer), "ab")  # noqa: SIM115 - kept open
                    self._handles[writer] = handle
                handle.write(line)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            raise AuditError(f"cannot write audit file: {exc.strerror}") from exc

    def writers(self) -> list[str]:
        return sorted(p.stem for p in self.directory.glob("*.jsonl"))

    def records(self, writer: str) -> Iterator[dict[str, Any]]:
        path = self._path(writer)
        if not path.exists():
            return
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.endswith("\n"):
                    yield json.loads(line)

    def last_record(self, writer: str) -> dict[str, Any] | None:
        last = None
        for last in self.records(writer):  # noqa: B007 - we want the final one
            pass
        return last

    def check(self) -> tuple[bool, str]:
        if not self.directory.is_dir() or not os.access(self.directory, os.W_OK):
            return False, f"{self.directory} is not writable"
        return True, f"file sink at {self.directory}"

    def close(self) -> None:
        with self._lock:
            for handle in self._handles.values():
                handle.close()
            self._handles.clear()
