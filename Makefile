# Set-up and the everyday jobs. `make run` and `make test` work on a fresh machine:
# they create the virtual environment and install marsad into it first.
# PYTHON: the interpreter .venv is made from. By default Debian's /usr/bin/python3.11 when
# it can make a virtual environment (it is built with profile-guided and link-time
# optimisation and used 7-10 % less CPU for `marsad watch` and `ingest` than pyenv's default
# build: docs/watch.md, "Benchmark", session 13), else python3. Another: make install PYTHON=...
OPTIMISED_PYTHON := /usr/bin/python3.11
PYTHON ?= $(shell $(OPTIMISED_PYTHON) -c "import ensurepip, venv" >/dev/null 2>&1 && echo $(OPTIMISED_PYTHON) || echo python3)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install bench clean

run: $(STAMP)  ## analyse the bundled example article, write out/putin-kim-summit.jsonl
	@mkdir -p out
	$(BIN)/marsad extract examples/putin-kim-summit.jsonl -o out/putin-kim-summit.jsonl
	$(BIN)/marsad show out/putin-kim-summit.jsonl

test: $(STAMP)  ## check the import layers (pyproject.toml), then run the test suite
	$(BIN)/lint-imports --no-cache --no-logo
	$(BIN)/python -m pytest -q

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[web,dask,parquet,watch,test]'
	@touch $(STAMP)

bench: $(STAMP)  ## throughput benchmarks (need ../shared)
	$(BIN)/python benchmarks/tokenizer_speed.py

clean:
	rm -rf $(VENV) out build *.egg-info
