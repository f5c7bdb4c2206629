"""Entry-level context guards: an entry that counts only where words of its topic are near.

An entry with ``context = ["{work}", "slides"]`` (words, or ``{name}`` for a set of its
dictionary's ``[sets]``) is a match only where one of those words, in any inflected form,
stands within ``CONTEXT_WINDOW`` words of the match, before or after it, on the same line
(a transcript turn with the question that prompted it, a paragraph, an e-mail line). An
item of several words ("town hall") counts where its words stand in a row, the last one
inflected ("town halls"). The words of the match itself do not count. So a one-word buzzword whose everyday sense is
common ("deck", "robust", "visibility") needs a workplace word near it: "the ask from the
directors" is jargon, "the ask price" in a market report is not.

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
        # entry index -> {the normalised words before an item's last word: the item's last words' forms}
        self.phrases: dict[int, dict[tuple[str, ...], frozenset[str]]] = {}
        self.written: dict[int, tuple[str, ...]] = {}   # entry index -> the guard as the dictionary writes it

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
        forms: set[str] = set()
        phrases: dict[tuple[str, ...], set[str]] = {}
        for word in words:
            *head, last = [analyzer.normalize(w) for w in word.split()]
            lasts = {analyzer.normalize(f) for f in analyzer.inflections(last)} | {last}
            if head:
                phrases.setdefault(tuple(head), set()).update(lasts)
            else:
                forms.update(lasts)
        self.forms[index] = frozenset(forms)
        if phrases:
            self.phrases[index] = {head: frozenset(lasts) for head, lasts in phrases.items()}
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
        for head, lasts in self.phrases.get(index, {}).items():
            n = len(head)
            for start, stop in ((lo, first), (last + 1, min(hi, len(norms)))):
                for i in range(start, stop - n):
                    if norms[i + n] in lasts and tuple(norms[i:i + n]) == head:
                        return True
        return False

    def explain(self, index: int, passed: bool) -> dict | None:
        """The guard as ``--explain`` shows it, or None for an entry with none."""
        if index not in self.written:
            return None
        return {"guard": "context", "passed": passed, "checked": list(self.written[index]),
                "rule": f"a word of these within {CONTEXT_WINDOW} words on the same line"}
