"""Names and labels of every SafeNow resource, derived in one place.

Selectors use only the labels that identify a workload and its track; the
descriptive labels (owner, data-classification, managed-by) ride along on
metadata so that changing them never changes a selector (which Kubernetes
refuses on an existing Deployment).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Track = Literal["stable", "canary"]
TRACK_LABEL = "safenow.io/track"
NAME_LABEL = "app.kubernetes.io/name"
INSTANCE_LABEL = "app.kubernetes.io/instance"
COMPONENT_LABEL = "app.kubernetes.io/component"

CONTAINER_PORT = 8080
SERVICE_PORT = 80
PORT_NAME = "http"


@dataclass(frozen=True)
class Naming:
    app: str
    environment: str
    owner: str
    data_classification: str

    @property
    def instance(self) -> str:
        return f"{self.app}-{self.environment}"

    def common_labels(self, component: str) -> dict[str, str]:
        """Recommended app.kubernetes.io labels plus SafeNow's policy labels."""
        return {
            NAME_LABEL: self.app,
            INSTANCE_LABEL: self.instance,
            COMPONENT_LABEL: component,
            "app.kubernetes.io/part-of": "safenow",
            "app.kubernetes.io/managed-by": "pulumi",
            "owner": self.owner,
            "data-classification": self.data_classification,
        }

    def workload_selector(self, component: str) -> dict[str, str]:
        return {NAME_LABEL: self.app, INSTANCE_LABEL: self.instance, COMPONENT_LABEL: component}

    # --- the API workload and its tracks ---------------------------------
    def api_selector(self) -> dict[str, str]:
        """Every API pod of this stack, both tracks (NetworkPolicy, entry Service)."""
        return self.workload_selector("api")

    def track_selector(self, track: Track) -> dict[str, str]:
        return {**self.api_selector(), TRACK_LABEL: track}

    def track_labels(self, track: Track) -> dict[str, str]:
        return {**self.common_labels("api"), TRACK_LABEL: track}

    def track_name(self, track: Track) -> str:
        return f"{self.app}-{track}"

    # --- other names ------------------------------------------------------
    @property
    def service_account(self) -> str:
        return self.app

    @property
    def config_map(self) -> str:
        return f"{self.app}-env"

    @property
    def route(self) -> str:
        return self.app

    @property
    def entry_service(self) -> str:
        # Only exists in replica-ratio mode: one Service over both tracks.
        return self.app

    @property
    def redis(self) -> str:
        return f"{self.app}-redis"
