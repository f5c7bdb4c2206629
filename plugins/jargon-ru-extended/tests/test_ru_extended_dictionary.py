"""The ru-extended dictionary: valid, big enough, new, and every example decodes to its own entry."""
from __future__ import annotations

import re

import pytest

from jargon.catalog import builtin_dictionary_dir
from jargon.dictionary import load_dictionary
from jargon.engine.decoder import Decoder
from jargon_ru_extended.plugin import DICTIONARY_PATH

DICTIONARY = load_dictionary(DICTIONARY_PATH)
SEED = load_dictionary(builtin_dictionary_dir() / "ru-corporate.toml")
EXAMPLES = [(e.id, example) for e in DICTIONARY.entries for example in e.examples]


def _key(phrase: str) -> str:
    return " ".join(re.findall(r"\w+", phrase.lower().replace("ё", "е")))


@pytest.fixture(scope="module")
def decoder():
    return Decoder([DICTIONARY])        # languages=None: the installed ones (Russian is built in)


@pytest.fixture(scope="module")
def decoder_with_seed():
    return Decoder([SEED, DICTIONARY])


def test_metadata():
    assert DICTIONARY.name == "ru-extended"
    assert DICTIONARY.language == "ru"


def test_at_least_forty_entries():
    assert len(DICTIONARY.entries) >= 40


def test_requested_phrases_present():
    said = {_key(e.phrase) for e in DICTIONARY.entries} | {_key(v) for e in DICTIONARY.entries for v in e.variants}
    for phrase in ("апрувнуть", "засинкаться", "пошарить экран", "давай в личку", "эскалировать",
                   "зафиксировать договорённости", "вернуться с обратной связью", "на созвоне", "пингануть",
                   "asap", "дедлайн горит", "взять в работу", "давайте синхронизируемся",
                   "это не в моей зоне ответственности", "прорабатываем вопрос"):
        assert _key(phrase) in said, phrase


def test_no_seed_headword_repeated():
    seed = {_key(e.phrase) for e in SEED.entries} | {_key(v) for e in SEED.entries for v in e.variants}
    seed_ids = {e.id for e in SEED.entries}
    for e in DICTIONARY.entries:
        assert _key(e.phrase) not in seed, e.phrase
        assert e.id not in seed_ids, e.id


def test_latin_spellings():
    latin = {alt for alts in DICTIONARY.spellings.values() for alt in alts if re.fullmatch(r"[a-z.]+", alt)}
    assert {"sync", "ping", "approve", "feedback", "fuckup"} <= latin


def test_every_entry_is_complete():
    for e in DICTIONARY.entries:
        assert e.meaning.strip() and e.tags and 1 <= len(e.examples) <= 2, e.id
        assert not e.explicit or e.clean_meaning, e.id


@pytest.mark.parametrize(("entry_id", "example"), EXAMPLES, ids=[f"{i}:{x[:30]}" for i, x in EXAMPLES])
def test_example_decodes_to_its_entry(decoder, entry_id, example):
    matches = decoder.decode(example)
    found = [m.entry.id for m in matches]
    assert entry_id in found, f"{example!r} gave {found}"
    for m in matches:
        assert example[m.start:m.end] == m.text


@pytest.mark.parametrize(("entry_id", "example"), EXAMPLES, ids=[f"{i}:{x[:30]}" for i, x in EXAMPLES])
def test_example_still_decodes_next_to_the_seed(decoder_with_seed, entry_id, example):
    found = [m.entry.id for m in decoder_with_seed.decode(example)]
    assert entry_id in found, f"{example!r} gave {found} with ru-corporate loaded too"


@pytest.mark.parametrize(("text", "entry_id", "latin"), [
    ("Нужен approve от финдиректора.", "apruvnut", "approve"),
    ("Завтра быстрый sync по релизу.", "zasinkatsya", "sync"),
    ("Кинь ping Васе, он спит.", "pinganut", "ping"),
    ("Это был полный fuckup с релизом.", "fakap", "fuckup"),
    ("Вернусь с feedback до обеда.", "vernutsya-s-obratnoy-svyazyu", "feedback"),
])
def test_latin_spelling_decodes(decoder, text, entry_id, latin):
    hits = [m for m in decoder.decode(text) if m.entry.id == entry_id]
    assert hits and latin in hits[0].text, decoder.decode(text)
