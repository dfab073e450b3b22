"""Images: where the code that runs comes from (control SN-C03)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from safenow_policies.k8s import WORKLOAD_KINDS, Container, containers, get
from safenow_policies.model import SafeNowPolicy
from safenow_policies.resource import Resource

FAMILY = "images"
_DIGEST = re.compile(r"^sha256:[a-f0-9]{64}$")


@dataclass(frozen=True)
class ImageName:
    """`registry/path:tag@digest` split the way the container runtime reads it."""

    repository: str  # fully qualified: docker.io/library/redis for "redis"
    tag: str | None
    digest: str | None

    @classmethod
    def parse(cls, text: str) -> ImageName:
        rest, _, digest = text.partition("@")
        tag = None
        slash = rest.rfind("/")
        colon = rest.rfind(":")
        if colon > slash:
            rest, tag = rest[:colon], rest[colon + 1 :]
        return cls(_qualify(rest), tag or None, digest or None)

    @property
    def pinned_by_digest(self) -> bool:
        return self.digest is not None and bool(_DIGEST.match(self.digest))


def _qualify(repository: str) -> str:
    """Docker Hub short names are what the runtime pulls: redis -> docker.io/library/redis."""
    first, _, remainder = repository.partition("/")
    if not remainder:
        return f"docker.io/library/{repository}"
    if "." in first or ":" in first or first == "localhost":
        return repository
    return f"docker.io/{repository}"


def _images(resource: Resource) -> Iterator[tuple[Container, str]]:
    for c in containers(resource.pod_spec):
        image = get(c.spec, "image")
        yield c, image if isinstance(image, str) else ""


def _tag_pinned(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    for c, image in _images(resource):
        if not image.strip():
            yield f"{resource.display}: {c.label} has no image"
            continue
        parsed = ImageName.parse(image)
        if parsed.digest:
            continue
        if parsed.tag is None or parsed.tag == "latest":
            yield f"{resource.display}: {c.label} image {image} is not pinned (tag latest or none)"


def _digest_pinned(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    for c, image in _images(resource):
        if not ImageName.parse(image).pinned_by_digest:
            yield f"{resource.display}: {c.label} image {image} is not pinned by sha256 digest"


def _pull_policy(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    for c, image in _images(resource):
        if ImageName.parse(image).pinned_by_digest:
            continue
        policy = get(c.spec, "imagePullPolicy")
        if policy != "Always":
            shown = policy or "unset (IfNotPresent)"
            yield (
                f"{resource.display}: {c.label} image {image} has imagePullPolicy {shown} "
                "without a digest"
            )


def _allowed_registry(resource: Resource, params: Mapping[str, Any]) -> Iterator[str]:
    allowed = [str(p).rstrip("/") for p in params["allowedRegistries"]]
    for c, image in _images(resource):
        repository = ImageName.parse(image).repository
        if not any(repository == p or repository.startswith(p + "/") for p in allowed):
            yield (
                f"{resource.display}: {c.label} image {image} is not from an allowed registry "
                f"({', '.join(allowed)})"
            )


POLICIES = [
    SafeNowPolicy(
        name="image-tag-pinned",
        family=FAMILY,
        rows=(17,),
        control_ids=("SN-C03", "SN-C06"),
        default_level="M",
        kinds=WORKLOAD_KINDS,
        description=(
            "Every image names a version: a tag other than `latest`, or a digest. A floating "
            "tag deploys whatever was pushed last, so the change that went out is unknown and "
            "a rollback may not restore the previous code."
        ),
        remediation="Use repository:version (from the release) or repository@sha256:<digest>.",
        example_message=(
            "Deployment 'safenow-stable': container 'safenow' image ghcr.io/safenow/safenow:latest "
            "is not pinned (tag latest or none)"
        ),
        resource_check=_tag_pinned,
    ),
    SafeNowPolicy(
        name="image-digest-pinned",
        family=FAMILY,
        rows=(18,),
        control_ids=("SN-C03",),
        default_level="M-prod",
        kinds=WORKLOAD_KINDS,
        description=(
            "Every image is pinned by sha256 digest. Tags can be moved by anyone with push "
            "rights to the registry; a digest names exactly the bytes that were reviewed. "
            "Mandatory in prod; dev and staging may deploy by tag while iterating."
        ),
        remediation=(
            "Deploy repository:tag@sha256:<digest> (the digest `docker buildx imagetools "
            "inspect` prints); prod stacks set safenow:image.digest."
        ),
        example_message=(
            "Deployment 'safenow-stable': container 'safenow' image ghcr.io/safenow/safenow:0.1.0 "
            "is not pinned by sha256 digest"
        ),
        resource_check=_digest_pinned,
    ),
    SafeNowPolicy(
        name="image-pull-policy-always",
        family=FAMILY,
        rows=(19,),
        control_ids=("SN-C03",),
        default_level="A",
        kinds=WORKLOAD_KINDS,
        description=(
            "Images without a digest use imagePullPolicy: Always, so the kubelet re-checks the "
            "registry (and its pull credentials) instead of running a cached image that may no "
            "longer be what the tag names. A digest-pinned image cannot change, so any policy "
            "is fine for it (Checkov agrees)."
        ),
        remediation="Pin the image by digest, or set imagePullPolicy: Always.",
        example_message=(
            "Deployment 'safenow-stable': container 'safenow' image ghcr.io/safenow/safenow:0.1.0 "
            "has imagePullPolicy IfNotPresent without a digest"
        ),
        resource_check=_pull_policy,
    ),
    SafeNowPolicy(
        name="image-allowed-registry",
        family=FAMILY,
        rows=(20,),
        control_ids=("SN-C03",),
        default_level="M",
        kinds=WORKLOAD_KINDS,
        parameters={
            "allowedRegistries": {
                "type": "array",
                "items": {"type": "string", "minLength": 1},
                "minItems": 1,
                "default": ["ghcr.io/safenow"],
                "description": (
                    "Repository prefixes images may come from (docker.io/library/redis for "
                    "the official Redis image)."
                ),
            }
        },
        description=(
            "Images come only from the registries the stack allows (SafeNow's own repository "
            "on ghcr.io, plus the official Redis image where a stack runs Redis in-cluster). "
            "Short Docker Hub names are expanded (redis -> docker.io/library/redis) before "
            "matching, so an unqualified name cannot slip past the list."
        ),
        remediation=(
            "Push the image to an allowed registry, or add the registry to allowedRegistries in "
            "policies/config/<stack>.json after a review."
        ),
        example_message=(
            "Deployment 'safenow-stable': container 'safenow' image "
            "docker.io/attacker/safenow:0.1.0 "
            "is not from an allowed registry (ghcr.io/safenow)"
        ),
        resource_check=_allowed_registry,
        stack_note=(
            "Dev runs Redis in-cluster from the official image; staging and prod use a "
            "managed Redis, so only SafeNow's own repository is allowed there."
        ),
        stack_parameters={
            "dev": {"allowedRegistries": ["ghcr.io/safenow", "docker.io/library/redis"]}
        },
    ),
]
