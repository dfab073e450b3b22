"""Liveness, readiness and Prometheus exposition."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify

from safenow.errors import error_response

bp = Blueprint("probes", __name__)


@bp.get("/healthz")
def healthz():
    # Liveness only says the process answers; dependencies belong to /readyz.
    return jsonify({"status": "ok"})


@bp.get("/readyz")
def readyz():
    services = current_app.extensions["safenow"]
    checks = {}
    for name, component in (
        ("rate_limit_store", services.limiter.limiter),
        ("audit_sink", services.audit_sink),
        ("model", services.model),
    ):
        try:
            ok, detail = component.check()
        except Exception as exc:  # a probe must answer, whatever the dependency does
            ok, detail = False, f"{type(exc).__name__}: {exc}"
        checks[name] = {"ok": ok, "detail": detail}
    failing = [name for name, result in checks.items() if not result["ok"]]
    if failing:
        return error_response(
            503,
            "not_ready",
            "dependency not ready: " + ", ".join(failing),
            details={"checks": checks},
        )
    degraded = any("degraded" in result["detail"] for result in checks.values())
    return jsonify({"status": "degraded" if degraded else "ready", "checks": checks})


@bp.get("/metrics")
def metrics():
    body, content_type = current_app.extensions["safenow"].metrics.exposition()
    return Response(body, content_type=content_type)
