"""Helpers for bulk work (a 30,000-row function list read, checked and written at once)."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for one bulk step.

    Reading a function list makes tens of thousands of rows, records and parameter tuples
    in one go, none of them cyclic; the collector would walk the growing heap again and
    again while they are made (measured: about a tenth of the import's time). Reference
    counting still frees everything as usual. A collector that was already off (a caller's
    own choice) stays off; nested and concurrent uses leave it on at the end if it was on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
