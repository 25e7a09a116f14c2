# magnum_ui: `make demo` runs the dashboard on a local sandbox cloud; `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: venv demo demo-stop test test-unit test-integration test-e2e browser-deps \
        sandbox sandbox-stop sandbox-status sandbox-reset bench messages

venv: $(STAMP)

$(STAMP): setup.cfg requirements/dashboard.txt requirements/sandbox.txt sandbox/driver/pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements/dashboard.txt -r requirements/sandbox.txt \
	    -e '.[test]' -e sandbox/driver
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

test: venv browser-deps
	$(PY) -m pytest tests -rs

test-unit: venv
	$(PY) -m pytest tests/unit -q

test-integration: venv
	$(PY) -m pytest tests/integration tests/install -rs

test-e2e: venv browser-deps
	$(PY) -m pytest tests/e2e -rs

bench: venv
	$(PY) -m pip install -q -r requirements/bench.txt
	$(PY) bench/run_all.py

# Message catalogs: extract the English ones (Django's makemessages, needs
# GNU gettext's xgettext), then write the pseudo-locale en_XA from them.
MAKEMESSAGES := cd magnum_ui && DJANGO_SETTINGS_MODULE=tests.unit.settings \
    PYTHONPATH=$(CURDIR) $(abspath $(PY)) -m django makemessages -l en \
    --keep-pot --no-obsolete --add-location=file
messages: venv
	$(MAKEMESSAGES) -d django
	$(MAKEMESSAGES) -d djangojs
	$(PY) -m tools.catalogs
