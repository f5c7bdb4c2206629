"""Errors that reach the user as one clear line (never a traceback)."""
from __future__ import annotations


class JargonError(Exception):
    """A problem the user can fix. ``str(err)`` is the one-line message; the CLI exits with ``exit_code``."""

    exit_code = 2


class DictionaryError(JargonError):
    """A dictionary file that cannot be used: broken TOML, unknown key, missing field, duplicate."""

    def __init__(self, message: str, path: object = None, line: int | None = None):
        self.path, self.line, self.reason = path, line, message
        where = f"{path}:{line}: " if path is not None and line else (f"{path}: " if path is not None else "")
        super().__init__(where + message)


class DictionaryTooDeep(DictionaryError):
    """A dictionary file nested too deeply (or too large) for the TOML reader: it cannot be read at all."""


class InputError(JargonError):
    """An input file that cannot be read or decoded."""


class PluginError(JargonError):
    """A plugin that cannot be loaded or that clashes with another."""
