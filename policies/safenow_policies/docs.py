"""Generate docs/policies.md from the rules, their per-stack config and the Checkov map.

The document is never edited by hand: `make policy-docs` rewrites it and a test
(and `make policy-check`) fails when it is stale, so what reviewers read is
what the pack runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from safenow_policies.checkov_map import MAPPED, NOT_COVERED
from safenow_policies.model import FAMILIES, STACKS, SafeNowPolicy
from safenow_policies.registry import (
    ALL_POLICIES,
    CHECK_ROWS,
    DECLINED,
    PARTIAL_COVERAGE,
    policies_for_row,
)

FAMILY_TITLES = {
    "pod_security": "Pod security (`safenow_policies/pod_security.py`)",
    "images": "Images (`safenow_policies/images.py`)",
    "resources_probes": "Resources and probes (`safenow_policies/resources_probes.py`)",
    "availability_scaling": "Availability and scaling (`safenow_policies/availability_scaling.py`)",
    "networking": "Networking (`safenow_policies/networking.py`)",
    "canary": "Canary (`safenow_policies/canary.py`)",
    "service_config": "Service configuration (`safenow_policies/service_config.py`)",
    "stack_level": "Stack-level rules (`safenow_policies/stack_level.py`)",
}
LEVEL_CODES = {
    "M": "M (mandatory everywhere)",
    "A": "A (advisory everywhere)",
    "M-prod": "M-prod (mandatory in prod, advisory elsewhere)",
}

INTRO = """\
# SafeNow policy pack (CrossGuard)

`policies/` is a Pulumi CrossGuard policy pack (`safenow-compliance`, runtime
python) that stops a deploy when it breaks one of SafeNow's compliance rules.
Every rule below is one policy with its reason, its remediation, the controls
of `compliance/controls.csv` it serves and its enforcement level per stack.
This file is generated from the rules (`make policy-docs`); do not edit it by
hand.

## Running it

```sh
pulumi preview --stack prod --policy-pack policies \\
    --policy-pack-config policies/config/prod.json
make policy-report STACK=prod      # the same pack, without the engine: level and result per policy
make policy-report-all             # dev, staging and prod (CI runs this)
make bench-policy                  # time for the prod stack's whole resource set
```

`policies/__main__.py` only assembles the `PolicyPack`; the rules live in
`policies/safenow_policies/`, one module per family, and `registry.py` lists
them (`ALL_POLICIES`). `make policy-report` captures the stack from the infra
program under Pulumi's mocks and drives the real pack process over its
Analyzer gRPC service exactly as the engine does
(`safenow_policies/harness.py`).

## How a stack selects levels and parameters

Each stack deploys with its own config file, `policies/config/<stack>.json`,
passed with `--policy-pack-config`. The file sets every policy's
`enforcementLevel` and parameters; the engine validates the parameters against
each policy's JSON schema before the pack runs. The files are generated from
the rules (`make policy-config`), so changing a level or a parameter means
changing the rule's `stack_levels` / `stack_parameters` where a reviewer sees
it; a test fails when a file is stale.

- **Levels.** The rule's spec level comes from `policy-checks.md`: `M` is
  mandatory in every stack, `A` advisory in every stack, `M-prod` mandatory in
  prod and advisory in dev and staging. Prod always runs the spec level (the
  code refuses a prod override). Only dev may downgrade a rule to advisory, and
  a rule with a safe fix may run at `remediate` outside prod (the pack then
  rewrites the resource instead of reporting it). Without a config file the
  pack declares prod's levels: strict by default.
- **Parameters.** Allowed registries, canary cap, minimum replicas, allowed
  Service types and the durable audit requirement differ per stack (tables
  below); everything else uses the schema default.
- **Stack configuration.** `canary-step-plan-valid` reads the stack's own
  `safenow:canary` block, which the engine hands every policy pack in
  `PULUMI_CONFIG`. Where a pack runs without stack config (`pulumi policy
  analyze`), that rule reports itself not applicable.
- **Where rules are checked.** Resource policies run on each resource before it
  is created; stack policies (marked *stack*) run on the whole resource set at
  the end of the preview, which `pulumi up` runs first. Rules whose facts live
  in another object (a ConfigMap, an HPA, a Service) are stack policies.
