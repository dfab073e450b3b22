"""Service configuration: secrets, namespace, API versions, labels and SafeNow's env.

Controls SN-C02 (credentials), SN-C07 (inventory), SN-C08 (privacy in logs),
SN-C09 (audit) and SN-C06 (change management).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from safenow_policies.envvars import effective_env
from safenow_policies.images import ImageName
from safenow_policies.k8s import (
    CLUSTER_SCOPED_KINDS,
    WORKLOAD_KINDS,
    Container,
    containers,
    get,
    items,
    mapping,
)
from safenow_policies.model import Finding, SafeNowPolicy
from safenow_policies.resource import Resource
from safenow_policies.stack import StackView

FAMILY = "service_config"

# Words that mark a variable as a credential when they are a whole part of its name.
_SECRET_WORDS = frozenset(
    {
        "PASSWORD",
        "PASSWD",
        "SECRET",
        "TOKEN",
        "KEY",
        "KEYS",
        "APIKEY",
        "CREDENTIAL",
        "CREDENTIALS",
        "DSN",
    }
)
_URL_WITH_PASSWORD = re.compile(r"^[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@", re.IGNORECASE)


def looks_secret(name: str, value: str, extra_names: set[str]) -> bool:
    parts = set(re.split(r"[_.-]", name.upper()))
    return (
        name in extra_names
        or bool(parts & _SECRET_WORDS)
        or name.upper().endswith("DATABASE_URL")
        or bool(_URL_WITH_PASSWORD.match(value))
    )


def _literal_secrets(resource: Resource, params: Mapping[str, Any]) -> Iterator[str]:
    extra = set(params["secretVariables"])
    if resource.kind == "ConfigMap":
        for key, value in mapping(resource.props, "data").items():
            if str(value).strip() and looks_secret(str(key), str(value), extra):
                yield f"{resource.display} holds {key} in plain text"
        return
    for c in containers(resource.pod_spec):
        for entry in items(c.spec, "env"):
            name, value = str(get(entry, "name", default="")), get(entry, "value")
            if isinstance(value, str) and value.strip() and looks_secret(name, value, extra):
                yield f"{resource.display}: {c.label} sets {name} as a literal value"


def _secrets_as_files(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    for c in containers(resource.pod_spec):
        names = [
            str(get(e, "name"))
            for e in items(c.spec, "env")
            if get(e, "valueFrom", "secretKeyRef") is not None
        ]
        names += [
            f"all of Secret '{get(s, 'secretRef', 'name')}'"
            for s in items(c.spec, "envFrom")
            if get(s, "secretRef") is not None
        ]
        if names:
            yield f"{resource.display}: {c.label} reads {', '.join(names)} from Secrets as env vars"


def _namespace(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    if resource.kind in CLUSTER_SCOPED_KINDS:
        return
    if resource.namespace == "default":
        yield f"{resource.display} is in the default namespace"


# The API version SafeNow expects per group (the GA one); anything else is refused.
GA_VERSIONS = {
    "": "v1",
    "apps": "v1",
    "autoscaling": "v2",
    "policy": "v1",
    "batch": "v1",
    "networking.k8s.io": "v1",
    "gateway.networking.k8s.io": "v1",
    "rbac.authorization.k8s.io": "v1",
    "scheduling.k8s.io": "v1",
}
_PRE_GA = re.compile(r"v\d+(alpha|beta)\d*$")


def _api_versions(resource: Resource, _: Mapping[str, Any]) -> Iterator[str]:
    kind = resource.k8s
    assert kind is not None
    token_api = resource.type.split(":")[1].removeprefix("core/")
    for api in dict.fromkeys([token_api, kind.api_version]):
        group, _, version = api.rpartition("/")
        if _PRE_GA.search(version) or group == "extensions":
            yield f"{resource.display} uses the pre-GA API {api}"
        elif group in GA_VERSIONS and version != GA_VERSIONS[group]:
            yield f"{resource.display} uses {api}; SafeNow requires {group}/{GA_VERSIONS[group]}"


def _labels(resource: Resource, params: Mapping[str, Any]) -> Iterator[str]:
    labels = mapping(resource.props, "metadata", "labels")
    missing = [key for key in params["requiredLabels"] if not labels.get(key)]
    if missing:
        yield f"{resource.display} lacks the labels {', '.join(missing)}"


# --- SafeNow's own environment (stack-level: values live in the ConfigMap) ---


def safenow_containers(stack: StackView) -> Iterator[tuple[Resource, Container, Any]]:
    """Every SafeNow service container: it gets SAFENOW_ENV or runs the safenow image."""
    for workload in stack.of_kind(*sorted(WORKLOAD_KINDS)):
        for c in containers(workload.pod_spec, init=False):
            env = effective_env(stack, workload, c)
            image = ImageName.parse(str(get(c.spec, "image", default="")))
            if "SAFENOW_ENV" in env.values or image.repository.rsplit("/", 1)[-1] == "safenow":
                yield workload, c, env


def _log_redaction(stack: StackView, _: Mapping[str, Any]) -> Iterator[Finding]:
    for workload, c, env in safenow_containers(stack):
        value = env.values.get("LOG_REDACT_PII")
        if value is None:
            yield Finding(
                f"{workload.display}: {c.label} does not set LOG_REDACT_PII", workload.urn
            )
        elif not value.truthy:
            shown = value.value if value.value is not None else f"a value from {value.origin}"
            yield Finding(
                f"{workload.display}: {c.label} sets LOG_REDACT_PII={shown} ({value.origin}); "
                "it must be true",
                workload.urn,
            )


def _durable_audit(stack: StackView, params: Mapping[str, Any]) -> Iterator[Finding]:
    if not params["requireDurableSink"]:
        return
    durable = list(params["durableSinks"])
    for workload, c, env in safenow_containers(stack):
        value = env.values.get("AUDIT_SINK")
        sink = value.value if value is not None else None
        if sink not in durable:
            yield Finding(
                f"{workload.display}: {c.label} writes audit records to AUDIT_SINK="
                f"{sink or 'file (default)'}; this stack needs one of {', '.join(durable)}",
                workload.urn,
            )


def _model_key(stack: StackView, _: Mapping[str, Any]) -> Iterator[Finding]:
    for workload, c, env in safenow_containers(stack):
        enabled = env.values.get("ENABLE_REAL_MODEL")
        if enabled is None or not enabled.truthy:
            continue
        key = env.values.get("MODEL_API_KEY")
        if key is not None and key.source == "secret":
            continue
        if key is None and env.secret_sources:
            continue  # an envFrom Secret may carry it; the pack cannot see inside Secrets
        where = "is not set" if key is None else f"comes from {key.origin}, not a Secret"
        yield Finding(
            f"{workload.display}: {c.label} enables the real model but MODEL_API_KEY {where}",
            workload.urn,
        )


_SECRET_VARIABLES = {
    "type": "array",
    "items": {"type": "string"},
    "default": ["API_KEYS", "MODEL_API_KEY", "AUDIT_DATABASE_URL", "AUDIT_CHECKPOINT_KEY"],
    "description": "Variables that are credentials whatever their name looks like.",
}

POLICIES = [
    SafeNowPolicy(
        name="no-literal-secret-env",
        family=FAMILY,
        rows=(15,),
        control_ids=("SN-C02",),
        default_level="M",
        kinds=WORKLOAD_KINDS | {"ConfigMap"},
        parameters={"secretVariables": _SECRET_VARIABLES},
        description=(
            "Credentials reach pods only through Secrets (secretKeyRef, envFrom secretRef or "
            "mounted files), never as literal env values or ConfigMap data, where they end up "
            "in the program, the stack state, `kubectl describe` and every diff. A variable "
            "counts as a credential by name (KEY, TOKEN, SECRET, PASSWORD, ... as a word, "
            "*DATABASE_URL, SafeNow's secret list) or by value (a URL with a password)."
        ),
        remediation=(
            "Create the Secret out of band and reference it: env[].valueFrom.secretKeyRef "
            "(safenow:model.apiKeySecret, safenow:audit.databaseUrlSecret, ...)."
        ),
        example_message=(
            "Deployment 'safenow-stable': container 'safenow' sets MODEL_API_KEY as a literal value"
        ),
        resource_check=_literal_secrets,
    ),
    SafeNowPolicy(
        name="secrets-mounted-as-files",
        family=FAMILY,
        rows=(15,),
        control_ids=("SN-C02",),
        default_level="A",
        kinds=WORKLOAD_KINDS,
        description=(
            "Prefer Secrets mounted as files to Secrets in environment variables (Checkov "
            "CKV_K8S_35, CIS 5.4.1): env vars leak into crash dumps, child processes and "
            "debug endpoints. Advisory only: SafeNow's settings read the environment, so "
            "secretKeyRef is the accepted way (policy-checks row 15) until the service reads "
            "*_FILE paths."
        ),
        remediation=(
            "Mount the Secret as a volume (readOnly) and point the service at the file once it "
            "supports *_FILE settings."
        ),
        example_message=(
            "Deployment 'safenow-stable': container 'safenow' reads API_KEYS from Secrets as "
            "env vars"
        ),
        resource_check=_secrets_as_files,
    ),
    SafeNowPolicy(
        name="not-default-namespace",
        family=FAMILY,
        rows=(16,),
        control_ids=("SN-C05", "SN-C07"),
        default_level="M",
        description=(
            "Namespaced objects live in SafeNow's own namespace, never `default` (explicitly, "
            "by omission, or through the provider's default). The default namespace has no "
            "Pod Security labels, default-deny policy or owner, and mixes SafeNow's objects "
            "with whatever else lands there."
        ),
        remediation="Set metadata.namespace to the stack's namespace (safenow:namespace).",
        example_message="Deployment 'safenow-stable' is in the default namespace",
        resource_check=_namespace,
    ),
    SafeNowPolicy(
        name="ga-api-versions-only",
        family=FAMILY,
        rows=(34,),
        control_ids=("SN-C06", "SN-C04"),
        default_level="M",
        description=(
            "Objects use GA API versions only: apps/v1, autoscaling/v2, policy/v1, batch/v1, "
            "networking.k8s.io/v1, gateway.networking.k8s.io/v1, v1; no alpha, beta or "
            "extensions/*. Pre-GA versions are removed by cluster upgrades, which then break "
            "deploys and rollbacks; autoscaling/v1 cannot express the HPA's behaviour block."
        ),
        remediation="Move the object to the GA version listed (fields may need renaming).",
        example_message=(
            "HorizontalPodAutoscaler 'safenow-stable' uses autoscaling/v1; SafeNow requires "
            "autoscaling/v2"
        ),
        resource_check=_api_versions,
    ),
    SafeNowPolicy(
        name="recommended-labels",
        family=FAMILY,
        rows=(39,),
        control_ids=("SN-C07",),
        default_level="A",
        parameters={
            "requiredLabels": {
                "type": "array",
                "items": {"type": "string"},
                "default": [
                    "app.kubernetes.io/name",
                    "app.kubernetes.io/instance",
                    "app.kubernetes.io/component",
                    "app.kubernetes.io/part-of",
                    "app.kubernetes.io/managed-by",
                    "owner",
                    "data-classification",
                ],
                "description": "Labels every object carries.",
            }
        },
        description=(
            "Every object carries the recommended app.kubernetes.io labels plus `owner` and "
            "`data-classification`, so the asset inventory (compliance/) can be read from the "
            "cluster and an incident finds its owner. app.kubernetes.io/version is not "
            "required: the image reference is the version, and a second copy drifts."
        ),
        remediation=(
            "Derive labels from safenow_infra.naming (safenow:labels.owner, dataClassification)."
        ),
        example_message="Service 'safenow-stable' lacks the labels owner, data-classification",
        resource_check=_labels,
    ),
    SafeNowPolicy(
        name="log-redaction-enabled",
        family=FAMILY,
        rows=(43,),
        control_ids=("SN-C08",),
        default_level="M",
        description=(
            "Every SafeNow container runs with LOG_REDACT_PII=true, set explicitly in its env "
            "or its ConfigMap, so prompts' personal data never reaches the log pipeline; "
            "relying on the code default would let one default change switch redaction off "
            "unseen. Checked on the stack because the value lives in the ConfigMap."
        ),
        remediation=(
            "Keep LOG_REDACT_PII=true in the service ConfigMap (never override it in safenow:env)."
        ),
        example_message=(
            "Deployment 'safenow-stable': container 'safenow' sets LOG_REDACT_PII=false "
            "(ConfigMap 'safenow-env'); it must be true"
        ),
        stack_check=_log_redaction,
    ),
    SafeNowPolicy(
        name="durable-audit-sink",
        family=FAMILY,
        rows=(43,),
        control_ids=("SN-C09",),
        default_level="M",
        parameters={
            "requireDurableSink": {
                "type": "boolean",
                "default": True,
                "description": "Whether this stack must write audit records to a durable sink.",
            },
            "durableSinks": {
                "type": "array",
                "items": {"enum": ["file", "sqlite", "postgres"]},
                "minItems": 1,
                "default": ["postgres"],
                "description": "AUDIT_SINK values that survive a pod's loss.",
            },
        },
        description=(
            "In staging and prod every SafeNow container writes its audit trail to a durable "
            "sink (AUDIT_SINK=postgres): a file sink on a pod's disk disappears with the pod, "
            "and with it the tamper-evident hash chain. Dev may use the file sink "
            "(requireDurableSink: false)."
        ),
        remediation="Set safenow:audit.sink: postgres with databaseUrlSecret and egressCidr.",
        example_message=(
            "Deployment 'safenow-stable': container 'safenow' writes audit records to "
            "AUDIT_SINK=file; this stack needs one of postgres"
        ),
        stack_check=_durable_audit,
        stack_note="Dev keeps audit records in a file on the pod (requireDurableSink: false).",
        stack_parameters={"dev": {"requireDurableSink": False}},
    ),
    SafeNowPolicy(
        name="real-model-key-from-secret",
        family=FAMILY,
        rows=(44,),
        control_ids=("SN-C02",),
        default_level="M",
        description=(
            "A SafeNow container with ENABLE_REAL_MODEL=true gets MODEL_API_KEY from a Secret "
            "(secretKeyRef or an envFrom Secret), never a literal or a ConfigMap, and never "
            "goes without it (the service would refuse to start mid-rollout)."
        ),
        remediation="Set safenow:model.apiKeySecret {name, key} naming the platform's Secret.",
        example_message=(
            "Deployment 'safenow-stable': container 'safenow' enables the real model but "
            "MODEL_API_KEY comes from env, not a Secret"
        ),
        stack_check=_model_key,
    ),
]
