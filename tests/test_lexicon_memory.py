"""Memory of the engine: decoding leaves no reference cycles behind (the decoder pauses the
cycle collector, so any cycle would stay until the end of the text)."""
from __future__ import annotations

import gc

from engine_helpers import seed_decoder, seed_dictionary


def test_decoding_candidate_lines_makes_no_cycles_even_with_the_collector_off():
    # every example is a candidate line: its utterance views must not outlive it
    text = "\n".join(e for entry in seed_dictionary().entries for e in entry.examples) * 3
    decoder = seed_decoder()
    decoder.decode(text)
    gc.collect()
    gc.disable()         # no automatic collection may hide a cycle
    try:
        assert decoder.decode(text)
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_equal_values_of_the_index_and_of_patterns_are_one_object():
    index = seed_decoder().lexicons[0].index
    # every form of "подсветить" maps to the same {class: similarity}: one dict, not one per form
    (c,) = {c for c, w in enumerate(index.class_word) if w == "подсветить"}
    holders = [v for v in index.forms.values() if v == {c: 1.0}]
    assert len(holders) > 5 and all(v is holders[0] for v in holders)
    glued = [v for v in index.joined.values() if len(v) == 2]
    assert len({id(v) for v in glued}) < len(glued)
    by_value: dict = {}
    for pat in index.patterns.values():
        assert by_value.setdefault(pat.words, pat.words) is pat.words
        assert by_value.setdefault(pat.slots, pat.slots) is pat.slots
