"""The English analyzer: inflection rules, Snowball stems, weights and pickling."""
from __future__ import annotations

import pickle

import pytest
from jargon_en_corporate.analyzer import EnglishAnalyzer

from jargon.text.analyzer import CONTENT_INSERT_WEIGHT, FILLER_WEIGHT, FUNCTION_WEIGHT, Analyzer


@pytest.fixture
def en():
    return EnglishAnalyzer()


def test_is_an_analyzer(en):
    assert isinstance(en, Analyzer)
    assert en.language == "en"


@pytest.mark.parametrize(("word", "forms"), [
    ("walk", {"walk", "walks", "walked", "walking"}),
    ("circle", {"circle", "circles", "circled", "circling"}),
    ("stop", {"stops", "stopped", "stopping"}),
    ("pin", {"pins", "pinned", "pinning"}),
    ("copy", {"copies", "copied", "copying"}),
    ("touch", {"touches", "touched", "touching"}),
    ("die", {"dies", "died", "dying"}),
    ("commit", {"commits", "committed", "committing"}),
    ("take", {"takes", "took", "taken", "taking"}),
    ("go", {"goes", "went", "gone", "going"}),
    ("put", {"puts", "putting"}),
    ("make", {"makes", "made", "making"}),
    ("drink", {"drank", "drunk"}),
    ("be", {"is", "are", "am", "was", "were", "been", "being"}),
    ("fruit", {"fruits"}),
    ("box", {"boxes"}),
    ("synergy", {"synergies"}),
    ("person", {"people"}),
    ("hat", {"hats"}),
])
def test_inflections(en, word, forms):
    result = en.inflections(word)
    assert word in result
    assert forms <= result, forms - result


def test_inflections_from_an_inflected_form(en):
    assert {"go", "went"} <= en.inflections("going")
    assert {"took", "take"} <= en.inflections("taken")
    assert "circle" in en.inflections("circling")
    assert "meetings" in en.inflections("meeting")


def test_single_syllable_doubling_is_not_overgenerated(en):
    assert "stoped" not in en.inflections("stop")
    assert "walkked" not in en.inflections("walk")


def test_function_words_and_pronouns_do_not_inflect(en):
    assert en.inflections("the") == {"the"}
    assert en.inflections("them") == {"them"}


def test_stems(en):
    assert en.stem("circling") == en.stem("circled") == en.stem("circle") == "circl"
    assert en.stem("synergies") == en.stem("synergy")
    assert en.stem("leveraging") == en.stem("leverage")
    assert en.stem("go") is None          # shorter than min_stem
    assert en.stem("pins") is None


def test_no_stem_for_derivations_that_reach_everyday_words(en):
    assert en.stem("delayering") is None          # would be "delay"
    assert en.stem("transformational") is None    # would be "transform"
    assert en.stem("scalability") is None
    assert en.stem("optimization") is None
    assert en.stem("leveraging") == "leverag"     # an inflection is still bridged


def test_normalize(en):
    assert en.normalize("Let’s") == "let's"
    assert en.normalize("Let‘s") == "let's"
    assert en.normalize("CAFÉ") == "cafe"
    assert en.normalize("Résumé") == "resume"


def test_weights(en):
    assert en.insert_weight("just") == FILLER_WEIGHT
    assert en.insert_weight("um") == FILLER_WEIGHT
    assert en.insert_weight("thanks") == FILLER_WEIGHT
    assert en.insert_weight("budget") == CONTENT_INSERT_WEIGHT
    assert en.weight("the") == FUNCTION_WEIGHT
    assert en.weight("don't") == FUNCTION_WEIGHT
    assert en.weight("we're") < 1.0
    assert en.weight("needle") == 1.0
    assert en.weight("them") < 1.0


def test_person(en):
    for pronoun in ("me", "him", "her", "you", "them", "us"):
        assert en.is_person(pronoun, capitalized=False, sentence_initial=False)
    assert en.is_person("sarah", capitalized=True, sentence_initial=False)
    assert not en.is_person("sarah", capitalized=True, sentence_initial=True)
    assert not en.is_person("budget", capitalized=False, sentence_initial=False)
    assert not en.is_person("i", capitalized=True, sentence_initial=False)


def test_is_known(en):
    assert en.is_known("bandwidth")
    assert not en.is_known("загруз")


def test_identifiers_with_digits_are_known_so_never_typo_corrected(en):
    assert en.is_known("bucket-1")
    assert en.is_known("sig4's")
    assert not en.is_known("2024")


def test_identifier_is_not_corrected_to_a_dictionary_word():
    from jargon_en_corporate.plugin import english

    from jargon.dictionary import parse_dictionary
    from jargon.engine.decoder import Decoder

    d = parse_dictionary('[dictionary]\nname = "t"\nlanguage = "en"\n[[entries]]\nid = "b"\nphrase = "Bucketed"\n'
                         'meaning = "x"\ninflect = false\n', "t.toml")
    dec = Decoder([d], languages={"en": english()})
    assert [m.entry.id for m in dec.decode("we bucketed the ideas")] == ["b"]
    assert dec.decode("the buckets bucket-1 and bucket-2") == []


def test_pickle_round_trip_after_use(en):
    assert en.stem("circling") == "circl"     # loads the C stemmer
    clone = pickle.loads(pickle.dumps(en))
    assert isinstance(clone, EnglishAnalyzer)
    assert clone.stem("circling") == "circl"
    assert clone.inflections("take") == en.inflections("take")


def test_stemmer_is_loaded_lazily():
    import subprocess
    import sys

    code = ("import sys; import jargon_en_corporate.plugin as p; "
            "a = p.english().analyzer(); a.inflections('take'); "
            "print('Stemmer' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
