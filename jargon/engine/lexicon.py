"""The compiled vocabulary of one language's dictionaries, and what each text word form hits.

Compiling turns every pattern token into lookup keys:

* ``=form``: the written word and, when the entry inflects, every inflected form
  (pymorphy3's lexeme for Russian), so "подсвечу" finds "подсветить";
* ``~stem``: the Snowball stem (4+ letters), which bridges part-of-speech shifts
  ("концептуальное" ~ "концептуально") and forms the analyser does not know.

A text word form is analysed once (cached) into *hits*: ``(pattern, token, similarity)``.
Before the lookup it may be rewritten: a dictionary spelling ("follow-up" ->
"фоллоуап"), transliteration of Latin-script Russian ("zagruz"), a Latin stem with a
Russian suffix ("challenge-ить"), a stripped verb prefix ("почелленджил"), a typo
corrected to the nearest dictionary word ("калеги" -> "коллеги", only for words the
analyser does not know), or a word joined by speech-to-text ("впланах").

Only *anchor* tokens (the rarest words of each pattern, enough that a match is
impossible without one) trigger candidate windows; every other hit is only used to
score a window that an anchor opened. That keeps candidate lookup linear in the text.
"""
from __future__ import annotations

import re
from collections import defaultdict

from jargon.text.analyzer import Analyzer

from .patterns import PHRASE, Pattern
from .scoring import reachable

STEM_SIM = 0.9           # a stem-only hit counts a little less than a form hit
PREFIX_SIM = 0.9
TRANSLIT_SIM = 0.95
MIN_ANCHOR_COVERAGE = 0.75   # no match may reach this coverage without an anchor
Hit = tuple[int, int, float]  # (pattern id, token index, similarity)

_MIXED = re.compile(r"^([a-z]+)['-]([^\W\da-z_]+)$")   # "challenge-ить", "challenge'ить"
_HAS_LETTER = re.compile(r"[^\W\d_]")


def _halves(word: str) -> set[str]:
    """The 4+-letter pieces a word can be split into: prefixes (2+ letters left over) and
    suffixes (1+ letter left over, as in "вп ланах")."""
    n = len(word)
    return {word[:k] for k in range(4, n - 1)} | {word[k:] for k in range(1, n - 3)}


def max_typo_distance(n: int) -> int:
    return 0 if n < 4 else 1 if n <= 5 else 2 if n <= 11 else 3


