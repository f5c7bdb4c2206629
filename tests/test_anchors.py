"""Anchor choice and candidate lookup (jargon.engine.lexicon): which pairs or single words
index each phrase, and that the index never misses a match that scoring every pattern
against every line (brute force) finds.

Brute force bypasses the index: ``Decoder._candidates`` is given every phrase pattern of
the lexicon instead of those the anchors let through, then ``Decoder._resolve`` chooses as
decoding does. Texts are single lines with no piece of a split word (rejoining looks the
rejoined line up in the index again, so there the two paths are not independent).
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from engine_helpers import ROOT, RU, seed_dictionary
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from jargon.builtin.russian import RussianAnalyzer
from jargon.contributions import Language
from jargon.dictionary import load_dictionary
from jargon.engine.decoder import Decoder
from jargon.engine.lexicon import Lexicon
from jargon.engine.patterns import PHRASE
from jargon.model import Dictionary, Entry
from jargon.text.tokens import WORD_RE


def _ru_extended() -> Path | None:
    """The example plugin's Russian dictionary: installed, or in this repository."""
    spec = importlib.util.find_spec("jargon_ru_extended")
    for folder in ([Path(spec.origin).parent] if spec and spec.origin else []) + [
            ROOT / "plugins" / "jargon-ru-extended" / "src" / "jargon_ru_extended"]:
        if (folder / "ru-extended.toml").exists():
            return folder / "ru-extended.toml"
    return None


def anchors(lex: Lexicon, pid: int) -> tuple[set[frozenset[str]], set[str]]:
    """The pairs (as sets of two pattern words) and the single words that index phrase ``pid``."""
    w = lex.class_word
    pairs = {frozenset((w[a], w[b]))
             for a, partners in lex.index.pairs.items() for b, ps in partners.items() if pid in ps}
    singles = {w[c] for c, ps in lex.index.single.items() if pid in ps}
    return pairs, singles


def pid_of(lex: Lexicon, text: str) -> int:
    (pid,) = [pid for pid, p in lex.patterns.items() if p.text == text and p.kind == PHRASE]
    return pid


@lru_cache(maxsize=1)
def seed_lexicon() -> Lexicon:
    return Decoder([seed_dictionary()], languages=RU).lexicons[0]


def pairs(*words: str) -> set[frozenset[str]]:
    return {frozenset(p.split("+")) for p in words}


def test_a_one_word_phrase_is_its_own_single_anchor():
    lex = seed_lexicon()
    assert anchors(lex, pid_of(lex, "Коллеги!")) == (set(), {"коллеги"})


def test_a_phrase_said_in_full_is_indexed_by_its_two_rarest_words():
    lex = seed_lexicon()
    # "адженда" is a borrowing the analyser does not know: rarer than "коллеги" and "какова"
    assert anchors(lex, pid_of(lex, "Коллеги, какова адженда?")) == (pairs("адженда+какова"), set())
    assert anchors(lex, pid_of(lex, "Это в планах")) == (pairs("планах+это"), set())


def test_two_words_every_match_holds_make_one_pair():
    lex = seed_lexicon()
    # "большой" and "загруз" each weigh more than a match may lack (a quarter of 3.3)
    assert anchors(lex, pid_of(lex, "У меня сейчас большой загруз")) == (pairs("большой+загруз"), set())


def test_one_word_every_match_holds_pairs_with_each_of_the_fewest_others_no_match_lacks_all_of():
    lex = seed_lexicon()
    # a match lacks at most 0.575 of 2.3: "загруз" is in every one, and "сейчас" or "меня" (0.5 each)
    assert anchors(lex, pid_of(lex, "У меня сейчас загруз")) == (pairs("загруз+сейчас", "загруз+меня"), set())


def test_a_long_phrase_is_indexed_by_all_pairs_of_its_three_rarest_words():
    lex = seed_lexicon()
    # a match may lack 1.075 of 4.3: any two of the three rarest words weigh more, so every match holds a pair
    assert anchors(lex, pid_of(lex, "Коллеги, я без камеры сегодня, приболел")) == \
        (pairs("приболел+камеры", "приболел+сегодня", "камеры+сегодня"), set())
    assert anchors(lex, pid_of(lex, "Мы с Васей решили идти в эту историю")) == \
        (pairs("историю+решили", "историю+идти", "решили+идти"), set())


def test_a_phrase_too_long_for_pairs_gets_single_anchors_until_no_window_lacks_them_all():
    words = " ".join(f"зорб{letter}ик" for letter in "абвгдежзиклмнопрстуф")    # made up: each weighs 1
    d = Dictionary(name="long", entries=(Entry(id="long", phrase=words, meaning="m", inflect=False),))
    lex = Decoder([d], languages=RU).lexicons[0]
    got_pairs, singles = anchors(lex, pid_of(lex, words))
    # twenty words of weight 1: a match may lack five, so six single anchors (no window lacks all six)
    assert got_pairs == set() and len(singles) == 6 and singles <= set(words.split())


