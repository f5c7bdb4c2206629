"""Loading, validating and writing TOML dictionaries."""
from __future__ import annotations

import tomllib

import pytest
from engine_helpers import SEED

from jargon.dictionary import (
    add_entry,
    atomic_write_text,
    load_dictionary,
    new_entry_id,
    parse_dictionary,
    save_dictionary,
)
from jargon.errors import DictionaryError
from jargon.model import Entry

HEADER = '[dictionary]\nname = "t"\nlanguage = "ru"\n\n'


def test_seed_dictionary_is_the_post_verbatim():
    d = load_dictionary(SEED)
    post = (SEED.parent.parent.parent / "shared" / "seed" / "phrasebook.md")
    assert d.name == "ru-corporate" and len(d.entries) == 12
    assert len({e.id for e in d.entries}) == 12
    if post.exists():   # headwords and meanings are quoted verbatim from the post
        text = post.read_text(encoding="utf-8")
        for e in d.entries:
            assert f"{e.phrase} — {e.meaning}" in text or f"{e.phrase.rstrip('!?')} — {e.meaning}" in text \
                or f"{e.phrase}! — {e.meaning}" in text, e.phrase
    explicit = [e for e in d.entries if e.explicit]
    assert len(explicit) == 2 and all(e.clean_meaning for e in explicit)


def _err(text: str) -> DictionaryError:
    with pytest.raises(DictionaryError) as info:
        parse_dictionary(text, "x.toml")
    return info.value


def test_broken_toml_names_file_and_line():
    e = _err(HEADER + '[[entries]]\nid = "a"\nphrase = "A\nmeaning = "b"\n')
    assert str(e).startswith("x.toml:7: invalid TOML")
    assert "\n" not in str(e)


def test_unknown_key_names_its_line():
    e = _err(HEADER + '[[entries]]\nid = "a"\nphrase = "A"\nmeaning = "b"\nmeening = "c"\n')
    assert e.line == 9 and "unknown key 'meening'" in str(e)


def test_missing_field_names_the_entry_line():
    e = _err(HEADER + '[[entries]]\nid = "a"\nphrase = "A"\n')
    assert e.line == 5 and "missing 'meaning'" in str(e)


def test_duplicate_id_and_headword():
    entry = '[[entries]]\nid = "{id}"\nphrase = "{p}"\nmeaning = "m"\n'
    e = _err(HEADER + entry.format(id="a", p="Это") + entry.format(id="a", p="Другое"))
    assert "duplicate id 'a' (first at line 5)" in str(e) and e.line == 10
    e = _err(HEADER + entry.format(id="a", p="Это в планах") + entry.format(id="b", p="это, в планах!"))
    assert "duplicate headword" in str(e) and e.line == 11


@pytest.mark.parametrize("bad, message", [
    ('[[entries]]\nid = "A b"\nphrase = "x"\nmeaning = "y"\n', "must be lowercase"),
    ('[[entries]]\nid = "a"\nphrase = "x"\nmeaning = "y"\nvariants = "z"\n', "'variants' must be a list"),
    ('[[entries]]\nid = "a"\nphrase = "x"\nmeaning = "y"\nanchor = "end"\n', "anchor must be one of"),
    ('[[entries]]\nid = "a"\nphrase = "x"\nmeaning = "y"\nexplicit = true\n', "no clean_meaning"),
])
def test_field_checks(bad, message):
    assert message in str(_err(HEADER + bad))


def test_missing_metadata_and_unknown_top_level():
    assert "missing [dictionary]" in str(_err('[[entries]]\nid = "a"\nphrase = "x"\nmeaning = "y"\n'))
    assert "unknown top-level key 'extra'" in str(_err(HEADER + "[extra]\nx = 1\n"))


def test_unreadable_and_non_utf8(tmp_path):
    with pytest.raises(DictionaryError, match="cannot read"):
        load_dictionary(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_bytes(HEADER.encode() + b'# \xff\n')
    with pytest.raises(DictionaryError, match=r"bad.toml:5: invalid UTF-8 at byte"):
        load_dictionary(bad)


def test_write_round_trip_is_identical(tmp_path):
    d = load_dictionary(SEED)
    out = save_dictionary(d, tmp_path / "copy.toml")
    again = load_dictionary(out)
    def strip(dd):
        return [(e.id, e.phrase, e.meaning, e.variants, e.placeholders, e.tags, e.examples, e.explicit,
                 e.clean_meaning, e.anchor, e.inflect, e.literal, e.note) for e in dd.entries]

    assert strip(again) == strip(d)
    assert again.spellings == d.spellings and again.title == d.title and again.source == d.source
    tomllib.loads(out.read_text(encoding="utf-8"))


def test_atomic_write_keeps_old_file_when_interrupted(tmp_path, monkeypatch):
    target = tmp_path / "d.toml"
    target.write_text("old", encoding="utf-8")
    import os

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_atomic_write_keeps_a_backup(tmp_path):
    target = tmp_path / "d.toml"
    atomic_write_text(target, "one")
    atomic_write_text(target, "two")
    assert target.read_text(encoding="utf-8") == "two"
    assert (tmp_path / "d.toml.bak").read_text(encoding="utf-8") == "one"


def test_add_entry_rejects_duplicates_and_ids_are_stable():
    d = load_dictionary(SEED)
    with pytest.raises(DictionaryError, match="duplicate headword"):
        add_entry(d, Entry(id="new", phrase="это в планах", meaning="x"))
    assert new_entry_id("Давай в личку", set()) == "davay-v-lichku"
    assert new_entry_id("Давай в личку", {"davay-v-lichku"}) == "davay-v-lichku-2"
