"""Request and response shapes. They also generate the OpenAPI document."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GenerateRequest(_Strict):
    prompt: str = Field(min_length=1, description="The prompt to send to the model")
    max_tokens: int | None = Field(default=None, ge=1, le=32768)
    metadata: dict[str, Any] | None = Field(
        default=None, description="Caller-supplied tags, kept in the audit record"
    )


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: Literal["system", "user", "assistant", "developer", "tool"]
    content: str | list[dict[str, Any]] | None = None

    def text(self) -> str:
        if isinstance(self.content, str):
            return self.content
        if isinstance(self.content, list):
            return "\n".join(
                str(part.get("text", "")) for part in self.content if part.get("type") == "text"
            )
        return ""


class ChatCompletionRequest(BaseModel):
    # Unknown OpenAI parameters are accepted and ignored, as clients send many.
    model_config = ConfigDict(extra="allow")
    model: str = Field(min_length=1)
    messages: list[ChatMessage] = Field(min_length=1)
    max_tokens: int | None = Field(default=None, ge=1, le=32768)
    max_completion_tokens: int | None = Field(default=None, ge=1, le=32768)
    stream: bool | None = False
    n: int | None = Field(default=1, ge=1, le=1)


class VerdictModel(BaseModel):
    action: Literal["allow", "flag", "block"]
    score: float = Field(ge=0, le=1)
    categories: list[str]
    reasons: list[str]


class SafetyModel(BaseModel):
    input: VerdictModel
    output: VerdictModel


class UsageModel(BaseModel):
    prompt_tokens: int = Field(ge=0)
    completion_tokens: int = Field(ge=0)
    total_tokens: int = Field(ge=0)


class GenerateResponse(BaseModel):
    id: str
    output: str
    model: str
    safety: SafetyModel
    usage: UsageModel
    fallback: str | None = None


class ChatChoiceMessage(BaseModel):
    role: Literal["assistant"]
    content: str


class ChatChoice(BaseModel):
    index: int
    message: ChatChoiceMessage
    finish_reason: Literal["stop", "length", "content_filter"]


class ChatCompletionResponse(BaseModel):
    id: str
    object: Literal["chat.completion"]
    created: int
    model: str
    choices: list[ChatChoice]
    usage: UsageModel
    safenow: dict[str, Any] = Field(description="SafeNow's safety verdicts and fallback note")


class ErrorBody(BaseModel):
    model_config = ConfigDict(extra="allow")
    code: str
    message: str
    request_id: str | None


class ErrorEnvelope(BaseModel):
    error: ErrorBody


class CheckResult(BaseModel):
    ok: bool
    detail: str


class ReadyResponse(BaseModel):
    status: Literal["ready", "degraded"]
    checks: dict[str, CheckResult]


class HealthResponse(BaseModel):
    status: Literal["ok"]
