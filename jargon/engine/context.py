"""Entry-level context guards: an entry that counts only where words of its topic are near.

An entry with ``context = ["{work}", "slides"]`` (words, or ``{name}`` for a set of its
dictionary's ``[sets]``) is a match only where one of those words, in any inflected form,
stands within ``CONTEXT_WINDOW`` words of the match, before or after it, on the same line
(a transcript turn with the question that prompted it, a paragraph, an e-mail line). An
item of several words ("town hall") counts where its words stand in a row, each in any
form ("town halls", "общем собрании"). The words of the match itself do not count. So a
one-word buzzword whose everyday sense is common ("deck", "robust", "visibility") needs a
workplace word near it: "the ask from the directors" is jargon, "the ask price" in a market
report is not.

The guard is language-neutral: the set's words go through the entry language's analyser
(``inflections`` and ``normalize``), as the words of the line do.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from jargon.model import Entry
from jargon.text.analyzer import Analyzer

from .tuning import CONTEXT_WINDOW

__all__ = ["CONTEXT_WINDOW", "ContextGuards"]

REJECTED = "no word of its context near it"


class ContextGuards:
    """The context guards of a decoder's entries, by entry index. Picklable."""

    def __init__(self) -> None:
        self.forms: dict[int, frozenset[str]] = {}      # entry index -> normalised forms that satisfy it
        # entry index -> its items of several words, each word as the set of its forms
        self.phrases: dict[int, list[tuple[frozenset[str], ...]]] = {}
        self.written: dict[int, tuple[str, ...]] = {}   # entry index -> the guard as the dictionary writes it
        # the compiled forms of each list of words met (entries of one pack share their set): built once
        self._compiled: dict[tuple[str, ...], tuple[frozenset[str], list[tuple[frozenset[str], ...]]]] = {}

    def add(self, index: int, entry: Entry, sets: Mapping[str, Sequence[str]], analyzer: Analyzer) -> None:
        """Compile ``entry``'s guard (``sets``: its dictionary's ``[sets]``), if it has one."""
        if not entry.context:
            return
        words: list[str] = []
        for item in entry.context:
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
        self.forms[index] = compiled[0]
        if compiled[1]:
            self.phrases[index] = compiled[1]
        self.written[index] = tuple(entry.context)

    def holds(self, index: int, norms: Sequence[str], first: int, last: int) -> bool:
        """Whether entry ``index``'s guard passes for a match over tokens ``first..last`` of a
        line whose normalised tokens are ``norms`` (an entry with no guard always passes)."""
        forms = self.forms.get(index)
        if forms is None:
            return True
        lo, hi = max(0, first - CONTEXT_WINDOW), last + 1 + CONTEXT_WINDOW
        before, after = norms[lo:first], norms[last + 1:hi]
        if not forms.isdisjoint(before) or not forms.isdisjoint(after):
            return True
        for parts in self.phrases.get(index, ()):
            n = len(parts)
            for start, stop in ((lo, first), (last + 1, min(hi, len(norms)))):
                for i in range(start, stop - n + 1):
                    if all(norms[i + k] in part for k, part in enumerate(parts)):
                        return True
        return False

    def explain(self, index: int, passed: bool) -> dict | None:
        """The guard as ``--explain`` shows it, or None for an entry with none."""
        if index not in self.written:
            return None
        return {"guard": "context", "passed": passed, "checked": list(self.written[index]),
                "rule": f"a word of these within {CONTEXT_WINDOW} words on the same line"}


def _forms(analyzer: Analyzer, word: str) -> frozenset[str]:
    """The normalised forms of one word of a context item."""
    low = analyzer.normalize(word)
    return frozenset({analyzer.normalize(f) for f in analyzer.inflections(low)} | {low})
