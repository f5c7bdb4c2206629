"""Which words of each phrase pattern index it (its *anchors*), and the cheap test of whether a
line's word classes could complete a pattern at all.

Per pattern, its rarest words, enough that no window without one could reach the minimum
coverage. A phrase that must be said in full is indexed by its two rarest words, so a line
is a candidate only when both are on it (jargon.engine.index keeps the result).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Container
from itertools import combinations, compress

from .patterns import PHRASE, Pattern
from .tuning import MAX_PAIR_SET, MIN_COVERAGE


def reachable(pat: Pattern, classes: tuple[int, ...], present: Container[int]) -> bool:
    """Cheap upper bound before any alignment: could the word classes in ``present``
    reach the minimum coverage of ``pat``? Slots count as filled. (A C-level pass for
    longer phrases: a slot's class, NO_CLASS, is never present, so its weight is added
    apart; the bound errs by a hair on the side of scoring, which decides exactly.)"""
    if pat.required_all:          # every word: out at the first one missing (most lines)
        return all(t.slot or c in present for t, c in zip(pat.tokens, classes, strict=True))
    reach = sum(compress(pat.weights, map(present.__contains__, classes))) + pat.slot_weight
    return reach >= MIN_COVERAGE * pat.total - 1e-9


Pairs = dict[int, dict[int, tuple[int, ...]]]     # leading class -> partner class -> phrase ids


def choose_anchors(patterns: dict[int, Pattern], pclasses: dict[int, tuple[int, ...]],
                   is_known: Callable[[str], bool]) -> tuple[dict[int, list[int]], Pairs, set[int]]:
    """``(single, pairs, anchor classes)``: per phrase pattern, its rarest words, indexed in
    pairs (``pairs[c][c2]``: the phrases anchored by classes c and c2) so that a line is a
    candidate only when both words of a pair are on it (see :func:`anchor_pairs`). A
    one-word phrase, or one too long for pairs, gets single anchors (``single[c]``): enough
    that no window without one could reach the minimum coverage.

    Rarity: a word the analyser does not know (an anglicism such as "фоллоуап") first;
    then words fewer entries share; then content words, longer words.
    Literal collocations get no anchors: they are only checked where their entry matched.
    """
    entries_of: dict[int, set[int]] = defaultdict(set)
    for pid, pat in patterns.items():
        for c in pclasses[pid]:
            entries_of[c].add(pat.entry)
    known: dict[str, bool] = {}
    single: dict[int, list[int]] = defaultdict(list)
    pairs_of: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    anchor_classes: set[int] = set()

    def rarity(pat: Pattern, classes: tuple[int, ...], j: int):
        w = pat.tokens[j].word
        if w not in known:
            known[w] = is_known(w)
        return (known[w], len(entries_of[classes[j]]), -pat.tokens[j].weight, -len(w))

    for pid, pat in patterns.items():
        if pat.kind != PHRASE:
            continue
        classes = pclasses[pid]
        order = sorted((j for j, t in enumerate(pat.tokens) if not t.slot),
                       key=lambda j: rarity(pat, classes, j))
        if not order:
            continue
        pairs = anchor_pairs(pat, order)
        for x, y in pairs:
            pairs_of[classes[x]][classes[y]].append(pid)
        chosen = sorted({j for pair in pairs for j in pair})
        if not chosen:   # one word, or a long phrase: single anchors until no window can lack them all
            remaining = pat.total
            for j in order:
                chosen.append(j)
                single[classes[j]].append(pid)
                remaining -= pat.tokens[j].weight
                if remaining < MIN_COVERAGE * pat.total:
                    break
        for j in chosen:
            anchor_classes.add(classes[j])
    pairs_index: Pairs = {c: {c2: tuple(p) for c2, p in partners.items()} for c, partners in pairs_of.items()}
    return dict(single), pairs_index, anchor_classes


def anchor_pairs(pat: Pattern, order: list[int]) -> list[tuple[int, int]]:
    """Pairs of word positions of ``pat`` (rarest first in each pair) such that every
    valid match holds both words of one pair; [] when no few pairs do.

    A match may lack words weighing up to ``budget``. A word weighing more is in every
    match: two such words make one pair ("подсветить" + "точки"); one such word pairs
    with each of the fewest rarest other words that no match can lack all of ("загруз"
    + "сейчас" or "меня"). Otherwise the fewest rarest words S of which every match
    holds two (dropping any |S|-1 of them costs more than the budget): all their pairs.
    """
    budget = 0.0 if pat.required_all else (1.0 - MIN_COVERAGE) * pat.total
    weight = [t.weight for t in pat.tokens]
    rank = {j: k for k, j in enumerate(order)}
    mandatory = [j for j in order if weight[j] > budget]
    if len(mandatory) >= 2:
        return [(mandatory[0], mandatory[1])]
    if mandatory:
        m, lacking = mandatory[0], 0.0
        others: list[int] = []
        for j in order:
            if j != m and len(others) < MAX_PAIR_SET - 1:
                others.append(j)
                lacking += weight[j]
                if lacking > budget:
                    return [(m, j) if rank[m] < rank[j] else (j, m) for j in others]
    for k in range(2, min(len(order), MAX_PAIR_SET) + 1):
        top = order[:k]
        if sum(sorted(weight[j] for j in top)[:k - 1]) > budget:
            return list(combinations(top, 2))
    return []
