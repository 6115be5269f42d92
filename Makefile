# The two commands a new user needs: `make build` and `make test`.
# Both set up everything themselves on a fresh machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEBIAN_PACKAGES := chromium poppler-utils gettext

.PHONY: build test serve lint validate benchmark system-deps clean

build: $(STAMP)
	$(BIN)/briefing build

test: $(STAMP) system-deps
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/pytest -q

serve: $(STAMP)
	$(BIN)/briefing serve

validate: $(STAMP)
	$(BIN)/briefing validate

benchmark: $(STAMP)
	$(BIN)/python benchmarks/validate_bench.py

lint: $(STAMP)
	$(BIN)/ruff check generator tests benchmarks

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Browser and PDF tests need Debian's chromium, poppler-utils (pdffonts, pdftoppm) and gettext (msgfmt).
system-deps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v pdffonts >/dev/null || missing="$$missing poppler-utils"; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian packages:$$missing"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEBIAN_PACKAGES) >/dev/null; \
	  else \
	    echo "missing:$$missing — install with: sudo apt-get install $(DEBIAN_PACKAGES)"; exit 1; \
	  fi; \
	fi

clean:
	rm -rf site build
