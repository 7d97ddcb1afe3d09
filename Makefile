# One task runner for the habits people use.  `make dashboard` and `make test` are the two
# set-up commands: each creates .venv and installs the project when it is missing.
#
# The installation compiles the per-article modules with mypyc (setup.py; about 1.5 minutes
# once).  `FRAMING_COMPILE=0 make install` installs pure Python.  In a checkout the compiled
# files sit beside the sources; the run targets rebuild them first when a source is newer
# (`fresh`), and `make pure` removes them.
# The interpreter .venv is made with: build_support/python.sh picks the system's python3 when it
# is 3.11 or newer (distributions build it with profile-guided and link-time optimisation: about
# 9% less CPU per article here than pyenv's default build), else python3 on PATH.
# `make install PYTHON=python3` chooses another.
PYTHON ?=
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8501

.PHONY: install fresh dashboard test test-fast lint bench eval browser clean compiled pure

$(STAMP): pyproject.toml setup.py
	test -x $(BIN)/python || $(or $(PYTHON),$$(sh build_support/python.sh)) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python build_support/inplace.py --touch
	$(BIN)/framing --version
	touch $(STAMP)

install: $(STAMP)

# Compiled modules older than their source (after an edit or a checkout) are rebuilt in place.
fresh: $(STAMP)
	@$(BIN)/python build_support/inplace.py --if-stale

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

dashboard: fresh
	$(BIN)/python -m views.serve --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

test: fresh browser
	$(BIN)/python -m pytest -q

test-fast: fresh
	$(BIN)/python -m pytest -q -m "not browser and not slow"

lint: $(STAMP)
	$(BIN)/ruff check framing tests dashboard.py views benchmarks scripts setup.py build_support
	$(BIN)/mypy

bench: fresh
	$(BIN)/python -m benchmarks

eval: fresh
	$(BIN)/framing eval

# Build the compiled modules in place (setup.py; needs a C compiler and the Python headers;
# about 80 s on 2 cores, 10 s when no compiled source changed).  Python imports them before the
# sources; `fresh` rebuilds them when a source is newer, `make pure` removes them.
compiled: $(STAMP)
	$(BIN)/python build_support/inplace.py

pure:
	rm -f framing/*.so *__mypyc.*.so
	rm -rf build/__native* build/framing build/temp.* build/lib.*

clean: pure
	rm -rf $(VENV) build *.egg-info .pytest_cache
