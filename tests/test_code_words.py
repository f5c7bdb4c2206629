"""Words inside code are not prose: no typo, transliteration or Latin-spelling reading reaches
an identifier ("ip_forward"), a member after a dot ("buf.keys") or a called name ("keys("),
and no typo or transliteration reaches a camelCase word ("checkIP", "wordsStream"), so
technical text (man pages, API docs pasted into notes) stays quiet, while chat writing
("Привет.Калеги", "pribolel(", "FollowUp") keeps its readings."""
from __future__ import annotations

import pytest
from engine_helpers import small_decoder

from jargon.engine.line import _in_code


@pytest.mark.parametrize("text, word, coded", [
    ("ip_forward", "forward", True),
    ("x509.checkIP(ip)", "checkIP", True),                 # a member after an identifier and a dot
    (">>> str(C.D.meth)", "meth", True),                   # a member of a member
    ("elem = elem->forward;", "forward", True),            # C's member of a pointer
    ("std::forward(x)", "forward", True),
    ("echo 1 > /sys/fs/cgroup/foobar/tasks", "tasks", True),   # a path
    ("/proc/sys/net/ipv4/conf/enp3s0.200/forwarding", "forwarding", True),
    ("reviewed and/or approved", "or", False),             # one slash is no path
    ("-CAstore uri", "CAstore", True),                     # a command's option
    ("tail --follow log", "follow", True),
    ("- follow up with Dan", "follow", False),             # a list's dash
    ("re-follow", "follow", False),                        # (one word with its hyphen)
    ("Ну и кто/что у нас в планах?", "что", False),
    ("Привет.Коллеги.Все тут?", "Все", False),              # capitalised: sentences without spaces
    ("see buf.keys() below", "keys", True),
    ("see report.docx", "docx", True),
    ("call keys(obj) first", "keys", True),                # called
    ("Please keep me in the loop.", "loop", False),        # a sentence's full stop is no member dot
    ("He left. Keys stayed on the desk", "Keys", False),
    ("Привет.Калеги, давайте начнём", "Калеги", False),     # no space after a full stop in chat
    ("1.калеги", "калеги", False),                          # a numbered list
    ("т.е. кейс", "кейс", False),
    ("colleague(s)", "colleague", False),                  # a plural in brackets
    ("pribolel(", "pribolel", False),                      # a sad face
    ("Калеги(все), пришлите", "Калеги", False),             # only a Latin word is called
    ("const wordsStream = 1", "wordsStream", False),       # camelCase: code, but not an identifier (below)
])
def test_what_counts_as_code(text, word, coded):
    i = text.index(word)
    assert _in_code(text, i, i + len(word)) is coded


def test_a_latin_spelling_in_code_is_no_reading():
    dec = small_decoder("""
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
    dec = small_decoder("""
        [dictionary]
        name = "t"
        language = "xx"
        [[entries]]
        id = "workstream"
        phrase = "workstream"
        meaning = "a part of a project"
    """, languages={})
    assert [m.entry.id for m in dec.decode("the wordsstream is late")] == ["workstream"]   # a typo, in prose
    assert dec.decode("const wordsStream = open(path)") == []


@pytest.mark.parametrize("text, entry", [
    ("kolegi ja bez kamery segodnja, pribolel(", "bez-kamery-pribolel"),
    ("Привет.Калеги, давайте начнём", "kollegi"),
    ("Калеги, пришлете FollowUp?", "prishlete-followup"),     # a Latin spelling in camelCase
])
def test_chat_writing_is_no_code(text, entry):
    from engine_helpers import ids

    assert entry in ids(text)
