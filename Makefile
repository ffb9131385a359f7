# Haave: set-up, run and test on a fresh machine with only python3 (with venv) and make.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test check lint types pytest bench i18n clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP_RUN)

# `make run HAAVE_ARGS="--dialogue first-meeting"` passes options to the app.
run: $(STAMP_RUN)
	$(BIN)/haave $(HAAVE_ARGS)

test: $(STAMP_TEST)
	$(MAKE) --no-print-directory check
	$(BIN)/python -m pytest -q

check: $(STAMP_TEST)
	$(BIN)/ruff check assistant easyread tests
	$(BIN)/mypy assistant easyread
	$(BIN)/lint-imports

bench: $(STAMP_TEST)
	$(BIN)/python -m tests.bench

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .pytest_cache .ruff_cache

# Translators: extract the UI strings, update the fi/sv/en catalogs, compile them (see
# assistant/i18n/README.md). The app also compiles a missing or stale .mo at first use.
I18N := assistant/i18n
i18n: $(STAMP_TEST)
	$(BIN)/pybabel extract -F babel.cfg -k _ -k NC_:1c,2 --no-location --sort-output --no-wrap -o $(I18N)/haave.pot .
	$(BIN)/pybabel update -i $(I18N)/haave.pot -d $(I18N)/locale -D haave --no-fuzzy-matching --no-wrap
	$(BIN)/pybabel compile -d $(I18N)/locale -D haave --statistics
