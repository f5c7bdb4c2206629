"""The en-corporate dictionary: valid, sourced, every example decodes to its own entry, and quiet on plain English."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jargon_en_corporate.plugin import DICTIONARY_PATH, english

from jargon.dictionary import load_dictionary
from jargon.engine.decoder import Decoder
from jargon.validate import validate_file

DICTIONARY = load_dictionary(DICTIONARY_PATH)
EXAMPLES = [(e.id, example) for e in DICTIONARY.entries for example in e.examples]
# the reference list of terms published sources cite (bench/coverage/), when the plugin runs from the repository
REFERENCE = Path(__file__).resolve().parents[3] / "bench" / "coverage" / "en-reference.jsonl"


@pytest.fixture(scope="module")
def decoder():
    return Decoder([DICTIONARY], languages={"en": english()})


def test_metadata():
    assert DICTIONARY.name == "en-corporate"
    assert DICTIONARY.language == "en"
    assert DICTIONARY.path == DICTIONARY_PATH


def test_at_least_four_hundred_entries():
    assert len(DICTIONARY.entries) >= 400


def test_required_phrases_present():
    headwords = {e.phrase.lower() for e in DICTIONARY.entries}
    variants = {v.lower() for e in DICTIONARY.entries for v in e.variants}
    for phrase in ("let's circle back", "let's take this offline", "low-hanging fruit", "per my last email",
                   "we're a family here", "touch base", "move the needle", "synergy", "deep dive",
                   "let's put a pin in it", "going forward", "quick question", "just following up",
                   "open-door policy", "thought leadership", "i don't have the bandwidth", "i have a hard stop",
                   "drill down", "get buy-in", "key takeaways", "deliverables", "blue-sky thinking",
                   "mission statement", "pick it up and run with it", "boil the ocean", "leverage", "learnings",
                   "actionable insights", "let's ideate", "open the kimono", "drink the kool-aid",
                   "at the end of the day", "we need to pivot", "paradigm shift"):
        assert phrase in headwords or phrase in variants, phrase


def test_every_entry_has_meaning_tags_and_examples():
    for e in DICTIONARY.entries:
        assert e.meaning.strip(), e.id
        assert e.tags, e.id
        assert 1 <= len(e.examples) <= 2, e.id
        assert not e.explicit, e.id


def test_tags_come_from_the_vocabulary_in_the_header():
    header = re.search(r"^# Tags \(a fixed vocabulary\): (.+)\.$", DICTIONARY_PATH.read_text(encoding="utf-8"), re.M)
    assert header, "the header comment lists the tags"
    vocabulary = {t.strip() for t in header.group(1).split(",")}
    for e in DICTIONARY.entries:
        assert set(e.tags) <= vocabulary, (e.id, set(e.tags) - vocabulary)


def test_entries_cite_published_sources():
    cited = [e for e in DICTIONARY.entries if e.sources]
    assert len(cited) >= 0.9 * len(DICTIONARY.entries)
    for e in cited:
        assert set(e.sources) <= set(DICTIONARY.sources), e.id
    for sid, citation in DICTIONARY.sources.items():
        assert re.search(r", (\d{4}|n\.d\.), https?://\S+", citation), (sid, citation)


@pytest.mark.parametrize(("entry_id", "example"), EXAMPLES, ids=[f"{i}:{x[:30]}" for i, x in EXAMPLES])
def test_example_decodes_to_its_entry(decoder, entry_id, example):
    matches = decoder.decode(example)
    found = [m.entry.id for m in matches]
    assert entry_id in found, f"{example!r} gave {found}"
    for m in matches:
        assert example[m.start:m.end] == m.text


def test_every_headword_decodes_to_its_entry(decoder):
    """A headword said alone is found; one with a context guard needs a workplace word near it."""
    missing = [e.id for e in DICTIONARY.entries
               if "{" not in e.phrase and e.id not in [m.entry.id for m in decoder.decode(_near_work(e))]]
    assert missing == []


def _near_work(e) -> str:
    return f"{e.phrase}, the manager said." if e.context else e.phrase


GUARDED = [e for e in DICTIONARY.entries if e.context]
# a headword that holds a workplace word itself ("De-scale the project") carries its own context
WORK_WORDS = set(DICTIONARY.sets["work"])
SAID_ALONE = [e for e in GUARDED if not WORK_WORDS & set(re.findall(r"[a-z-]+", e.phrase.lower()))]


def test_the_pack_guards_its_everyday_one_word_buzzwords():
    assert len(GUARDED) >= 20
    assert all("{work}" in e.context and set(e.context) <= {"{work}", "{delivery}"} for e in GUARDED)
    assert {"deck-alone", "visibility-alone", "the-ask", "robust-alone", "bandwidth-alone"} <= {e.id for e in GUARDED}


@pytest.mark.parametrize("entry", SAID_ALONE, ids=lambda e: e.id)
def test_a_guarded_headword_said_with_no_workplace_word_is_not_jargon(decoder, entry):
    """The guard holds: "Deck." or "Visibility, she said." is no match; "Deck, the manager said." is."""
    found = [m.entry.id for m in decoder.decode(f"{entry.phrase}, she said, and went home.")]
    assert entry.id not in found
    assert entry.id in [m.entry.id for m in decoder.decode(_near_work(entry))]


def test_validate_finds_nothing_but_slot_variants():
    """Variants with {someone}/{something} slots wait for the engine's slot support; nothing else may fail."""
    problems = validate_file(DICTIONARY_PATH, languages={"en": english()})
    assert [str(p) for p in problems if "{" not in str(p)] == []


