"""Group commit: one fsync every N milliseconds instead of one per record.

With AUDIT_FSYNC=group a record is written to the kernel at once (so it
survives the death of the process, SIGKILL included) and a background thread
makes the writes durable with one fsync per interval. The trade-off: a
power loss or kernel crash can lose at most the last interval of
acknowledged records, in exchange for far fewer fsyncs under load.
A failed background fsync is reported by the next append, so the failure
policy (fail-closed or degrade) still applies.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class GroupCommitter:
    def __init__(self, flush: Callable[[], None], interval_ms: int) -> None:
        self._flush = flush
        self._interval = interval_ms / 1000.0
        self._dirty = threading.Event()
        self._stop = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="audit-group-commit", daemon=True)
        self._thread.start()

    def mark_dirty(self) -> None:
        self._dirty.set()

    def take_error(self) -> BaseException | None:
        error, self._error = self._error, None
        return error

    def _run(self) -> None:
        while not self._stop.is_set():
            self._dirty.wait()
            # Collect every write of this interval into one fsync.
            self._stop.wait(self._interval)
            self._dirty.clear()
            try:
                self._flush()
            except BaseException as exc:  # reported by the next append
                self._error = exc

    def close(self) -> None:
        self._stop.set()
        self._dirty.set()
        self._thread.join(timeout=5)
        self._flush()
