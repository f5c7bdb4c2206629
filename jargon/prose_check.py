"""How often a dictionary fires on ordinary prose (``jargon dict check DICT --prose FILE``).

Prose with no corporate jargon in it (novels, man pages, fortunes) should give almost no
matches; each one is a false alarm a contributor wants to see before submitting. Rates are
hits per 100,000 words, the words counted by the engine's tokenizer
(:func:`jargon.text.tokens.words`). Each dictionary is decoded on its own, so that one
pack's matches never hide another's.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .model import Dictionary

PER = 100_000        # rates are per this many words
EXAMPLES = 3         # contexts kept per entry (default)
CONTEXT = 40         # characters of context either side of a hit


@dataclass(frozen=True)
class Prose:
    """One prose text: where it came from and its contents."""

    name: str
    text: str


@dataclass
class Hit:
    file: str
    line: int
    text: str        # the matched text
    context: str     # the text around it, on one line


@dataclass
class EntryHits:
    id: str
    phrase: str
    hits: int = 0
    examples: list[Hit] = field(default_factory=list)


@dataclass
class DictionaryHits:
    name: str
    words: int
    entries: dict[str, EntryHits] = field(default_factory=dict)

    @property
    def hits(self) -> int:
        return sum(e.hits for e in self.entries.values())

    @property
    def rate(self) -> float:
        return rate(self.hits, self.words)

    def worst_first(self) -> list[EntryHits]:
        return sorted(self.entries.values(), key=lambda e: (-e.hits, e.id))


def rate(hits: int, words: int) -> float:
    """Hits per 100,000 words (0 for no words)."""
    return hits * PER / words if words else 0.0


def count_words(text: str) -> int:
    from .text.tokens import words

    return len(words(text))


def _context(text: str, start: int, end: int) -> str:
    left = text[max(0, start - CONTEXT):start]
    right = text[end:end + CONTEXT]
    return " ".join(f"{left}[{text[start:end]}]{right}".split())


def check(dictionaries: Sequence[Dictionary], prose: Sequence[Prose],
          decoder_for: Callable[[Sequence[Dictionary]], Any], examples: int = EXAMPLES) -> list[DictionaryHits]:
    """Each dictionary's hits on all of ``prose``, entry by entry, with a few contexts each."""
    words = sum(count_words(p.text) for p in prose)
    out = []
    for d in dictionaries:
        result = DictionaryHits(d.name, words)
        decoder = decoder_for([d])
        for p in prose:
            for m in decoder.decode(p.text):
                if m.dictionary != d.name:
                    continue
                entry = result.entries.setdefault(m.entry.id, EntryHits(m.entry.id, m.entry.phrase))
                entry.hits += 1
                if len(entry.examples) < examples:
                    line = p.text.count("\n", 0, m.start) + 1
                    entry.examples.append(Hit(p.name, line, m.text, _context(p.text, m.start, m.end)))
        out.append(result)
    return out


def to_data(results: Sequence[DictionaryHits], files: Sequence[str]) -> dict:
    """The JSON document of ``jargon dict check -f json``."""
    return {"files": list(files), "words": results[0].words if results else 0, "per": PER,
            "dictionaries": [{"name": r.name, "hits": r.hits, "rate": round(r.rate, 2),
                              "entries": [{"id": e.id, "phrase": e.phrase, "hits": e.hits,
                                           "rate": round(rate(e.hits, r.words), 2),
                                           "examples": [h.__dict__ for h in e.examples]}
                                          for e in r.worst_first()]}
                             for r in results]}
