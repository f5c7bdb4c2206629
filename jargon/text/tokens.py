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
from bisect import bisect_left
from functools import partial
from itertools import repeat
from operator import add, ne
from typing import NamedTuple

# letters and digits, and combining accents ("подсвети́ть"), and a hyphen or apostrophe
# followed by a letter; possessive quantifiers, so the regex engine runs through plain
# letters in one tight loop and never backtracks
WORD_RE = re.compile(r"[^\W_]++(?:(?:[\u0300-\u036f]|[-'’](?=[^\W_]))[^\W_]*+)*+(?:(?<=[A-Za-z])['’](?![^\W_]))?")
BOUNDARY_RE = re.compile(r"[.!?…;:«»\"“”„()\[\]{}\n]")


class Token(NamedTuple):
    start: int          # offset of the first code point in the analysed string
    end: int
    utt_start: bool     # first token after an utterance boundary (or of the text)
    utt: int            # utterance number within the analysed string (grows, not always by one)


_new_token = partial(tuple.__new__, Token)    # Token from a tuple, without a Python-level call


def tokenize(text: str, base: int = 0) -> list[Token]:
    """All tokens of ``text``; offsets are ``base`` + position in ``text``.

    Built column by column with C-level passes (no Python loop per token): this runs on
    every line that may hold a phrase.
    """
    spans = list(map(re.Match.span, WORD_RE.finditer(text)))
    if not spans:
        return []
    starts, ends = zip(*spans)
    # utterance number = boundaries before the token; a token opens one when that grows
    bounds = [m.start() for m in BOUNDARY_RE.finditer(text)]
    utts = list(map(bisect_left, repeat(bounds), starts)) if bounds else [0] * len(starts)
    opens = [True, *map(ne, utts[1:], utts)]
    if base:
        starts, ends = map(add, starts, repeat(base)), map(add, ends, repeat(base))
    return list(map(_new_token, zip(starts, ends, opens, utts)))


def words(text: str) -> list[str]:
    """Just the words (fast path for scanning)."""
    return WORD_RE.findall(text)
