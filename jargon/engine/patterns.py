"""Dictionary entries as token patterns: the headword, each variant, and each literal collocation.

Each pattern token knows its normalised word, its weight (content words count
more than prepositions) and, for a slot, what fills it:

* ``person``: "any colleague", written with a placeholder ("Вася") or ``{someone}``;
* ``open``: ``{something}``, any short noun phrase (up to OPEN_SLOT_WORDS words);
* ``gram``: ``{noun:gen}`` and the like, a word the analyser reads as that part of speech;
* a set ``{tech}`` is no slot: it is a word class whose forms are the set's words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from jargon.model import Entry
from jargon.text.analyzer import Analyzer
from jargon.text.tokens import WORD_RE

from .tuning import FULL_PHRASE_WORDS, OPEN_SLOT_WEIGHT, SLOT_WEIGHT

PHRASE, LITERAL = "phrase", "literal"
_CAPITALS = re.compile(r"(?<![^\W_])[^\W\d_a-zа-яё]{2,}(?![^\W_])")    # a word in capitals ("DNA", "ПО")
PERSON, OPEN, GRAM, SET = "person", "open", "gram", "set"
_PIECE = re.compile(r"\{\s*([^{}]*?)\s*\}|" + WORD_RE.pattern)
_GRAMMAR = ("noun", "adj", "verb", "num")
_SHARED: dict = {}       # Pattern's derived values, one object each (few distinct ones)


class PToken(NamedTuple):
    word: str        # normalised ("{name}" for a set or a grammatical slot)
    weight: float
    slot: bool = False   # filled by no word class: a person, an open or a grammatical slot
    kind: str = ""       # PERSON, OPEN, GRAM, SET or "" (a word)


def slot_kind(name: str) -> str:
    """What a ``{name}`` in a phrase stands for."""
    if name in ("someone", "person"):
        return PERSON
    if name in ("something", "thing"):
        return OPEN
    if name.split(":")[0] in _GRAMMAR:
        return GRAM
    return SET


def capitalised_words(text: str) -> set[str]:
    """The words of a dictionary string written in capitals ("DNA", "ПО"), normalised: the
    acronyms, which short typos never reach and literal collocations say only in capitals."""
    return {w.lower().replace("ё", "е") for w in _CAPITALS.findall(text)}


def pattern_words(text: str) -> list[tuple[str, str]]:
    """``(kind, text)`` per piece of a phrase: ("", word) or (slot kind, slot name)."""
    out = []
    slot_end = -1
    for m in _PIECE.finditer(text):
        if m.group(1) is not None:
            out.append((slot_kind(m.group(1)), m.group(1)))
            slot_end = m.end()
        elif m.group(0) == "s" and m.start() == slot_end + 1 and text[slot_end] in "'’":
            continue      # "{someone}'s radar": the possessive is the filler's own ("Priya's", "finance's")
        else:
            out.append(("", m.group(0)))
    return out


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
    light: bool = field(init=False, repr=False, compare=False)  # only light words: said in full and in order
    weights: tuple[float, ...] = field(init=False, repr=False, compare=False)   # per token
    words: frozenset[int] = field(init=False, repr=False, compare=False)        # token positions that are not the slot
    slots: tuple[int, ...] = field(init=False, repr=False, compare=False)        # token positions of the slot
    slot_weight: float = field(init=False, repr=False, compare=False)           # their weight

    def __post_init__(self) -> None:
        # equal derived values are one object across patterns (memory of large dictionaries)
        weights = tuple(t.weight for t in self.tokens)
        weights = _SHARED.setdefault((weights, tuple(map(type, weights))), weights)
        slots = tuple(j for j, t in enumerate(self.tokens) if t.slot)
        slots = _SHARED.setdefault(slots, slots)
        words = frozenset(range(len(weights))).difference(slots)
        words = _SHARED.setdefault(words, words)
        # short phrases, and phrases made only of light words ("it is what it is"), are said in full
        light = all(weights[j] < 1.0 for j in words)
        for name, value in (("total", sum(weights)), ("required_all", len(words) <= FULL_PHRASE_WORDS or light),
                            ("light", light), ("weights", weights),
                            ("words", words), ("slots", slots), ("slot_weight", sum(weights[j] for j in slots))):
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
            for slot, raw in pattern_words(text):
                if slot:
                    if slot in (PERSON, OPEN) and toks and toks[-1].kind == slot:
                        continue
                    weight = SLOT_WEIGHT if slot == PERSON else OPEN_SLOT_WEIGHT if slot == OPEN else 1.0
                    toks.append(PToken(f"{{{raw}}}", weight, slot != SET, slot))
                    continue
                tok = memo.get(raw)
                if tok is None:
                    w = analyzer.normalize(raw)
                    tok = memo[raw] = PToken(w, analyzer.weight(w))
                if stems and raw[:1].isupper() and any(tok.word.startswith(s) for s in stems):
                    if not toks or toks[-1].kind != PERSON:
                        toks.append(PToken(tok.word, SLOT_WEIGHT, True, PERSON))
                else:
                    toks.append(tok)
            key = tuple(t.word if t.kind != PERSON else "\0" for t in toks)
            if toks and key not in seen:
                seen.add(key)
                out.append(Pattern(entry_index, kind, tuple(toks), entry.anchor == "start" and kind == PHRASE,
                                   entry.inflect or kind == LITERAL, text))
    return out
