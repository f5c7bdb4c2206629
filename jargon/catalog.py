"""Find dictionaries: by name among the installed ones (plugins), or by path."""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .errors import JargonError
from .model import Dictionary


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
