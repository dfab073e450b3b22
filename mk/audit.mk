# Audit trail, PII redaction and the compliance kit (issue 5).
# The audit commands read the same variables as `make run` (sqlite sink under
# var/audit by default); override AUDIT_SINK, AUDIT_DATABASE_URL... as needed.

PRESIDIO_VENV ?= .venv-presidio
AUDIT_ENV = AUDIT_LOG_PATH="$${AUDIT_LOG_PATH:-$(CURDIR)/var/audit}" DATA_DIR="$${DATA_DIR:-$(CURDIR)/var}"

.PHONY: presidio-venv bench-redaction bench-audit audit-verify audit-export audit-purge test-audit

$(PRESIDIO_VENV)/.installed: bench/requirements-presidio.txt
	test -x $(PRESIDIO_VENV)/bin/python || $(PYTHON) -m venv $(PRESIDIO_VENV)
	$(PRESIDIO_VENV)/bin/python -m pip install -q --upgrade pip
	$(PRESIDIO_VENV)/bin/python -m pip install -q -r bench/requirements-presidio.txt
	touch $@

presidio-venv: $(PRESIDIO_VENV)/.installed ## Microsoft Presidio in its own venv (bench only)

bench-redaction: $(STAMP) $(PRESIDIO_VENV)/.installed ## Redactor vs Presidio: throughput and per-type recall/precision
	$(PY) bench/bench_redaction.py $(BENCH_ARGS)

bench-audit: $(STAMP) ## Audit append throughput per sink and AUDIT_FSYNC policy
	$(PY) bench/bench_audit.py $(BENCH_ARGS)

audit-verify: $(STAMP) ## Verify every hash chain of the configured audit sink
	$(AUDIT_ENV) $(BIN)/safenow-audit verify

audit-export: $(STAMP) ## Export records as JSON Lines: make audit-export SINCE=2025-01-01 UNTIL=2025-02-01 OUT=file
	$(AUDIT_ENV) $(BIN)/safenow-audit export $(if $(SINCE),--since $(SINCE)) $(if $(UNTIL),--until $(UNTIL)) $(if $(OUT),--output $(OUT))

audit-purge: $(STAMP) ## Drop segments older than AUDIT_RETENTION_DAYS (needs AUDIT_CHECKPOINT_KEY)
	$(AUDIT_ENV) $(BIN)/safenow-audit purge

test-audit: $(STAMP) ## Audit, privacy and compliance-kit tests (real PostgreSQL, gunicorn)
	$(BIN)/pytest tests/service/audit tests/service/privacy tests/service/test_compliance_kit.py $(PYTEST_ARGS)
