"""The labelled sets, scored inside the suite with committed floors (jargon.evaluation).

The development set (shared/eval/dev.jsonl) and the regression sets in tests/data/ have
all shaped the engine: they guard against regressions, they do not measure unseen text
(tests/data/README.md says which set was used how). Every floor sits just under what the
engine scores today, so a change to the scoring, the lexicon, a tuning number or the seed
dictionary that loses matches, or adds false ones, fails here.
"""
from __future__ import annotations

from functools import cache

import pytest
from engine_helpers import ROOT, seed_decoder

from jargon.evaluation import load, score_phrases, score_spans

DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
DATA = ROOT / "tests" / "data"

# set -> (F1 floor, recall floor of every kind)
FLOORS = {
    "dev": (0.98, 0.95),
    "heldout": (0.98, 0.95),
    "fresh-ru-a": (0.98, 0.90),     # the first fresh set of issue 9's first round: spent on tuning
    "fresh-ru-b": (0.965, 0.88),    # its second set, scored unseen then, spent on tuning in the next round
    "fresh-ru-c": (0.98, 0.88),     # scored unseen in session 4, spent on tuning in session 5
    "fresh-ru-d": (0.975, 0.95),    # speech-to-text and Latin-letter speech, written for tuning and spent
    "fresh-ru-e": (0.96, 0.85),     # session 5's unseen yardstick: scored before and after, errors never read
    "fresh-ru-g": (0.965, 0.85),    # session 6's unseen yardstick: scored before and after, errors never read
    "fresh-ru-h": (0.955, 0.78),    # session 7: scored unseen (0.937), then spent on engine rules and seed guards
    "fresh-ru-i": (0.975, 0.87),    # session 7: scored unseen (0.960), then spent on the next round of them
    "fresh-ru-j": (0.95, 0.76),     # session 7's unseen yardstick (0.942 -> 0.951); read in session 8: 0.956
    "fresh-ru-k": (0.975, 0.90),    # session 8: scored unseen (0.977), then spent on engine rules
    "fresh-ru-l": (0.98, 0.90),     # session 8's unseen yardstick (0.973); read in session 9: 0.986
    "fresh-ru-m": (0.98, 0.85),     # session 9's unseen yardstick: scored before (0.979) and after, never read
}
# English span sets, scored with the en-corporate pack: (F1 floor, recall floor)
SPAN_FLOORS = {
    "fresh-en-a": (0.95, 0.935),    # raised 2026-12-01 (pack round 2: 0.933 -> 0.942 recall)
    "fresh-en-b": (0.94, 0.91),     # scored unseen in the first round, spent on the pack's tuning in the next
    "fresh-en-c": (0.935, 0.945),   # scored unseen in session 4, spent on the pack's tuning in session 5
    "fresh-en-f": (0.87, 0.78),    # written in session 5, read to choose engine rules, then tuned on by the pack
                                    # (with a set E kept outside the repository) on 2026-12-01: 0.704 -> 0.823
    "fresh-en-e": (0.935, 0.93),    # session 5's unseen yardstick, spent on the pack's tuning in session 6
    "fresh-en-g": (0.93, 0.91),     # session 6: scored unseen (0.855), then spent on the literal-topic guard;
                                    # pack round 2 (2026-12-01): 0.892 -> 0.940 F1
    "fresh-en-h": (0.92, 0.90),     # session 6's unseen yardstick: scored before (0.841) and after; read and
                                    # spent on the pack's round 2 (2026-12-01): 0.863 -> 0.928 F1
    "fresh-en-i": (0.95, 0.935),    # session 7: scored unseen (0.882), then spent on engine rules and pack rounds
    "fresh-en-j": (0.905, 0.85),    # session 7's unseen yardstick (0.833 -> 0.851); read: 0.862, 0.913 (session 9)
    "fresh-en-k": (0.96, 0.95),     # session 8: scored unseen (0.886), then spent on engine rules and pack round 3
    "fresh-en-l": (0.945, 0.91),    # session 8's unseen yardstick (0.894 -> 0.906); read in session 9: 0.954
    "fresh-en-m": (0.88, 0.82),     # session 9: scored unseen (0.875 -> 0.878), then read: 0.889
    "fresh-en-n": (0.78, 0.69),     # session 9's unseen yardstick, written after M was read: 0.780 -> 0.790
}


@cache
def scored(name: str):
    path = DEV if name == "dev" else DATA / f"{name}.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is not here (the shared folder sits beside the repository in CI)")
    return score_phrases(seed_decoder(), load(path))


@cache
def scored_spans(name: str):
    import jargon

    try:
        english = jargon.load_dictionaries(["en-corporate"])
    except jargon.JargonError:
        pytest.skip("the en-corporate plugin is not installed")
    return score_spans(jargon.Decoder(english), load(DATA / f"{name}.jsonl"))


@pytest.mark.parametrize("name", sorted(SPAN_FLOORS))
def test_english_span_floors(name):
    score = scored_spans(name)
    f1_floor, recall_floor = SPAN_FLOORS[name]
    assert score.offset_errors == 0
    assert score.f1 >= f1_floor and score.recall >= recall_floor, score.summary() + "\n" + "\n".join(score.errors)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_f1_floor(name):
    score = scored(name)
    f1_floor, _ = FLOORS[name]
    assert score.offset_errors == 0
    assert score.f1 >= f1_floor, f"{name}: {score.summary()}\n" + "\n".join(score.errors)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_recall_floor_per_kind(name):
    score = scored(name)
    _, kind_floor = FLOORS[name]
    low = {k: round(score.kind_recall(k), 3) for k in score.kinds if score.kind_recall(k) < kind_floor}
    assert not low, f"{name}: recall under {kind_floor} in {low}\n" + "\n".join(score.errors)


def test_scorer_counts_misses_and_false_alarms():
    """The scorer itself: a miss, a false alarm, an allowed extra, an offset-true match."""
    items = [
        {"id": "a", "text": "Коллеги, какова адженда?", "expect": ["Коллеги, какова адженда?"], "allow": ["Коллеги!"],
         "kind": "x"},
        {"id": "b", "text": "Это в планах.", "expect": [], "allow": [], "kind": "y"},
        {"id": "c", "text": "Ничего особенного.", "expect": ["Концептуально"], "allow": [], "kind": "y"},
    ]
    score = score_phrases(seed_decoder(), items)
    assert (score.tp, score.fp, score.fn, score.offset_errors) == (1, 1, 1, 0)
    assert score.kind_recall("x") == 1.0 and score.kind_recall("y") == 0.0
    assert round(score.f1, 3) == 0.5


def test_span_scorer_takes_a_labelled_start():
    """A span labelled at its second use is scored there: a match on the first use is then a
    false alarm and the labelled use a miss; an offset that does not hold the span is ignored."""
    text = "коллеги, кто знает? мои коллеги знают."       # only the first is an address
    def score(span: dict):
        return score_spans(seed_decoder(), [{"id": "a", "text": text, "spans": [span], "kind": "k"}])
    first = score({"text": "коллеги", "term": "k"})
    assert (first.tp, first.fp, first.fn) == (1, 0, 0)
    second = score({"text": "коллеги", "term": "k", "start": text.rindex("коллеги")})
    assert (second.tp, second.fp, second.fn) == (0, 1, 1)
    assert score({"text": "коллеги", "term": "k", "start": 3}).tp == 1
