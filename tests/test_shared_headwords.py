"""Dictionaries that coexist: a headword two dictionaries share is reported (``dict validate``
notes it, ``jargon plugins`` lists it), both entries are kept, and ``dict add`` says where a
headword already is."""
from __future__ import annotations

import json

import pytest

from jargon.catalog import builtin_dictionary_dir, find_headword, shared_headwords
from jargon.dictionary import load_dictionary

pytestmark = pytest.mark.usefixtures("plugins_on")

SEED_FILE = builtin_dictionary_dir() / "ru-corporate.toml"


def _dict(name: str, phrase: str, meaning: str = "Другое значение.", entry_id: str = "kollegi") -> str:
    return f"""
        [dictionary]
        name = "{name}"
        language = "ru"

        [[entries]]
        id = "{entry_id}"
        phrase = "{phrase}"
        meaning = "{meaning}"

        [[entries]]
        id = "only-here"
        phrase = "только тут"
        meaning = "Больше нигде."
    """


def _seed_entry(entry_id="kollegi"):
    return next(e for e in load_dictionary(SEED_FILE).entries if e.id == entry_id)


# -- validate ----------------------------------------------------------------------------

def test_validate_notes_a_headword_an_installed_dictionary_has(cli, write):
    path = write("mine.toml", _dict("mine", "коллеги"))
    result = cli("dict", "validate", path)
    assert result.rc == 0 and result.out == ""      # a note, not a problem: both entries are kept
    seed = _seed_entry()
    note = (f"jargon: note: {path}:7: headword 'коллеги' of entry 'kollegi' is also the headword of entry 'kollegi' "
            f"of dictionary 'ru-corporate' ({SEED_FILE}:{seed.line}): both are kept, tell them apart or drop one")
    assert result.err_lines == [note, "ok: 1 file, no problems"]


def test_validate_notes_headwords_shared_by_the_files_given(cli, write):
    a = write("a.toml", _dict("a", "Зюзюкать по задачам", entry_id="sink"))
    b = write("b.toml", _dict("b", "зюзюкать по задачам!", entry_id="sink-b").replace("только тут", "только там"))
    result = cli("dict", "validate", a, b)
    assert result.rc == 0
    note_a = (f"jargon: note: {a}:7: headword 'Зюзюкать по задачам' of entry 'sink' is also the headword of entry "
              f"'sink-b' of dictionary 'b' ({b}:5): both are kept, tell them apart or drop one")
    note_b = (f"jargon: note: {b}:7: headword 'зюзюкать по задачам!' of entry 'sink-b' is also the headword of entry "
              f"'sink' of dictionary 'a' ({a}:5): both are kept, tell them apart or drop one")
    assert result.err_lines[:2] == [note_a, note_b]
    # each alone: nothing shared
    assert "note" not in cli("dict", "validate", a).err


def test_an_installed_dictionary_is_not_compared_with_itself(cli):
    result = cli("dict", "validate", SEED_FILE)
    assert result.rc == 0 and "note" not in result.err, result.err


# -- plugins and the catalog ----------------------------------------------------------------

def test_both_entries_are_kept_and_reported_by_plugins(cli):
    assert cli("dict", "add", "коллеги", "-m", "Мои коллеги.", "--force").rc == 0
    from jargon.plugins import get_plugin_manager

    installed = list(get_plugin_manager().dictionaries().values())
    found = find_headword("Коллеги!", installed)
    assert sorted((d.name, e.meaning) for d, e in found) == [("ru-corporate", _seed_entry().meaning),
                                                              ("user", "Мои коллеги.")]
    assert [[(d.name, e.id) for d, e in f] for f in shared_headwords(installed) if "user" in {d.name for d, _ in f}] \
        == [[("ru-corporate", "kollegi"), ("user", "kollegi")]]

    data = json.loads(cli("plugins", "--json").out)
    assert [[{"dictionary": "ru-corporate", "id": "kollegi", "phrase": "Коллеги!"},
             {"dictionary": "user", "id": "kollegi", "phrase": "коллеги"}]] == [
        f for f in data["shared_headwords"] if any(x["dictionary"] == "user" for x in f)]
    text = cli("plugins")
    assert text.rc == 0
    assert ("same headword 'Коллеги!' in 2 dictionaries: ru-corporate (kollegi), user (kollegi); all are kept"
            in text.err_lines)


def test_plugins_show_entry_counts(cli):
    result = cli("plugins")
    seed = load_dictionary(SEED_FILE)
    row = next(line for line in result.out.splitlines() if line.startswith("dictionaries "))
    assert f"dictionaries: ru-corporate ({len(seed.entries)} entries)" in row
    data = json.loads(cli("plugins", "--json").out)
    builtin = next(p for p in data["plugins"] if p["name"] == "dictionaries")
    assert builtin["entries"] == {"ru-corporate": len(seed.entries)}
    assert builtin["contributes"]["dictionaries"] == ["ru-corporate"]
    # the built-ins alone share nothing (the community packs may, with each other)
    alone = cli("plugins", "--json", "--no-plugins")
    assert json.loads(alone.out)["shared_headwords"] == [] and "same headword" not in alone.err


def test_the_decoder_finds_both_dictionaries_separately(write):
    from jargon.engine.decoder import Decoder
    from jargon.plugins import get_plugin_manager

    other = load_dictionary(write("other.toml", _dict("other", "Коллеги!")))
    seed = load_dictionary(SEED_FILE)
    languages = get_plugin_manager().languages()
    for d in (seed, other):
        assert [(m.dictionary, m.entry.id) for m in Decoder([d], languages=languages).decode("Коллеги! Кто знает?")] \
            == [(d.name, "kollegi")]


def test_the_decoder_keeps_both_entries_of_a_shared_headword(write):
    from jargon.engine.decoder import Decoder
    from jargon.plugins import get_plugin_manager

    other = load_dictionary(write("other.toml", _dict("other", "Коллеги!")))
    decoder = Decoder([load_dictionary(SEED_FILE), other], languages=get_plugin_manager().languages())
    found = sorted((m.dictionary, m.entry.id, m.text) for m in decoder.decode("Коллеги! Кто знает?"))
    assert found == [("other", "kollegi", "Коллеги"), ("ru-corporate", "kollegi", "Коллеги")]


# -- dict add ------------------------------------------------------------------------------

def test_add_says_where_a_headword_already_is(cli, jargon_home):
    result = cli("dict", "add", "коллеги!", "--meaning", "Мои.")
    assert result.rc == 2
    assert result.err_lines == [(f"jargon: 'коллеги!' is already the headword of entry 'kollegi' of dictionary "
                                 f"'ru-corporate' ({SEED_FILE}:{_seed_entry().line}) (--force adds it anyway)")]
    user_file = jargon_home / "data" / "dictionaries" / "user.toml"
    assert not user_file.exists()
    forced = cli("dict", "add", "коллеги!", "--meaning", "Мои.", "--force")
    assert forced.rc == 0 and user_file.exists()
    # now in two dictionaries: both named, even with --dict elsewhere
    again = cli("dict", "add", "Коллеги", "--meaning", "Ещё.", "--dict", jargon_home / "other.toml")
    assert again.rc == 2 and len(again.err_lines) == 1
    assert "dictionary 'ru-corporate'" in again.err and "dictionary 'user'" in again.err
    assert not (jargon_home / "other.toml").exists()


def test_add_of_a_new_headword_is_not_refused(cli):
    assert cli("dict", "add", "совсем новое", "--meaning", "Новое.").rc == 0
