"""The en-corporate dictionary: valid, big enough, and every example decodes to its own entry."""
from __future__ import annotations

import pytest

from jargon.dictionary import load_dictionary
from jargon.engine.decoder import Decoder
from jargon_en_corporate.plugin import DICTIONARY_PATH, english

DICTIONARY = load_dictionary(DICTIONARY_PATH)
EXAMPLES = [(e.id, example) for e in DICTIONARY.entries for example in e.examples]


@pytest.fixture(scope="module")
def decoder():
    return Decoder([DICTIONARY], languages={"en": english()})


def test_metadata():
    assert DICTIONARY.name == "en-corporate"
    assert DICTIONARY.language == "en"
    assert DICTIONARY.path == DICTIONARY_PATH


def test_at_least_sixty_entries():
    assert len(DICTIONARY.entries) >= 60


def test_required_phrases_present():
    headwords = {e.phrase.lower() for e in DICTIONARY.entries}
    variants = {v.lower() for e in DICTIONARY.entries for v in e.variants}
    for phrase in ("let's circle back", "let's take this offline", "low-hanging fruit", "per my last email",
                   "we're a family here", "touch base", "move the needle", "synergy", "deep dive",
                   "let's put a pin in it", "going forward", "quick question", "just following up",
                   "open-door policy", "thought leadership", "i don't have the bandwidth"):
        assert phrase in headwords or phrase in variants, phrase


def test_every_entry_has_meaning_tags_and_examples():
    for e in DICTIONARY.entries:
        assert e.meaning.strip(), e.id
        assert e.tags, e.id
        assert 1 <= len(e.examples) <= 2, e.id
        assert not e.explicit, e.id


@pytest.mark.parametrize(("entry_id", "example"), EXAMPLES, ids=[f"{i}:{x[:30]}" for i, x in EXAMPLES])
def test_example_decodes_to_its_entry(decoder, entry_id, example):
    matches = decoder.decode(example)
    found = [m.entry.id for m in matches]
    assert entry_id in found, f"{example!r} gave {found}"
    for m in matches:
        assert example[m.start:m.end] == m.text
