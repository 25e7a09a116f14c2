"""Entry points of the service processes (run with ``python -m``)."""
