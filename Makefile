# magnum_ui: `make demo` runs the dashboard on a local sandbox cloud; `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: venv demo demo-stop test test-unit test-integration test-e2e browser-deps \
        sandbox sandbox-stop sandbox-status sandbox-reset bench

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