class Lexicon:
    """Lookup structures for one language, built once per decoder (picklable)."""

    def __init__(self, analyzer: Analyzer, patterns: list[tuple[int, Pattern]], spellings: dict[str, str]):
        self.analyzer = analyzer
        self.patterns = dict(patterns)           # pattern id -> Pattern
        self.spellings = spellings               # normalised other spelling -> normalised word
        self.postings: dict[str, list[Hit]] = defaultdict(list)
        self.written: set[str] = set()           # words as written in patterns (typo targets)
        self.joined: dict[str, list[Hit]] = {}   # "впланах" -> hits of "в" and "планах"
        self.fragments: set[str] = set()         # halves of anchor words split by speech-to-text
        self.halves: set[str] = set()            # halves of any pattern word
        self.anchors: set[tuple[int, int]] = set()
        self._build()
        self.buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        for w in sorted(self.written):
            self.buckets[(w[0], len(w))].append(w)
        self.literals: dict[int, list[int]] = defaultdict(list)   # entry -> literal pattern ids
        for pid, pat in self.patterns.items():
            if pat.kind != PHRASE:
                self.literals[pat.entry].append(pid)
        self.cache: dict[str, tuple[tuple[Hit, ...], bool]] = {}
        self.weights: dict[str, float] = {}
        self.persons: dict[tuple, bool] = {}
        self.trigger_forms: set[str] = set()
        self.seen_forms: set[str] = set()

    # -- compile ----------------------------------------------------------
    def _build(self) -> None:
        a = self.analyzer
        forms_cache: dict[str, set[str]] = {}
        for pid, pat in self.patterns.items():
            for j, tok in enumerate(pat.tokens):
                if tok.slot:
                    continue
                self.written.add(tok.word)
                if pat.inflect:
                    forms = forms_cache.get(tok.word)
                    if forms is None:
                        forms = forms_cache[tok.word] = a.inflections(tok.word)
                    stem = a.stem(tok.word)
                    if stem:
                        self.postings["~" + stem].append((pid, j, STEM_SIM))
                else:
                    forms = {tok.word}
                for f in forms:
                    self.postings["=" + f].append((pid, j, 1.0))
            # two words glued by speech-to-text: a short word and any form of the next
            # ("впланах"), or two words as written ("точкироста")
            for j in range(len(pat.tokens) - 1):
                first, second = pat.tokens[j], pat.tokens[j + 1]
                if first.slot or second.slot:
                    continue
                seconds = {second.word}
                if len(first.word) <= 3 and pat.inflect:
                    seconds |= forms_cache.get(second.word, set())
                for f in seconds:
                    hits = self.joined.setdefault(first.word + f, [])
                    hits.extend([(pid, j, 1.0), (pid, j + 1, 1.0)])
        self._choose_anchors()
        # long halves of words that speech-to-text may split ("за брал", "верхне уровнево"):
        # halves of an anchor word trigger a line; halves of any word make the line worth a
        # detailed look even when the words seen so far could not complete a phrase
        for w in self.written:
            self.halves.update(_halves(w))
        for pid, j in self.anchors:
            self.fragments.update(_halves(self.patterns[pid].tokens[j].word))

    def _choose_anchors(self) -> None:
        """Anchors: per phrase pattern, its rarest words, enough that no window without one
        could reach the minimum coverage (one suffices when every word is required).

        Rarity: a word the analyser does not know (an anglicism such as "фоллоуап") first;
        then words fewer entries share; then content words, longer words.
        Literal collocations get no anchors: they are only checked where their entry matched.
        """
        df: dict[str, int] = {k: len({self.patterns[h[0]].entry for h in v}) for k, v in self.postings.items()}
        known: dict[str, bool] = {}

        def rarity(pat: Pattern, j: int):
            w = pat.tokens[j].word
            if w not in known:
                known[w] = self.analyzer.is_known(w)
            return (known[w], df.get("=" + w, 0), -pat.tokens[j].weight, -len(w))

        for pid, pat in self.patterns.items():
            if pat.kind != PHRASE:
                continue
            total = pat.total
            remaining = total
            for j in sorted((j for j, t in enumerate(pat.tokens) if not t.slot), key=lambda j: rarity(pat, j)):
                self.anchors.add((pid, j))
                remaining -= pat.tokens[j].weight
                if pat.required_all or remaining < MIN_ANCHOR_COVERAGE * total:
                    break

    # -- text forms ---------------------------------------------------------
    def hits(self, form: str) -> tuple[Hit, ...]:
        """What a normalised text word form hits (cached)."""
        cached = self.cache.get(form)
        if cached is None:
            cached = self._analyse(form)
        return cached[0]

    def is_trigger(self, form: str) -> bool:
        cached = self.cache.get(form)
        if cached is None:
            cached = self._analyse(form)
        return cached[1]

    def scan(self, forms: set[str]) -> bool:
        """Analyse unseen forms; True when the words of a line (``forms``) may hold a match:
        an anchor is there and enough of its pattern's words could be (or a split word is)."""
        new = forms - self.seen_forms
        if new:
            for f in new:
                if f not in self.cache:
                    self._analyse(f)
            self.seen_forms |= new
        triggers = forms & self.trigger_forms
        if not triggers:
            return False
        if not forms.isdisjoint(self.halves):
            return True     # words may need rejoining first: let the detailed pass decide
        cache, anchors = self.cache, self.anchors
        present = {(pid, j) for f in forms for pid, j, _ in cache[f][0]}
        return any(reachable(pid, self.patterns[pid], present)
                   for f in triggers for pid, j, _ in cache[f][0] if (pid, j) in anchors)

    def _lookup(self, form: str, sim: float, out: dict[tuple[int, int], float]) -> None:
        for pid, j, s in self.postings.get("=" + form, ()):
            if s * sim > out.get((pid, j), 0.0):
                out[(pid, j)] = s * sim
        stem = self.analyzer.stem(form) if _HAS_LETTER.search(form) else None
        if stem:
            for pid, j, s in self.postings.get("~" + stem, ()):
                if s * sim > out.get((pid, j), 0.0):
                    out[(pid, j)] = s * sim

    def _analyse(self, form: str) -> tuple[tuple[Hit, ...], bool]:
        a = self.analyzer
        found: dict[tuple[int, int], float] = {}
        candidates = [form]
        if "-" in form or "'" in form:
            candidates.append(form.replace("-", "").replace("'", ""))
        for c in list(candidates):
            if c in self.spellings:
                candidates.append(self.spellings[c])
        m = _MIXED.match(form)
        if m and m.group(1) in self.spellings:       # "challenge-ить" -> "челлендж" + "ить"
            candidates.append(self.spellings[m.group(1)] + m.group(2))
        for c in candidates:
            self._lookup(c, 1.0, found)
        if not found:
            readings = [self.spellings.get(t, t) for t in a.transliterate(form.replace("-", ""))]
            for t in readings:
                self._lookup(t, TRANSLIT_SIM, found)
            if not found:
                for t in readings:
                    self._typo(t, TRANSLIT_SIM, found, check_known=False)
        if not found and form in self.joined:
            for pid, j, s in self.joined[form]:
                found[(pid, j)] = s
        if not found and len(form) >= 6 and _HAS_LETTER.search(form):
            for p in a.prefixes:
                if form.startswith(p) and len(form) - len(p) >= 5:
                    self._lookup(form[len(p):], PREFIX_SIM, found)
                    if found:
                        break
        if not found:
            self._typo(form, 1.0, found, check_known=True)
        hits = tuple((pid, j, s) for (pid, j), s in found.items())
        trigger = any((pid, j) in self.anchors for pid, j, _ in hits) or form in self.fragments
        self.cache[form] = (hits, trigger)
        if trigger:
            self.trigger_forms.add(form)
        return hits, trigger

    def _typo(self, form: str, sim: float, found: dict, check_known: bool) -> None:
        n = len(form)
        d = max_typo_distance(n)
        if not d or not _HAS_LETTER.search(form):
            return
        pool: list[str] = []
        for length in range(n - d, n + d + 1):
            pool.extend(self.buckets.get((form[0], length), ()))
        if not pool:
            return
        from rapidfuzz import fuzz, process
        from rapidfuzz.distance import Levenshtein

        best = process.extractOne(form, pool, scorer=Levenshtein.distance, score_cutoff=d)
        if best is None:
            return
        target = best[0]
        if check_known and self.analyzer.is_known(form):
            return   # a real word ("коллега"), not a typo of "коллеги"
        similarity = fuzz.ratio(form, target) / 100.0
        self._lookup(target, sim * max(0.8, min(0.97, similarity)), found)
