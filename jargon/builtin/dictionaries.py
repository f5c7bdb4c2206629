"""Built-in plugin: the seed dictionaries shipped in ``dictionaries/``."""
from __future__ import annotations

from jargon.hookspecs import hookimpl


@hookimpl
def jargon_dictionaries():
    from jargon.catalog import builtin_dictionary_dir

    return sorted(builtin_dictionary_dir().glob("*.toml"))
