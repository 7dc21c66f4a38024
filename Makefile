# leaklaw: the two commands of the README.
#   make run   install missing Debian packages, build, assess the bundled DNC case
#   make test  the same set-up, then every test under ASan + UBSan through
#              CTest, the thread-safety and batch tests under
#              ThreadSanitizer, then the unit, CLI and fuzz-corpus tests
#              under valgrind
# Other targets: build, install, fuzz, bench, clean, deps.
#   make install PREFIX=/usr/local [DESTDIR=/staging]   (docs/internals.md)

BUILD      ?= build
BUILD_TEST ?= build-test
BUILD_VALGRIND ?= build-valgrind
BUILD_TSAN ?= build-tsan
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 60
PREFIX     ?= /usr/local

# Debian 12 packages the project builds, tests and benchmarks with. The
# install test needs no more: pkg-config, and the static libjansson.a,
# libyaml.a and libcrypto.a that the -dev packages ship.
DEB_PACKAGES = build-essential cmake pkg-config clang libclang-rt-14-dev \
	libjansson-dev libyaml-dev libssl-dev libcmocka-dev libmicrohttpd-dev \
	zlib1g-dev liblzma-dev libzstd-dev libsqlite3-dev \
	python3 python3-dkim python3-nacl python3-jsonschema valgrind
# Only for `make test`'s browser tests of the web interface (leaklaw serve):
# Debian's Chromium, driven by playwright-core from npm (tests/e2e). Node.js
# and npm are installed from Debian only when the commands are missing (a
# Node.js that bundles npm conflicts with Debian's npm package).
E2E_PACKAGES = chromium
# Only for `make bench`: the timing tool and the peers measured beside us.
BENCH_PACKAGES = hyperfine jq time nodejs python3-cryptography wrk sqlite3 \
	libsimdjson-dev

.PHONY: all deps e2e-deps install-packages build install run test fuzz bench clean

all: build

deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(DEB_PACKAGES)"

install-packages:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "leaklaw: installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DLK_BUILD_TESTS=OFF >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

install: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DLK_BUILD_TESTS=OFF \
	  -DCMAKE_INSTALL_PREFIX="$(PREFIX)" >/dev/null
	cmake --build $(BUILD) -j $(JOBS)
	DESTDIR="$(DESTDIR)" cmake --install $(BUILD)

run: build
	./$(BUILD)/leaklaw assess --format md data/cases/dnc-2016.json

e2e-deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(E2E_PACKAGES)"
	@command -v node >/dev/null 2>&1 || \
	  $(MAKE) --no-print-directory install-packages PACKAGES=nodejs
	@command -v npm >/dev/null 2>&1 || \
	  $(MAKE) --no-print-directory install-packages PACKAGES=npm
	@[ -d tests/e2e/node_modules/playwright-core ] || \
	  (cd tests/e2e && npm ci --no-audit --no-fund)

test: deps e2e-deps
	cmake -S . -B $(BUILD_TEST) -DCMAKE_BUILD_TYPE=Debug -DLK_SANITIZE=ON \
	  -DLK_DEBUG_ALLOC=ON -DLK_ENABLE_WERROR=ON >/dev/null
	cmake --build $(BUILD_TEST) -j $(JOBS)
	cd $(BUILD_TEST) && ctest --output-on-failure -j $(JOBS)
	cmake -S . -B $(BUILD_TSAN) -DCMAKE_BUILD_TYPE=Debug -DLK_TSAN=ON \
	  -DLK_ENABLE_WERROR=ON >/dev/null
	cmake --build $(BUILD_TSAN) -j $(JOBS) --target test_threads test_batch
	cd $(BUILD_TSAN) && ctest --output-on-failure -R '^unit_(threads|batch)$$'
	cmake -S . -B $(BUILD_VALGRIND) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DLK_VALGRIND=ON >/dev/null
	cmake --build $(BUILD_VALGRIND) -j $(JOBS)
	cd $(BUILD_VALGRIND) && ctest --output-on-failure -j $(JOBS) -L 'unit|cli|fuzz'

fuzz: deps
	CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DLK_FUZZ=ON >/dev/null
	cmake --build build-fuzz -j $(JOBS)
	tests/fuzz/run-all.sh build-fuzz $(FUZZ_SECONDS)

bench: build
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(BENCH_PACKAGES)"
	bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(BUILD_TEST) $(BUILD_VALGRIND) $(BUILD_TSAN) build-fuzz
