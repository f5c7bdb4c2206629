"""Dictionary entries as token patterns: the headword, each variant, and each literal collocation.

Each pattern token knows its normalised word, its weight (content words count
more than prepositions) and whether it is the "any colleague" slot that a
placeholder such as "Вася" stands for.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from jargon.model import Entry
from jargon.text.analyzer import Analyzer
from jargon.text.tokens import words

SLOT_WEIGHT = 0.6
PHRASE, LITERAL = "phrase", "literal"


@dataclass(frozen=True, slots=True)
class PToken:
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
    slots: tuple[int, ...] = field(init=False, repr=False, compare=False)        # token positions that are

    def __post_init__(self) -> None:
        object.__setattr__(self, "total", sum(t.weight for t in self.tokens))
        object.__setattr__(self, "required_all", sum(1 for t in self.tokens if not t.slot) <= 3)
        object.__setattr__(self, "weights", tuple(t.weight for t in self.tokens))
        object.__setattr__(self, "words", frozenset(j for j, t in enumerate(self.tokens) if not t.slot))
        object.__setattr__(self, "slots", tuple(j for j, t in enumerate(self.tokens) if t.slot))


def entry_patterns(entry: Entry, entry_index: int, analyzer: Analyzer,
                   weights: dict[str, float] | None = None) -> list[Pattern]:
    """The patterns of one entry; ``weights`` memoises word weights across entries."""
    weights = {} if weights is None else weights
    stems = [analyzer.placeholder_stem(p) for p in entry.placeholders]
    out: list[Pattern] = []
    for kind, texts in ((PHRASE, (entry.phrase, *entry.variants)), (LITERAL, entry.literal)):
        seen: set[tuple[str, ...]] = set()
        for text in texts:
            toks: list[PToken] = []
            for raw in words(text):
                w = analyzer.normalize(raw)
                if stems and raw[:1].isupper() and any(w.startswith(s) for s in stems):
                    if not toks or not toks[-1].slot:
                        toks.append(PToken(w, SLOT_WEIGHT, True))
                else:
                    if w not in weights:
                        weights[w] = analyzer.weight(w)
                    toks.append(PToken(w, weights[w]))
            key = tuple(t.word if not t.slot else "\0" for t in toks)
            if toks and key not in seen:
                seen.add(key)
                out.append(Pattern(entry_index, kind, tuple(toks), entry.anchor == "start" and kind == PHRASE,
                                   entry.inflect or kind == LITERAL, text))
    return out
