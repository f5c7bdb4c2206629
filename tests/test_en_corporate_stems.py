"""The English analyser's stems bridge inflections only: a stem that cuts a derivational
ending, even a short one, would join a buzzword to everyday words ("disruption" is no form
of "disrupt", "socialism" none of "socialize")."""
from __future__ import annotations

import pytest
from jargon_en_corporate.analyzer import EnglishAnalyzer
from jargon_en_corporate.plugin import english

from jargon.dictionary import load_dictionary
from jargon.engine.decoder import Decoder


@pytest.fixture
def en():
    return EnglishAnalyzer()


@pytest.mark.parametrize(("word", "base"), [
    ("circling", "circle"), ("pivoting", "pivot"), ("synergies", "synergy"), ("leveraging", "leverage"),
    ("aligned", "align"), ("cadences", "cadence"),
])
def test_inflections_share_a_stem(en, word, base):
    assert en.stem(word) is not None
    assert en.stem(word) == en.stem(base)


@pytest.mark.parametrize("word", ["disruption", "socialism", "socialize", "empowerment", "alignment"])
def test_derivations_have_no_stem(en, word):
    assert en.stem(word) is None


def test_a_derived_word_does_not_match_through_the_stem(tmp_path):
    path = tmp_path / "mini.toml"
    path.write_text('[dictionary]\nname = "mini"\nlanguage = "en"\n\n[[entries]]\nid = "x"\n'
                    'phrase = "Disrupt the market"\nmeaning = "m"\n', encoding="utf-8")
    decoder = Decoder([load_dictionary(path)], languages={"en": english()})
    assert [m.entry.id for m in decoder.decode("They want to disrupt the market.")] == ["x"]
    assert [m.entry.id for m in decoder.decode("They disrupted the market.")] == ["x"]
    assert decoder.decode("A disruption of the market followed.") == []
