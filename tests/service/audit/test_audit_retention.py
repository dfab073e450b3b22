"""Retention: purge whole old segments, then verify from the signed checkpoint."""

from __future__ import annotations

import time

import pytest
from audit_helpers import CHECKPOINT_KEY, DAY, fill

from safenow.audit.checkpoint import CheckpointKeyError
from safenow.audit.retention import purge_sink
from safenow.audit.verify import verify_writer

TODAY = (time.time() // DAY) * DAY  # midnight UTC


def _purger(make_sink):
    # Purge runs as the owner (in PostgreSQL the service role may not DELETE).
    return make_sink(role="admin") if make_sink.kind == "postgres" else make_sink()


def test_purge_then_verify(make_sink):
    sink = make_sink()
    fill(sink, "pod-a-1", 10, TODAY - 40 * DAY, step=DAY)  # days -40 .. -31
    fill(sink, "pod-a-1", 5, TODAY - 5 * DAY, step=DAY)  # days -5 .. -1
    fill(sink, "pod-b-2", 4, TODAY - 2 * DAY, step=DAY / 4)  # young only
    results = purge_sink(_purger(make_sink), 30, CHECKPOINT_KEY)
    assert [(r.writer, len(r.segments), r.records, r.next_seq) for r in results] == [
        ("pod-a-1", 10, 10, 10)
    ]
    report = verify_writer(sink, "pod-a-1", CHECKPOINT_KEY)
    assert report.ok, report.summary()
    assert report.from_checkpoint and report.records == 5 and report.first_seq == 10
    assert verify_writer(sink, "pod-b-2", CHECKPOINT_KEY).records == 4
    # The chain keeps growing after the purge.
    fill(make_sink(), "pod-a-1", 2, TODAY + 60)
    report = verify_writer(sink, "pod-a-1", CHECKPOINT_KEY)
    assert report.ok and report.last_seq == 16


def test_a_fully_purged_writer_resumes_from_its_checkpoint(make_sink):
    sink = make_sink()
    fill(sink, "pod-a-1", 3, TODAY - 100 * DAY, step=DAY)
    purge_sink(_purger(make_sink), 30, CHECKPOINT_KEY)
    assert list(sink.records("pod-a-1")) == []
    assert verify_writer(sink, "pod-a-1", CHECKPOINT_KEY).ok
    fill(make_sink(), "pod-a-1", 1, TODAY)
    report = verify_writer(sink, "pod-a-1", CHECKPOINT_KEY)
    assert report.ok and report.first_seq == 3


def test_purge_is_idempotent_and_dry_run_removes_nothing(make_sink):
    sink = make_sink()
    fill(sink, "pod-a-1", 4, TODAY - 50 * DAY, step=DAY)
    fill(sink, "pod-a-1", 1, TODAY)
    dry = purge_sink(_purger(make_sink), 30, CHECKPOINT_KEY, dry_run=True)
    assert dry[0].records == 0 and len(list(sink.records("pod-a-1"))) == 5
    purge_sink(_purger(make_sink), 30, CHECKPOINT_KEY)
    assert purge_sink(_purger(make_sink), 30, CHECKPOINT_KEY) == []
    assert verify_writer(sink, "pod-a-1", CHECKPOINT_KEY).records == 1


def test_a_forged_or_unsigned_checkpoint_fails_verify(make_sink):
    sink = make_sink()
    fill(sink, "pod-a-1", 4, TODAY - 50 * DAY, step=DAY)
    fill(sink, "pod-a-1", 2, TODAY)
    purge_sink(_purger(make_sink), 30, CHECKPOINT_KEY)
    wrong = verify_writer(sink, "pod-a-1", "another-key-of-sufficient-length-xyz")
    assert not wrong.ok and wrong.location == "checkpoint" and "invalid" in wrong.reason
    missing = verify_writer(sink, "pod-a-1", "")
    assert not missing.ok and "AUDIT_CHECKPOINT_KEY" in missing.reason


def test_deleting_old_records_without_a_checkpoint_is_caught(make_sink):
    # What a purge without the key would look like: records gone, no checkpoint.
    from audit_helpers import SqlTamper, file_delete

    sink = make_sink()
    fill(sink, "pod-a-1", 3, TODAY)
    if make_sink.kind == "file":
        file_delete(make_sink.path, "pod-a-1", 0)
        file_delete(make_sink.path, "pod-a-1", 0)
    else:
        tamper = SqlTamper(make_sink.kind, make_sink.path, make_sink.urls.get("admin"))
        tamper.delete("pod-a-1", 0)
        tamper.delete("pod-a-1", 0)
    report = verify_writer(sink, "pod-a-1", CHECKPOINT_KEY)
    assert not report.ok and "no checkpoint" in report.reason


def test_purge_refuses_a_broken_chain(make_sink):
    from audit_helpers import SqlTamper

    sink = make_sink()
    fill(sink, "pod-a-1", 4, TODAY - 50 * DAY, step=DAY)
    if make_sink.kind == "file":
        segment = sorted((make_sink.path / "pod-a-1").glob("*.jsonl"))[1]
        segment.write_text(segment.read_text().replace("accepted", "blocked_input"))
    else:
        SqlTamper(make_sink.kind, make_sink.path, make_sink.urls.get("admin")).edit("pod-a-1", 1)
    results = purge_sink(_purger(make_sink), 30, CHECKPOINT_KEY)
    assert results[0].refused and "does not verify" in results[0].refused
    assert len(list(sink.records("pod-a-1"))) == 4


def test_purge_needs_the_checkpoint_key(sink):
    with pytest.raises(CheckpointKeyError, match="AUDIT_CHECKPOINT_KEY"):
        purge_sink(sink, 30, "")
