"""Fuzzy search over dictionaries: headwords, variants and meanings (``jargon lookup``, the TUI)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import Dictionary, Entry


@dataclass(frozen=True)
class Hit:
    score: float
    dictionary: Dictionary
    entry: Entry
    field: str        # "phrase", "variant" or "meaning"
    text: str         # the text that matched best


def _norm(s: str) -> str:
    from .text.tokens import WORD_RE

    return " ".join(WORD_RE.findall(s.lower().replace("ё", "е")))


def search_entries(dictionaries: Iterable[Dictionary], query: str, limit: int = 10,
                   min_score: float = 70.0) -> list[Hit]:
    """Best entries for ``query``, one hit per entry, best first.

    Headwords and variants are compared with rapidfuzz's token_set_ratio (a query
    that is part of a phrase, in any order) and partial_ratio (typos inside a
    longer phrase); meanings with token_set_ratio and a small
    discount, so a phrase hit ranks above a meaning that happens to share words.
    """
    from rapidfuzz import fuzz

    q = _norm(query.strip())
    if not q:
        return []
    best: dict[tuple[str, str], Hit] = {}
    for d in dictionaries:
        for e in d.entries:
            fields = [("phrase", e.phrase)] + [("variant", v) for v in e.variants]
            for field, text in fields:
                t = _norm(text)
                score = 100.0 if q == t else max(
                    fuzz.token_set_ratio(q, t), 0.95 * fuzz.partial_ratio(q, t) if len(q) >= 4 else 0.0)
                _keep(best, Hit(score, d, e, field, text))
            score = fuzz.token_set_ratio(q, _norm(e.meaning)) * 0.9
            if e.clean_meaning:
                score = max(score, fuzz.token_set_ratio(q, _norm(e.clean_meaning)) * 0.9)
            _keep(best, Hit(score, d, e, "meaning", e.meaning))
    hits = [h for h in best.values() if h.score >= min_score]
    hits.sort(key=lambda h: (-h.score, h.dictionary.name, h.entry.phrase))
    return hits[:limit]


def _keep(best: dict, hit: Hit) -> None:
    key = (hit.dictionary.name, hit.entry.id)
    if key not in best or hit.score > best[key].score:
        best[key] = hit
