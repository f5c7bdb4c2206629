"""The plugin's hooks, called through pluggy the way jargon calls them."""
from __future__ import annotations

from pathlib import Path

import pluggy
from jargon_en_corporate import plugin
from jargon_en_corporate.analyzer import EnglishAnalyzer

from jargon import hookspecs
from jargon.contributions import Language
from jargon.dictionary import load_dictionary


def _manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager("jargon")
    pm.add_hookspecs(hookspecs)
    pm.register(plugin, name="en_corporate")
    return pm


def test_dictionaries_hook():
    results = _manager().hook.jargon_dictionaries()
    paths = [p for result in results for p in result]
    assert len(paths) == 1
    path = Path(paths[0])
    assert path.is_file() and path.suffix == ".toml"
    assert load_dictionary(path).name == "en-corporate"


def test_languages_hook():
    results = _manager().hook.jargon_languages()
    languages = [lang for result in results for lang in result]
    assert len(languages) == 1
    lang = languages[0]
    assert isinstance(lang, Language)
    assert (lang.code, lang.name) == ("en", "English")
    assert isinstance(lang.analyzer(), EnglishAnalyzer)


def test_entry_point_is_declared():
    from importlib.metadata import entry_points

    eps = [ep for ep in entry_points(group="jargon") if ep.name == "en_corporate"]
    assert eps, "jargon-en-corporate is not installed (pip install -e plugins/jargon-en-corporate)"
    assert eps[0].value == "jargon_en_corporate.plugin"
    assert eps[0].load() is plugin
