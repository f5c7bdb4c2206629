"""Pause Python's cycle collector around bulk work.

Decoding and unpickling a cache create many small lists, sets and objects, none of them
in reference cycles, while large long-lived structures (the lexicon's caches, a whole
dictionary) grow: the cycle collector would keep walking them for nothing, about a sixth
of the time. Like Mercurial's ``util.nogc``, the collector is paused meanwhile; anything
cyclic is still collected afterwards (a test checks that decoding leaves no cycles).
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    if not gc.isenabled():      # already paused by a caller
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
