# MentorXL: two commands do everything.
#   make demo  — builds the environment and runs every action on the built-in demo workbook
#   make test  — builds the environment (with LibreOffice) and runs the whole test suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT ?= out/demo

.PHONY: env system demo test lint check-all bench templates previews workbook dist screenshots clean

$(BIN)/mentorxl: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

env: $(BIN)/mentorxl

system:
	bash scripts/install-system-deps.sh

demo: env
	$(BIN)/mentorxl demo $(OUT)

lint: env
	$(BIN)/ruff check mentorxl tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

test: env system lint
	$(BIN)/pytest -n 2 -q

bench: env
	$(BIN)/python benchmarks/run_all.py

templates: env
	$(BIN)/python scripts/make_templates.py

previews: env system
	$(BIN)/python scripts/render_previews.py

workbook: env
	$(BIN)/python scripts/build_master_workbook.py

dist: env
	$(BIN)/python scripts/make_dist.py

clean:
	rm -rf out build dist *.egg-info
