# Copydesk — see README.md. Every target installs the Debian packages it needs when missing.
SHELL := /bin/bash
SWIFT ?= swift
CONFIG ?= pipeline.json
APT_PACKAGES := libcurl4-openssl-dev libxml2-dev libxxhash-dev libsqlite3-dev zlib1g-dev pkg-config
PREFIX ?= /usr/local
BIN := .build/release/copydesk

.PHONY: deps build run test demo bench bench-quick install uninstall clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do \
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

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel

clean:
	rm -rf .build

demo: deps
	$(SWIFT) build -c release --static-swift-stdlib --product copydesk
	$(SWIFT) build -c release --product copydesk-demo
	.build/release/copydesk-demo demo/site data/demo $(BIN)

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
