"""Model adapters: the simulated model, real providers and the fallback chain."""
