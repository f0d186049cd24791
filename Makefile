# wgmfig: two commands for a new user, `make figures` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/release/wgmfig
APT_PACKAGES := libcairo2-dev libpango1.0-dev libopenblas-dev liblapacke-dev pkg-config \
                fonts-cmu fonts-dejavu-core fonts-liberation poppler-utils fontconfig chromium
# One set of flags for make figures, make test and make serve, so that the second command reuses
# what the first built: release with -enable-testing (the tests' @testable imports need it; the
# figure set renders no slower, 12.2-13.3 s either way, 2026-12-04), and `swift test` with
# --disable-testable-imports, whose default mode would change every command line and recompile
# every module. make bench times the binaries those commands build, so it uses the same flags
# (and rebuilds nothing after them).
TEST_FLAGS := -c release -Xswiftc -enable-testing

.PHONY: all deps slurm-deps build figures examples example-library docs test test-cluster bench check clean references serve browser-deps

all: figures

# Install system packages only when something is missing.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 \
	   || ! pkg-config --exists pangocairo cairo-pdf cairo-svg lapacke openblas \
	   || ! fc-list 2>/dev/null | grep -q "CMU Serif" \
	   || ! fc-list 2>/dev/null | grep -q "DejaVu Sans" \
	   || ! fc-list 2>/dev/null | grep -q "Liberation Sans" \
	   || ! command -v pdffonts >/dev/null 2>&1 \
	   || ! command -v chromium >/dev/null 2>&1; then \
	    echo "Installing system packages: $(APT_PACKAGES)"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get update && apt-get install -y $(APT_PACKAGES); \
	fi

# Debian's Slurm and munge for the cluster tests (scripts/slurm-local.sh), only when missing.
slurm-deps:
	@for tool in slurmctld slurmd munged sbatch squeue scancel sinfo pgrep setsid timeout; do \
	    command -v $$tool >/dev/null 2>&1 || missing=1; done; \
	if [ -n "$$missing" ]; then \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get update && apt-get install -y --no-install-recommends slurm-wlm munge procps util-linux coreutils; \
	fi

build: deps
	$(SWIFT) build $(TEST_FLAGS) --product wgmfig

figures: build
	$(BIN) render --all --style paper --format pdf,png --out figures

# The example specs (examples/*.yaml: questions the papers do not ask), rendered for the README.
examples: build
	@for spec in examples/*.yaml; do $(BIN) render "$$spec" --style paper --format png --dpi 200 --out examples/figures --quiet || exit 1; done

# Unit, physics and render tests, then the visual check of every panel against the committed
# references (figures/reference; never re-recorded here: a missing reference fails). The
# NumPy/SciPy oracles are mandatory: they run from a private venv filled from PyPI when missing.
TEST_VENV := .venv-test
test: deps browser-deps slurm-deps
	@python3 -c "import venv, ensurepip" 2>/dev/null \
	  || (export DEBIAN_FRONTEND=noninteractive; apt-get update && apt-get install -y python3 python3-venv)
	@test -x $(TEST_VENV)/bin/python || python3 -m venv $(TEST_VENV)
	@$(TEST_VENV)/bin/python -c "import numpy, scipy" 2>/dev/null \
	  || $(TEST_VENV)/bin/pip install --quiet numpy scipy
	WGMFIG_PYTHON=$(abspath $(TEST_VENV))/bin/python $(SWIFT) test $(TEST_FLAGS) --disable-testable-imports
	@# `swift test` built .build/release/wgmfig too (the CLI tests drive it).
	@export WGMFIG_CACHE_DIR=$$(mktemp -d) && set -e && for args in $(CHECK_SETS); do \
	  .build/release/wgmfig check $${args//:/ } --record never; done
	$(SWIFT) build $(TEST_FLAGS) --product wgmfig-serve
	$(TEST_VENV)/bin/python Tests/browser/test_serve.py --server .build/release/wgmfig-serve --cli .build/release/wgmfig
	$(CLUSTER_TEST)
	$(MAKE) --no-print-directory docs example-library

# DocC archives of the library modules in .build/docs/MODULE (the DocC plugin; a warning, e.g. a
# broken symbol link, fails), then every public symbol must have a doc comment.
DOC_MODULES := Plot Optomechanics PhotonBlockade Figures ImageComparison
docs:
	@mkdir -p .build/docs
	@set -e; for m in $(DOC_MODULES); do \
	  $(SWIFT) package --allow-writing-to-directory .build/docs generate-documentation --target $$m \
	    --output-path .build/docs/$$m --warnings-as-errors 2>&1 | grep -v '^\[[0-9]*/[0-9]*\]' ; \
	  test $${PIPESTATUS[0]} -eq 0 || { echo "docs: DocC failed for $$m"; exit 1; }; done
	python3 Tests/docs/check_symbol_docs.py .build/$$(uname -m)-unknown-linux-gnu/extracted-symbols $(DOC_MODULES)

