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
