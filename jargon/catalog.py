"""Find dictionaries (by name among the installed ones, or by path) and the headwords they share."""
from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from .errors import JargonError
from .model import Dictionary, Entry


def load_dictionaries(selectors: Iterable[str] | None = None, plugin_manager=None) -> list[Dictionary]:
    """Each selector is an installed dictionary's name or a path to a TOML file.

    ``None`` or empty: every installed dictionary. An unknown name, or a file that
    fails validation, raises :class:`JargonError` (one line, file and line number).
    """
    from .dictionary import load_dictionary

    if plugin_manager is None:
        from .plugins import get_plugin_manager

        plugin_manager = get_plugin_manager()
    selectors = list(selectors or [])
    if not selectors:
        return list(plugin_manager.dictionaries().values())
    installed = None
    out: list[Dictionary] = []
    for sel in selectors:
        path = Path(sel)
        if sel.endswith(".toml") or os.sep in sel or path.exists():
            out.append(load_dictionary(path))
            continue
        if installed is None:
            installed = plugin_manager.dictionaries()
        if sel not in installed:
            names = ", ".join(sorted(installed)) or "none"
            raise JargonError(f"unknown dictionary {sel!r} (installed: {names})")
        out.append(installed[sel])
    return out


def builtin_dictionary_dir() -> Path:
    """The folder of the seed dictionaries: inside the wheel, or the repository's dictionaries/."""
    here = Path(__file__).resolve().parent
    packaged = here / "dictionaries"
    if packaged.is_dir():
        return packaged
    return here.parent / "dictionaries"


def headword_key(phrase: str) -> str:
    """What makes two headwords the same headword (the loader's duplicate check)."""
    from .dictionary import _phrase_key

    return _phrase_key(phrase)


def where_entry(d: Dictionary, entry: Entry) -> str:
    """``entry 'id' of dictionary 'name' (path:line)``, for messages."""
    place = f" ({d.path}:{entry.line})" if d.path and entry.line else (f" ({d.path})" if d.path else "")
    return f"entry {entry.id!r} of dictionary {d.name!r}{place}"


def find_headword(phrase: str, dictionaries: Iterable[Dictionary]) -> list[tuple[Dictionary, Entry]]:
    """The entries of ``dictionaries`` whose headword is ``phrase`` (as the loader compares them)."""
    key = headword_key(phrase)
    return [(d, e) for d in dictionaries for e in d.entries if headword_key(e.phrase) == key]


def shared_headwords(dictionaries: Sequence[Dictionary]) -> list[list[tuple[Dictionary, Entry]]]:
    """Headwords found in two dictionaries or more: for each, its entries, in dictionary order."""
    by_key: dict[str, list[tuple[Dictionary, Entry]]] = defaultdict(list)
    for d in dictionaries:
        for e in d.entries:
            by_key[headword_key(e.phrase)].append((d, e))
    return [found for found in by_key.values() if len({d.name for d, _ in found}) > 1]
