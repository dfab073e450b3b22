"""Input and output safety: validators, classifiers and the pipeline that composes them."""

from safenow.safety.verdict import Action, Verdict

__all__ = ["Action", "Verdict"]
