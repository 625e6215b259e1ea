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

# «Панель» and «Подбор» of the demo .ods in a real LibreOffice window (Xvfb): docs/screenshot_*.png.
# LibreOffice runs under the system python3 with uno, never the venv's (tests/e2e/uno_driver.py).
screenshots: env
	rm -rf out/shots
	$(BIN)/mentorxl new out/shots/Наставничество.ods --demo --today 20.11.2025
	env -u VIRTUAL_ENV PATH=/usr/bin:/bin python3 scripts/screenshots.py out/shots/Наставничество.ods docs

clean:
	rm -rf out build dist *.egg-info
