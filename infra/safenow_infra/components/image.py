"""The stable image: built from service/ with pulumi-docker, or the configured reference.

With `build.enabled` the Deployment gets the pushed image by digest (the
registry's `repoDigest`), so even a built image is pinned; without a push
(a local kind cluster loading images itself) it gets the tagged name.
"""

from __future__ import annotations

from dataclasses import dataclass

import pulumi

from safenow_infra.config import BuildConfig
from safenow_infra.envfile import REPO_ROOT
from safenow_infra.imageref import ImageRef

TYPE = "safenow:infra:ServiceImage"


@dataclass(frozen=True)
class ServiceImageArgs:
    image: ImageRef
    build: BuildConfig


class ServiceImage(pulumi.ComponentResource):
    reference: pulumi.Output[str]

    def __init__(
        self, name: str, args: ServiceImageArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__(TYPE, name, None, opts)
        if args.build.enabled:
            # Imported here: stacks that deploy a given image never load the docker SDK.
            import pulumi_docker as docker

            tag = args.image.tag or "build"
            built = docker.Image(
                name,
                image_name=f"{args.image.repository}:{tag}",
                build=docker.DockerBuildArgs(
                    context=str(REPO_ROOT / args.build.context),
                    dockerfile=str(REPO_ROOT / args.build.dockerfile),
                    platform=args.build.platform,
                ),
                skip_push=not args.build.push,
                opts=pulumi.ResourceOptions(parent=self),
            )
            self.reference = built.repo_digest if args.build.push else built.image_name
        else:
            self.reference = pulumi.Output.from_input(str(args.image))
        self.register_outputs({"reference": self.reference})
