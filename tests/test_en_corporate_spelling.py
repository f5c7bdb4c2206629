"""The English analyser folds British -ise/-isation spellings into -ize/-ization, so one
spelling in a dictionary finds both ("operationalise", "socialised", "organisation")."""
from __future__ import annotations

import pytest
from jargon_en_corporate.analyzer import EnglishAnalyzer
from jargon_en_corporate.plugin import english

import jargon.text.english
from jargon.dictionary import load_dictionary
from jargon.engine.decoder import Decoder


@pytest.fixture
def en():
    return EnglishAnalyzer()


@pytest.mark.parametrize(("british", "american"), [
    ("socialise", "socialize"),
    ("socialised", "socialized"),
    ("prioritising", "prioritizing"),
    ("organisation", "organization"),
    ("reorganisations", "reorganizations"),
    ("monetisation", "monetization"),
    ("operationalise", "operationalize"),     # in neither spelling in the word list: folded all the same
])
def test_british_spellings_fold(en, british, american):
    assert en.normalize(british) == american
    assert en.normalize(british.capitalize()) == american
    assert en.normalize(american) == american


@pytest.mark.parametrize("word", ["advise", "otherwise", "franchise", "exercise", "compromise", "supervise",
                                  "raise", "praise", "revise", "enterprise", "advertiser", "wise"])
def test_words_that_only_end_in_ise_stay(en, word):
    assert en.normalize(word) == word


def test_without_the_word_list_nothing_is_folded(en, monkeypatch):
    monkeypatch.setattr(jargon.text.english, "english_words", lambda: frozenset())
    assert en.normalize("socialised") == "socialised"


def _decoder(tmp_path, phrase: str, inflect: bool = True) -> Decoder:
    path = tmp_path / "mini.toml"
    path.write_text('[dictionary]\nname = "mini"\nlanguage = "en"\n\n[[entries]]\nid = "x"\n'
                    f'phrase = "{phrase}"\nmeaning = "m"\ninflect = {str(inflect).lower()}\n', encoding="utf-8")
    return Decoder([load_dictionary(path)], languages={"en": english()})


def test_a_dictionary_in_one_spelling_finds_the_other(tmp_path):
    american = _decoder(tmp_path, "Socialize the plan")
    assert [m.entry.id for m in american.decode("We socialised the plan with the board.")] == ["x"]
    british = _decoder(tmp_path, "Operationalise the strategy")
    assert [m.entry.id for m in british.decode("Now operationalize the strategy, please.")] == ["x"]


def test_uninflected_entries_fold_too(tmp_path):
    decoder = _decoder(tmp_path, "Incentivise", inflect=False)
    assert [m.entry.id for m in decoder.decode("We incentivize early payment.")] == ["x"]
