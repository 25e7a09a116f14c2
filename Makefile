# magnum_ui: `make demo` runs the dashboard on a local sandbox cloud; `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: venv demo demo-stop test test-unit test-integration test-e2e browser-deps \
        sandbox sandbox-stop sandbox-status sandbox-reset bench docs lint test-js node-deps \
        messages

venv: $(STAMP)

$(STAMP): setup.cfg requirements/dashboard.txt requirements/sandbox.txt requirements/lint.txt \
          sandbox/driver/pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements/dashboard.txt -r requirements/sandbox.txt \
	    -r requirements/lint.txt -e '.[test]' -e sandbox/driver
	touch $@

sandbox: venv
	$(PY) -m sandbox up

sandbox-stop:
	$(PY) -m sandbox down

sandbox-status:
	$(PY) -m sandbox status

sandbox-reset:
	$(PY) -m sandbox reset

demo: venv
	$(PY) -m demo.run

demo-stop:
	$(PY) -m demo.run stop

# Debian's chromium + chromedriver for the browser tests.
browser-deps:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver; \
	else \
	    echo "browser tests need Debian's chromium and chromium-driver:"; \
	    echo "    sudo apt-get install chromium chromium-driver"; \
	fi

# Node.js and npm for the JavaScript unit tests (Debian's, where missing).
node-deps:
	@if command -v node >/dev/null && command -v npm >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm; \
	else \
	    echo "JavaScript tests need Node.js and npm:"; \
	    echo "    sudo apt-get install nodejs npm"; exit 1; \
	fi

node_modules/.installed: package.json package-lock.json | node-deps
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# flake8 with OpenStack's hacking rules (setup.cfg [flake8]); reno checks the release notes.
lint: venv
	$(PY) -m flake8
	$(VENV)/bin/reno -q lint

test-js: node_modules/.installed
	node --test tests/js/

# Fast checks first: a lint or JavaScript failure stops the run before the sandbox starts.
# Then the unit tests (CPU, on every core with pytest-xdist, at a lower priority) run beside
# the suites that share one sandbox; their output follows the suites', and any failing fails
# the run.  The fault suite runs first and alone: it judges how fast Horizon answers while
# a service fails, which a busy machine would blur.  The other sandbox suites then run in
# SUITES_WORKERS processes, a module per process at a time, the slowest first
# (tests/conftest.py); the sandbox stays up between the two.
UNIT_LOG := test-output/unit-tests.log
SUITES_WORKERS ?= 3
FAULTS := tests/integration/faults
test: lint test-js venv browser-deps
	@mkdir -p test-output
	@nice -n 10 $(PY) -m pytest tests/unit -q -rs -n auto >$(UNIT_LOG) 2>&1 & unit=$$!; \
	MAGNUM_UI_SANDBOX_KEEP=1 $(PY) -m pytest $(FAULTS) -rs --durations=10; faults=$$?; \
	$(PY) -m pytest tests -rs --durations=30 --ignore=tests/unit --ignore=$(FAULTS) \
	    -n $(SUITES_WORKERS) --dist loadfile --no-loadscope-reorder; suites=$$?; \
	wait $$unit; units=$$?; \
	echo "--- unit tests ($(UNIT_LOG)) ---"; cat $(UNIT_LOG); \
	test $$faults = 0 && test $$suites = 0 && test $$units = 0

test-unit: venv
	$(PY) -m pytest tests/unit -q -n auto

test-integration: venv
	$(PY) -m pytest tests/integration tests/install -rs

test-e2e: venv browser-deps
	$(PY) -m pytest tests/e2e -rs

bench: venv
	$(PY) -m pip install -q -r requirements/bench.txt
	$(PY) bench/run_all.py

# The guides (docs/build/html), with the e2e tests' current screenshots when
# they have been taken (test-output/screenshots/), else the committed ones.
docs: venv
	$(PY) -m pip install -q -r requirements/docs.txt
	$(PY) docs/refresh_images.py
	$(PY) -m sphinx -W --keep-going -b html docs/source docs/build/html

# Message catalogs: extract the English ones (Django's makemessages, needs
# GNU gettext's xgettext), then write the pseudo-locale en_XA from them.
MAKEMESSAGES := cd magnum_ui && DJANGO_SETTINGS_MODULE=tests.unit.settings \
    PYTHONPATH=$(CURDIR) $(abspath $(PY)) -m django makemessages -l en \
    --keep-pot --no-obsolete --add-location=file
messages: venv
	$(MAKEMESSAGES) -d django
	$(MAKEMESSAGES) -d djangojs
	$(PY) -m tools.catalogs
