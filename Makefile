# procdoc developer tasks. `make setup` once, then `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
OS_PACKAGES := graphviz fonts-noto-cjk chromium nodejs npm libcap2-bin

.PHONY: setup os-packages js-packages test lint fuzz bench samples docs clean

setup: os-packages $(BIN)/procdoc js-packages

$(BIN)/procdoc: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

# Graphviz (dot), the CJK fonts it measures labels with, Chromium for the
# browser tests, Node.js for the BPMN/Mermaid viewers and capsh (tests that drop
# root's override of file permissions), from the OS packages. Skipped when present; explained when
# they cannot be installed (not root, or not a Debian/Ubuntu machine).
os-packages:
	@missing=""; \
	command -v dot >/dev/null 2>&1 || missing="$$missing graphviz"; \
	fc-list 2>/dev/null | grep -q "Noto Sans CJK" || missing="$$missing fonts-noto-cjk"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	command -v capsh >/dev/null 2>&1 || missing="$$missing libcap2-bin"; \
	if [ -z "$$missing" ]; then echo "OS packages present: $(OS_PACKAGES)"; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  echo "installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then \
	  echo "installing with sudo:$$missing"; \
	  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	else echo "procdoc needs these OS packages:$$missing — install them with your package manager"; exit 1; fi

# bpmn-js and mermaid, which the export tests open in Chromium; pinned by package-lock.json.
js-packages: tests/export/js/node_modules/.package-lock.json

tests/export/js/node_modules/.package-lock.json: tests/export/js/package-lock.json
	cd tests/export/js && npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

test: $(BIN)/procdoc
	$(BIN)/pytest -n 2 -q

lint: $(BIN)/procdoc
	$(BIN)/ruff check procdoc tests bench
	$(BIN)/mypy

fuzz: $(BIN)/procdoc
	PROCDOC_FUZZ_EXAMPLES=10000 $(BIN)/pytest -q -n 2 tests/fuzz

bench: $(BIN)/procdoc
	$(BIN)/python -m bench

samples: $(BIN)/procdoc
	$(BIN)/procdoc check samples
	$(BIN)/procdoc render samples -o site

docs: $(BIN)/procdoc
	$(BIN)/python -m procdoc.checks.ruledocs > docs/rules.md

clean:
	rm -rf $(VENV) site .procdoc_cache .pytest_cache build *.egg-info
