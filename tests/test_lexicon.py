"""Lexicon lookups (jargon.engine.lexicon): which word classes a text form gets, with which
similarity and by which rule (``lexicon.how``), typo tolerance by length band, the typo
pools, and the Russian analyser's readings the lexicon builds on.

The words of the typo bands are made up (pymorphy3 knows none of them): a real word is
never taken for a typo, and each sits alone under its first letter.
"""
from __future__ import annotations

from functools import lru_cache

import pytest
from engine_helpers import RU

from jargon.builtin.russian import RussianAnalyzer
from jargon.engine.decoder import Decoder
from jargon.engine.lexicon import Lexicon
from jargon.engine.tuning import max_typo_distance
from jargon.model import Dictionary, Entry

# written as they are, no inflection: one word class per word
MADE_UP = ["шпу", "фрюк", "жуфо", "кворб", "дрымба", "трансмогрик", "гиперфлюксор", "мегафлюксоконденсатор"]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    entries = [
        Entry(id="podsvetit", phrase="Подсветить Васе точки роста", meaning="m", placeholders=("Вася",)),
        Entry(id="verkh", phrase="Верхнеуровнево", meaning="m"),
        Entry(id="zagruz", phrase="Большой загруз", meaning="m"),
        Entry(id="followup", phrase="Пришлете фоллоуап", meaning="m"),
        Entry(id="plany", phrase="Это в планах", meaning="m", inflect=False),
        Entry(id="challenge", phrase="Челленджить гипотезы", meaning="m"),
        Entry(id="fakap", phrase="Факап", meaning="m", derive=True),
        Entry(id="kollegi", phrase="Коллеги!", meaning="m", inflect=False, anchor="start"),
    ] + [Entry(id=w, phrase=w, meaning="m", inflect=False) for w in MADE_UP]
    d = Dictionary(name="lex", entries=tuple(entries), spellings={"фоллоуап": ("follow-up",)},
                   synonyms={"загруз": ("загруженность",)})
    return Decoder([d], languages=RU).lexicons[0]


def looked_up(form: str) -> dict[str, tuple[float, str]]:
    """{pattern word: (similarity, rule)} of a normalised text form."""
    lex = lexicon()
    found = lex.classes(form)
    return {lex.class_word[c]: (round(sim, 4), lex.how[form][c]) for c, sim in found.items()}


@pytest.mark.parametrize("form, expected", [
    ("подсвечу", {"подсветить": (1.0, "form")}),                    # an inflected form of the word
    ("точки", {"точки": (1.0, "form")}),
    ("верхнеуровневость", {"верхнеуровнево": (0.9, "stem")}),       # the Snowball stem only
    ("загруженности", {"загруз": (0.85, "synonym")}),               # a form of a listed synonym
    ("follow-up", {"фоллоуап": (1.0, "spelling")}),                 # a listed spelling
    ("planakh", {"планах": (0.95, "translit")}),                    # Latin letters read as Russian
    ("почелленджил", {"челленджить": (0.9, "derived")}),            # по- + the borrowing's root + -ил
    ("переподсветил", {"подсветить": (0.9, "prefix")}),             # another verb prefix on a known word
    ("факапнули", {"факап": (0.9, "derived")}),                     # built on a derive entry's root
    ("фоллоуапчик", {"фоллоуап": (0.9, "derived")}),                # on an unknown borrowing's root
    ("зафакапить", {"факап": (0.9, "derived")}),                    # за- + the root + -ить
    ("впланах", {"в": (1.0, "joined"), "планах": (1.0, "joined")}),  # two words glued by speech-to-text
])
def test_text_forms_get_their_classes_by_rule(form, expected):
    assert looked_up(form) == expected


def test_a_real_word_is_never_a_typo():
    assert looked_up("коллега") == {}          # pymorphy3 knows it: not a typo of "коллеги"
    assert looked_up("калеги") == {"коллеги": (0.8, "typo")}


def test_edits_allowed_by_word_length():
    assert [max_typo_distance(n) for n in range(1, 16)] == [0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3]


