"""Run the real program for a stack through the Pulumi engine (Automation API, inline program).

Why not `pulumi preview` in the project directory: the CLI starts a Python
program through the `pulumi-language-python` plugin, and the Go module proxy
refuses that module (tools/pulumi-engine/README.md). The Automation API with
an inline program needs no language plugin: the Python SDK serves the
language runtime itself, in this process, and the CLI does the rest (state,
diff, providers, policy packs) exactly as on a normal `pulumi up`.

The program is the one `infra/__main__.py` runs: `build_program(load_stack_config())`.
The workspace is a project directory holding Pulumi.yaml and Pulumi.<stack>.yaml
(the repository root, or a copy of its Pulumi*.yaml files), so the stack's
own config file is what the program reads.

Render mode: with a render directory, the stack config key
`kubernetes:renderYamlToDirectory` is set, which the default Kubernetes
provider reads; `up` then writes every manifest under that directory and
never contacts a cluster. No program change is needed for it.

Policy pack: the CrossGuard pack in policies/ runs through the executable
wrapper tools/pulumi-engine/pulumi-analyzer-policy-python (the engine starts an
executable `--policy-pack` directly; a pack directory would need the missing
language plugin), with policies/config/<stack>.json as its config.

    python -m safenow_infra.engine_runner preview --stack prod
    python -m safenow_infra.engine_runner up --stack dev --render-dir build/engine-render/dev
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pulumi import automation as auto

from safenow_infra.capture import known_stacks, project_name
from safenow_infra.envfile import REPO_ROOT

RENDER_KEY = "kubernetes:renderYamlToDirectory"
POLICY_PACK_DIR = REPO_ROOT / "policies"
POLICY_CONFIG_DIR = POLICY_PACK_DIR / "config"
ANALYZER = REPO_ROOT / "tools" / "pulumi-engine" / "pulumi-analyzer-policy-python"


class EngineError(RuntimeError):
    """A preview or update the engine refused or that failed; carries the CLI's output."""

    def __init__(self, action: str, stack: str, output: str) -> None:
        super().__init__(f"pulumi {action} on stack {stack} failed:\n{output}")
        self.action = action
        self.stack = stack
        # The CLI's exit code, stdout (policy report, errors) and stderr, as one text.
        self.output = output


def program() -> None:
    """The inline program: what infra/__main__.py does, run in this process."""
    # Imported here so that `--help` and option errors do not load the whole program.
    from safenow_infra.config import load_stack_config
    from safenow_infra.program import build_program

    build_program(load_stack_config())


