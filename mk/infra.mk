# Make targets of the infrastructure part (issue 6): rendering the Pulumi
# program under mocks, operating the weighted canary, checkov, benchmark.

STACK ?= dev
RENDER_DIR ?= $(BUILD)/render/$(STACK)
CHECKOV_VENV ?= .venv-checkov
CHECKOV := $(CHECKOV_VENV)/bin/checkov
CHECKOV_STAMP := $(CHECKOV_VENV)/.installed
CANARY := $(PY) -m safenow_infra.ops.canary
INFRA_ENV := PYTHONPATH=infra$${PYTHONPATH:+:$$PYTHONPATH}

.PHONY: render canary promote rollback checkov checkov-venv bench-preview

render: $(STAMP) ## Write every Kubernetes resource of STACK as YAML under RENDER_DIR
	$(INFRA_ENV) $(PY) -m safenow_infra.render --stack '$(STACK)' --out '$(RENDER_DIR)'

canary: $(STAMP) ## Shift WEIGHT % of STACK's traffic to IMAGE (pulumi config set + up)
	$(INFRA_ENV) $(CANARY) canary --stack '$(STACK)' --image '$(IMAGE)' --weight '$(WEIGHT)'

promote: $(STAMP) ## Make STACK's canary image stable, weight back to 0; records last good
	$(INFRA_ENV) $(CANARY) promote --stack '$(STACK)'

rollback: $(STAMP) ## Canary weight of STACK to 0 at once (TO_LAST_GOOD=1: restore last promote)
	$(INFRA_ENV) $(CANARY) rollback --stack '$(STACK)' $(if $(TO_LAST_GOOD),--to-last-good)

$(CHECKOV_STAMP): infra/requirements-checkov.txt
	test -x $(CHECKOV_VENV)/bin/python || $(PYTHON) -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/python -m pip install -q --upgrade pip
	$(CHECKOV_VENV)/bin/python -m pip install -q -r infra/requirements-checkov.txt
	touch $(CHECKOV_STAMP)

checkov-venv: $(CHECKOV_STAMP) ## Create the separate checkov virtualenv (.venv-checkov)

checkov: $(CHECKOV_STAMP) render ## Run checkov offline on STACK's render (accepted checks: docs/checkov.md)
	CKV_SKIP_PACKAGE_UPDATE_CHECK=true $(INFRA_ENV) $(PY) -m safenow_infra.checkov_gate \
	  --checkov '$(CHECKOV)' --dir '$(RENDER_DIR)' --accepted docs/checkov.md --stack '$(STACK)'

bench-preview: $(STAMP) ## Time the prod preview under mocks (prints seconds)
	$(INFRA_ENV) $(PY) bench/bench_preview.py --stack prod
