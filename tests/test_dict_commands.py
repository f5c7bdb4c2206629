"""jargon dict list|show|validate|add|new: output, round-trips, atomic writes, validation with lines."""
from __future__ import annotations

import json
import os
import tomllib

import pytest

from jargon.dictionary import dictionary_to_data, load_dictionary
from jargon.validate import Problem, validate_file

pytestmark = pytest.mark.usefixtures("plugins_on")

SEED = "ru-corporate"


def seed():
    from jargon.catalog import builtin_dictionary_dir

    return load_dictionary(builtin_dictionary_dir() / f"{SEED}.toml")


# -- list and show -------------------------------------------------------------------

def test_list_shows_installed_dictionaries(cli):
    result = cli("dict", "list", "--json")
    assert result.rc == 0
    rows = {d["name"]: d for d in json.loads(result.out)["dictionaries"]}
    expected = seed()
    assert rows[SEED]["entries"] == len(expected.entries)
    assert rows[SEED]["language"] == "ru" and rows[SEED]["plugin"] == "dictionaries"
    assert rows[SEED]["path"] == str(expected.path)
    text = cli("dict", "list").out.splitlines()
    assert text[0].split() == ["NAME", "ENTRIES", "LANG", "PLUGIN", "PATH"]
    row = next(line for line in text if line.startswith(SEED + " "))
    assert row.split()[:4] == [SEED, str(len(expected.entries)), "ru", "dictionaries"]


def test_show_prints_every_entry_with_its_meaning(cli):
    result = cli("dict", "show", SEED)
    assert result.rc == 0
    for entry in seed().entries:
        assert f"{entry.phrase}  [{entry.id}]" in result.out
        assert entry.meaning in result.out
    explicit = [e for e in seed().entries if e.explicit]
    clean = cli("dict", "show", SEED, "--clean").out
    for entry in explicit:
        assert entry.clean_meaning in clean and entry.meaning not in clean


def test_show_json_and_by_path(cli, write):
    path = write("mine.toml", """
        [dictionary]
        name = "mine"
        language = "en"

        [[entries]]
        id = "ping"
        phrase = "ping me"
        meaning = "Do not expect a reply."
        tags = ["chat"]
    """)
    payload = json.loads(cli("dict", "show", path, "--json").out)
    assert payload["name"] == "mine" and payload["language"] == "en"
    assert payload["entries"] == [{"id": "ping", "phrase": "ping me", "meaning": "Do not expect a reply.",
                                   "tags": ["chat"]}]


def test_show_unknown_name_is_one_line_exit_2(cli):
    result = cli("dict", "show", "no-such-dictionary")
    assert result.rc == 2 and len(result.err_lines) == 1
    assert "unknown dictionary 'no-such-dictionary'" in result.err and SEED in result.err


# -- add ---------------------------------------------------------------------------------

def test_add_to_the_user_dictionary_round_trips(cli, jargon_home):
    first = cli("dict", "add", "зюзюкать в личку", "--meaning", "Не при всех.", "--tag", "chat", "--tag", "privacy")
    assert first.rc == 0, first.err
    path = jargon_home / "data" / "dictionaries" / "user.toml"
    assert str(path) in first.out and path.exists()
    before = path.read_bytes()
    second = cli("dict", "add", "Пошарь экран", "-m", "Покажи, что ты вообще делал.",
                 "--variant", "пошарить экран", "--example", "Пошарь экран, пожалуйста.")
    assert second.rc == 0, second.err
    assert (path.parent / "user.toml.bak").read_bytes() == before     # backup of the previous version

    d = load_dictionary(path)
    assert d.name == "user"
    assert [(e.phrase, e.meaning, e.tags) for e in d.entries] == [
        ("зюзюкать в личку", "Не при всех.", ("chat", "privacy")),
        ("Пошарь экран", "Покажи, что ты вообще делал.", ()),
    ]
    assert d.entries[1].variants == ("пошарить экран",) and d.entries[1].examples == ("Пошарь экран, пожалуйста.",)
    # re-reading gives the same data: what is on disk is exactly what the loader returns
    assert tomllib.loads(path.read_text(encoding="utf-8")) == dictionary_to_data(d)
    assert dictionary_to_data(load_dictionary(path)) == dictionary_to_data(d)

    # the user dictionary is installed like any other
    listed = {r["name"]: r for r in json.loads(cli("dict", "list", "--json").out)["dictionaries"]}
    assert listed["user"]["entries"] == 2 and listed["user"]["path"] == str(path)
    assert "зюзюкать в личку" in cli("dict", "show", "user").out


def test_add_to_a_given_file_warns_about_comments(cli, write):
    path = write("team.toml", """
        # our team's words
        [dictionary]
        name = "team"

        [[entries]]
        id = "sync"
        phrase = "синк"
        meaning = "Встреча."
    """)
    original = path.read_text(encoding="utf-8")
    result = cli("dict", "add", "зюзюкнуть", "--meaning", "Согласовать, не читая.", "--dict", path)
    assert result.rc == 0
    assert [e.id for e in load_dictionary(path).entries] == ["sync", "zyuzyuknut"]
    assert "comments" in result.err and "team.toml.bak" in result.err
    assert path.with_name("team.toml.bak").read_text(encoding="utf-8") == original


