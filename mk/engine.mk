# Make targets of the real Pulumi engine (issue 8): build it offline from the Go
# module proxy into a per-version cache outside the repository, and run the
# end-to-end tests with it (docs/e2e.md, tools/pulumi-engine/README.md).

ENGINE_BUILD := tools/pulumi-engine/build.sh
# Recursively expanded on purpose: asks build.sh only when a recipe needs it.
ENGINE_BIN = $(shell $(ENGINE_BUILD) --print-bin-dir)

.PHONY: engine e2e

engine: ## Build or reuse the Pulumi CLI + Kubernetes provider (cold ~15-35 min, cached after)
	@$(ENGINE_BUILD) >/dev/null
	@echo "engine: $(ENGINE_BIN)"

e2e: engine $(STAMP) ## Real-engine tests: preview/up with the policy pack, render, rollback
	PATH="$(ENGINE_BIN):$$PATH" SAFENOW_E2E_REQUIRED=1 $(BIN)/pytest tests/e2e -m e2e $(PYTEST_ARGS)

# `make help` lists targets whose names have no digits; this alias makes e2e visible there.
.PHONY: end-to-end
end-to-end: e2e ## Same as `make e2e` (builds the engine if needed, then tests/e2e)
