import pytest

from safenow.settings import Settings, SettingsError, hash_api_key, parse_tiers


def test_defaults_are_the_embedded_development_setup(monkeypatch):
    for name in ("RATE_LIMIT_STORE", "ENABLE_REAL_MODEL", "LOG_FORMAT", "SAFETY_CLASSIFIER"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings.from_env()
    assert settings.RATE_LIMIT_STORE == "memory"
    assert settings.ENABLE_REAL_MODEL is False
    assert settings.LOG_REDACT_PII is True


def test_bad_integer_names_variable_value_and_expectation(monkeypatch):
    monkeypatch.setenv("RATE_LIMIT_PER_MINUTE", "abc")
    with pytest.raises(SettingsError) as err:
        Settings.from_env()
    text = str(err.value)
    assert "RATE_LIMIT_PER_MINUTE='abc'" in text
    assert "whole number" in text


def test_unknown_choice_lists_allowed_values(monkeypatch):
    monkeypatch.setenv("LOG_FORMAT", "xml")
    with pytest.raises(SettingsError) as err:
        Settings.from_env()
    text = str(err.value)
    assert "LOG_FORMAT='xml'" in text
    assert "'json'" in text and "'console'" in text


def test_out_of_range_value_names_the_bound(monkeypatch):
    monkeypatch.setenv("MAX_REQUEST_BYTES", "10")
    with pytest.raises(SettingsError, match=r"MAX_REQUEST_BYTES='10': must be >= 256"):
        Settings.from_env()


def test_api_keys_must_be_hashes_not_plaintext():
    with pytest.raises(SettingsError, match="64 lowercase hex"):
        Settings.from_env(API_KEYS="dev:standard:my-plain-key")
    with pytest.raises(SettingsError, match="name:tier:sha256hex"):
        Settings.from_env(API_KEYS="just-a-key")


def test_api_keys_parse_into_named_tiers():
    digest = hash_api_key("k1")
    settings = Settings.from_env(API_KEYS=f"alice:gold:{digest}, bob:free:{hash_api_key('k2')}")
    assert [(k.name, k.tier) for k in settings.api_keys] == [("alice", "gold"), ("bob", "free")]
    assert settings.api_keys[0].sha256 == digest


def test_duplicate_key_names_are_refused():
    digest = hash_api_key("k1")
    with pytest.raises(SettingsError, match="appears twice"):
        Settings.from_env(API_KEYS=f"a:free:{digest},a:gold:{digest}")


def test_tier_limits_and_fallback_to_defaults():
    settings = Settings.from_env(
        RATE_LIMIT_TIERS="gold=600/50", RATE_LIMIT_PER_MINUTE=30, RATE_LIMIT_BURST=5
    )
    assert settings.limit_for_tier("gold").requests_per_minute == 600
    assert settings.limit_for_tier("gold").burst == 50
    assert settings.limit_for_tier("free").requests_per_minute == 30
    with pytest.raises(ValueError, match="tier=requests_per_minute/burst"):
        parse_tiers("gold=fast")


def test_flag_threshold_cannot_exceed_block_threshold():
    with pytest.raises(SettingsError, match="SAFETY_FLAG_THRESHOLD"):
        Settings.from_env(SAFETY_FLAG_THRESHOLD=0.9, SAFETY_BLOCK_THRESHOLD=0.5)


def test_real_model_without_key_stops_start_up():
    with pytest.raises(SettingsError, match="MODEL_API_KEY"):
        Settings.from_env(ENABLE_REAL_MODEL=True, MODEL_API_KEY="")


def test_secret_values_are_never_echoed(monkeypatch):
    monkeypatch.setenv("AUDIT_CHECKPOINT_KEY", "x" * 5)
    monkeypatch.setenv("MODEL_CONNECT_TIMEOUT_S", "-1")
    with pytest.raises(SettingsError) as err:
        Settings.from_env()
    assert "xxxxx" not in str(err.value)
