"""Constants shared by the infra tests (a uniquely named module, unlike conftest)."""

from pathlib import Path

STACKS = ("dev", "staging", "prod")
FIXTURES = Path(__file__).parent / "fixtures"
