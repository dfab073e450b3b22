"""Validators: small deterministic checks the pipeline runs on every text.

Each one looks at one concern (size, encoding, credentials, personal data,
disallowed topics) and returns a `Verdict`. They run whatever classifier is
configured, so `SAFETY_CLASSIFIER=off` still keeps credentials away from the
model.
"""

from safenow.safety.validators.base import Validator
from safenow.safety.validators.encoding import EncodingCheck
from safenow.safety.validators.limits import SizeLimit, TokenLimit
from safenow.safety.validators.pii import PiiCheck
from safenow.safety.validators.secrets import SecretScanner
from safenow.safety.validators.topics import TopicFilter

__all__ = [
    "EncodingCheck",
    "PiiCheck",
    "SecretScanner",
    "SizeLimit",
    "TokenLimit",
    "TopicFilter",
    "Validator",
]
