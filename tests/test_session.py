"""The composition root (jargon/session.py): lazy, honours --plugin/--no-plugins/--dict, always passes languages."""
from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from jargon.errors import JargonError
from jargon.plugins import get_plugin_manager
from jargon.session import Session

JARGON = Path(__file__).resolve().parent.parent / "jargon"


def test_nothing_is_built_until_used():
    s = Session()
    assert not {"plugins", "dictionaries", "decoder"} & set(vars(s))
    assert s.plugins is get_plugin_manager() and s.plugins is s.plugins


def test_no_plugins_and_selectors(plugins_on):
    s = Session(no_plugins=True, dict_selectors=("ru-corporate",))
    assert s.plugins.autoload is False and {i.kind for i in s.plugins.infos} == {"builtin"}
    assert [d.name for d in s.dictionaries] == ["ru-corporate"]
    assert Session().plugins.autoload is True            # a later session without the flag gets plugins again


def test_the_decoder_gets_the_threshold_and_the_plugin_languages(monkeypatch):
    import jargon.engine.decoder as decoder_module

    seen = {}

    class Spy:
        def __init__(self, dictionaries, threshold=None, languages=None, explain=False, near_misses=False):
            seen.update(dictionaries=dictionaries, threshold=threshold, languages=languages, explain=explain,
                        near_misses=near_misses)

    monkeypatch.setattr(decoder_module, "Decoder", Spy)
    s = Session(dict_selectors=("ru-corporate",), threshold=80)
    assert isinstance(s.decoder, Spy) and s.decoder is s.decoder
    assert seen["threshold"] == 80 and seen["languages"] == s.plugins.languages() and "ru" in seen["languages"]
    assert seen["explain"] is False
    Session(explain=True).decoder_for([])
    assert seen["explain"] is True


def test_from_args():
    args = argparse.Namespace(plugin=["x.py"], no_plugins=True, dict=["a"], threshold=50.0)
    s = Session.from_args(args)
    assert (s.plugin_paths, s.no_plugins, s.dict_selectors, s.threshold) == (("x.py",), True, ("a",), 50.0)
    assert Session.from_args(argparse.Namespace()).plugin_paths == ()
    with pytest.raises(JargonError, match="between 0 and 100"):
        Session.from_args(argparse.Namespace(threshold=101.0))


def test_no_dictionaries_is_one_clear_error():
    empty = Session(dict_selectors=())
    empty.__dict__["plugins"] = type("PM", (), {"dictionaries": lambda self: {}})()
    with pytest.raises(JargonError, match="no dictionaries"):
        _ = empty.dictionaries


@pytest.mark.parametrize("path", sorted((JARGON / "commands").glob("*.py")) + [JARGON / "batch.py"],
                         ids=lambda p: p.name)
def test_commands_and_workers_build_through_the_session(path):
    source = path.read_text(encoding="utf-8")
    assert not re.search(r"\bDecoder\(|get_plugin_manager\(|load_dictionaries\(", source), path.name
