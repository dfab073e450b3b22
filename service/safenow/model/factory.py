"""Builds the model adapter from settings (used by components.build_model)."""

from __future__ import annotations

from safenow.model.base import ModelAdapter
from safenow.model.breaker import CircuitBreaker
from safenow.model.fallback import FallbackModel, RefusalModel
from safenow.model.providers import AnthropicMessagesModel, HttpChatModel, OpenAIChatModel
from safenow.model.simulated import SimulatedModel
from safenow.model.transport import RetryPolicy
from safenow.settings import Settings

PROVIDERS: dict[str, type[HttpChatModel]] = {
    "openai": OpenAIChatModel,
    "anthropic": AnthropicMessagesModel,
}


def build_simulated(settings: Settings) -> SimulatedModel:
    name = settings.MODEL_NAME if not settings.ENABLE_REAL_MODEL else "safenow-sim-1"
    return SimulatedModel(name, settings.SIMULATED_MODEL_SEED, settings.SIMULATED_LATENCY_MS)


def build_provider(settings: Settings) -> HttpChatModel:
    provider = PROVIDERS[settings.MODEL_PROVIDER]
    return provider(
        model_name=settings.MODEL_NAME,
        api_key=settings.MODEL_API_KEY,
        base_url=settings.MODEL_BASE_URL or None,
        connect_timeout_s=settings.MODEL_CONNECT_TIMEOUT_S,
        read_timeout_s=settings.MODEL_READ_TIMEOUT_S,
        retry=RetryPolicy(max_retries=settings.MODEL_MAX_RETRIES),
        breaker=CircuitBreaker(settings.MODEL_BREAKER_FAILURES, settings.MODEL_BREAKER_RESET_S),
    )


def build_model(settings: Settings) -> ModelAdapter:
    if not settings.ENABLE_REAL_MODEL:
        return build_simulated(settings)
    fallback: ModelAdapter | None = None
    if settings.MODEL_FALLBACK == "simulated":
        fallback = build_simulated(settings)
    elif settings.MODEL_FALLBACK == "refusal":
        fallback = RefusalModel()
    return FallbackModel(build_provider(settings), fallback)
