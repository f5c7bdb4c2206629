"""The ru-extended dictionary: valid, big enough, new, sourced, precise on ordinary prose, and every
example decodes to its own entry; the reference list of cited terms is covered."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jargon_ru_extended.plugin import DICTIONARY_PATH

from jargon import Decoder
from jargon.catalog import builtin_dictionary_dir
from jargon.dictionary import load_dictionary

DICTIONARY = load_dictionary(DICTIONARY_PATH)
SEED = load_dictionary(builtin_dictionary_dir() / "ru-corporate.toml")
EXAMPLES = [(e.id, example) for e in DICTIONARY.entries for example in e.examples]
REFERENCE = Path(__file__).resolve().parents[3] / "bench" / "coverage" / "ru-reference.jsonl"


def _key(phrase: str) -> str:
    return " ".join(re.findall(r"\w+", phrase.lower().replace("ё", "е")))


@pytest.fixture(scope="module")
def decoder():
    return Decoder([DICTIONARY])        # jargon.Decoder: with the installed languages (Russian is built in)


@pytest.fixture(scope="module")
def decoder_with_seed():
    return Decoder([SEED, DICTIONARY])


def test_metadata():
    assert DICTIONARY.name == "ru-extended"
    assert DICTIONARY.language == "ru"


def test_at_least_four_hundred_entries():
    assert len(DICTIONARY.entries) >= 400


def test_tags_come_from_the_vocabulary_in_the_header():
    header = Path(DICTIONARY_PATH).read_text(encoding="utf-8")
    vocabulary = re.search(r"# Tags \(fixed vocabulary\): ([^.]+)\.", header)
    assert vocabulary, "the header comment lists the tag vocabulary"
    tags = {t.strip() for t in vocabulary.group(1).split(",")}
    for e in DICTIONARY.entries:
        assert set(e.tags) <= tags, (e.id, set(e.tags) - tags)


def test_sources_are_cited_and_described():
    assert len(DICTIONARY.sources) >= 60
    for key, citation in DICTIONARY.sources.items():
        assert re.fullmatch(r"[a-z0-9][a-z0-9.-]*", key), key
        assert "http" in citation and citation.count(",") >= 2, key       # title, publisher, year, URL
    cited = {s for e in DICTIONARY.entries for s in e.sources}
    assert cited <= set(DICTIONARY.sources)
    assert len([e for e in DICTIONARY.entries if e.sources]) >= 200


def test_derived_entries_are_one_word():
    derived = [e for e in DICTIONARY.entries if e.derive]
    assert len(derived) >= 10
    for e in derived:
        assert len(re.findall(r"\w+", e.phrase)) == 1, e.id


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
    """Latin spellings people write in Russian chats, everyday English words among them ("approve",
    "attachment", "use case"): they count only inside Russian text (the engine matches a dictionary only
    in text of its language; tests/test_ru_extended_guards.py keeps English prose quiet)."""
    latin = {alt for alts in DICTIONARY.spellings.values() for alt in alts if re.fullmatch(r"[a-z. ]+", alt)}
    assert {"sync", "ping", "feedback", "fuckup", "approve", "attachment", "use case"} <= latin


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
    ("Завтра быстрый sync по релизу.", "zasinkatsya", "sync"),
    ("Кинь ping Васе, он спит.", "pinganut", "ping"),
    ("Это был полный fuckup с релизом.", "fakap", "fuckup"),
    ("Вернусь с feedback до обеда.", "vernutsya-s-obratnoy-svyazyu", "feedback"),
])
def test_latin_spelling_decodes(decoder, text, entry_id, latin):
    hits = [m for m in decoder.decode(text) if m.entry.id == entry_id]
    assert hits and latin in hits[0].text, decoder.decode(text)


@pytest.mark.parametrize("text", [
    "Продам гараж недорого.",                              # not "прод"
    "Обратите внимание на параметр.",                      # not "хочу обратить внимание"
    "В настоящее время поддерживается только один режим.",
    "Все процессы в системе имеют низкий приоритет.",      # not "в процессе", "не приоритет"
    "Драйвер был загружен ядром.",                         # not "драйвер проекта"
    "Меняю шило на мыло.",                                 # not "скинуть на мыло"
    "Пойти работать или учиться?",
    "Это не вопрос.",
    "Пойдём на митинг протеста.",
    "Зелёные человечки прилетели.",                        # literal: "зелёные человечки"
])
def test_ordinary_prose_stays_quiet(decoder, text):
    assert decoder.decode(text) == [], text


def _reference() -> list[dict]:
    return [json.loads(line) for line in REFERENCE.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_reference_list_is_well_formed():
    rows = _reference()
    assert len(rows) >= 250
    assert len({r["term"] for r in rows}) == len(rows)
    for r in rows:
        assert set(r) == {"term", "sources", "sentence"}, r
        assert r["sources"] and set(r["sources"]) <= set(DICTIONARY.sources), r["term"]
        assert r["sentence"].strip()
    examples = {_key(x) for _, x in EXAMPLES}
    assert not [r["term"] for r in rows if _key(r["sentence"]) in examples], "reference sentences copy examples"


def test_reference_list_is_covered(decoder_with_seed):
    """A term counts as found when a match in its sentence holds the term's first letters."""
    rows = _reference()
    found, weight, total = 0, 0, 0
    for r in rows:
        keys = {_key(w)[:4] if len(w) > 4 else _key(w)[:3] for w in re.findall(r"\w+", r["term"]) if len(w) >= 3}
        hit = any(k in _key(m.text) for m in decoder_with_seed.decode(r["sentence"]) for k in keys)
        found += hit
        weight += len(r["sources"]) * hit
        total += len(r["sources"])
    assert found / len(rows) >= 0.95        # 255 of 263 (97.0%, 98.5% weighted) on 2026-12-01
    assert weight / total >= 0.97


@pytest.mark.parametrize(("text", "entry_id"), [
    ("Мы опять дедлайним.", "dedlayn"),
    ("Она зафидбэчила макет.", "fidbek"),
])
def test_derived_forms(decoder, text, entry_id):
    assert entry_id in [m.entry.id for m in decoder.decode(text)]
