# Two commands for a fresh machine (see README): `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench sites clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

## set up, then crawl the bundled replica sites and run the whole chain
demo: $(STAMP)
	$(BIN)/clusterwatch demo

## set up, then run the linter and the tests
test: $(STAMP)
	$(BIN)/ruff check src spiders tests benchmarks scripts
	$(BIN)/ruff format --check src spiders tests benchmarks scripts
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check --fix src spiders tests benchmarks scripts
	$(BIN)/ruff format src spiders tests benchmarks scripts

## run every benchmark and print one table
bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

## re-render data/demo-sites from its _source content (maintainers only)
sites: $(STAMP)
	$(BIN)/pip install --quiet 'fpdf2>=2.7,<3'
	$(BIN)/python scripts/build_demo_sites.py

clean:
	rm -rf $(VENV) data/demo-run
