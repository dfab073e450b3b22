"""SafeNow's CrossGuard policy pack: assembles the rules, defines none.

The engine runs this file (`python -m pulumi.policy <engine> .`); PolicyPack
starts the analyzer gRPC server and prints its port. The rules live in
safenow_policies/, one module per family; per-stack levels and parameters come
from policies/config/<stack>.json passed with --policy-pack-config.
"""

from pulumi_policy import PolicyPack

from safenow_policies.registry import pulumi_policies

PolicyPack("safenow-compliance", policies=pulumi_policies())