def test_add_duplicate_is_refused_and_leaves_the_file(cli, write):
    path = write("team.toml", """
        [dictionary]
        name = "team"

        [[entries]]
        id = "sync"
        phrase = "Синк"
        meaning = "Встреча."
    """)
    before = path.read_bytes()
    result = cli("dict", "add", "синк", "--meaning", "Другое.", "--dict", path)
    assert result.rc == 2 and len(result.err_lines) == 1 and "duplicate headword" in result.err
    assert path.read_bytes() == before


def test_add_to_a_broken_file_names_file_and_line(cli, write):
    path = write("broken.toml", '[dictionary]\nname = "b"\n\n[[entries]]\nid = "x"\nphrase = "x"\n')
    result = cli("dict", "add", "y", "--meaning", "z", "--dict", path)
    assert result.rc == 2 and len(result.err_lines) == 1
    assert f"{path}:4:" in result.err and "missing 'meaning'" in result.err


def _raise(exc):
    def fail(*args, **kwargs):
        raise exc
    return fail


@pytest.mark.parametrize("target, exc, rc", [
    ("replace", OSError(28, "No space left on device"), 2),     # the rename fails
    ("fsync", OSError(5, "Input/output error"), 2),              # the write of the new version fails
    ("fsync", KeyboardInterrupt(), 130),                        # interrupted in the middle
])
def test_add_is_atomic_when_it_crashes_midway(cli, jargon_home, target, exc, rc):
    assert cli("dict", "add", "первое", "--meaning", "Один.").rc == 0
    folder = jargon_home / "data" / "dictionaries"
    path = folder / "user.toml"
    before_bytes = path.read_bytes()
    before = dictionary_to_data(load_dictionary(path))
    with pytest.MonkeyPatch.context() as crash:     # only os.<target> is undone afterwards
        crash.setattr(os, target, _raise(exc))
        result = cli("dict", "add", "второе", "--meaning", "Два.")
    assert result.rc == rc
    if rc == 2:
        assert len(result.err_lines) == 1 and str(path) in result.err and "left as it was" in result.err
    assert path.read_bytes() == before_bytes
    assert dictionary_to_data(load_dictionary(path)) == before
    # no temporary files (the lock file .user.toml.lock stays, as it should)
    assert sorted(p.name for p in folder.iterdir() if not p.name.endswith((".bak", ".lock"))) == ["user.toml"]
    # and the next add works normally
    assert cli("dict", "add", "второе", "--meaning", "Два.").rc == 0
    assert [e.phrase for e in load_dictionary(path).entries] == ["первое", "второе"]


# -- new -------------------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["ru", "en"])
def test_new_creates_a_valid_dictionary(cli, tmp_path, language):
    result = cli("dict", "new", "team-words", "--dir", tmp_path / "d", "--language", language, "--title", 'Our "words"')
    assert result.rc == 0
    path = tmp_path / "d" / "team-words.toml"
    d = load_dictionary(path)
    assert (d.name, d.language, d.title, len(d.entries)) == ("team-words", language, 'Our "words"', 2)
    assert all(e.examples for e in d.entries)
    checked = cli("dict", "validate", path)
    assert checked.rc == 0 and checked.out == ""


def test_new_refuses_to_overwrite_and_bad_names(cli, tmp_path):
    assert cli("dict", "new", "x", "--dir", tmp_path).rc == 0
    (tmp_path / "x.toml").write_text("mine", encoding="utf-8")
    again = cli("dict", "new", "x", "--dir", tmp_path)
    assert again.rc == 2 and "already exists" in again.err and (tmp_path / "x.toml").read_text() == "mine"
    assert cli("dict", "new", "x", "--dir", tmp_path, "--force").rc == 0
    assert load_dictionary(tmp_path / "x.toml").name == "x"
    bad = cli("dict", "new", "no spaces/please", "--dir", tmp_path)
    assert bad.rc == 2 and len(bad.err_lines) == 1


# -- validate ----------------------------------------------------------------------------------

GOOD = """
    [dictionary]
    name = "good"
    language = "en"

    [[entries]]
    id = "touch-base"
    phrase = "touch base"
    meaning = "Talk without an agenda."
    examples = ["Let's touch base on Monday."]

    [[entries]]
    id = "deep-dive"
    phrase = "deep dive"
    meaning = "A long meeting about a short topic."
    variants = ["do a deep dive"]
"""


def problems_by_line(out: str, path) -> dict[int, str]:
    found = {}
    for line in out.splitlines():
        prefix, line_no, message = line.split(":", 2)
        assert prefix == str(path)
        found[int(line_no)] = message.strip()
    return found


