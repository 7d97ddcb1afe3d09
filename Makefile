# One task runner for the habits people use.  `make dashboard` and `make test` are the two
# set-up commands: each creates .venv and installs the project when it is missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8501

.PHONY: install dashboard test test-fast lint bench eval browser clean compiled pure

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium for the browser test and for PNG/SVG export (kaleido finds it on PATH).
# Installed with apt when missing and when we may; otherwise the browser tests skip with a reason.
browser:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian's chromium (needed by the browser test and PNG export)"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null) \
	      || echo "could not install chromium: browser tests will skip"; \
	  else echo "chromium missing and cannot be installed here: browser tests will skip"; fi; \
	fi

dashboard: $(STAMP)
	$(BIN)/python -m views.serve --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not browser and not slow"

lint: $(STAMP)
	$(BIN)/ruff check framing tests dashboard.py views benchmarks scripts setup.py build_support
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m benchmarks

eval: $(STAMP)
	$(BIN)/framing eval

# The optional compiled build (setup.py): the per-article pipeline's modules compiled in place
# with mypyc (needs a C compiler and the Python headers; about a minute on 2 cores).  Python
# imports them before the sources; importing framing fails once a source is newer (rebuild, or
# `make pure`).
compiled: $(STAMP)
	$(BIN)/python -m pip install --quiet 'setuptools>=77'
	FRAMING_COMPILE=1 $(BIN)/python setup.py --quiet build_ext --inplace --parallel 2

pure:
	rm -f framing/*.so *__mypyc.*.so
	rm -rf build/__native* build/framing build/temp.* build/lib.*

clean: pure
	rm -rf $(VENV) build *.egg-info .pytest_cache
