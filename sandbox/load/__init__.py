"""Load tests against a running sandbox."""
