"""Property tests: a valid instance of each type, inside random text, never survives."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pii_strategies import INSTANCES, filler, separators

from safenow.privacy import Redactor

REDACTOR = Redactor()


@pytest.mark.parametrize("kind", sorted(INSTANCES))
def test_generated_instances_never_survive_redaction(kind):
    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
    @given(
        instance=INSTANCES[kind],
        left=filler,
        right=filler,
        sep_left=separators,
        sep_right=separators,
    )
    def check(instance, left, right, sep_left, sep_right):
        text = f"{left}{sep_left}{instance}{sep_right}{right}"
        redacted = REDACTOR.redact(text)
        assert instance not in redacted
        # Not a single character of the instance is left outside a finding
        # (random digits next to it may make a neighbouring type win).
        start = text.index(instance, len(left))
        covered = set()
        for finding in REDACTOR.detect(text):
            covered.update(range(finding.start, finding.end))
        assert covered >= set(range(start, start + len(instance))), text

    check()


@pytest.mark.parametrize("kind", sorted(INSTANCES))
def test_each_type_is_reported_as_itself(kind):
    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
    @given(instance=INSTANCES[kind], sep_left=separators, sep_right=separators)
    def check(instance, sep_left, sep_right):
        text = f"see{sep_left}{instance}{sep_right}ok"
        start = text.index(instance)
        findings = [f for f in REDACTOR.detect(text) if f.start < start + len(instance)
                    and start < f.end]  # fmt: skip
        assert [f.kind for f in findings] == [kind], text

    check()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(sorted(INSTANCES)), st.data()), max_size=0), st.data())
def test_many_instances_in_one_text_all_go(_unused, data):
    parts = []
    originals = []
    for kind in data.draw(st.lists(st.sampled_from(sorted(INSTANCES)), min_size=2, max_size=6)):
        instance = data.draw(INSTANCES[kind])
        originals.append(instance)
        parts.append(data.draw(filler))
        parts.append(data.draw(separators) + instance + data.draw(separators))
    redacted = REDACTOR.redact("".join(parts))
    for original in originals:
        assert original not in redacted


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_redaction_is_idempotent_and_total(text):
    once = REDACTOR.redact(text)
    assert REDACTOR.redact(once) == once
