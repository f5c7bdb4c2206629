"""en-corporate: verbs said with any object, bare buzzwords, and the guards that keep their
everyday and technical senses quiet (issue 10: quiet on prose; issue 9: recall on speech)."""
from __future__ import annotations

import pytest
from engine_helpers import decoded_ids as _ids
from engine_helpers import english_decoder
from jargon_en_corporate.plugin import DICTIONARY_PATH, english

from jargon.dictionary import load_dictionary
from jargon.engine.decoder import Decoder


@pytest.fixture(scope="module")
def decoder():
    return english_decoder()


@pytest.mark.parametrize(("text", "entry"), [
    ("We took the whole pricing argument offline after lunch.", "take-this-offline"),
    ("Can we take a difficult topic like that offline?", "take-this-offline"),
    ("Let's loop the facilities manager in on Monday.", "loop-in"),
    ("He wants to be looped in on every change.", "loop-in"),
    ("Please keep the night team in the loop about the move.", "keep-me-in-the-loop"),
    ("Could you cascade the new rota to your teams?", "cascade"),
    ("Let's park the branding question for a week.", "park-it"),
    ("We'll sunset the old intranet in spring.", "sunsetting"),
    ("The old intranet was sunset last year.", "sunsetting"),
    ("The shop has pivoted to online orders.", "we-need-to-pivot"),
    ("She's been ideating with the designers.", "ideate"),
    ("We onboarded forty volunteers in March.", "onboarding"),
    ("Half of us got upskilled over the summer.", "upskill"),
    ("We need a fortnightly cadence for these updates.", "cadence"),
    ("Let's tee up the hiring decision for the board.", "tee-up"),
    ("Just to close the loop, the answer is no.", "close-the-loop"),
    ("Sorry, that's a bit out of my lane.", "swim-lanes"),
    ("They threw the entire sales team under the bus.", "throw-under-the-bus"),
])
def test_jargon_said_freely_is_found(decoder, text, entry):
    assert entry in _ids(decoder, text)


@pytest.mark.parametrize("text", [
    "Take the server offline before you replace the disk.",
    "Sort the pivot table by region.",
    "He pivoted on his heel and walked out.",
    "The machine has onboard sound and onboard graphics.",
    "Park the van behind the warehouse.",
    "We watched the sunset from the pier.",
    "The virtue of socialism is the equal sharing of misery.",
    "The doctor said no heavy lifting for a month.",
    "The two drugs showed a synergistic effect in mice.",
    "If a float occurs on the same page as the table, move it.",
    "Peel the onion and chop it finely.",
    "The kids moved the goalposts closer together.",
    "They tee up the ball on the first hole.",
    "Reach out your hand and take mine.",
    "Do not disrupt the lesson again.",
    "I missed the exit and had to circle back round the block.",
    "We put a new pin in the gate hinge.",
    "The hall of the church needs a reorganisation of its chairs.",
])
def test_ordinary_senses_stay_quiet(decoder, text):
    assert _ids(decoder, text) == []


@pytest.mark.parametrize(("text", "entry"), [
    ("We are a family here", "family-here"),
    ("We are a flat organization", "flat-organization"),
    ("Be an ambassador for the brand", "brand-ambassador"),
])
def test_short_english_words_are_not_taken_for_pieces_of_a_split_word(text, entry):
    """"are a" is no split "area", with all the shipped dictionaries together (short English
    words are pieces of many dictionary words)."""
    assert entry in [m.entry.id for m in _all_shipped().decode(text)]


def _all_shipped() -> Decoder:
    import jargon

    return jargon.Decoder(jargon.load_dictionaries(["ru-corporate", "ru-extended", "en-corporate"]))


def test_an_open_slot_ends_where_the_phrase_goes_on():
    """In English an open slot ({something}) is closed by the phrase's next word: "keep the
    event loop" is no "keep the {something} in the loop" (engine.scoring, fixed word order)."""
    dec = Decoder([load_dictionary(DICTIONARY_PATH)], languages={"en": english()})
    assert _ids(dec, "This makes the channel keep the event loop of the parent running.") == []
    assert _ids(dec, "Please keep the night team in the loop about the move.") == ["keep-me-in-the-loop"]
