# Two commands do everything on a fresh machine with Python 3.11+:
#   make demo   create .venv, install, ingest the bundled samples into index_data/, search
#   make test   create .venv, install, run the whole test suite
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# Bytecode of our modules, compiled once here: an editable install compiles none, and where
# PYTHONDONTWRITEBYTECODE is set (as in many containers) Python would compile them again on
# every start, a third of `cli.py search`'s start-up.
BYTECODE := $(VENV)/.compiled
SOURCES  := $(shell find indexer -name '*.py')

.PHONY: demo test install clean-index bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(BYTECODE): $(STAMP) $(SOURCES)
	$(PY) -m compileall -q indexer
	touch $(BYTECODE)

install: $(STAMP) $(BYTECODE)

demo: install
	$(PY) cli.py ingest samples/ --index index_data
	$(PY) cli.py search 脊柱转移 --index index_data
	$(PY) cli.py search "spinal metastasis" --index index_data

test: install
	$(PY) -m pytest

clean-index:
	rm -rf index_data/* && touch index_data/.gitkeep
