"""Seeded bad variants of dev, staging and prod through the pack process."""

from __future__ import annotations

from collections import Counter

import pytest
from policy_variants import VARIANTS, Variant

from safenow_policies.model import FAMILIES
from safenow_policies.registry import BY_NAME


def test_variants_cover_every_family_with_at_least_25():
    assert len(VARIANTS) >= 25
    assert len({v.id for v in VARIANTS}) == len(VARIANTS)
    families = Counter(v.family for v in VARIANTS)
    assert set(families) == set(FAMILIES)
    for variant in VARIANTS:
        assert BY_NAME[variant.policy].family == variant.family, variant.id
        assert BY_NAME[variant.policy].level(variant.stack).value == variant.level, variant.id


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: f"{v.stack}:{v.id}")
def test_variant_is_reported_at_the_expected_level(variant: Variant, evaluate, base_evaluations):
    evaluation = evaluate(variant.stack, variant.resources(), variant.config())
    before = {(d.policy, d.violation) for d in base_evaluations[variant.stack].diagnostics}
    new = [d for d in evaluation.of(variant.policy) if (d.policy, d.violation) not in before]
    assert new, f"{variant.policy} did not report {variant.id}"
    assert {d.level for d in new} == {variant.level}
