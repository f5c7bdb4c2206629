"""Built-in plugin: the seed dictionaries shipped in ``dictionaries/`` and the user's own dictionaries."""
from __future__ import annotations

from jargon.hookspecs import hookimpl


@hookimpl
def jargon_dictionaries():
    from jargon.catalog import builtin_dictionary_dir
    from jargon.userdict import user_dictionary_dir

    found = sorted(builtin_dictionary_dir().glob("*.toml"))
    user_dir = user_dictionary_dir()
    if user_dir.is_dir():
        found += sorted(user_dir.glob("*.toml"))
    return found
