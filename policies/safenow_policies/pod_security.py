"""Pod security: what a SafeNow pod may ask of the node (control SN-C01, some SN-C02).

The rules follow the Pod Security Standards "restricted" profile. Where the
public tools disagree, the description says which side SafeNow takes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from safenow_policies.k8s import (
    EMPTY,
    WORKLOAD_KINDS,
    Container,
    containers,
    effective_security,
    get,
    is_mapping,
    items,
    mapping,
    number,
)
from safenow_policies.model import SafeNowPolicy
from safenow_policies.resource import Resource

FAMILY = "pod_security"
POD_KINDS = WORKLOAD_KINDS


def _each_container(resource: Resource, *, init: bool = True) -> Iterator[Container]:
    yield from containers(resource.pod_spec, init=init)


def _no_privileged(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    for c in _each_container(resource):
        if get(c.spec, "securityContext", "privileged") is True:
            yield f"{resource.display}: {c.label} sets securityContext.privileged: true"


def _no_escalation(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    for c in _each_container(resource):
        if get(c.spec, "securityContext", "allowPrivilegeEscalation") is not False:
            yield (
                f"{resource.display}: {c.label} does not set "
                "securityContext.allowPrivilegeEscalation: false"
            )


def _non_root(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    pod = resource.pod_spec or {}
    for c in _each_container(resource):
        if effective_security(pod, c, "runAsNonRoot") is not True:
            yield f"{resource.display}: {c.label} does not run with runAsNonRoot: true"
        if number(effective_security(pod, c, "runAsUser")) == 0:
            yield f"{resource.display}: {c.label} runs as UID 0 (runAsUser: 0)"


def _high_ids(resource: Resource, params: Mapping[str, Any]) -> Iterator[str]:
    floor = params["minId"]
    pod = resource.pod_spec or {}
    for c in _each_container(resource):
        for field in ("runAsUser", "runAsGroup"):
            value = number(effective_security(pod, c, field))
            if value is None:
                yield f"{resource.display}: {c.label} leaves {field} unset (image default)"
            elif value < floor:
                yield f"{resource.display}: {c.label} has {field} {value}, below {floor}"


def _read_only_root(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    for c in _each_container(resource):
        if get(c.spec, "securityContext", "readOnlyRootFilesystem") is not True:
            yield (
                f"{resource.display}: {c.label} does not set "
                "securityContext.readOnlyRootFilesystem: true"
            )


def _capabilities(resource: Resource, params: Mapping[str, Any]) -> Iterator[str]:
    allowed = {str(a).upper() for a in params["allowedAdd"]}
    for c in _each_container(resource):
        caps = mapping(c.spec, "securityContext", "capabilities")
        dropped = {str(d).upper() for d in items(caps, "drop")}
        if "ALL" not in dropped:
            yield f"{resource.display}: {c.label} does not drop ALL capabilities"
        extra = sorted({str(a).upper() for a in items(caps, "add")} - allowed)
        if extra:
            yield (
                f"{resource.display}: {c.label} adds capabilities {', '.join(extra)} "
                f"(allowed: {', '.join(sorted(allowed)) or 'none'})"
            )


_SECCOMP_OK = {"RuntimeDefault", "Localhost"}


def _seccomp(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    pod = resource.pod_spec or {}
    for c in _each_container(resource):
        profile = effective_security(pod, c, "seccompProfile")
        kind = get(profile, "type")
        if kind not in _SECCOMP_OK:
            shown = kind if kind else "unset"
            yield (
                f"{resource.display}: {c.label} has seccompProfile {shown}; "
                "RuntimeDefault or Localhost required"
            )
        elif kind == "Localhost" and not get(profile, "localhostProfile"):
            yield f"{resource.display}: {c.label} uses a Localhost seccomp profile without a path"


def _host_namespaces(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    pod = resource.pod_spec or {}
    for field in ("hostNetwork", "hostPID", "hostIPC"):
        if get(pod, field) is True:
            yield f"{resource.display}: pod spec sets {field}: true"


def _host_ports(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    for c in _each_container(resource):
        for port in items(c.spec, "ports"):
            host_port = number(get(port, "hostPort"))
            if host_port:
                yield f"{resource.display}: {c.label} binds hostPort {host_port}"


_RUNTIME_SOCKETS = ("docker.sock", "containerd.sock", "crio.sock", "cri-dockerd.sock")


def _host_path(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    for volume in items(resource.pod_spec, "volumes"):
        path = get(volume, "hostPath", "path")
        if get(volume, "hostPath") is None:
            continue
        name = get(volume, "name", default="?")
        if isinstance(path, str) and any(path.endswith(s) for s in _RUNTIME_SOCKETS):
            yield f"{resource.display}: volume '{name}' mounts the container runtime socket {path}"
        else:
            yield f"{resource.display}: volume '{name}' is a hostPath volume ({path})"


ALLOWED_VOLUME_TYPES = (
    "configMap",
    "secret",
    "emptyDir",
    "projected",
    "downwardAPI",
    "persistentVolumeClaim",
    "csi",
    "ephemeral",
)


def _volume_types(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    for volume in items(resource.pod_spec, "volumes"):
        if not is_mapping(volume):
            continue
        kinds = sorted(k for k in volume if k != "name")
        bad = [k for k in kinds if k not in ALLOWED_VOLUME_TYPES]
        if bad:
            yield (
                f"{resource.display}: volume '{get(volume, 'name', default='?')}' has type "
                f"{', '.join(bad)}; allowed: {', '.join(ALLOWED_VOLUME_TYPES)}"
            )


# The Pod Security Standards "baseline" lists of what may be set.
SAFE_SYSCTLS = frozenset(
    {
        "kernel.shm_rmid_forced",
        "net.ipv4.ip_local_port_range",
        "net.ipv4.ip_unprivileged_port_start",
        "net.ipv4.tcp_syncookies",
        "net.ipv4.ping_group_range",
        "net.ipv4.ip_local_reserved_ports",
        "net.ipv4.tcp_keepalive_time",
        "net.ipv4.tcp_fin_timeout",
        "net.ipv4.tcp_keepalive_intvl",
        "net.ipv4.tcp_keepalive_probes",
    }
)
SELINUX_TYPES = frozenset(
    {"", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"}
)
APPARMOR_TYPES = frozenset({"RuntimeDefault", "Localhost"})
_APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/"
_HANDLERS = ("livenessProbe", "readinessProbe", "startupProbe")


def _selinux(where: str, options: Any) -> Iterator[str]:
    if not is_mapping(options):
        return
    if get(options, "type", default="") not in SELINUX_TYPES:
        yield f"{where} sets seLinuxOptions.type {get(options, 'type')}"
    for field in ("user", "role"):
        if get(options, field):
            yield f"{where} sets seLinuxOptions.{field}"


def _apparmor(where: str, profile: Any) -> Iterator[str]:
    kind = get(profile, "type")
    if kind is not None and kind not in APPARMOR_TYPES:
        yield f"{where} sets appArmorProfile {kind}"


def _baseline_fields(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    pod = resource.pod_spec or {}
    where = resource.display
    for sysctl in items(pod, "securityContext", "sysctls"):
        name = get(sysctl, "name")
        if name not in SAFE_SYSCTLS:
            yield f"{where}: pod sets the unsafe sysctl {name}"
    yield from _selinux(f"{where}: pod", get(pod, "securityContext", "seLinuxOptions"))
    yield from _apparmor(f"{where}: pod", get(pod, "securityContext", "appArmorProfile"))
    annotations = mapping(resource.props, *_template_path(resource), "metadata", "annotations")
    for key, value in annotations.items():
        if key.startswith(_APPARMOR_ANNOTATION) and not (
            value == "runtime/default" or str(value).startswith("localhost/")
        ):
            yield f"{where}: annotation {key} is {value}"
    for c in _each_container(resource):
        context = mapping(c.spec, "securityContext")
        if get(context, "procMount", default="Default") != "Default":
            yield f"{where}: {c.label} sets procMount {get(context, 'procMount')}"
        yield from _selinux(f"{where}: {c.label}", get(context, "seLinuxOptions"))
        yield from _apparmor(f"{where}: {c.label}", get(context, "appArmorProfile"))
        if get(context, "windowsOptions", "hostProcess") is True:
            yield f"{where}: {c.label} sets windowsOptions.hostProcess: true"
        handlers = [(p, get(c.spec, p)) for p in _HANDLERS]
        handlers += [
            (f"lifecycle.{h}", get(c.spec, "lifecycle", h)) for h in ("postStart", "preStop")
        ]
        for field, handler in handlers:
            for action in ("httpGet", "tcpSocket"):
                host = get(handler, action, "host")
                if host:
                    yield f"{where}: {c.label} {field}.{action}.host is {host}"


def _template_path(resource: Resource) -> tuple[str, ...]:
    return {
        "Pod": (),
        "CronJob": ("spec", "jobTemplate", "spec", "template"),
    }.get(resource.kind, ("spec", "template"))


def _security_context_set(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    if not mapping(resource.pod_spec, "securityContext"):
        yield f"{resource.display}: the pod spec has no securityContext"
    for c in _each_container(resource):
        if not mapping(c.spec, "securityContext"):
            yield f"{resource.display}: {c.label} has no securityContext"


def _no_token_automount(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    if get(resource.pod_spec, "automountServiceAccountToken") is not False:
        yield f"{resource.display}: the pod spec does not set automountServiceAccountToken: false"


def _set_no_token_automount(resource: Resource, _: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """Write automountServiceAccountToken: false into the pod spec.

    Safe and obvious: SafeNow never calls the Kubernetes API, so the token is
    never needed. Writing through the engine's proxy keeps secret values secret.
    """
    spec = resource.pod_spec
    if spec is None or spec is EMPTY or get(spec, "automountServiceAccountToken") is False:
        return None
    spec["automountServiceAccountToken"] = False  # type: ignore[index]
    return resource.props


def _dedicated_service_account(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    if resource.kind == "ServiceAccount":
        if (
            resource.k8s_name == "default"
            and get(resource.props, "automountServiceAccountToken") is not False
        ):
            yield "ServiceAccount 'default' does not set automountServiceAccountToken: false"
        return
    if resource.kind in ("RoleBinding", "ClusterRoleBinding"):
        for subject in items(resource.props, "subjects"):
            if get(subject, "kind") == "ServiceAccount" and get(subject, "name") == "default":
                yield f"{resource.display} grants a role to the default service account"
        return
    spec = resource.pod_spec or {}
    account = get(spec, "serviceAccountName") or get(spec, "serviceAccount")
    if not account or account == "default":
        yield f"{resource.display}: pods run as the namespace's default service account"


POLICIES = [
    SafeNowPolicy(
        name="no-privileged-containers",
        family=FAMILY,
        rows=(1,),
        control_ids=("SN-C01",),
        default_level="M",
        kinds=POD_KINDS,
        description=(
            "No container runs privileged. A privileged container has every device and "
            "capability of the node; one escape from the gateway would own the node."
        ),
        remediation="Remove securityContext.privileged (or set it to false) on every container.",
        example_message=(
            "Deployment 'safenow-stable': container 'safenow' sets securityContext.privileged: true"
        ),
        resource_check=_no_privileged,
    ),
    SafeNowPolicy(
        name="no-privilege-escalation",
        family=FAMILY,
        rows=(2,),
        control_ids=("SN-C01",),
        default_level="M",
        kinds=POD_KINDS,
        description=(
            "Every container sets allowPrivilegeEscalation: false, so no setuid binary or file "
            "capability can raise a process above the user it started as. The field must be "
            "explicit: the Kubernetes default allows escalation."
        ),
        remediation="Set securityContext.allowPrivilegeEscalation: false on every container.",
        example_message=(
            "Deployment 'safenow-stable': container 'safenow' does not set "
            "securityContext.allowPrivilegeEscalation: false"
        ),
        resource_check=_no_escalation,
    ),
    SafeNowPolicy(
        name="run-as-non-root",
        family=FAMILY,
        rows=(3,),
        control_ids=("SN-C01",),
        default_level="M",
        kinds=POD_KINDS,
        description=(
            "Every container runs with runAsNonRoot: true and never with runAsUser: 0, so the "
            "kubelet refuses to start an image whose user is root. Root in a container is root "
            "on the node's files the moment any isolation fails."
        ),
        remediation=(
            "Set securityContext.runAsNonRoot: true on the pod (or each container) and a "
            "non-zero runAsUser; the SafeNow image runs as UID 10001."
        ),
        example_message=(
            "Deployment 'safenow-stable': container 'safenow' does not run with runAsNonRoot: true"
        ),
        resource_check=_non_root,
    ),
    SafeNowPolicy(
        name="high-uid-gid",
        family=FAMILY,
        rows=(4,),
        control_ids=("SN-C01",),
        default_level="A",
        kinds=POD_KINDS,
        parameters={
            "minId": {
                "type": "integer",
                "minimum": 1,
                "default": 10000,
                "description": "Lowest UID/GID a container may run as.",
            }
        },
        description=(
            "Containers run with an explicit UID and GID of at least 10000, away from the "
            "range host accounts use. Checkov and kube-score ask for this, the Pod Security "
            "Standards do not: SafeNow sides with Checkov for its own image (UID 10001) but "
            "keeps the rule advisory, because third-party images (Redis in dev) ship lower "
            "fixed UIDs and non-root is what actually isolates them."
        ),
        remediation=(
            "Set securityContext.runAsUser and runAsGroup to 10000 or above (SafeNow: 10001)."
        ),
        example_message=(
            "Deployment 'safenow-stable': container 'safenow' has runAsUser 1000, below 10000"
        ),
        resource_check=_high_ids,
    ),
    SafeNowPolicy(
        name="read-only-root-filesystem",
        family=FAMILY,
        rows=(5,),
        control_ids=("SN-C01",),
        default_level="M",
        kinds=POD_KINDS,
        description=(
            "Every container mounts its root filesystem read-only, so an attacker cannot drop "
            "tools or change the code; writable paths are explicit emptyDir or volume mounts."
        ),
        remediation=(
            "Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the "
            "process writes (/tmp, the audit and data directories)."
        ),
        example_message=(
            "Deployment 'safenow-stable': container 'safenow' does not set "
            "securityContext.readOnlyRootFilesystem: true"
        ),
        resource_check=_read_only_root,
    ),
    SafeNowPolicy(
        name="drop-all-capabilities",
        family=FAMILY,
        rows=(6,),
        control_ids=("SN-C01",),
        default_level="M",
        kinds=POD_KINDS,
        parameters={
            "allowedAdd": {
                "type": "array",
                "items": {"type": "string"},
                "default": ["NET_BIND_SERVICE"],
                "description": "Capabilities a container may add back after dropping ALL.",
            }
        },
        description=(
            "Every container drops ALL Linux capabilities and adds back at most "
            "NET_BIND_SERVICE (the Pod Security Standards restricted profile). Checkov flags "
            "any added capability; SafeNow accepts NET_BIND_SERVICE because binding a low port "
            "is harmless, though its own image listens on 8080 and adds nothing."
        ),
        remediation=(
            "Set securityContext.capabilities.drop: [ALL] and remove every entry of "
            "capabilities.add other than NET_BIND_SERVICE."
        ),
        example_message=(
            "Deployment 'safenow-stable': container 'safenow' does not drop ALL capabilities"
        ),
        resource_check=_capabilities,
    ),
    SafeNowPolicy(
        name="seccomp-profile-set",
        family=FAMILY,
        rows=(7,),
        control_ids=("SN-C01",),
        default_level="M",
        kinds=POD_KINDS,
        description=(
            "Every container runs under a seccomp profile of type RuntimeDefault or Localhost "
            "(set on the pod or the container), which blocks the system calls container escapes "
            "use. Checkov accepts only RuntimeDefault; SafeNow also accepts Localhost, as the "
            "Pod Security Standards do, because a profile tuned to the service is stricter "
            "than the runtime's default. Unconfined is refused."
        ),
        remediation=(
            "Set securityContext.seccompProfile.type: RuntimeDefault on the pod spec "
            "(or Localhost with localhostProfile pointing at a reviewed profile)."
        ),
        example_message=(
            "Deployment 'safenow-stable': container 'safenow' has seccompProfile Unconfined; "
            "RuntimeDefault or Localhost required"
        ),
        resource_check=_seccomp,
    ),
    SafeNowPolicy(
        name="no-host-namespaces",
        family=FAMILY,
        rows=(8,),
        control_ids=("SN-C01", "SN-C05"),
        default_level="M",
        kinds=POD_KINDS,
        description=(
            "Pods do not share the node's network, PID or IPC namespace. hostNetwork bypasses "
            "every NetworkPolicy; hostPID and hostIPC let a pod see and signal node processes."
        ),
        remediation="Remove hostNetwork, hostPID and hostIPC from the pod spec (default false).",
        example_message="Deployment 'safenow-stable': pod spec sets hostNetwork: true",
        resource_check=_host_namespaces,
    ),
    SafeNowPolicy(
        name="no-host-ports",
        family=FAMILY,
        rows=(9,),
        control_ids=("SN-C01", "SN-C05"),
        default_level="M",
        kinds=POD_KINDS,
        description=(
            "No container binds a hostPort. A host port exposes the pod on the node's address, "
            "outside the Service and NetworkPolicy path, and pins pods to nodes."
        ),
        remediation="Remove ports[].hostPort; reach the pod through its Service.",
        example_message="Deployment 'safenow-stable': container 'safenow' binds hostPort 8080",
        resource_check=_host_ports,
    ),
    SafeNowPolicy(
        name="no-host-path-volumes",
        family=FAMILY,
        rows=(10,),
        control_ids=("SN-C01",),
        default_level="M",
        kinds=POD_KINDS,
        description=(
            "Pods mount no hostPath volume, and above all not a container runtime socket "
            "(docker.sock, containerd.sock, crio.sock), which is root on the node."
        ),
        remediation=(
            "Replace hostPath volumes with emptyDir, a PersistentVolumeClaim or a CSI volume."
        ),
        example_message=(
            "Deployment 'safenow-stable': volume 'runtime' mounts the container runtime socket "
            "/var/run/docker.sock"
        ),
        resource_check=_host_path,
    ),
    SafeNowPolicy(
        name="allowed-volume-types",
        family=FAMILY,
        rows=(11,),
        control_ids=("SN-C01",),
        default_level="M",
        kinds=POD_KINDS,
        description=(
            "Volumes are limited to the types the Pod Security Standards restricted profile "
            "allows: " + ", ".join(ALLOWED_VOLUME_TYPES) + ". Other in-tree types (nfs, "
            "iscsi, hostPath, ...) reach node or network storage outside the cluster's control."
        ),
        remediation=(
            "Use one of the allowed volume types; network storage goes through a PVC or CSI."
        ),
        example_message=(
            "Deployment 'safenow-stable': volume 'shared' has type nfs; allowed: configMap, "
            "secret, emptyDir, projected, downwardAPI, persistentVolumeClaim, csi, ephemeral"
        ),
        resource_check=_volume_types,
    ),
    SafeNowPolicy(
        name="pod-security-baseline-fields",
        family=FAMILY,
        rows=(12,),
        control_ids=("SN-C01",),
        default_level="M",
        kinds=POD_KINDS,
        description=(
            "The remaining Pod Security Standards baseline fields stay within the baseline: "
            "procMount Default, only the namespaced safe sysctls, no custom SELinux user/role "
            "or type outside the container types, AppArmor RuntimeDefault or Localhost, no "
            "Windows hostProcess, and no `host` in probe or lifecycle handlers (which would "
            "make the kubelet connect to an arbitrary address)."
        ),
        remediation=(
            "Remove procMount, unsafe sysctls, seLinuxOptions user/role/custom type, other "
            "AppArmor profiles and the host field of httpGet/tcpSocket handlers."
        ),
        example_message="Deployment 'safenow-stable': pod sets the unsafe sysctl kernel.msgmax",
        resource_check=_baseline_fields,
    ),
    SafeNowPolicy(
        name="security-context-set",
        family=FAMILY,
        rows=(13,),
        control_ids=("SN-C01",),
        default_level="A",
        kinds=POD_KINDS,
        description=(
            "The pod spec and every container carry a securityContext, so a reviewer reads the "
            "security posture in the manifest instead of inferring it from defaults."
        ),
        remediation="Add spec.securityContext and containers[].securityContext.",
        example_message="Deployment 'safenow-stable': container 'safenow' has no securityContext",
        resource_check=_security_context_set,
    ),
    SafeNowPolicy(
        name="no-service-account-token-automount",
        family=FAMILY,
        rows=(14,),
        control_ids=("SN-C01", "SN-C02"),
        default_level="M-prod",
        kinds=POD_KINDS,
        description=(
            "Pod specs set automountServiceAccountToken: false. SafeNow never calls the "
            "Kubernetes API, so a mounted token is only a credential for an attacker to steal. "
            "With enforcement level `remediate` the pack writes the field itself; that is safe "
            "because nothing in the pod reads the token."
        ),
        remediation=(
            "Set spec.template.spec.automountServiceAccountToken: false (or run the pack with "
            "this policy at enforcementLevel remediate, as dev and staging do)."
        ),
        example_message=(
            "Deployment 'safenow-stable': the pod spec does not set "
            "automountServiceAccountToken: false"
        ),
        resource_check=_no_token_automount,
        fix=_set_no_token_automount,
        stack_levels={"dev": "remediate", "staging": "remediate"},
        stack_note=(
            "Dev and staging fix the field automatically (remediate); prod blocks instead, so "
            "the program itself must be right before it reaches production."
        ),
    ),
    SafeNowPolicy(
        name="dedicated-service-account",
        family=FAMILY,
        rows=(14,),
        control_ids=("SN-C01", "SN-C10"),
        default_level="M-prod",
        kinds=POD_KINDS | {"ServiceAccount", "RoleBinding", "ClusterRoleBinding"},
        description=(
            "Pods run as a service account of their own, never the namespace's `default` one, "
            "no role is bound to `default`, and a declared `default` account does not mount "
            "tokens. Anything granted to `default` is granted to every pod in the namespace. "
            "Not remediated automatically: choosing an account is a design decision."
        ),
        remediation=(
            "Create a ServiceAccount for the workload (automountServiceAccountToken: false) and "
            "set spec.template.spec.serviceAccountName to it."
        ),
        example_message=(
            "Deployment 'safenow-stable': pods run as the namespace's default service account"
        ),
        resource_check=_dedicated_service_account,
    ),
]
