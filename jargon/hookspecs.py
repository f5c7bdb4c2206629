"""The pluggy hook specifications: every kind of thing a plugin can add to jargon.

Each hook takes no arguments and returns a list of contributions. Built-in
dictionaries, formats, readers and Russian are plugins implementing these same
hooks (see ``jargon/builtin/``). Every hook is documented in docs/plugins.md.
"""
from __future__ import annotations

import pluggy

PROJECT = "jargon"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def jargon_dictionaries():
    """Return dictionaries: ``Dictionary`` objects, or paths to TOML dictionary files."""


@hookspec
def jargon_output_formats():
    """Return ``OutputFormat`` objects (name, description, extension, write)."""


@hookspec
def jargon_input_readers():
    """Return ``InputReader`` objects that turn transcript files into documents."""


@hookspec
def jargon_languages():
    """Return ``Language`` objects: text analysis (normaliser, inflection, stemming) for a language."""