# -- the index never misses what brute force finds --------------------------------------

def brute_force(decoder: Decoder, text: str) -> set[tuple]:
    """The matches of a one-line ``text`` scoring every phrase pattern (no anchor index)."""
    low = text.lower().replace("ё", "е")
    words = WORD_RE.findall(low)
    found: list = []
    for lex in decoder.lexicons:
        for form in set(words):
            lex.classes(form)
        every = {pid for pid, p in lex.patterns.items() if p.kind == PHRASE}
        found += decoder._candidates(text, low, words, 0, lex, every, False)
    return {(m.start, m.end, m.entry.id, m.score) for m in decoder._resolve(found, text)} if found else set()


def indexed(decoder: Decoder, text: str) -> set[tuple]:
    return {(m.start, m.end, m.entry.id, m.score) for m in decoder.decode(text)}


def has_split_pieces(decoder: Decoder, text: str) -> bool:
    words = set(WORD_RE.findall(text.lower().replace("ё", "е")))
    for lex in decoder.lexicons:
        for form in words:
            lex.classes(form)
        if lex.scan_line(words)[1]:
            return True
    return False


def less_one_word(phrase: str) -> list[str]:
    words = phrase.split()
    return [" ".join(words[:k] + words[k + 1:]) for k in range(len(words))] if len(words) > 2 else []


def test_headwords_less_one_word_find_through_the_index_what_brute_force_finds():
    extended = _ru_extended()
    dictionaries = [seed_dictionary()] + ([load_dictionary(extended)] if extended else [])
    decoder = Decoder(dictionaries, languages=RU)
    probes = [t for d in dictionaries for e in d.entries for p in (e.phrase, *e.variants) for t in less_one_word(p)]
    checked = found = 0
    for text in probes:
        if has_split_pieces(decoder, text):
            continue
        expected = brute_force(decoder, text)
        assert indexed(decoder, text) == expected, text
        checked += 1
        found += bool(expected)
    assert checked >= 100 and found >= 40       # the probes do test something (the seed alone: 128, 84)


# one analyser (pymorphy3 loaded once) for the many small decoders
_SHARED = RussianAnalyzer()
SHARED_RU = {"ru": Language("ru", "Russian", lambda: _SHARED)}

# random small dictionaries over words none of which is a piece of another
VOCAB = ("отчет бюджет встреча клиент задача проект релиз спринт метрика команда продукт решение срок запуск "
         "рынок склад заказ договор").split()
LIGHT = "в на у меня это сейчас ну вот и очень".split()
word = st.sampled_from(VOCAB + LIGHT)
phrases = st.lists(word, min_size=1, max_size=7, unique=True).map(" ".join)
entries = st.lists(st.tuples(phrases, st.booleans()), min_size=1, max_size=4, unique_by=lambda e: e[0])


@st.composite
def said(draw, phrase: str) -> str:
    """A way of saying ``phrase``: words dropped, words inserted, two words swapped."""
    words = phrase.split()
    for _ in range(draw(st.integers(0, min(2, len(words) - 1)))):
        words.pop(draw(st.integers(0, len(words) - 1)))
    for _ in range(draw(st.integers(0, 3))):
        words.insert(draw(st.integers(0, len(words))), draw(word))
    if len(words) > 1 and draw(st.booleans()):
        k = draw(st.integers(0, len(words) - 2))
        words[k], words[k + 1] = words[k + 1], words[k]
    return " ".join(words)


@st.composite
def cases(draw) -> tuple[list[tuple[str, bool]], str]:
    es = draw(entries)
    parts = [draw(said(draw(st.sampled_from([p for p, _ in es])))) for _ in range(draw(st.integers(1, 3)))]
    return es, draw(st.sampled_from([" ", ", ", ". "])).join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
@example(([("отчет бюджет встреча клиент", False)], "бюджет встреча клиент"))
@example(([("отчет бюджет встреча клиент", False)], "отчет встреча клиент"))
@example(([("у меня сейчас очень большой проект", True)], "у меня сейчас большой проект"))
def test_the_anchor_index_never_misses_a_match_brute_force_finds(case):
    es, text = case
    d = Dictionary(name="random", entries=tuple(Entry(id=f"e{k}", phrase=p, meaning="m", inflect=inflect)
                                                for k, (p, inflect) in enumerate(es)))
    decoder = Decoder([d], languages=SHARED_RU)
    if has_split_pieces(decoder, text):
        return
    assert indexed(decoder, text) == brute_force(decoder, text)
