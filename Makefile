# Set-up and the everyday jobs. `make run` and `make test` work on a fresh machine:
# they create the virtual environment and install marsad into it first.
# PYTHON: the interpreter .venv is made from. One built with profile-guided and link-time
# optimisation (Debian's /usr/bin/python3.11; pyenv's only with PYTHON_CONFIGURE_OPTS=
# "--enable-optimizations --with-lto") used about 7 % less CPU for `marsad watch` than
# pyenv's default build (docs/watch.md, "Benchmark", session 13): make install PYTHON=...
PYTHON ?= python3
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
