"""ComponentResources, one per concern, each with a typed Args dataclass."""
