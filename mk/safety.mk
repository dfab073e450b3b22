# Make targets of the safety part (issue 3): evaluation on the held-out split,
# pipeline benchmark, training the ml classifier, rebuilding the corpus.

SAFETY_DATA_DIR ?= $(BUILD)/safety
SAFETY_TEST_CORPUS ?= tests/data/safety/test.jsonl

.PHONY: eval-safety bench-safety train-classifier safety-corpus

eval-safety: $(STAMP) ## Per-class P/R/F1 and benign FPR of each classifier mode (held-out split)
	$(PY) -m safenow.safety.evaluate --corpus '$(SAFETY_TEST_CORPUS)' --data-dir '$(SAFETY_DATA_DIR)'

bench-safety: $(STAMP) ## Safety pipeline median/p99 microseconds on 1 KB and 16 KB prompts
	$(PY) bench/bench_safety.py --data-dir '$(SAFETY_DATA_DIR)'

train-classifier: $(STAMP) ## Train the ml safety classifier into $$DATA_DIR/models (default ./var)
	$(BIN)/safenow-train-classifier --data-dir "$${DATA_DIR:-var}"

safety-corpus: $(STAMP) ## Rebuild the corpus (both splits) from tests/data/safety/source/
	$(PY) tests/data/safety/build_corpus.py
