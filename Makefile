# The two commands a new user needs: `make build` and `make test`.
# Both set up everything themselves on a fresh machine: the Debian packages
# (installed when run as root, otherwise the apt-get line is printed), then a
# virtual environment with every Python package at the version requirements.lock pins.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
UV_VERSION := 0.13.9

.PHONY: build test serve lint validate doctor benchmark lock clean

build: $(STAMP)
	@$(PYTHON) -m generator.system install build
	$(BIN)/briefing build

test: $(STAMP)
	@$(PYTHON) -m generator.system install build test
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/pytest -q

serve: $(STAMP)
	$(BIN)/briefing serve

validate: $(STAMP)
	$(BIN)/briefing validate

doctor: $(STAMP)
	$(BIN)/briefing doctor

benchmark: $(STAMP)
	$(BIN)/python benchmarks/validate_bench.py
	$(BIN)/python benchmarks/build_bench.py

lint: $(STAMP)
	$(BIN)/ruff check generator tests benchmarks

# Exact versions and hashes of every package, direct and transitive; the project itself without build isolation,
# so its build backend (setuptools) comes from the lock too. Its bytecode is compiled here: where
# PYTHONDONTWRITEBYTECODE is set, Python never writes it, and every command would compile the package again.
$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { echo "Python's venv module is missing: sudo apt-get install python3-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m compileall -q generator
	touch $(STAMP)

# Refresh requirements.lock after changing the ranges in pyproject.toml (review the diff, then run make test).
# Pins already in the lock stay; to move them, delete their lines first.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet "uv==$(UV_VERSION)"
	UV_CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/uv pip compile pyproject.toml --extra test --extra dask --group build --universal --generate-hashes \
	  --python-version 3.11 --quiet -o requirements.lock

clean:
	rm -rf site build