@dataclass
class InlineRunner:
    """Previews and updates a stack with the real engine; one runner serves any stack.

    project_dir: holds Pulumi.yaml and Pulumi.<stack>.yaml (config is read from, and
        `stack init` writes its encryption salt to, the stack file there).
    render_dir: when set, the stack is put in render mode with manifests written here.
    pulumi_root: a directory with bin/pulumi (the engine cache dir); None finds `pulumi`
        on PATH. The bin dir is put first on the CLI's PATH, which is where the engine
        finds pulumi-resource-kubernetes (automatic plugin downloads are off offline).
    env: extra environment for the CLI (backend URL, PULUMI_HOME, passphrase, ...).
    policies: run the policy pack on every preview and update.
    """

    project_dir: Path = REPO_ROOT
    render_dir: Path | None = None
    pulumi_root: Path | None = None
    env: Mapping[str, str] = field(default_factory=dict)
    policies: bool = True
    policy_pack: Path = POLICY_PACK_DIR
    policy_config_dir: Path = POLICY_CONFIG_DIR
    on_output: Callable[[str], None] | None = None

    def stack(self, name: str) -> auto.Stack:
        """Create or select `name` in the backend; switch it to render mode if asked."""
        known = known_stacks(self.project_dir)
        if name not in known:
            # Checked first: selecting an unknown name would create an empty stack.
            raise EngineError(
                "stack select",
                name,
                f"unknown stack {name!r}; known stacks: {', '.join(known)} "
                f"(one Pulumi.<stack>.yaml each in {self.project_dir})",
            )
        command = None
        if self.pulumi_root is not None:
            command = auto.PulumiCommand(root=str(self.pulumi_root))
        env = dict(self.env)
        if self.policies:
            # Read by the analyzer wrapper: the engine passes it only the engine address.
            env["SAFENOW_POLICY_PACK"] = str(self.policy_pack)
        try:
            stack = auto.create_or_select_stack(
                stack_name=name,
                project_name=_project_name(self.project_dir),
                program=program,
                opts=auto.LocalWorkspaceOptions(
                    work_dir=str(self.project_dir),
                    env_vars=env,
                    pulumi_command=command,
                ),
            )
            if self.render_dir is not None:
                stack.set_config(RENDER_KEY, auto.ConfigValue(str(self.render_dir.resolve())))
        except auto.CommandError as exc:
            raise EngineError("stack select", name, str(exc)) from None
        return stack

    def _policy_args(self, stack: str) -> dict[str, list[str]]:
        if not self.policies:
            return {}
        config = self.policy_config_dir / f"{stack}.json"
        if not config.is_file():
            raise EngineError("policy", stack, f"no policy config {config} for stack {stack}")
        return {"policy_packs": [str(ANALYZER)], "policy_pack_configs": [str(config)]}

    def preview(self, name: str) -> auto.PreviewResult:
        """`pulumi preview [--policy-pack ...]`; a mandatory violation raises EngineError."""
        stack = self.stack(name)
        try:
            return stack.preview(on_output=self.on_output, **self._policy_args(name))
        except auto.CommandError as exc:
            raise EngineError("preview", name, str(exc)) from None

    def up(self, name: str, message: str | None = None) -> auto.UpResult:
        """`pulumi up --yes [--policy-pack ...]`: a preview first, the update only if it passed.

        The Automation API always updates with --skip-preview. A policy pack then checks
        resources step by step during the update itself: the first violation halts it, but
        steps already taken stay taken, and the failed update still rewrites the stack
        outputs (seen with the real engine: a cap violation left trafficSplit 50/50 in
        the checkpoint while the HTTPRoute kept 90/10). Previewing first, as an
        interactive `pulumi up` does, means a mandatory violation changes nothing.
        """
        stack = self.stack(name)
        policy = self._policy_args(name)
        if self.policies:
            try:
                stack.preview(on_output=self.on_output, **policy)
            except auto.CommandError as exc:
                raise EngineError("up", name, f"the preview refused the update:\n{exc}") from None
        try:
            return stack.up(message=message, on_output=self.on_output, **policy)
        except auto.CommandError as exc:
            raise EngineError("up", name, str(exc)) from None

    @classmethod
    def from_environment(cls, project_dir: Path | None = None) -> InlineRunner:
        """A runner for the ops scripts, configured from the environment (see env.sh).

        SAFENOW_PROJECT_DIR (default: the repository), SAFENOW_RENDER_DIR (optional; unset
        keeps whatever the stack config says), PULUMI_BIN (optional; else `pulumi` on PATH).
        """
        root = None
        binary = os.environ.get("PULUMI_BIN")
        if binary:
            root = Path(binary).resolve().parent.parent
        render = os.environ.get("SAFENOW_RENDER_DIR")
        return cls(
            project_dir=project_dir or Path(os.environ.get("SAFENOW_PROJECT_DIR", REPO_ROOT)),
            render_dir=Path(render) if render else None,
            pulumi_root=root,
        )


def _project_name(project_dir: Path) -> str:
    if not (project_dir / "Pulumi.yaml").is_file():
        raise EngineError("select", "-", f"{project_dir} has no Pulumi.yaml")
    return project_name(project_dir)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="engine_runner", description=__doc__.splitlines()[0] if __doc__ else None
    )
    parser.add_argument("action", choices=("preview", "up"))
    parser.add_argument("--stack", required=True)
    parser.add_argument("--project-dir", type=Path, help="dir with Pulumi.yaml (default: repo)")
    parser.add_argument("--render-dir", type=Path, help="render manifests here, no cluster")
    parser.add_argument("--message", help="update message (up)")
    parser.add_argument("--no-policy", action="store_true", help="skip the policy pack")
    args = parser.parse_args(argv)
    runner = InlineRunner.from_environment(args.project_dir)
    if args.render_dir is not None:
        runner.render_dir = args.render_dir
    runner.policies = not args.no_policy
    runner.on_output = print
    try:
        if args.action == "preview":
            runner.preview(args.stack)
        else:
            runner.up(args.stack, args.message)
    except EngineError as exc:
        # The CLI's stdout was already streamed by on_output; show what was not.
        cli_stdout, _, cli_stderr = exc.output.partition("\n stderr:")
        print(cli_stderr.strip() if " stdout:" in cli_stdout else exc.output, file=sys.stderr)
        print(f"engine_runner: pulumi {exc.action} on stack {exc.stack} failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
