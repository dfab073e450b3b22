"""Each invalid stack configuration stops the program with a message naming the key.

The program is run exactly as a preview would run it (capture.run_stack), so
these are the messages an engineer sees from `pulumi preview`.
"""

from __future__ import annotations

import pytest

from safenow_infra.capture import run_stack
from safenow_infra.config import ConfigError, load_stack_config

CANARY_IMAGE = "ghcr.io/safenow/safenow:0.2.0@sha256:" + "3" * 64


def error_of(stack: str, overrides: dict[str, object]) -> str:
    with pytest.raises(ConfigError) as caught:
        run_stack(stack, overrides)
    return str(caught.value)


def test_negative_weight():
    message = error_of("staging", {"safenow:canary.weight": -5})
    assert "safenow:canary.weight: got -5; must be >= 0" in message


def test_weight_above_the_stacks_cap():
    message = error_of("prod", {"safenow:canary.weight": 30})
    assert "safenow:canary.weight: 30 is above this stack's cap canary.maxWeight=25" in message
    assert "allowed 0..25" in message


def test_weight_above_100_is_refused_even_where_the_cap_is_100():
    message = error_of("dev", {"safenow:canary.weight": 101})
    assert "safenow:canary.weight: got 101; must be <= 100" in message


def test_canary_weight_without_image():
    message = error_of("staging", {"safenow:canary.weight": 5})
    assert "safenow:canary.image: required when canary.weight is 5" in message


def test_prod_stable_image_without_digest():
    message = error_of("prod", {"safenow:image.digest": None})
    assert "safenow:image.digest: prod deploys images pinned by digest" in message


def test_prod_canary_image_without_digest():
    message = error_of("prod", {"safenow:canary.image": "ghcr.io/safenow/safenow:0.2.0"})
    assert "safenow:canary.image: prod deploys images pinned by digest" in message


def test_unknown_top_level_key():
    message = error_of("dev", {"safenow:replicas": 3})
    assert "safenow:replicas: unknown key; allowed keys here:" in message
    assert "scaling" in message and "canary" in message


def test_unknown_nested_key_lists_the_keys_of_that_block():
    message = error_of("staging", {"safenow:canary.weigth": 5})
    assert "safenow:canary.weigth: unknown key; allowed keys here: image, weight, maxWeight" in (
        message
    )


def test_missing_key():
    message = error_of("dev", {"safenow:namespace": None})
    assert "safenow:namespace: missing" in message


def test_wrong_enumerated_value_names_the_allowed_values():
    message = error_of("dev", {"safenow:redis.mode": "sidecar"})
    assert "safenow:redis.mode: got 'sidecar'; allowed values are 'in-cluster' or 'external'" in (
        message
    )


def test_in_cluster_redis_is_refused_outside_dev():
    message = error_of("staging", {"safenow:redis.mode": "in-cluster"})
    assert "safenow:redis.mode: in-cluster Redis is for dev; allowed in staging: external" in (
        message
    )


def test_file_audit_sink_is_refused_outside_dev():
    message = error_of("prod", {"safenow:audit.sink": "file"})
    assert "safenow:audit.sink: prod needs a durable audit sink; allowed in prod: postgres" in (
        message
    )


def test_secret_variable_in_env_is_refused():
    message = error_of("dev", {"safenow:env.API_KEYS": "dev:standard:" + "a" * 64})
    assert "safenow:env.API_KEYS: API_KEYS is a secret" in message


def test_undocumented_env_variable_is_refused():
    message = error_of("dev", {"safenow:env.NOT_A_SETTING": "1"})
    assert "safenow:env.NOT_A_SETTING: unknown variable" in message
    assert "GUNICORN_WORKERS" in message


def test_derived_env_variable_is_refused():
    message = error_of("dev", {"safenow:env.SAFENOW_ENV": "prod"})
    assert "safenow:env.SAFENOW_ENV: SAFENOW_ENV is set from safenow:environment" in message


def test_latest_tag_is_refused():
    message = error_of("dev", {"safenow:image.tag": "latest"})
    assert "safenow:image.tag: got 'latest'" in message


def test_steps_must_be_ordered_and_end_at_100():
    message = error_of("staging", {"safenow:canary.steps": [25, 5, 100]})
    assert "safenow:canary.steps" in message and "strictly increasing" in message


def test_real_model_needs_its_key_from_a_secret():
    message = error_of("prod", {"safenow:model.apiKeySecret": None})
    assert "safenow:model: realModel: true needs apiKeySecret" in message


def test_prod_needs_three_replicas():
    message = error_of("prod", {"safenow:scaling.minReplicas": 2})
    assert "safenow:scaling.minReplicas: prod runs at least 3 replicas" in message


def test_several_problems_are_reported_together():
    message = error_of("dev", {"safenow:namespace": "Bad_NS", "safenow:labels.owner": None})
    assert "safenow:namespace: got 'Bad_NS'" in message
    assert "safenow:labels.owner: missing" in message


def test_valid_prod_canary_passes():
    capture = run_stack("prod", {"safenow:canary.image": CANARY_IMAGE, "safenow:canary.weight": 25})
    assert capture.outputs["canaryImage"] == CANARY_IMAGE


def test_load_stack_config_accepts_plain_values():
    cfg = load_stack_config(
        {
            "environment": "dev",
            "namespace": "sn",
            "labels": {"owner": "me", "dataClassification": "public"},
            "image": {"repository": "r/app", "tag": "1"},
            "scaling": {"minReplicas": 2, "maxReplicas": 3},
            "resources": {
                "requests": {"cpu": "1", "memory": "1Mi", "ephemeralStorage": "1Mi"},
                "limits": {"cpu": "1", "memory": "1Mi", "ephemeralStorage": "1Mi"},
            },
            "gateway": {"enabled": False},
            "redis": {"mode": "in-cluster"},
            "audit": {"sink": "file"},
            "apiKeys": {"secret": {"name": "k", "key": "v"}},
            "canary": {"maxWeight": 10, "steps": [10, 100]},
        }
    )
    assert cfg.canary.weight == 0 and not cfg.canary_enabled
    assert str(cfg.stable_image) == "r/app:1"


def test_pii_redaction_cannot_be_turned_off_outside_dev():
    message = error_of("staging", {"safenow:env.LOG_REDACT_PII": False})
    assert "safenow:env.LOG_REDACT_PII: staging redacts PII in logs; allowed: true" in message
    dev = run_stack("dev", {"safenow:env.LOG_REDACT_PII": False})
    assert dev.one("ConfigMap", "safenow-env").props["data"]["LOG_REDACT_PII"] == "false"
