# make run   set up everything and start the app
# make test  set up everything and run every test
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench screenshots demo soak clean venv translations

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (found $$($(PYTHON) --version))"; exit 1; }
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { sh scripts/install-venv.sh && $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $@

venv: $(STAMP)

run: $(STAMP)
	@sh scripts/system-deps.sh run
	$(VENV)/bin/backcompanion

demo: $(STAMP)
	@sh scripts/system-deps.sh run
	$(VENV)/bin/backcompanion --demo

test: $(STAMP)
	@sh scripts/system-deps.sh test
	$(PY) -m pytest -q -m "not slow"

soak: $(STAMP)
	@sh scripts/system-deps.sh test
	$(PY) -m pytest -q -m slow --ignore=tests/packaging

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

screenshots: $(STAMP)
	@sh scripts/system-deps.sh test
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/backcompanion screenshots --out screenshots
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/backcompanion screenshots --language es --out screenshots/es

bench: $(STAMP)
	@sh scripts/system-deps.sh run   # the xcb libraries: the Xvfb start-ups and the peers
	$(PY) -m bench

# after changing a user-facing text: new texts into the catalogs, then the .qm files
translations: $(STAMP)
	$(PY) scripts/translations.py update
	$(PY) scripts/translations.py release
	$(PY) scripts/translations.py check || true

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache

# --- packaging (packaging/README.md) -------------------------------------------------
# make package        a one-folder app in dist/backcompanion (PyInstaller, installed if missing)
# make package-test   build it in a temporary folder and run the frozen app offscreen
PYINSTALLER := $(VENV)/bin/pyinstaller

.PHONY: package package-test

$(PYINSTALLER): | $(STAMP)
	$(PY) -m pip install -q 'pyinstaller>=6.10'

package: $(STAMP) $(PYINSTALLER)
	@sh scripts/system-deps.sh run   # the xcb libraries, so that the bundle carries them
	rm -rf dist/backcompanion build/pyinstaller
	$(PYINSTALLER) --noconfirm --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/backcompanion.spec
	@echo "Built dist/backcompanion ($$(du -sh dist/backcompanion | cut -f1))"

package-test: $(STAMP) $(PYINSTALLER)
	@sh scripts/system-deps.sh test
	$(PY) -m pytest -q -m slow tests/packaging/test_frozen.py
