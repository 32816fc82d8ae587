# Two commands on a fresh machine: `make run` (the main job) and `make test` (the suite).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: install run test lint check installed bench fastpath-table clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

# `make run` answers the main question; `make run ARGS="weekly --format md"` runs any command.
ARGS ?= due --unit 省大数据局
run: install  ## what is 省大数据局 responsible for, by when, and what is overdue
	$(BIN)/plancli $(ARGS)

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check plancli tests bench

check: install  ## the data's own tests: registry valid and complete against the source
	$(BIN)/plancli validate --strict
	$(BIN)/plancli coverage

installed:  ## the wheel in a fresh venv, every command run from another directory (CI runs it)
	bash .ci/installed

bench: install
	$(BIN)/python bench/bench.py
	$(BIN)/python bench/import_bench.py
	$(BIN)/python bench/extract_eval.py

# The fast path's table of the listing options, generated from the typer commands (docs/cli.md); a test
# fails while the checked-in table differs from what this writes.
fastpath-table: install
	$(BIN)/python -m plancli.cli.fastpath_gen

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