"""


def _level_row(policy: SafeNowPolicy) -> str:
    return " / ".join(f"{stack} {policy.level(stack).value}" for stack in STACKS)


def _parameters(policy: SafeNowPolicy) -> list[str]:
    if not policy.parameters:
        return ["- Parameters: none"]
    lines = ["- Parameters:"]
    for key, schema in policy.parameters.items():
        values = {s: policy.parameters_for(s)[key] for s in STACKS}
        distinct = {json.dumps(v) for v in values.values()}
        if len(distinct) == 1:
            shown = f"`{json.dumps(schema['default'])}` in every stack"
        else:
            shown = ", ".join(f"{s} `{json.dumps(v)}`" for s, v in values.items())
        kind = schema.get("type") or "enum"
        lines.append(f"  - `{key}` ({kind}): {schema.get('description', '')} {shown}")
    return lines


def policy_section(policy: SafeNowPolicy) -> list[str]:
    rows = ", ".join(str(r) for r in policy.rows)
    scope = "stack" if policy.scope == "stack" else "resource"
    if policy.kinds is not None and scope == "resource":
        scope += f" ({', '.join(sorted(policy.kinds))})"
    lines = [
        f"### `{policy.name}`",
        "",
        policy.description,
        "",
        f"- Controls: {', '.join(policy.control_ids)}; policy-checks row {rows}; scope: {scope}",
        f"- Default level: {LEVEL_CODES[policy.default_level]}; per stack: {_level_row(policy)}",
        *_parameters(policy),
        *([f"- Stacks differ: {policy.stack_note}"] if policy.stack_note else []),
        f"- Remediation: {policy.remediation}",
        f"- Example violation: `{policy.example_message}`",
    ]
    if policy.fix is not None:
        lines.append("- Automatic remediation: yes, at enforcement level `remediate`")
    return [*lines, ""]


def coverage_table() -> list[str]:
    lines = [
        "## Coverage of policy-checks.md",
        "",
        "Every one of the 44 rows has at least one policy; none is declined. Notes"
        " say where a row is covered only in part and why.",
        "",
        "| Row | Policies | Note |",
        "|---|---|---|",
    ]
    for row in CHECK_ROWS:
        names = ", ".join(f"`{p.name}`" for p in policies_for_row(row))
        note = DECLINED.get(row) or PARTIAL_COVERAGE.get(row, "")
        lines.append(f"| {row} | {names or 'declined'} | {note} |")
    return [*lines, ""]


def stack_summary() -> list[str]:
    lines = [
        "## Levels per stack at a glance",
        "",
        "| Policy | Spec | dev | staging | prod |",
        "|---|---|---|---|---|",
    ]
    for policy in ALL_POLICIES:
        levels = " | ".join(policy.level(s).value for s in STACKS)
        lines.append(f"| `{policy.name}` | {policy.default_level} | {levels} |")
    return [*lines, ""]


def checkov_table() -> list[str]:
    lines = [
        "## Checkov cross-check",
        "",
        "Checkov is the independent oracle. `tests/policies/test_policy_checkov_oracle.py`"
        " renders each stack and each seeded bad variant (`make render`'s code), runs"
        " Checkov's Kubernetes checks on it, and requires that every failed check is"
        " reported by the pack, on the same resource, through a policy this table maps it"
        " to; it also checks that this table lists every Kubernetes check Checkov has."
        " The test reads the table from `safenow_policies/checkov_map.py`, which this"
        " section is generated from.",
        "",
        "| Checkov id | SafeNow policy | Note |",
        "|---|---|---|",
    ]
    for mapping in MAPPED:
        names = ", ".join(f"`{p}`" for p in mapping.policies)
        lines.append(f"| {mapping.check_id} | {names} | {mapping.note} |")
    lines += [
        "",
        "Checks SafeNow has no policy for, and why:",
        "",
        "| Checkov ids | Reason |",
        "|---|---|",
    ]
    grouped: dict[str, list[str]] = {}
    for mapping in NOT_COVERED:
        grouped.setdefault(mapping.note, []).append(mapping.check_id)
    for note, ids in grouped.items():
        lines.append(f"| {', '.join(ids)} | {note} |")
    return [*lines, ""]


DISAGREEMENTS = """\
## Where public tools disagree

- **UID/GID >= 10000** (`high-uid-gid`): Checkov and kube-score require it, the
  Pod Security Standards do not. SafeNow's own image runs as 10001 and the rule
  exists, but it stays advisory: non-root is what isolates, and third-party
  images (Redis in dev) ship fixed lower UIDs.
- **Localhost seccomp** (`seccomp-profile-set`): Checkov accepts only
  RuntimeDefault; SafeNow, like the Pod Security Standards, also accepts a
  Localhost profile, which is stricter when tuned to the service. Unconfined is
  refused.
- **Added capabilities** (`drop-all-capabilities`): Checkov fails any
  `capabilities.add`; SafeNow allows NET_BIND_SERVICE, as the restricted
  profile does.
- **Secrets as env vars** (`secrets-mounted-as-files`): Checkov prefers files;
  SafeNow accepts `secretKeyRef` (its settings read the environment) and keeps
  the preference as an advisory.
"""


def render() -> str:
    lines = [INTRO, *coverage_table(), *stack_summary(), "## Policies", ""]
    for family in FAMILIES:
        lines += [f"## {FAMILY_TITLES[family]}", ""]
        for policy in ALL_POLICIES:
            if policy.family == family:
                lines += policy_section(policy)
    lines += [*checkov_table(), DISAGREEMENTS]
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="write the document here")
    group.add_argument("--check", type=Path, help="fail if this file is not up to date")
    args = parser.parse_args(argv)
    text = render()
    if args.write:
        args.write.write_text(text, encoding="utf-8")
        print(f"wrote {args.write}")
        return 0
    current = args.check.read_text(encoding="utf-8") if args.check.exists() else ""
    if current != text:
        print(f"{args.check} is out of date; run `make policy-docs`", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
