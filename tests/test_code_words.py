"""Words inside code are not prose: no typo, transliteration or Latin-spelling reading reaches
an identifier ("ip_forward", "checkIP", "wordsStream"), a member after a dot ("buf.keys") or a
called name ("keys("), so technical text (man pages, API docs pasted into notes) stays quiet."""
from __future__ import annotations

import textwrap

import pytest
from engine_helpers import RU

from jargon.dictionary import parse_dictionary
from jargon.engine.decoder import Decoder
from jargon.engine.line import _in_code


@pytest.mark.parametrize("text, word, coded", [
    ("ip_forward", "forward", True),
    ("const wordsStream = 1", "wordsStream", True),        # camelCase
    ("x509.checkIP(ip)", "checkIP", True),
    ("see buf.keys() below", "keys", True),                # a member after a dot, and called
    ("call keys(obj) first", "keys", True),
    ("Please keep me in the loop.", "loop", False),        # a sentence's full stop is no member dot
    ("He left. Keys stayed on the desk", "Keys", False),
    ("Workstream leads meet on Monday", "Workstream", False),   # a capital only at the start
    ("кейс (см. выше)", "кейс", False),                     # a bracket after a space
])
def test_what_counts_as_code(text, word, coded):
    i = text.index(word)
    assert _in_code(text, i, i + len(word)) is coded


def _decoder(toml: str, language: str = "ru") -> Decoder:
    return Decoder([parse_dictionary(textwrap.dedent(toml))], languages=RU if language == "ru" else {})


def test_a_latin_spelling_in_code_is_no_reading():
    dec = _decoder("""
        [dictionary]
        name = "t"
        [spellings]
        "кейс" = ["keys"]
        [[entries]]
        id = "keys"
        phrase = "кейс"
        meaning = "случай из практики"
    """)
    assert [m.entry.id for m in dec.decode("Разберём этот keys на планёрке")] == ["keys"]
    assert dec.decode("Вызови buf.keys() и проверь длину") == []
    assert dec.decode("Вызови keys(obj) и проверь длину") == []


def test_a_typo_correction_never_reaches_a_camel_case_identifier():
    dec = _decoder("""
        [dictionary]
        name = "t"
        language = "xx"
        [[entries]]
        id = "workstream"
        phrase = "workstream"
        meaning = "a part of a project"
    """, language="xx")
    assert [m.entry.id for m in dec.decode("the wordsstream is late")] == ["workstream"]   # a typo, in prose
    assert dec.decode("const wordsStream = open(path)") == []
