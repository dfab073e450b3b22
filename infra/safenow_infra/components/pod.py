"""The hardened pod template, written once.

`service_pod_template` is the only place the SafeNow pod is described: the
stable and the canary Deployment both call it, and only the image and the
track label differ between the two results. The security settings are shared
with the dev Redis through `restricted_pod_security` and
`restricted_container_security` so that every pod of a stack meets the
Kubernetes "restricted" Pod Security Standard.
"""

from __future__ import annotations

from dataclasses import dataclass

import pulumi
import pulumi_kubernetes as k8s

from safenow_infra.config import ResourcesConfig
from safenow_infra.naming import CONTAINER_PORT, PORT_NAME
from safenow_infra.service_env import DATA_DIR, TMP_DIR, SecretEnv

RUN_AS = 10001  # the UID/GID the service image creates (>= 10000, see policy checks)


def restricted_pod_security() -> k8s.core.v1.PodSecurityContextArgs:
    return k8s.core.v1.PodSecurityContextArgs(
        run_as_non_root=True,
        run_as_user=RUN_AS,
        run_as_group=RUN_AS,
        fs_group=RUN_AS,
        seccomp_profile=k8s.core.v1.SeccompProfileArgs(type="RuntimeDefault"),
    )


def restricted_container_security() -> k8s.core.v1.SecurityContextArgs:
    return k8s.core.v1.SecurityContextArgs(
        run_as_non_root=True,
        run_as_user=RUN_AS,
        run_as_group=RUN_AS,
        privileged=False,
        allow_privilege_escalation=False,
        read_only_root_filesystem=True,
        capabilities=k8s.core.v1.CapabilitiesArgs(drop=["ALL"]),
        seccomp_profile=k8s.core.v1.SeccompProfileArgs(type="RuntimeDefault"),
    )


def resource_requirements(resources: ResourcesConfig) -> k8s.core.v1.ResourceRequirementsArgs:
    def amounts(block) -> dict[str, str]:
        return {
            "cpu": block.cpu,
            "memory": block.memory,
            "ephemeral-storage": block.ephemeral_storage,
        }

    return k8s.core.v1.ResourceRequirementsArgs(
        requests=amounts(resources.requests), limits=amounts(resources.limits)
    )


def pull_policy(image: str) -> str:
    # A digest names immutable content; a tag can move, so re-check it on every start.
    return "IfNotPresent" if "@sha256:" in image else "Always"


def spread(selector: dict[str, str]) -> list[k8s.core.v1.TopologySpreadConstraintArgs]:
    """Spread a track's pods over nodes, and over zones where the cluster has them."""
    return [
        k8s.core.v1.TopologySpreadConstraintArgs(
            max_skew=1,
            topology_key=key,
            when_unsatisfiable="ScheduleAnyway",
            label_selector=k8s.meta.v1.LabelSelectorArgs(match_labels=selector),
        )
        for key in ("kubernetes.io/hostname", "topology.kubernetes.io/zone")
    ]


@dataclass(frozen=True)
class ServicePodSpec:
    """Everything that shapes a SafeNow pod except its image and its labels."""

    service_account: str
    config_map: str
    secrets: tuple[SecretEnv, ...]
    resources: ResourcesConfig
    data_volume_size: str
    # Hash of the ConfigMap data: a config change rolls the pods (envFrom alone would not).
    config_hash: str
    priority_class_name: str | None = None
    termination_grace_seconds: int = 30


def service_pod_template(
    spec: ServicePodSpec,
    image: pulumi.Input[str],
    labels: dict[str, str],
    spread_selector: dict[str, str],
) -> k8s.core.v1.PodTemplateSpecArgs:
    """The pod of one track: `image` and `labels` are the only track-specific inputs."""
    container = k8s.core.v1.ContainerArgs(
        name="safenow",
        image=image,
        image_pull_policy=pulumi.Output.from_input(image).apply(pull_policy),
        ports=[k8s.core.v1.ContainerPortArgs(name=PORT_NAME, container_port=CONTAINER_PORT)],
        env_from=[
            k8s.core.v1.EnvFromSourceArgs(
                config_map_ref=k8s.core.v1.ConfigMapEnvSourceArgs(name=spec.config_map)
            )
        ],
        env=[
            k8s.core.v1.EnvVarArgs(
                name=ref.variable,
                value_from=k8s.core.v1.EnvVarSourceArgs(
                    secret_key_ref=k8s.core.v1.SecretKeySelectorArgs(
                        name=ref.secret_name, key=ref.secret_key
                    )
                ),
            )
            for ref in spec.secrets
        ],
        resources=resource_requirements(spec.resources),
        security_context=restricted_container_security(),
        # /healthz only says the process answers; /readyz checks the dependencies,
        # so a Redis outage takes pods out of rotation without restarting them.
        startup_probe=_http_probe("/healthz", period=2, failures=30),
        liveness_probe=_http_probe("/healthz", period=10, failures=3),
        readiness_probe=_http_probe("/readyz", period=5, failures=2),
        # Give endpoints time to drop the pod before gunicorn stops accepting.
        lifecycle=k8s.core.v1.LifecycleArgs(
            pre_stop=k8s.core.v1.LifecycleHandlerArgs(sleep=k8s.core.v1.SleepActionArgs(seconds=5))
        ),
        volume_mounts=[
            k8s.core.v1.VolumeMountArgs(name="tmp", mount_path=TMP_DIR),
            k8s.core.v1.VolumeMountArgs(name="data", mount_path=DATA_DIR),
        ],
    )
    return k8s.core.v1.PodTemplateSpecArgs(
        metadata=k8s.meta.v1.ObjectMetaArgs(
            labels=labels, annotations={"safenow.io/config-sha256": spec.config_hash}
        ),
        spec=k8s.core.v1.PodSpecArgs(
            service_account_name=spec.service_account,
            automount_service_account_token=False,
            enable_service_links=False,
            priority_class_name=spec.priority_class_name,
            termination_grace_period_seconds=spec.termination_grace_seconds,
            security_context=restricted_pod_security(),
            topology_spread_constraints=spread(spread_selector),
            containers=[container],
            volumes=[
                k8s.core.v1.VolumeArgs(
                    name="tmp",
                    empty_dir=k8s.core.v1.EmptyDirVolumeSourceArgs(size_limit="64Mi"),
                ),
                k8s.core.v1.VolumeArgs(
                    name="data",
                    empty_dir=k8s.core.v1.EmptyDirVolumeSourceArgs(
                        size_limit=spec.data_volume_size
                    ),
                ),
            ],
        ),
    )


def _http_probe(path: str, period: int, failures: int) -> k8s.core.v1.ProbeArgs:
    return k8s.core.v1.ProbeArgs(
        http_get=k8s.core.v1.HTTPGetActionArgs(path=path, port=PORT_NAME),
        period_seconds=period,
        timeout_seconds=2,
        failure_threshold=failures,
    )
