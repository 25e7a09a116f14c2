"""The sandbox Magnum's status sync interval: Magnum's 10 s unless set."""
import pytest

from sandbox import process
from sandbox.services import magnum
from sandbox import state


def test_magnums_own_interval_by_default(monkeypatch):
    monkeypatch.delenv(state.SYNC_ENV, raising=False)
    assert magnum.sync_seconds() == 10


def test_the_tests_lower_it(monkeypatch):
    monkeypatch.setenv(state.SYNC_ENV, '2')
    assert magnum.sync_seconds() == 2


@pytest.mark.parametrize('raw', ['0', '11', '1.5', 'fast'])
def test_a_bad_value_stops_the_start_with_its_name(monkeypatch, raw):
    monkeypatch.setenv(state.SYNC_ENV, raw)
    with pytest.raises(process.StartError, match=state.SYNC_ENV):
        magnum.sync_seconds()


def test_rendered_into_magnums_config(monkeypatch, tmp_path):
    monkeypatch.setenv(state.SYNC_ENV, '2')
    monkeypatch.setattr(magnum, 'driver_installed', lambda: True)
    service = magnum.Magnum(state.Layout(str(tmp_path), 0))
    service.render()
    with open(service.conf) as conf:
        assert '\nperiodic_interval_max = 2\n' in conf.read()
