"""API keys used by the tests (test-only values, never valid anywhere else)."""

DEV_KEY = "sn-test-key-0001"
OTHER_KEY = "sn-test-key-0002"
