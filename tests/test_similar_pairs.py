"""jargon.similar_pairs: the blocked fuzzy join behind ``dict validate`` finds what a full comparison finds."""
from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz

from jargon.similar_pairs import similar_pairs
from jargon.validate import normalise

WORDS = ("согласовать", "ключевые", "договорённости", "синхронизироваться", "по", "задачам", "релиза",
         "в", "рамках", "спринта", "эскалировать", "блокер", "фидбек", "коллеги", "круг", "вопросов",
         "touch", "base", "with", "you", "circle", "back", "on", "the", "deliverables", "offline")


def _mutate(rng: random.Random, phrase: str) -> str:
    """One of the changes real near-duplicates show: an ending, a word added or dropped, a typo."""
    words = phrase.split()
    kind = rng.randrange(5)
    i = rng.randrange(len(words))
    if kind == 0 and len(words[i]) > 5:
        words[i] = words[i][:-2] + rng.choice(("ую", "ом", "ей", "ed", "es"))
    elif kind == 1:
        words.insert(i, rng.choice(("с", "в", "по", "the", "a")))
    elif kind == 2 and len(words) > 2:
        del words[i]
    elif kind == 3 and len(words[i]) > 4:
        j = rng.randrange(1, len(words[i]) - 1)
        words[i] = words[i][:j] + words[i][j + 1:]
    else:
        words.insert(i, rng.choice(WORDS))
        words.insert(i, rng.choice(("с", "в", "по")))
    return " ".join(words)


def _corpus(seed: int, n: int) -> tuple[list[str], list[str]]:
    """``n`` random phrases, and them with one changed copy of some (the blocking's promise:
    one word changed, or up to two added or dropped, or a typo)."""
    rng = random.Random(seed)
    bases = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 5))) for _ in range(n)]
    mutants = [_mutate(rng, b) for b in bases if rng.random() < 0.6]
    everything = bases + mutants
    rng.shuffle(everything)
    return [normalise(t) for t in bases], [normalise(t) for t in everything]


def _brute(queries, choices, similarity):
    return {(i, k, round(fuzz.ratio(q, c), 6)) for i, q in enumerate(queries) for k, c in enumerate(choices)
            if fuzz.ratio(q, c) >= similarity}


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("similarity", [90.0, 85.0])
def test_finds_every_near_duplicate_a_full_comparison_finds(seed, similarity):
    queries, choices = _corpus(seed, 300)
    found = {(i, k, round(s, 6)) for i, k, s in similar_pairs(queries, choices, similarity)}
    expected = _brute(queries, choices, similarity)
    assert expected, "the corpus must hold near duplicates for the test to mean anything"
    assert found == expected


def test_typos_in_short_words_and_split_words_are_found():
    choices = ["фоллоуап", "фолоуап", "follow up", "followup", "фидбек", "фидбэк", "асап", "тимбилдинг"]
    found = {(choices[i], choices[k]) for i, k, _ in similar_pairs(choices, choices, 80.0) if i != k}
    assert ("фоллоуап", "фолоуап") in found
    assert ("follow up", "followup") in found
    assert ("фидбек", "фидбэк") in found
    assert not any("тимбилдинг" in pair for pair in found)


def test_a_changed_word_beside_a_short_one_is_found():
    choices = ["переприоритизировать баг", "приоритизировать баг", "согласовать баг"]
    found = {(choices[i], choices[k]) for i, k, _ in similar_pairs(choices, choices, 90.0) if i != k}
    assert found == {("переприоритизировать баг", "приоритизировать баг"),
                     ("приоритизировать баг", "переприоритизировать баг")}


def test_reports_only_pairs_at_or_above_the_cutoff():
    choices = ["согласовать ключевые договорённости", "согласовать ключевые договорённость",
               "согласовать сроки релиза"]
    pairs = list(similar_pairs(choices[:1], choices, 95.0))
    assert [(i, k) for i, k, _ in pairs] == [(0, 0), (0, 1)]
    assert all(s >= 95.0 for _, _, s in pairs)


@pytest.mark.parametrize("seed", range(3))
def test_first_query_leaves_out_exactly_the_earlier_queries(seed):
    queries, choices = _corpus(seed, 300)
    rng = random.Random(seed)
    first_query = [rng.choice((0, 0, rng.randrange(len(queries) + 2))) for _ in choices]
    every = list(similar_pairs(queries, choices, 90.0))
    some = list(similar_pairs(queries, choices, 90.0, first_query))
    assert some == [(i, k, s) for i, k, s in every if i >= first_query[k]]
    assert len(some) < len(every)


def test_many_distinct_characters_are_compared_as_they_are():
    # more characters than fit the ASCII range: scored without renumbering, same results
    letters = [chr(0x4E00 + n) for n in range(200)]
    rng = random.Random(7)
    bases = ["".join(rng.choice(letters) for _ in range(rng.randint(3, 14))) for _ in range(150)]
    choices = bases + [b[:-1] + rng.choice(letters) for b in bases[:60]] + ["ab cd", "ab ce"]
    found = {(i, k, round(s, 6)) for i, k, s in similar_pairs(choices, choices, 80.0)}
    expected = _brute(choices, choices, 80.0)
    assert {(i, k) for i, k, _ in expected if i != k}
    assert found == expected