def test_validate_clean_file(cli, write):
    result = cli("dict", "validate", write("good.toml", GOOD))
    assert result.rc == 0 and result.out == "" and "no problems" in result.err


@pytest.mark.parametrize("text, line, message", [
    ('[dictionary]\nname = "x"\n\n[[entries]]\nid = "a"\nphrase = "a"\nmeening = "typo"\n', 7,
     "unknown key 'meening'"),
    ('[dictionary]\nname = "x"\n\n[[entries]]\nid = "a"\nphrase = "a\nmeaning = "b"\n', 6, "invalid TOML"),
    ('[dictionary]\nname = "x"\n\n[[entries]]\nid = "a"\nphrase = "Синк"\nmeaning = "b"\n\n'
     '[[entries]]\nid = "b"\nphrase = "синк!"\nmeaning = "c"\n', 11, "duplicate headword"),
])
def test_validate_schema_errors_with_lines(cli, write, text, line, message):
    path = write("bad.toml", text)
    result = cli("dict", "validate", path)
    assert result.rc == 1
    (only,) = result.out.splitlines()
    assert only.startswith(f"{path}:{line}: ") and message in only


def test_validate_content_problems_with_lines(cli, write):
    path = write("messy.toml", """
        [dictionary]
        name = "messy"
        language = "en"

        [[entries]]
        id = "circle-back"
        phrase = "let's circle back"
        meaning = "We will never mention this again."
        variants = [
          "circle back later",
          "...",
        ]
        examples = [
          "OK, let's circle back on that.",
          "The weather is lovely today.",
        ]

        [[entries]]
        id = "touch-base"
        phrase = "touch base with you"
        meaning = "Talk without an agenda."

        [[entries]]
        id = "touch-base-u"
        phrase = "touch base with u"
        meaning = "Same, typed in a hurry."

        [[entries]]
        id = "later"
        phrase = "talk later"
        meaning = "Never."
        variants = ["touch base with you", "Talk later!"]
    """)
    result = cli("dict", "validate", path)
    assert result.rc == 1
    found = problems_by_line(result.out, path)
    assert sorted(found) == [11, 15, 25, 32], result.out
    assert "variant '...' of entry 'circle-back' matches nothing" in found[11]
    assert "example 2 of entry 'circle-back' does not decode to it (found nothing)" in found[15]
    assert "weather" in found[15]
    assert "headword 'touch base with u' of entry 'touch-base-u' is close to 'touch base with you'" in found[25]
    assert "the headword of entry 'touch-base' (line 18, similarity 94)" in found[25]
    # line 32 holds two problems: another entry's headword, and a repeat of its own headword
    assert "variant 'touch base with you' of entry 'later' is also the headword of entry 'touch-base' (line 18)" \
        in result.out
    assert "variant 'Talk later!' of entry 'later' repeats the headword" in result.out
    assert "5 problems in 1 file" in result.err


def test_validate_reports_variants_the_decoder_does_not_find(write):
    path = write("v.toml", GOOD)

    class Deaf:          # a decoder that finds nothing: every variant and example is reported
        def __init__(self, dictionaries):
            pass

        def decode(self, text):
            return []

    problems = validate_file(path, decoder_factory=Deaf)
    assert [(p.line, p.message.split(" of entry")[0]) for p in problems] == [
        (9, "example 1"), (15, "variant 'do a deep dive'")]
    assert all(isinstance(p, Problem) and str(p).startswith(f"{path}:{p.line}: ") for p in problems)


def test_validate_several_files_and_unreadable_input(cli, write, tmp_path):
    good = write("good.toml", GOOD)
    bad = write("bad.toml", '[dictionary]\nname = "bad name"\n')
    result = cli("dict", "validate", good, bad)
    assert result.rc == 1 and result.out.splitlines() == [
        f"{bad}:2: dictionary name 'bad name' may hold only letters, digits, '.', '_' and '-'"]
    missing = cli("dict", "validate", good, tmp_path / "missing.toml", bad)
    assert missing.rc == 2
    assert any(line.startswith("jargon: cannot read") and "missing.toml" in line for line in missing.err_lines)
    assert str(bad) in missing.out           # the other files were still checked
    assert cli("dict", "validate", tmp_path).rc == 2      # a folder


def test_validate_similarity_option(cli, write):
    path = write("close.toml", """
        [dictionary]
        name = "close"

        [[entries]]
        id = "a"
        phrase = "take this offline"
        meaning = "Never."

        [[entries]]
        id = "b"
        phrase = "take it offline"
        meaning = "Also never."
    """)
    assert cli("dict", "validate", path).rc == 0                      # 87.5 < 90
    strict = cli("dict", "validate", path, "--similarity", "85")
    assert strict.rc == 1 and f"{path}:11: headword 'take it offline'" in strict.out
    assert cli("dict", "validate", path, "--similarity", "0").rc == 2
