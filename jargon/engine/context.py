"""Entry-level context guards: an entry that counts only where words of its topic are near,
or only where no word of a literal topic is.

An entry with ``context = ["{work}", "slides"]`` (words, or ``{name}`` for a set of its
dictionary's ``[sets]``) is a match only where one of those words, in any inflected form,
stands within ``CONTEXT_WINDOW`` words of the match, before or after it, on the same line
(a transcript turn with the question that prompted it, a paragraph, an e-mail line). An
item of several words ("town hall") counts where its words stand in a row, each in any
form ("town halls", "общем собрании"). The words of the match itself do not count. So a
one-word buzzword whose everyday sense is common ("deck", "robust", "visibility") needs a
workplace word near it: "the ask from the directors" is jargon, "the ask price" in a market
report is not.

``unless = ["{water}", "lifeguard"]`` is the other way round: where one of those words is
that near, in the same sentence or the one before (a colon or a semicolon does not end one), the entry's
words are literal ("she did a deep dive off the high board, the lifeguard blew the
whistle"; "Poker with my cousins. The table stakes are a fiver"): a literal collocation
that holds for a whole topic rather than one wording. The next sentence is another
statement ("Забрал, вернусь. Ноутбук опять завис" is the chat formula).

The guards are language-neutral: the set's words go through the entry language's analyser
(``inflections`` and ``normalize``), as the words of the line do.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence

from jargon.model import Entry
from jargon.text.analyzer import Analyzer

from .tuning import CONTEXT_WINDOW

__all__ = ["CONTEXT_WINDOW", "ContextGuards"]

REJECTED = "no word of its context near it"
LITERAL_NEAR = "a word of its literal context near it"

_Compiled = tuple[frozenset[str], list[tuple[frozenset[str], ...]]]   # one-word forms, items of several words


class ContextGuards:
    """The context guards of a decoder's entries, by entry index: ``context`` (a word of
    these must be near) and ``unless`` (no word of these may be near: "the lifeguard", "the
    server" make "a deep dive", "ping" literal). Picklable."""

    def __init__(self) -> None:
        self.near: dict[int, _Compiled] = {}        # entry index -> its ``context``
        self.not_near: dict[int, _Compiled] = {}    # entry index -> its ``unless``
        self.written: dict[int, dict[str, tuple[str, ...]]] = {}   # entry index -> the guards as written
        # the compiled forms of each list of words met (entries of one pack share their set): built once
        self._compiled: dict[tuple[str, ...], _Compiled] = {}

    def add(self, index: int, entry: Entry, sets: Mapping[str, Sequence[str]], analyzer: Analyzer) -> None:
        """Compile ``entry``'s guards (``sets``: its dictionary's ``[sets]``), if it has any."""
        for key, items, table in (("context", entry.context, self.near), ("unless", entry.unless, self.not_near)):
            if items:
                table[index] = self._compile(items, sets, analyzer)
                self.written.setdefault(index, {})[key] = tuple(items)

    def _compile(self, items: Sequence[str], sets: Mapping[str, Sequence[str]], analyzer: Analyzer) -> _Compiled:
        words: list[str] = []
        for item in items:
            name = item.strip()
            if name.startswith("{") and name.endswith("}"):
                words.extend(sets.get(name[1:-1].strip(), ()))
            else:
                words.append(name)
        key = tuple(words)
        compiled = self._compiled.get(key)
        if compiled is None:
            forms: set[str] = set()
            phrases: list[tuple[frozenset[str], ...]] = []
            for item in words:
                parts = tuple(_forms(analyzer, w) for w in item.split())
                if len(parts) == 1:
                    forms.update(parts[0])
                elif parts:
                    phrases.append(parts)
            compiled = self._compiled[key] = (frozenset(forms), phrases)
        return compiled

    def refusal(self, index: int, norms: Sequence[str], first: int, last: int,
                utts: Sequence[int] | None = None) -> str | None:
        """Why entry ``index``'s guards refuse a match over tokens ``first..last`` of a line
        whose normalised tokens are ``norms``, or None (an entry with no guard always passes).
        ``utts``: each token's sentence (jargon.text.tokens.sentences), so that a word of a
        literal topic counts in the match's sentence and the one before (the whole line when
        not given)."""
        near = self.near.get(index)
        if near is not None and not _near(near, norms, first, last):
            return REJECTED
        not_near = self.not_near.get(index)
        word = _near(not_near, norms, first, last, _sentence(utts, first)) if not_near is not None else None
        return f"{LITERAL_NEAR}: {word!r}" if word else None

    def explain(self, index: int, norms: Sequence[str], first: int, last: int,
                utts: Sequence[int] | None = None) -> list[dict]:
        """The guards as ``--explain`` shows them (none for an entry without), each checked on
        its own for the match over tokens ``first..last`` of ``norms``."""
        written = self.written.get(index, {})
        rule = f"within {CONTEXT_WINDOW} words on the same line"
        out = []
        if index in self.near:
            out.append({"guard": "context", "passed": _near(self.near[index], norms, first, last) is not None,
                        "checked": list(written["context"]), "rule": f"a word of these {rule}"})
        if index in self.not_near:
            literal = _near(self.not_near[index], norms, first, last, _sentence(utts, first))
            out.append({"guard": "unless", "passed": literal is None,
                        "checked": list(written["unless"]),
                        "rule": f"no word of these {rule}, in its sentence or the one before"})
        return out

def _sentence(utts: Sequence[int] | None, i: int) -> tuple[int, int] | None:
    """The tokens ``[start, stop)`` from the sentence before token i's to the end of its own,
    given each token's utterance: where a literal topic is set ("Poker with my cousins. The
    table stakes are a fiver"), not what comes after ("Забрал, вернусь. Ноутбук опять завис")."""
    if utts is None:
        return None
    return bisect_left(utts, utts[i] - 1), bisect_right(utts, utts[i])


def _near(compiled: _Compiled, norms: Sequence[str], first: int, last: int,
          bounds: tuple[int, int] | None = None) -> str | None:
    """The word (or item of several words, in a row) of ``compiled`` that stands within
    CONTEXT_WINDOW words of tokens ``first..last`` of ``norms`` (the match's own words aside),
    and within the tokens ``bounds`` when given, or None."""
    forms, phrases = compiled
    lo, hi = max(0, first - CONTEXT_WINDOW), last + 1 + CONTEXT_WINDOW
    if bounds is not None:
        lo, hi = max(lo, bounds[0]), min(hi, bounds[1])
    for around in (norms[lo:first], norms[last + 1:hi]):
        if not forms.isdisjoint(around):
            return next(w for w in around if w in forms)
    for parts in phrases:
        n = len(parts)
        for start, stop in ((lo, first), (last + 1, min(hi, len(norms)))):
            for i in range(start, stop - n + 1):
                if all(norms[i + k] in part for k, part in enumerate(parts)):
                    return " ".join(norms[i:i + n])
    return None


def _forms(analyzer: Analyzer, word: str) -> frozenset[str]:
    """The normalised forms of one word of a context item."""
    low = analyzer.normalize(word)
    return frozenset({analyzer.normalize(f) for f in analyzer.inflections(low)} | {low})
