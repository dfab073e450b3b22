# Make targets of the rate-limiting part (issue 4).

BENCH_RATELIMIT_ARGS ?= --seconds 3 --rounds 5 --processes 8

.PHONY: bench-ratelimit test-ratelimit

bench-ratelimit: $(STAMP) ## Redis limiter decisions/s vs redis-benchmark INCR (1 and 8 clients)
	$(PY) bench/bench_ratelimit.py $(BENCH_RATELIMIT_ARGS)

test-ratelimit: $(STAMP) ## Rate-limit tests only (real redis-server and gunicorn)
	$(BIN)/pytest tests/service/ratelimit $(PYTEST_ARGS)
