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
from typing import NamedTuple

_CH = r"(?:[^\W_]|[\u0300-\u036f])"   # letters and digits, and combining accents ("подсвети́ть")
WORD_RE = re.compile(rf"[^\W_]{_CH}*(?:[-'’][^\W_]{_CH}*)*(?:(?<=[A-Za-z])['’](?![^\W_]))?")
BOUNDARY_RE = re.compile(r"[.!?…;:«»\"“”„()\[\]{}\n]")


class Token(NamedTuple):
    start: int          # offset of the first code point in the analysed string
    end: int
    surface: str        # the original characters
    capitalized: bool
    utt_start: bool     # first token after an utterance boundary (or of the text)
    utt: int            # utterance number within the analysed string


def tokenize(text: str, base: int = 0) -> list[Token]:
    """All tokens of ``text``; offsets are ``base`` + position in ``text``."""
    spans = [m.span() for m in WORD_RE.finditer(text)]
    if not spans:
        return []
    bounds = [m.start() for m in BOUNDARY_RE.finditer(text)]
    tokens: list[Token] = []
    append = tokens.append
    if not bounds:                     # one utterance: the common case for a short line
        for i, (s, e) in enumerate(spans):
            word = text[s:e]
            append(Token(base + s, base + e, word, word[:1].isupper(), i == 0, 0))
        return tokens
    nb, k, utt, prev = len(bounds), 0, 0, -1
    for s, e in spans:
        boundary = prev < 0
        while k < nb and bounds[k] < s:
            boundary = True
            k += 1
        if boundary and prev >= 0:
            utt += 1
        prev = e
        word = text[s:e]
        append(Token(base + s, base + e, word, word[:1].isupper(), boundary, utt))
    return tokens


def words(text: str) -> list[str]:
    """Just the words (fast path for scanning)."""
    return WORD_RE.findall(text)
