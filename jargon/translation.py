"""The text with every match replaced by its meaning: ``[meaning]``.

Two things make the replaced text read right:

- **punctuation** is the text's: punctuation at the end of the matched span stays after
  the bracket, and when punctuation follows, the meaning's own final punctuation is
  dropped (``Пингани меня?`` -> ``[напомнить …]?``, never ``[…?]?``); otherwise only a
  final full stop is dropped.
- **the colleague slot**: in an entry with ``placeholders`` ("Вася"), the name the text
  used in the slot replaces the placeholder's forms in the meaning, in the same
  grammatical form where the language can inflect it ("мы с Мариной Олеговной решили…":
  "ни я, ни Марина Олеговна понятия не имеем…"), else as written.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from .model import Entry, Match
from .text.analyzer import Analyzer
from .text.tokens import WORD_RE

PUNCTUATION = ".,;:!?…"
STEM = 4            # words of the phrase and of the text are compared by their first letters


def _stem(word: str) -> str:
    return word.lower().replace("ё", "е")[:STEM]


def _placeholder_forms(text: str, entry: Entry, analyzer: Analyzer) -> list[tuple[int, int, str]]:
    """(start, end, word) of every capitalised form of a placeholder in ``text`` (as patterns.py finds them)."""
    stems = [analyzer.placeholder_stem(p) for p in entry.placeholders]
    return [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)
            if m.group()[:1].isupper() and any(analyzer.normalize(m.group()).startswith(s) for s in stems)]


def slot_filler(entry: Entry, said: str, analyzer: Analyzer) -> list[str] | None:
    """The words of ``said`` (a match's text) that fill the entry's colleague slot, or None.

    They are the capitalised words of the match that are not words of the headword or a
    variant, taken with the capitalised words right after them ("Мариной Олеговной").
    A pronoun in the slot ("с ним") gives None: the meaning keeps its placeholder.
    """
    if not entry.placeholders:
        return None
    phrase_words = set()
    for text in (entry.phrase, *entry.variants):
        slots = {start for start, _, _ in _placeholder_forms(text, entry, analyzer)}
        phrase_words |= {_stem(m.group()) for m in WORD_RE.finditer(text) if m.start() not in slots}
    name: list[str] = []
    for m in WORD_RE.finditer(said):
        word = m.group()
        if word[:1].isupper() and _stem(word) not in phrase_words:
            name.append(word)
        elif name:
            break
    return name or None


def fill_slot(meaning: str, entry: Entry, said: str, analyzer: Analyzer) -> str:
    """``meaning`` with the placeholder's forms replaced by the name ``said`` used (unchanged without one)."""
    name = slot_filler(entry, said, analyzer)
    if name is None:
        return meaning
    said_like = tuple(w for text in (entry.phrase, *entry.variants) for _, _, w in
                      _placeholder_forms(text, entry, analyzer))
    out, pos = [], 0
    for start, end, word in _placeholder_forms(meaning, entry, analyzer):
        out += [meaning[pos:start], " ".join(analyzer.inflect_like(name, word, said_like))]
        pos = end
    return "".join(out) + meaning[pos:]


def _tail_punctuation(said: str) -> str:
    stripped = said.rstrip(PUNCTUATION)
    return said[len(stripped):]


def replacement(text: str, m: Match, clean: bool = False, analyzer: Analyzer | None = None) -> str:
    """What replaces ``text[m.start:m.end]``: ``[meaning]`` plus the span's own final punctuation."""
    meaning = m.entry.display_meaning(clean)
    if m.entry.placeholders:
        meaning = fill_slot(meaning, m.entry, m.text, analyzer or Analyzer())
    meaning = meaning.rstrip()
    kept = _tail_punctuation(m.text)
    follows = kept or text[m.end:m.end + 1]
    meaning = meaning.rstrip(PUNCTUATION + " ") if follows and follows[0] in PUNCTUATION else meaning.rstrip(". ")
    return f"[{meaning}]{kept}"


def translate_text(text: str, matches: Iterable[Match], clean: bool = False,
                   analyzer_for: Callable[[Match], Analyzer] | None = None) -> str:
    """``text`` with every match replaced by :func:`replacement` (overlapping matches: the first wins).

    ``analyzer_for(match)`` gives the analyser of the match's language (asked only for entries
    with a colleague slot); without it names are put in as written.
    """
    out, pos = [], 0
    for m in sorted(matches, key=lambda m: m.start):
        if m.start < pos:
            continue
        analyzer = analyzer_for(m) if analyzer_for is not None and m.entry.placeholders else None
        out += [text[pos:m.start], replacement(text, m, clean, analyzer)]
        pos = m.end
    out.append(text[pos:])
    return "".join(out)
