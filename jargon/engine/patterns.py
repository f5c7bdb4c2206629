"""Dictionary entries as token patterns: the headword, each variant, and each literal collocation.

Each pattern token knows its normalised word, its weight (content words count
more than prepositions) and whether it is the "any colleague" slot that a
placeholder such as "Вася" stands for.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from jargon.model import Entry
from jargon.text.analyzer import Analyzer
from jargon.text.tokens import words

from .tuning import FULL_PHRASE_WORDS, SLOT_WEIGHT

PHRASE, LITERAL = "phrase", "literal"


class PToken(NamedTuple):
    word: str        # normalised
    weight: float
    slot: bool = False


@dataclass(frozen=True, slots=True)
class Pattern:
    entry: int               # index into Decoder.entries
    kind: str                # PHRASE or LITERAL
    tokens: tuple[PToken, ...]
    anchored: bool           # must open an utterance
    inflect: bool
    text: str                # the source string (headword, variant or literal)
    total: float = field(init=False)          # the pattern's weight
    required_all: bool = field(init=False)    # short phrases (up to three words besides the slot) must be said in full
    weights: tuple[float, ...] = field(init=False, repr=False, compare=False)   # per token
    words: frozenset[int] = field(init=False, repr=False, compare=False)        # token positions that are not the slot
    slots: tuple[int, ...] = field(init=False, repr=False, compare=False)        # token positions of the slot

    def __post_init__(self) -> None:
        weights = tuple(t.weight for t in self.tokens)
        slots = tuple(j for j, t in enumerate(self.tokens) if t.slot)
        words = frozenset(range(len(weights))).difference(slots)
        for name, value in (("total", sum(weights)), ("required_all", len(words) <= FULL_PHRASE_WORDS), ("weights", weights),
                            ("words", words), ("slots", slots)):
            object.__setattr__(self, name, value)

    def __reduce__(self):
        # pickled as its constructor's arguments (the rest is derived): large compiled
        # lexicons are cached on disk, and the dataclass default is ten times slower
        return Pattern, (self.entry, self.kind, self.tokens, self.anchored, self.inflect, self.text)


def entry_patterns(entry: Entry, entry_index: int, analyzer: Analyzer,
                   memo: dict[str, PToken] | None = None) -> list[Pattern]:
    """The patterns of one entry; ``memo`` keeps each written word's token across entries
    (normalising and weighing a word once; equal tokens are one object)."""
    memo = {} if memo is None else memo
    stems = [analyzer.placeholder_stem(p) for p in entry.placeholders]
    out: list[Pattern] = []
    for kind, texts in ((PHRASE, (entry.phrase, *entry.variants)), (LITERAL, entry.literal)):
        seen: set[tuple[str, ...]] = set()
        for text in texts:
            toks: list[PToken] = []
            for raw in words(text):
                tok = memo.get(raw)
                if tok is None:
                    w = analyzer.normalize(raw)
                    tok = memo[raw] = PToken(w, analyzer.weight(w))
                if stems and raw[:1].isupper() and any(tok.word.startswith(s) for s in stems):
                    if not toks or not toks[-1].slot:
                        toks.append(PToken(tok.word, SLOT_WEIGHT, True))
                else:
                    toks.append(tok)
            key = tuple(t.word if not t.slot else "\0" for t in toks)
            if toks and key not in seen:
                seen.add(key)
                out.append(Pattern(entry_index, kind, tuple(toks), entry.anchor == "start" and kind == PHRASE,
                                   entry.inflect or kind == LITERAL, text))
    return out