# examples/UsingTheLibrary: a package depending on this one by path renders two figures with the
# bundled styles and no environment variable (Tests/example/test_using_the_library.sh checks them).
example-library: deps
	Tests/example/test_using_the_library.sh

# Sharded sweeps on a real single-node Slurm started and stopped by the test (Tests/cluster/test_slurm.sh).
CLUSTER_TEST := timeout -k 10 330 Tests/cluster/test_slurm.sh --cli .build/release/wgmfig
test-cluster: deps slurm-deps
	$(SWIFT) build $(TEST_FLAGS) --product wgmfig
	$(CLUSTER_TEST)

# The reference sets `make test` checks (":" separates arguments): every panel and whole figure
# in figures/reference, the same renders' SHA-256 against figures/reference/hashes.json (exact
# bytes: the renders are deterministic on this toolchain), a PDF subset rasterised, a slides-style
# subset in figures/reference-slides.
# `make references` re-records them all (a deliberate act: its commit says why).
CHECK_SETS := --mode:image --mode:hash --format:pdf:om-3a:spb-2a:om-2 --reference:figures/reference-slides:om-2a:spb-1c:om-3
references: build
	@export WGMFIG_CACHE_DIR=$$(mktemp -d) && for args in $(CHECK_SETS); do \
	  $(BIN) check $${args//:/ } --record all; done; true

# `wgmfig serve` (its own product: `make figures` never builds the HTTP server). SERVE_ARGS="--specs examples"
serve: deps
	$(SWIFT) build $(TEST_FLAGS) --product wgmfig-serve
	.build/release/wgmfig-serve $(SERVE_ARGS)

# The browser test: Debian's Chromium and chromedriver, Selenium in a private venv (each only when missing).
browser-deps:
	@python3 -c "import venv, ensurepip" 2>/dev/null \
	  || (export DEBIAN_FRONTEND=noninteractive; apt-get update && apt-get install -y python3 python3-venv)
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then \
	    export DEBIAN_FRONTEND=noninteractive; apt-get update && apt-get install -y chromium chromium-driver; fi
	@test -x $(TEST_VENV)/bin/python || python3 -m venv $(TEST_VENV)
	@$(TEST_VENV)/bin/python -c "import selenium" 2>/dev/null || $(TEST_VENV)/bin/pip install --quiet selenium

# Benchmarks compare with NumPy/SciPy/QuTiP baselines run in the same `make bench`;
# those live in a private virtual environment, never a dependency of the tool.
BENCH_VENV := .venv-bench
bench: deps
	@test -x $(BENCH_VENV)/bin/python || python3 -m venv $(BENCH_VENV)
	@$(BENCH_VENV)/bin/python -c "import numpy, scipy, qutip, mpmath" 2>/dev/null \
	  || $(BENCH_VENV)/bin/pip install --quiet numpy scipy qutip mpmath
	$(SWIFT) build $(TEST_FLAGS) --product wgmfig-bench
	$(SWIFT) build $(TEST_FLAGS) --product wgmfig
	$(SWIFT) build $(TEST_FLAGS) --product wgmfig-serve
	WGMFIG_BENCH_PYTHON=$(BENCH_VENV)/bin/python .build/release/wgmfig-bench $(BENCH)

clean:
	rm -rf .build figures/*.png figures/*.pdf figures/*.svg figures/*.json
