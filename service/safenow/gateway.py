"""The guarded path from a parsed request to a checked answer.

input safety → model adapter → output safety → audit record. The HTTP layer
(api/) turns the outcome into a response; this module knows nothing of Flask.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import Any

import structlog

from safenow.audit.base import AuditError, AuditTrail
from safenow.audit.record import sha256_text
from safenow.errors import ApiError
from safenow.metrics import Metrics
from safenow.model.base import Completion, Message, ModelAdapter, ModelError
from safenow.privacy import Redactor
from safenow.safety.pipeline import SafetyPipeline
from safenow.safety.verdict import Verdict

log = structlog.get_logger("safenow.gateway")


@dataclass(frozen=True)
class CallContext:
    request_id: str
    key_name: str
    tier: str
    route: str
    metadata: dict[str, Any] | None = None


@dataclass(frozen=True)
class Outcome:
    completion: Completion
    input_verdict: Verdict
    output_verdict: Verdict

    def safety(self) -> dict[str, Any]:
        return {"input": self.input_verdict.to_dict(), "output": self.output_verdict.to_dict()}


# Audit fields that are identifiers, hashes or numbers the service itself
# produced; every other string (route, verdict reasons, caller metadata) may
# carry what a client typed and goes through the redactor first.
_STRUCTURAL_AUDIT_FIELDS = frozenset(
    {"ts", "time", "decision", "request_id", "key_name", "tier", "model", "fallback",
     "fallback_reason", "latency_ms", "prompt_sha256", "output_sha256", "prompt_excerpt"}
)  # fmt: skip


class Gateway:
    def __init__(
        self,
        pipeline: SafetyPipeline,
        model: ModelAdapter,
        audit: AuditTrail,
        metrics: Metrics,
        redactor: Redactor,
        audit_on_failure: str = "fail-closed",
    ) -> None:
        self.pipeline = pipeline
        self.model = model
        self.audit = audit
        self.metrics = metrics
        self.redactor = redactor
        self.audit_on_failure = audit_on_failure

    def complete(self, ctx: CallContext, messages: list[Message], max_tokens: int) -> Outcome:
        started = time.perf_counter()
        prompt = "\n".join(m.content for m in messages)
        input_verdict = self.pipeline.check_input(prompt)
        self.metrics.safety_verdicts.labels("input", input_verdict.action.value).inc()
        if input_verdict.blocked:
            self._audit(ctx, "blocked_input", started, prompt, None, input_verdict, None)
            raise ApiError(
                422,
                "unsafe_input",
                "the prompt was blocked by the safety policy",
                details={"categories": list(input_verdict.categories)},
            )
        if input_verdict.rewritten is not None:
            # A redacting validator (SAFETY_PII_POLICY=redact) cleaned the prompt:
            # forward each message with the same redaction applied.
            messages = [Message(m.role, self.redactor.redact(m.content)) for m in messages]

        try:
            completion = self.model.generate(messages, max_tokens)
        except ModelError as exc:
            # No fallback configured (MODEL_FALLBACK=none): refuse, and say so.
            self.metrics.model_fallbacks.labels(exc.reason, "none").inc()
            self._audit(
                ctx, "model_unavailable", started, prompt, None, input_verdict, None,
                fallback_reason=exc.reason,
            )  # fmt: skip
            raise ApiError(
                503,
                "model_unavailable",
                "the language model is unavailable; retry later",
                details={"reason": exc.reason},
                headers={"Retry-After": "5"},
            ) from exc
        if completion.fallback:
            reason = completion.fallback_reason or "primary_failed"
            self.metrics.model_fallbacks.labels(reason, completion.fallback).inc()

        output_verdict = self.pipeline.check_output(completion.text)
        self.metrics.safety_verdicts.labels("output", output_verdict.action.value).inc()
        if output_verdict.blocked:
            self._audit(
                ctx, "blocked_output", started, prompt, completion, input_verdict, output_verdict
            )
            raise ApiError(
                422,
                "unsafe_output",
                "the model's answer was withheld by the safety policy",
                details={"categories": list(output_verdict.categories)},
            )
        if output_verdict.rewritten is not None:
            # SAFETY_PII_POLICY=redact also applies to what the model says.
            completion = replace(completion, text=output_verdict.rewritten)
        flagged = "flag" in (input_verdict.action.value, output_verdict.action.value)
        self._audit(
            ctx,
            "flagged" if flagged else "accepted",
            started,
            prompt,
            completion,
            input_verdict,
            output_verdict,
        )
        return Outcome(completion, input_verdict, output_verdict)

    def _audit(
        self,
        ctx: CallContext,
        decision: str,
        started: float,
        prompt: str | None,
        completion: Completion | None,
        input_verdict: Verdict | None,
        output_verdict: Verdict | None,
        fallback_reason: str | None = None,
    ) -> None:
        event = {
            "ts": time.time(),
            "decision": decision,
            "request_id": ctx.request_id,
            "key_name": ctx.key_name,
            "tier": ctx.tier,
            "route": ctx.route,
            "input_verdict": input_verdict.to_dict() if input_verdict else None,
            "output_verdict": output_verdict.to_dict() if output_verdict else None,
            "model": completion.model if completion else None,
            "fallback": completion.fallback if completion else None,
            "fallback_reason": completion.fallback_reason if completion else fallback_reason,
            "latency_ms": round((time.perf_counter() - started) * 1000, 3),
            "prompt_sha256": sha256_text(prompt),
            "output_sha256": sha256_text(completion.text if completion else None),
            "prompt_excerpt": self.redactor.excerpt(prompt),
            "metadata": ctx.metadata,
        }
        self.record(event)

    def record(self, event: dict[str, Any]) -> None:
        """Write one audit event, applying the configured failure policy."""
        try:
            self.audit.record(self._without_pii(event))
        except (AuditError, OSError) as exc:
            self.metrics.audit_failures.labels(self.audit_on_failure).inc()
            log.error("audit_write_failed", error=str(exc), policy=self.audit_on_failure)
            if self.audit_on_failure == "fail-closed":
                raise ApiError(
                    503, "audit_unavailable", "the audit trail cannot record; request refused"
                ) from exc

    def _without_pii(self, event: dict[str, Any]) -> dict[str, Any]:
        return {
            key: value if key in _STRUCTURAL_AUDIT_FIELDS else self.redactor.redact_value(value)
            for key, value in event.items()
        }