@pytest.mark.parametrize("typo, word, found", [
    ("шпы", "шпу", False),                      # 3 letters: no letter changed (see the short typos below)
    ("фрюм", "фрюк", True),                     # 4-5 letters: one edit
    ("кварб", "кворб", True),
    ("кварп", "кворб", False),                  # two edits of five letters: too many
    ("друмбо", "дрымба", True),                 # 6-11 letters: two edits
    ("трансмагрек", "трансмогрик", True),
    ("транзмагрук", "трансмогрик", False),      # three edits of eleven letters: too many (and not heard alike)
    ("транзмагрек", "трансмогрик", True),       # three edits, but heard alike (SOUND_TYPO_MIN)
    ("гипирфлюгсар", "гиперфлюксор", True),     # 12 letters and more: three edits
    ("гапирфлюгсар", "гиперфлюксор", False),    # four: too many
])
def test_typos_at_each_distance_band(typo, word, found):
    got = looked_up(typo)
    assert set(got) == ({word} if found else set())
    if found:
        sim, rule = got[word]
        assert rule == "typo" and 0.8 <= sim <= 0.97


@pytest.mark.parametrize("typo, word, found", [
    ("пшу", "шпу", True),                       # 3 letters: two letters swapped
    ("жфо", "жуфо", True),                      # 3 letters with a vowel: a vowel dropped
    ("фрк", "фрюк", False),                     # no vowel at all: an abbreviation ("pst" is no "past")
    ("шпы", "шпу", False),                      # one changed: never ("buf" is no "buy")
    ("шп", "шпу", False),                       # 2 letters: only a swap
])
def test_short_words_take_a_swap_or_a_lost_letter_as_a_typo(typo, word, found):
    got = looked_up(typo)
    assert (word in got) is found
    if found:
        assert got[word][1] == "typo" and 0.8 <= got[word][0] <= 0.97


def test_two_letters_swapped_are_one_edit():
    # "кворб" with two letters swapped: one edit (rapidfuzz OSA), within five letters' one
    assert looked_up("квобр") == {"кворб": (0.8, "typo")}
    assert looked_up("кврбо") == {}            # two swaps: two edits


@pytest.mark.parametrize("typo, word, similarity", [
    ("друмбо", "дрымба", 0.8),                  # rapidfuzz ratio 0.67, raised to the floor 0.8
    ("трансмогрек", "трансмогрик", 0.9091),     # ratio 20/22, as it is
    ("мегафлюксокконденсатор", "мегафлюксоконденсатор", 0.97),   # ratio 42/43 = 0.977, capped at 0.97
])
def test_a_typo_scores_its_ratio_within_bounds(typo, word, similarity):
    assert looked_up(typo) == {word: (similarity, "typo")}


def test_typo_pools_hold_the_words_within_reach_by_first_letter_and_length():
    pools = lexicon().index.pools
    assert "кворб" in pools[("к", 5)] and "кворб" in pools[("к", 4)]
    assert "кворб" in pools[("к", 7)]           # seven letters allow two edits: five is within reach
    assert ("ш", 3) not in pools                # no typos of three letters
    assert not any("кворб" in pool for (first, _), pool in pools.items() if first != "к")


# -- the Russian analyser's readings --------------------------------------------------------

def test_readings_under_half_the_best_parse_do_not_count():
    ru = RussianAnalyzer()
    # pymorphy3 reads "печь" as an infinitive at half the noun's score: a reading
    assert ru.has_grammar("печь", "verb") and "пеку" in ru.inflections("печь")
    # and "цеха" as a nominative plural at 0.4 of the genitive singular's: not one
    assert ru.has_grammar("цеха", "noun:gen") and not ru.has_grammar("цеха", "noun:nom")


def test_word_weights_of_the_russian_analyser():
    ru = RussianAnalyzer()
    # content word, preposition, conjunction, pronoun, adverb, auxiliary, interjection
    assert [ru.weight(w) for w in ("планах", "в", "и", "меня", "сегодня", "было", "ой")] == \
           [1.0, 0.3, 0.3, 0.5, 0.5, 0.5, 0.1]
