# Copydesk — see README.md. Every target installs the Debian packages it needs when missing.
SHELL := /bin/bash
SWIFT ?= swift
CONFIG ?= pipeline.json
APT_PACKAGES := libcurl4-openssl-dev libssl-dev libxml2-dev libxxhash-dev libsqlite3-dev zlib1g-dev libdeflate-dev libbrotli-dev libzstd-dev libpq-dev pkg-config
PREFIX ?= /usr/local
BIN := .build/release/copydesk

.PHONY: deps build run test test-venv demo bench bench-quick install uninstall clean fuzz fuzz-smoke test-tsan test-sanitizers

# What the tests need besides the build: systemd-analyze (unit checks), jq (install script),
# nginx and openssl (real HTTPS servers with certificates made per test run), postgresql (a
# throwaway cluster per test run for the PostgreSQL state store).
TEST_PACKAGES := systemd jq nginx-light openssl postgresql

deps:
	@missing=""; for p in $(APT_PACKAGES) $(EXTRA_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build -c release --static-swift-stdlib --product copydesk

run: build
	$(BIN) run --config $(CONFIG)

# Python tools the tests run against our output (warcio reads the WARC archive back), in a
# venv of their own; the tests find it through COPYDESK_TEST_PYTHON.
TEST_VENV := .build/test-venv
TEST_PYTHON_PACKAGES := warcio==1.7.4

test-venv:
	@[ -x $(TEST_VENV)/bin/python3 ] && $(TEST_VENV)/bin/python3 -c "import warcio" 2>/dev/null || \
	  { python3 -m venv $(TEST_VENV) && $(TEST_VENV)/bin/pip install -q $(TEST_PYTHON_PACKAGES); }

test: EXTRA_PACKAGES = $(TEST_PACKAGES)
# The PostgreSQL cluster of a test run is started before the tests, not inside the first test
# that asks for it (where the tests waiting on `initdb` hold the thread pool: see
# PostgresTestCluster.attachVariable), and removed when the recipe's shell ($$$$) exits. Prints
# the cluster's folder; nothing when the PostgreSQL tests are skipped. $(1): the build folder.
pg_cluster = $(if $(filter 1,$(COPYDESK_SKIP_POSTGRES_TESTS)),true,$(1)/copydesk-test-postgres start --watch $$$$)

test: deps test-venv
	$(SWIFT) build --build-tests
	pg=$$($(call pg_cluster,.build/debug)) && COPYDESK_PG_TEST_CLUSTER=$$pg \
	  COPYDESK_TEST_PYTHON=$(CURDIR)/$(TEST_VENV)/bin/python3 $(SWIFT) test --skip-build --parallel

clean:
	rm -rf .build

# The demo uses the debug build (the one `make test` builds too): it compiles in about half the
# time of a release build, and a demo pass is small.
demo: deps
	$(SWIFT) build --product copydesk
	$(SWIFT) build --product copydesk-demo
	.build/debug/copydesk-demo demo/site data/demo .build/debug/copydesk

install: build
	PREFIX=$(PREFIX) DESTDIR=$(DESTDIR) BIN=$(BIN) scripts/install.sh

uninstall:
	PREFIX=$(PREFIX) DESTDIR=$(DESTDIR) scripts/uninstall.sh

# Benchmarks (docs/performance.md): release build, every benchmark with its peer, one table,
# bench/results/latest.json. nginx (fetch peer) comes from Debian; the Python peers are installed
# by bench/run.py into bench/.venv. bench-quick is a ~2 minute smoke run on small inputs.
BENCH_ARGS ?=
bench: deps
	@command -v nginx >/dev/null || { SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nginx-light || true; }
	python3 bench/run.py $(BENCH_ARGS)

bench-quick: deps
	@command -v nginx >/dev/null || { SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nginx-light || true; }
	python3 bench/run.py --quick $(BENCH_ARGS)

# Fuzzing (docs/reliability.md): one libFuzzer + AddressSanitizer binary in .build-fuzz, every
# parser of outside input for FUZZ_SECONDS each (FUZZ_TARGETS to pick some). Fails on a finding.
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run.sh

# The CI step: every target briefly, after `make test`.
fuzz-smoke: deps
	FUZZ_SECONDS=15 fuzz/run.sh

# The tests under ThreadSanitizer (the concurrency-heavy suites) and AddressSanitizer (all of
# them; NormalizeTests, pure document code, a second time with leak detection on), each in a
# scratch path of its own so the normal build is untouched. docs/reliability.md, "Sanitizers".
TSAN_FILTER ?= FetchTests|IngestionTests|ArticleFlow|BoundedQueueTests|InputOrderTests|NoSilentLossTests|RecordWriterTests|RecordFeedTests|DedupeConcurrencyTests|DedupeEngineTests|StateStoreLease
SANITIZER_ENV = COPYDESK_TEST_PYTHON=$(CURDIR)/$(TEST_VENV)/bin/python3 SWIFT_BACKTRACE=enable=no
test-tsan: EXTRA_PACKAGES = $(TEST_PACKAGES)
test-tsan: deps test-venv
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	pg=$$($(call pg_cluster,.build-tsan/debug)) && COPYDESK_PG_TEST_CLUSTER=$$pg \
	  $(SANITIZER_ENV) TSAN_OPTIONS=halt_on_error=1 \
	  $(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan --filter '$(TSAN_FILTER)'

test-sanitizers: EXTRA_PACKAGES = $(TEST_PACKAGES)
test-sanitizers: test-tsan
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	pg=$$($(call pg_cluster,.build-asan/debug)) && COPYDESK_PG_TEST_CLUSTER=$$pg \
	  $(SANITIZER_ENV) ASAN_OPTIONS=detect_leaks=0 \
	  $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan
	$(SANITIZER_ENV) ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/sanitizers/lsan.supp \
	  $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan --filter NormalizeTests
