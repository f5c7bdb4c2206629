"""Pairs of phrases whose rapidfuzz ``fuzz.ratio`` reaches a cutoff, without comparing all pairs.

Comparing every headword with every form is quadratic (17.8 s at 10,000 dictionary
entries, over 11 minutes at 50,000). Character q-gram filters do not help here: phrases
of one trade share most of their bigrams. Instead phrases are blocked by their words:

* a phrase of two or more words is compared with those whose word stems (first ``STEM``
  letters) are the same but for one word changed, or up to two added or left out ("согласовать
  ключевые договорённости" meets "согласуем ключевую договорённость", "согласовать
  ключевые сроки" and "согласовать все ключевые договорённости", not "согласовать сроки
  релиза"): each phrase is filed under its stems and under its stems with one or two words
  dropped;
* a short phrase (at most ``SHORT`` characters: a typo away from another) and every
  one-word form are compared with every form of a length within reach of the cutoff.

Every candidate is scored by rapidfuzz itself: a query's candidates from all its groups in
one call, on the strings with their characters renumbered into the ASCII range (rapidfuzz
is about twice as fast there; the scores are the same). What blocking can miss: two long
phrases within the cutoff whose stems differ in two places or more ("формализовать час"
and "нормализовать часы": a long shared ending makes them 90% alike). On the generated
dictionaries of bench/synthdict.py it finds every pair the full comparison finds at 1,000
and 10,000 entries, and all but 12 of 63,519 at 50,000.

What still grows faster than the entries: phrases of two or three words that share one
stem ("зафиксировать метрику", "автоматизировать метрики") are candidates, so a big
dictionary with a small vocabulary (the generated ones) has many candidates per headword;
each costs rapidfuzz about 0.1 µs (bench/validate_results.md).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator, Sequence

STEM = 5     # letters of a word that its inflected forms keep ("мотивацию", "мотивации": "мотив")
SHORT = 12   # characters up to which a phrase is compared with every form of a reachable length
MIN_ALONE = 3  # letters a stem needs to block on its own (not "с", "по", "on": too common)


def _stems(text: str) -> tuple[str, ...]:
    return tuple(w[:STEM] for w in text.split())


def _keys(stems: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The phrase's stems, and its stems with one word or two dropped; a single stem left
    counts only when it is ``MIN_ALONE`` letters long at least."""
    keys = {stems}
    for i in range(len(stems)):
        one = stems[:i] + stems[i + 1:]
        keys.add(one)
        if len(one) > 1:
            keys.update(one[:j] + one[j + 1:] for j in range(i, len(one)))
    return {k for k in keys if len(k) > 1 or len(k[0]) >= MIN_ALONE}


def _reach(length: int, similarity: float) -> tuple[int, int]:
    """The lengths a string may have to be within ``similarity`` of one of ``length``."""
    s = max(similarity, 1e-9) / 100.0
    return int(length * s / (2 - s)), int(length * (2 - s) / s) + 1


def _narrow(queries: Sequence[str], choices: Sequence[str]) -> tuple[Sequence[str], Sequence[str]]:
    """The strings with their characters renumbered into the ASCII range when there are few
    enough of them: rapidfuzz compares those several times faster, and ``fuzz.ratio`` depends
    only on which characters are equal, so the scores do not change."""
    alphabet = sorted(set("".join(queries)).union("".join(choices)))
    if len(alphabet) > 128:
        return queries, choices
    table = {ord(ch): n for n, ch in enumerate(alphabet)}
    narrow = {text: text.translate(table) for text in {*queries, *choices}}    # a query is often a choice too
    return [narrow[q] for q in queries], [narrow[c] for c in choices]


class _Group:
    """The choices of one block or length, sorted by length, with their strings and lengths,
    so that a query scans (in one rapidfuzz call) only the members of a length within reach."""

    __slots__ = ("members", "texts", "lengths")

    def __init__(self) -> None:
        self.members: list[int] = []
        self.texts: list[str] = []
        self.lengths: list[int] = []

    def sort(self, texts: Sequence[str]) -> None:
        """Sort the members appended so far (their strings are ``texts``)."""
        self.members.sort(key=lambda k: (len(texts[k]), k))
        self.texts = [texts[k] for k in self.members]
        self.lengths = [len(texts[k]) for k in self.members]

    def add(self, k: int, text: str) -> None:
        at = bisect_right(self.lengths, len(text))
        self.members.insert(at, k)
        self.texts.insert(at, text)
        self.lengths.insert(at, len(text))

    def within(self, low: int, high: int) -> tuple[int, int]:
        """The slice of the members of a length in ``low..high``."""
        return bisect_left(self.lengths, low), bisect_right(self.lengths, high)


def similar_pairs(queries: Sequence[str], choices: Sequence[str], similarity: float,
                  first_query: Sequence[int] | None = None) -> Iterator[tuple[int, int, float]]:
    """``(query index, choice index, score)`` for the pairs with ``fuzz.ratio >= similarity``
    that the blocking above brings together (each pair once, by choice index within a query).

    ``first_query[k]``, when given, is the first query that choice ``k`` is compared with
    (a caller that needs a pair of headwords only once gives a headword its own index + 1);
    by default every choice is compared with every query."""
    from rapidfuzz import fuzz, process

    narrow_queries, narrow_choices = _narrow(queries, choices)
    keys_of: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}     # a tuple is smaller than a set

    def keys(stems: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
        if stems not in keys_of:
            keys_of[stems] = tuple(_keys(stems))
        return keys_of[stems]

    blocks: dict[tuple[str, ...], _Group] = defaultdict(_Group)
    by_length: dict[int, _Group] = defaultdict(_Group)
    unblocked: dict[int, _Group] = defaultdict(_Group)    # one-word or short choices, by length

    def groups_of(k: int) -> list[_Group]:
        text = choices[k]
        stems = _stems(text)
        groups = [by_length[len(text)]]
        if len(stems) < 2 or len(text) <= SHORT:
            groups.append(unblocked[len(text)])
        if len(stems) >= 2:
            groups.extend(blocks[key] for key in keys(stems))
        return groups

    later: dict[int, list[int]] = defaultdict(list)     # query index -> choices compared from it on
    for k in range(len(choices)):
        start = first_query[k] if first_query is not None else 0
        if start > 0:
            later[start].append(k)
            continue
        for group in groups_of(k):
            group.members.append(k)
    for table in (blocks, by_length, unblocked):
        for group in table.values():
            group.sort(narrow_choices)
    for i, text in enumerate(queries):
        for k in later.pop(i, ()):
            for group in groups_of(k):
                group.add(k, narrow_choices[k])
        stems = _stems(text)
        low, high = _reach(len(text), similarity)
        if len(stems) < 2 or len(text) <= SHORT:
            groups = [by_length[n] for n in range(low, high + 1) if n in by_length]
        else:
            groups = [blocks[key] for key in keys(stems) if key in blocks]
            groups += [unblocked[n] for n in range(low, high + 1) if n in unblocked]
        # the groups' members within reach, scored in one rapidfuzz call (a member of two
        # groups is scored twice, with the same score)
        members: list[int] = []
        texts: list[str] = []
        for group in groups:
            first, last = group.within(low, high)
            members += group.members[first:last]
            texts += group.texts[first:last]
        scores = {members[n]: score for _, score, n in process.extract(
            narrow_queries[i], texts, scorer=fuzz.ratio, score_cutoff=similarity, limit=None)}
        for k in sorted(scores):
            yield i, k, scores[k]
