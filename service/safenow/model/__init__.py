"""Model adapters: the simulated model and (later) real providers."""
