"""Rate limiting per API key (and optionally globally)."""
