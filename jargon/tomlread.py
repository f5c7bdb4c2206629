"""Reading TOML from hostile files: bounded, and every failure a ``tomllib.TOMLDecodeError``.

tomllib recurses once per level of nesting, so ``x = [[[[...]]]]`` 100,000 deep raises
``RecursionError`` (and a huge file may raise ``MemoryError``), which no caller expects.
:func:`loads` turns both into :class:`TomlTooDeep`, a ``TOMLDecodeError``, so that every
reader of TOML (dictionaries, sidecars) reports it as one line naming the file, as it
does any other broken TOML.
"""
from __future__ import annotations

import tomllib
from typing import Any


class TomlTooDeep(tomllib.TOMLDecodeError):
    """A TOML text nested too deeply (or too large) to be read."""


def loads(text: str) -> dict[str, Any]:
    """``tomllib.loads(text)``; nesting past the recursion limit or running out of memory is :class:`TomlTooDeep`."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise TomlTooDeep("nested too deeply to read (arrays or inline tables inside each other)") from None
    except MemoryError:
        raise TomlTooDeep("too large to read (out of memory)") from None
