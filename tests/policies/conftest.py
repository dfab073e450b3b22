"""Fixtures of the policy tests: the real pack as a process, evaluated like the engine does."""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pytest

from safenow_infra.capture import capture_stack, stack_config
from safenow_policies import pack_config
from safenow_policies.harness import Evaluation, PackProcess
from safenow_policies.model import STACKS

Evaluate = Callable[..., Evaluation]


# Running packs kept for reuse; each holds ~60 MB, and the machine is shared.
MAX_RUNNING_PACKS = 3


@pytest.fixture(scope="session")
def pack_processes() -> Iterator[OrderedDict[tuple[str, str], PackProcess]]:
    """Running packs by (stack, stack config): the engine starts one per deployment."""
    running: OrderedDict[tuple[str, str], PackProcess] = OrderedDict()
    yield running
    for process in running.values():
        process.stop()


@pytest.fixture(scope="session")
def evaluate(pack_processes) -> Evaluate:
    def run(
        stack: str,
        resources: list[Any],
        config: Mapping[str, Any],
        policy_config: Mapping[str, Any] | None = None,
    ) -> Evaluation:
        """Evaluate with policies/config/<stack>.json unless another policy config is given."""
        key = (stack, json.dumps(config, sort_keys=True))
        if key in pack_processes:
            pack_processes.move_to_end(key)
        else:
            if len(pack_processes) >= MAX_RUNNING_PACKS:
                _, oldest = pack_processes.popitem(last=False)
                oldest.stop()
            process = PackProcess(stack, config)
            process.start()
            pack_processes[key] = process
        session = pack_processes[key].session()
        session.configure(pack_config.load(stack) if policy_config is None else policy_config)
        return session.evaluate(resources)

    return run


@pytest.fixture(scope="session")
def base_evaluations(evaluate) -> dict[str, Evaluation]:
    """Each stack as Pulumi.<stack>.yaml declares it, through the pack process."""
    return {s: evaluate(s, capture_stack(s), stack_config(s)) for s in STACKS}
