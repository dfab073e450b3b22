"""AUDIT_FSYNC: one fsync per record (always) or one per interval (group)."""

from __future__ import annotations

import os
import time

import pytest
from audit_helpers import CHECKPOINT_KEY, fill

from safenow.audit.base import AuditError
from safenow.audit.file_sink import FileAuditSink
from safenow.audit.verify import verify_writer


@pytest.fixture
def fsync_calls(monkeypatch):
    calls = []
    real = os.fsync

    def counting(fd):
        calls.append(fd)
        return real(fd)

    monkeypatch.setattr(os, "fsync", counting)
    return calls


def test_always_fsyncs_every_record(tmp_path, fsync_calls):
    sink = FileAuditSink(tmp_path, fsync="always")
    fill(sink, "pod-a-1", 50, time.time())
    assert len(fsync_calls) >= 50
    sink.close()


def test_group_commit_batches_fsyncs_and_loses_nothing(tmp_path, fsync_calls):
    sink = FileAuditSink(tmp_path, fsync="group", group_commit_ms=50)
    fill(sink, "pod-a-1", 200, time.time())
    # Written to the kernel at once: visible to a reader before any fsync.
    assert len(list(sink.records("pod-a-1"))) == 200
    time.sleep(0.2)
    assert 1 <= len(fsync_calls) < 20
    sink.close()
    assert verify_writer(sink, "pod-a-1", CHECKPOINT_KEY).records == 200


def test_a_failed_background_fsync_fails_the_next_append(tmp_path, monkeypatch):
    sink = FileAuditSink(tmp_path, fsync="group", group_commit_ms=5)
    fill(sink, "pod-a-1", 1, time.time())

    def broken(_fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken)
    time.sleep(0.1)
    with pytest.raises(AuditError, match="background fsync failed"):
        fill(sink, "pod-a-1", 1, time.time())
    monkeypatch.undo()
    sink.close()


def test_sqlite_group_mode_keeps_the_chain(tmp_path):
    from safenow.audit.sqlite_sink import SqliteAuditSink

    sink = SqliteAuditSink(tmp_path, fsync="group", group_commit_ms=5)
    fill(sink, "pod-a-1", 100, time.time())
    sink.close()
    assert verify_writer(sink, "pod-a-1", CHECKPOINT_KEY).records == 100
