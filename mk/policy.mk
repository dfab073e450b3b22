# Make targets of the policy pack (issue 7): report, per-stack config, docs, benchmark.
# The pack itself needs no build: `pulumi preview --policy-pack policies
# --policy-pack-config policies/config/$(STACK).json` loads it as it is.

POLICY_ENV := PYTHONPATH=infra:policies$${PYTHONPATH:+:$$PYTHONPATH}
POLICY_STACKS := dev staging prod

.PHONY: policy-report policy-report-all policy-config policy-docs policy-check bench-policy

policy-report: $(STAMP) ## Each policy's level and result for STACK (exit 1 on a mandatory violation)
	@test -n '$(STACK)' || { echo "policy-report: set STACK to one of $(POLICY_STACKS)"; exit 2; }
	$(POLICY_ENV) $(PY) -m safenow_policies.report --stack '$(STACK)'

policy-report-all: $(STAMP) ## policy-report for dev, staging and prod
	@for stack in $(POLICY_STACKS); do $(MAKE) --no-print-directory policy-report STACK=$$stack || exit 1; done

policy-config: $(STAMP) ## Regenerate policies/config/<stack>.json from the rules
	$(POLICY_ENV) $(PY) -m safenow_policies.pack_config

policy-docs: $(STAMP) ## Regenerate docs/policies.md from the rules and the Checkov map
	$(POLICY_ENV) $(PY) -m safenow_policies.docs --write docs/policies.md

policy-check: $(STAMP) ## Fail when the config files or docs/policies.md are stale
	$(POLICY_ENV) $(PY) -m safenow_policies.pack_config --check
	$(POLICY_ENV) $(PY) -m safenow_policies.docs --check docs/policies.md

bench-policy: $(STAMP) ## Time the pack on the prod stack's whole resource set (prints medians)
	$(POLICY_ENV) $(PY) bench/bench_policy.py
