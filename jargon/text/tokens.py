"""Tokenise text into words with exact code-point offsets, and find utterance starts.

A token is a run of letters/digits, with inner hyphens or apostrophes ("фоллоу-ап",
"кто-нибудь", "we're") and a trailing apostrophe after a Latin letter ("vernus'").
Offsets always index the original string, whatever normalisation happens later.

An *utterance boundary* is anything that ends a sentence or opens a new turn
between two tokens: . ! ? … ; : quotes, brackets, a new line. Matches never cross
one, and entries anchored at the start of an utterance (addresses) must open one.
"""
from __future__ import annotations

import re
from itertools import accumulate
from typing import NamedTuple

# letters and digits, and combining accents ("подсвети́ть"), and a hyphen or apostrophe
# followed by a letter; possessive quantifiers, so the regex engine runs through plain
# letters in one tight loop and never backtracks; the trailing apostrophe is tried before
# the look-behind for its Latin letter (the other order cost a fifth of the scan's time)
WORD_RE = re.compile(r"[^\W_]++(?:(?:[\u0300-\u036f]|[-'’](?=[^\W_]))[^\W_]*+)*+(?:['’](?<=[A-Za-z]['’])(?![^\W_]))?")
_SPLIT_RE = re.compile(f"({WORD_RE.pattern})")
_SENTENCE_ENDS = r".!?…«»\"“”„()\[\]{}\n"    # a sentence end, a quotation, a bracket, a new line
BOUNDARY_RE = re.compile(f"[{_SENTENCE_ENDS};:]")            # ... and a colon or a semicolon
SENTENCE_END_RE = re.compile(f"[{_SENTENCE_ENDS}]")


class Tokens(NamedTuple):
    """The tokens of a string, column by column (token ``i`` is ``starts[i]:ends[i]``)."""

    starts: list[int]   # offset of the first code point (``base`` + position in the string)
    ends: list[int]
    opens: list[bool]   # the token opens an utterance (first after a boundary, or of the text)
    utts: list[int]     # utterance number within the string (grows, not always by one)


def tokenize(text: str, base: int = 0) -> Tokens:
    """All tokens of ``text``; offsets are ``base`` + position in ``text``.

    Built column by column with C-level passes (no Python loop, no match object per
    token): this runs on every line that may hold a phrase. Splitting on the words gives
    the text between them too; an utterance opens where that holds a boundary.
    """
    parts = _SPLIT_RE.split(text)          # [between, word, between, word, ..., between]
    if len(parts) == 1:
        return Tokens([], [], [], [])
    offsets = list(accumulate(map(len, parts), initial=base))   # where each part starts
    opens = list(map(bool, map(BOUNDARY_RE.search, parts[2:-1:2])))
    opens.insert(0, True)
    return Tokens(offsets[1:-2:2], offsets[2:-1:2], opens, list(accumulate(opens)))


def sentences(toks: Tokens, text: str, base: int = 0) -> list[int]:
    """Each token's sentence number: like ``utts``, but a colon or a semicolon between two
    tokens goes on with the statement ("самый большой загруз: приходят фуры"); a sentence end,
    a quotation, a bracket or a new line starts a new one."""
    starts, ends = toks.starts, toks.ends
    if not starts:
        return []
    gaps = [text[e - base:s - base] for e, s in zip(ends, starts[1:], strict=False)]
    breaks = list(map(bool, map(SENTENCE_END_RE.search, gaps)))
    return list(accumulate(breaks, initial=0))


def words(text: str) -> list[str]:
    """Just the words (fast path for scanning)."""
    return WORD_RE.findall(text)
