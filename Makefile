# Copydesk — see README.md. Every target installs the Debian packages it needs when missing.
SHELL := /bin/bash
SWIFT ?= swift
CONFIG ?= pipeline.json
APT_PACKAGES := libcurl4-openssl-dev libxml2-dev libxxhash-dev libsqlite3-dev zlib1g-dev libdeflate-dev pkg-config
PREFIX ?= /usr/local
BIN := .build/release/copydesk

.PHONY: deps build run test demo bench bench-quick install uninstall clean

# What the tests need besides the build: systemd-analyze (unit checks) and jq (install script).
TEST_PACKAGES := systemd jq

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

test: EXTRA_PACKAGES = $(TEST_PACKAGES)
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel

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
