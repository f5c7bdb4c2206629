"""The plugin's hook, called through pluggy the way jargon calls it, and the entry point."""
from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

import pluggy
from jargon_ru_extended import plugin

from jargon import hookspecs
from jargon.dictionary import load_dictionary


def test_dictionaries_hook():
    pm = pluggy.PluginManager("jargon")
    pm.add_hookspecs(hookspecs)
    pm.register(plugin, name="ru_extended")
    paths = [p for result in pm.hook.jargon_dictionaries() for p in result]
    assert len(paths) == 1
    assert Path(paths[0]).is_file()
    assert load_dictionary(paths[0]).name == "ru-extended"
    assert pm.hook.jargon_languages() == []      # Russian is built into jargon


def test_entry_point_is_declared():
    eps = [ep for ep in entry_points(group="jargon") if ep.name == "ru_extended"]
    assert eps, "jargon-ru-extended is not installed (pip install -e plugins/jargon-ru-extended)"
    assert eps[0].value == "jargon_ru_extended.plugin"
    assert eps[0].load() is plugin


def test_jargon_plugin_manager_loads_it():
    from jargon.plugins import PluginManager

    messages: list[str] = []
    manager = PluginManager(report=messages.append)
    dictionaries = manager.dictionaries()
    assert "ru-extended" in dictionaries, messages
    assert dictionaries["ru-extended"].plugin == "ru_extended"
    assert not [m for m in messages if "ru_extended" in m or "ru-extended" in m]
