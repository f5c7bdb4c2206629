"""Search the dictionaries as the user types: fuzzy over headwords, variants, meanings and tags.

No Textual here. Scores are 0-100: a substring hit scores 100 (headword) down to 85
(meaning); otherwise rapidfuzz's ``partial_ratio`` (typos, word order) weighted the same way.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from jargon.model import Dictionary, Entry

MIN_SCORE = 70.0
# field -> weight
WEIGHTS = {"phrase": 1.0, "variant": 0.95, "id": 0.9, "meaning": 0.85, "tag": 0.85}


@dataclass(frozen=True)
class SearchHit:
    score: float
    dictionary: Dictionary
    entry: Entry
    field: str          # where it matched best: phrase, variant, meaning, tag, id

    @property
    def key(self) -> str:
        return f"{self.dictionary.name}:{self.entry.id}"


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("ё", "е").split())


def _fields(entry: Entry) -> Iterable[tuple[str, str]]:
    yield "phrase", entry.phrase
    for v in entry.variants:
        yield "variant", v
    yield "id", entry.id
    yield "meaning", entry.meaning
    if entry.clean_meaning:
        yield "meaning", entry.clean_meaning
    for t in entry.tags:
        yield "tag", t


def search_entries(dictionaries: Iterable[Dictionary], query: str, limit: int = 100,
                   min_score: float = MIN_SCORE) -> list[SearchHit]:
    """Entries that match ``query``, best first; an empty query lists every entry by headword."""
    q = _norm(query)
    hits: list[SearchHit] = []
    if not q:
        for d in dictionaries:
            hits.extend(SearchHit(0.0, d, e, "phrase") for e in d.entries)
        hits.sort(key=lambda h: (_norm(h.entry.phrase), h.dictionary.name))
        return hits[:limit]
    from rapidfuzz import fuzz

    for d in dictionaries:
        for e in d.entries:
            best, where = 0.0, "phrase"
            for name, value in _fields(e):
                v = _norm(value)
                if q in v:
                    raw = 100.0
                elif len(q) < 3:
                    continue
                else:
                    raw = fuzz.partial_ratio(q, v) if len(q) <= len(v) else fuzz.ratio(q, v)
                score = raw * WEIGHTS[name]
                if score > best:
                    best, where = score, name
            if best >= min_score:
                hits.append(SearchHit(round(best, 1), d, e, where))
    hits.sort(key=lambda h: (-h.score, _norm(h.entry.phrase), h.dictionary.name))
    return hits[:limit]
