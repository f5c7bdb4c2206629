"""The decoding engine: compile dictionaries into an index, find candidates, score, resolve overlaps."""
