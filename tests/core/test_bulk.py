"""gc_paused: the collector is off inside, and back as it was afterwards, also on errors."""
from __future__ import annotations

import gc

import pytest

from cloudsuppress.bulk import gc_paused


@pytest.fixture(autouse=True)
def restore_gc():
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_paused_inside_and_enabled_again_after():
    gc.enable()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_enabled_again_after_an_error():
    gc.enable()
    with pytest.raises(ValueError), gc_paused():
        raise ValueError("x")
    assert gc.isenabled()


def test_a_callers_own_pause_is_kept():
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()


def test_nested_uses_leave_it_on_only_at_the_outermost_end():
    gc.enable()
    with gc_paused():
        with gc_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_usable_as_a_decorator():
    gc.enable()

    @gc_paused()
    def work():
        return gc.isenabled()

    assert work() is False and gc.isenabled()
