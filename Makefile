# procdoc developer tasks. `make setup` once, then `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
OS_PACKAGES := graphviz fonts-noto-cjk chromium nodejs npm libcap2-bin libpango-1.0-0 libpangoft2-1.0-0 \
               libharfbuzz-subset0 poppler-utils

.PHONY: setup os-packages js-packages test lint fuzz bench samples docs docs-images dist clean vscode

# Everything a developer needs, then the main job on the samples as proof it works.
setup: os-packages $(BIN)/procdoc js-packages
	@$(MAKE) --no-print-directory samples

$(BIN)/procdoc: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

# Graphviz (dot), the CJK fonts it measures labels with, Chromium for the
# browser tests, Node.js for the BPMN/Mermaid viewers, capsh (tests that drop
# root's override of file permissions), Pango and HarfBuzz for WeasyPrint (PDF)
# and poppler's pdftoppm (docs images), from the OS packages. Skipped when present; explained when
# they cannot be installed (not root, or not a Debian/Ubuntu machine).
os-packages:
	@missing=""; \
	command -v dot >/dev/null 2>&1 || missing="$$missing graphviz"; \
	fc-list 2>/dev/null | grep -q "Noto Sans CJK" || missing="$$missing fonts-noto-cjk"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	command -v capsh >/dev/null 2>&1 || missing="$$missing libcap2-bin"; \
	ldconfig -p 2>/dev/null | grep -q "libpango-1.0.so.0" || missing="$$missing libpango-1.0-0"; \
	ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so.0" || missing="$$missing libpangoft2-1.0-0"; \
	ldconfig -p 2>/dev/null | grep -q "libharfbuzz-subset.so.0" || missing="$$missing libharfbuzz-subset0"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
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

# Bytecode first, as an installed procdoc has it: with PYTHONDONTWRITEBYTECODE set, every run
# would otherwise compile each module edited since its last .pyc.
bench: $(BIN)/procdoc
	$(BIN)/python -m compileall -q procdoc
	$(BIN)/python -m bench

samples: $(BIN)/procdoc
	$(BIN)/procdoc check samples
	$(BIN)/procdoc render samples -o site
	@echo "open site/index.html in a browser: the catalogue, the manuals and the swimlane charts"

# The wheel users install (pipx install dist/procdoc-*.whl); tests/test_install.py installs it.
dist: $(BIN)/procdoc
	rm -rf dist
	$(BIN)/python -m build --wheel --outdir dist .

docs: $(BIN)/procdoc
	$(BIN)/python -m procdoc.checks.ruledocs > docs/rules.md

# the printed, PDF and Word pages shown in docs/render.md, made from samples/qm-07.yaml
docs-images: $(BIN)/procdoc
	$(BIN)/python -m bench.screens

clean:
	rm -rf $(VENV) site dist .procdoc_cache .pytest_cache build *.egg-info

# The VS Code extension (editors/vscode) as a .vsix: its npm packages, pinned by
# package-lock.json, go into editors/vscode/node_modules; vsce packages it offline.
vscode: editors/vscode/node_modules/.package-lock.json
	cd editors/vscode && npx --no-install vsce package --skip-license --allow-missing-repository --out procdoc.vsix

editors/vscode/node_modules/.package-lock.json: editors/vscode/package-lock.json
	cd editors/vscode && npm ci --no-audit --no-fund --ignore-scripts
	@touch $@