# Ordinary English (the kind of sentence Debian's fortunes and man pages are full of) on which earlier
# versions of this pack fired: each line pins a guard, an `inflect = false`, or a dropped variant.
ORDINARY = [
    "Nobody learned anything from it.",
    "We won the game on Sunday.",
    "Take the disk offline before you remove it.",
    "The results are more or less the same.",
    "It is just out of reach.",
    "Break out of the loop when the counter is zero.",
    "Any updates to the file must be saved first.",
    "The session scope is terminated when the user logs out.",
    "There was a delay in the release.",
    "Move forward one character.",
    "Set the update policy type to proactive.",
    "Update the value or add a key value pair.",
    "Press the message key twice.",
    "The entropy pool has been initialized.",
    "Store the file in bucket-1 and bucket-2.",
    "It can get a little confusing at first.",
    "The concurrency level set by the previous call.",
    "It takes no action, the default.",
    "Too heavy to lift.",
    "He was watching the sunset from the pier.",
    "Double down and right single box drawing.",
    "The error message is a bit confusing.",
    "The CPU can be taken offline dynamically.",
    "Files go in /usr/share/info on most systems.",
    "Use the left arrow key for repositioning.",
    "The unicorn ran into the forest.",
    "Transform the input and print it.",
    "I think the answer is what it is.",
    "All together now.",
    # unknown words and joined neighbours that the engine's typo tolerance corrected to entries
    "Correct speling is essential.",
    "They start coming in late and lying about it.",
    "He got such a great idea he said.",
    "Enable use of floating-point operations.",
    "Encode lfence, mfence and sfence as usual.",
    "Configure the clusters to onboard the fleet.",
    "-- Quintus Horatius Flaccus",
    "It has been validated for production use.",
    "The topic on channel #debian changed.",
]


@pytest.mark.parametrize("sentence", ORDINARY)
def test_ordinary_english_is_not_jargon(decoder, sentence):
    assert [(m.entry.id, m.text) for m in decoder.decode(sentence)] == []


@pytest.mark.skipif(not REFERENCE.is_file(), reason="bench/coverage/en-reference.jsonl is not beside the plugin")
def test_coverage_of_the_reference_list(decoder):
    rows = [json.loads(line) for line in REFERENCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 250
    for row in rows:
        assert row["sources"] and set(row["sources"]) <= set(DICTIONARY.sources), row["term"]
    found = [bool(decoder.decode(row["sentence"])) for row in rows]
    weights = [len(row["sources"]) for row in rows]
    assert sum(found) / len(rows) >= 0.80
    assert sum(w for w, f in zip(weights, found, strict=True) if f) / sum(weights) >= 0.90


def test_function_word_phrase_needs_its_word_order(decoder):
    # a phrase made only of light words is said in full and in its order
    assert decoder.decode("It is that if it is not so.") == []

