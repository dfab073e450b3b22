"""Container image references: parse `repo[:tag][@sha256:...]` once, print it back.

The stack config, the canary scripts and the program all go through this one
parser so that "pinned by digest" means the same thing everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A registry port is only a port when a path follows it ("host:5000/app");
# otherwise "redis:7" would read as a host with port 7 and no tag.
_REPOSITORY = (
    r"[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+(?=/))?"
    r"(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
)
_TAG = r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}"
_DIGEST = r"sha256:[a-f0-9]{64}"
_REFERENCE = re.compile(
    rf"^(?P<repository>{_REPOSITORY})(?::(?P<tag>{_TAG}))?(?:@(?P<digest>{_DIGEST}))?$"
)
REPOSITORY = re.compile(rf"^{_REPOSITORY}$")
TAG = re.compile(rf"^{_TAG}$")
DIGEST = re.compile(rf"^{_DIGEST}$")


@dataclass(frozen=True)
class ImageRef:
    repository: str
    tag: str | None = None
    digest: str | None = None

    @property
    def pinned(self) -> bool:
        return self.digest is not None

    def __str__(self) -> str:
        text = self.repository
        if self.tag:
            text += f":{self.tag}"
        if self.digest:
            text += f"@{self.digest}"
        return text


def parse_image(text: str) -> ImageRef:
    """Parse an image reference; raise ValueError naming what is wrong."""
    match = _REFERENCE.match(text.strip()) if isinstance(text, str) else None
    if not match:
        raise ValueError(
            f"{text!r} is not an image reference; expected repository[:tag][@sha256:<64 hex>]"
            " with a lowercase repository such as ghcr.io/org/app:1.2.3"
        )
    if not match.group("tag") and not match.group("digest"):
        raise ValueError(f"image {text!r} needs a tag or a digest (an untagged image is :latest)")
    if match.group("tag") == "latest":
        raise ValueError(f"image {text!r} uses the tag 'latest'; pin a version or a digest")
    return ImageRef(match.group("repository"), match.group("tag"), match.group("digest"))
