"""The compiled vocabulary of one language's dictionaries, and what each text word form means to it.

Every distinct pattern word becomes a *class* (an int). Compiling maps lookup keys
to classes:

* ``forms``: the written word and, when the entry inflects, every inflected form
  (pymorphy3's lexeme for Russian), so "подсвечу" is of the class of "подсветить";
* ``stems``: the Snowball stem (4+ letters), which bridges part-of-speech shifts
  ("концептуальное" ~ "концептуально") and forms the analyser does not know;
* ``synonyms``: every form of a word listed in the dictionary's ``[synonyms]`` for it;
* ``roots``: for one-word entries with ``derive``, the root that derived words are built
  on ("профакапили" for "факап"), checked only for words the analyser does not know.

Each analysed text form also records by which rule it got each class (``how``: form,
stem, synonym, spelling, translit, homoglyph, prefix, typo, joined, derived): ``--explain`` shows it,
and a one-word phrase in a line of another script counts only through a listed spelling.

A text word form is analysed once (cached) into its classes with a similarity each.
Before the lookup it may be rewritten: a dictionary spelling ("follow-up" ->
"фоллоуап"), transliteration of Latin-script Russian ("zagruz"), a Latin stem with a
Russian suffix ("challenge-ить"), a stripped verb prefix ("почелленджил"), a typo
corrected to the nearest dictionary word form ("калеги" -> "коллеги", only for words
the analyser does not know), or two words glued by speech-to-text ("впланах").

Candidates come from *anchors*: per pattern, its rarest words, enough that no window
without one could reach the minimum coverage. A phrase that must be said in full is
indexed by its two rarest words, so a line is a candidate only when both are on it.
The first word of a pair *leads*: a line without a form of a leading class (or a
piece of a split word) is passed over with one C-level test, and on the others the
pairs are checked with C-level set operations. That keeps candidate lookup linear in
the text, whatever the size of the dictionary.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations, compress, count
from operator import not_

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from jargon.text.analyzer import Analyzer

from .patterns import PHRASE, SET, Pattern
from .tuning import (
    DERIVED_SIM,
    MAX_PAIR_SET,
    MAX_PIECE_CLASSES,
    MIN_COVERAGE,
    PREFIX_SIM,
    SOUND_TYPO_MIN,
    STEM_SIM,
    SYNONYM_SIM,
    TRANSLIT_SIM,
    TYPO_SIM_MAX,
    TYPO_SIM_MIN,
    max_typo_distance,
)

NO_CLASS = -1            # the slot of a pattern has no word class

_NONE: frozenset[int] = frozenset()
_MIXED = re.compile(r"^([a-z]+)['-]([^\W\da-z_]+)$")   # "challenge-ить", "challenge'ить"
_HAS_LETTER = re.compile(r"[^\W\d_]")
_OTHER_LETTER = re.compile(r"[^\W\da-z_]")     # a letter that is not Latin
_LATIN_LETTER = re.compile(r"[a-z]")
_PLAIN_WORD = re.compile(r"[a-zа-я0-9'-]+$")   # lower-case, no "ё", no accents: already normal


def _halves(word: str) -> set[str]:
    """The 4+-letter pieces a word can be split into: prefixes (2+ letters left over) and
    suffixes (1+ letter left over, as in "вп ланах")."""
    n = len(word)
    return {word[:k] for k in range(4, n - 1)} | {word[k:] for k in range(1, n - 3)}


def _tail(word: str, root: str) -> str:
    """What a word has after its root ("эк" of "фидбэк" after "фидб"; "" when it does not begin so)."""
    return word[len(root):] if word.startswith(root) else ""


def reachable(pat: Pattern, classes: tuple[int, ...], present) -> bool:
    """Cheap upper bound before any alignment: could the word classes in ``present``
    reach the minimum coverage of ``pat``? Slots count as filled."""
    reach = 0.0
    for t, c in zip(pat.tokens, classes, strict=True):
        if t.slot or c in present:
            reach += t.weight
        elif pat.required_all:
            return False
    return reach >= MIN_COVERAGE * pat.total


class Lexicon:
    """Lookup structures for one language, built once per decoder (picklable)."""

    def __init__(self, analyzer: Analyzer, patterns: list[tuple[int, Pattern]], spellings: dict[str, str],
                 synonyms: dict[str, tuple[str, ...]] | None = None, sets: dict[str, tuple[str, ...]] | None = None,
                 derive: dict[int, str | None] | None = None):
        self.analyzer = analyzer
        self.patterns = dict(patterns)           # pattern id -> Pattern
        self.spellings = spellings               # normalised other spelling -> normalised word
        self.class_of: dict[tuple[str, bool], int] = {}
        self.class_word: list[str] = []                          # class -> the pattern word it stands for
        self.pclasses: dict[int, tuple[int, ...]] = {}           # pattern id -> class per token
        self.forms: dict[str, dict[int, float]] = defaultdict(dict)      # form -> {class: similarity}
        self.stems: dict[str, dict[int, float]] = defaultdict(dict)      # stem -> {class: similarity}
        self.synonym_forms: dict[str, dict[int, float]] = defaultdict(dict)   # synonym's form -> {class: sim}
        self.roots: dict[str, list[tuple[str, int, str]]] = defaultdict(list)   # root[:3] -> [(root, class, tail)]
        self.joined: dict[str, dict[int, float]] = {}             # "впланах" -> classes of "в" and "планах"
        self.literals: dict[int, list[int]] = defaultdict(list)   # entry -> literal pattern ids
        self.single: dict[int, list[int]] = defaultdict(list)     # anchor class -> pattern ids
        self.pairs: dict[int, dict[int, tuple[int, ...]]] = {}
        self.anchor_classes: set[int] = set()
        self.half_classes: dict[str, tuple[int, ...]] = {}   # piece of a split word -> classes it may be
        self._build(synonyms or {}, sets or {}, derive or {})
        # typo targets: every dictionary word form, by first letter and length (typos rarely
        # hit the first letter); each pool already holds the lengths within reach
        buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        # (words only literal collocations use need no typo tolerance: they are checked only
        # where a phrase matched)
        phrase_classes = self.phrase_classes = frozenset(
            c for pid, pat in self.patterns.items() if pat.kind == PHRASE for c in self.pclasses[pid])
        targets = {form for form, cs in self.forms.items() if len(form) > 1 and not phrase_classes.isdisjoint(cs)}
        targets.update(alt for alt in self.spellings if " " not in alt)    # "эдженда" for "эджнда"
        for w in sorted(targets):
            buckets[(w[0], len(w))].append(w)
        self.pools: dict[tuple[str, int], list[str]] = {}
        self.sound_words = tuple(w for w in targets if len(w) >= SOUND_TYPO_MIN)   # indexed on demand
        for first, n in {(f, n + k) for f, n in buckets for k in range(-3, 4)}:
            d = max_typo_distance(n)
            pool = [w for length in range(n - d, n + d + 1) for w in buckets.get((first, length), ())]
            if d and pool:
                self.pools[(first, n)] = pool
        self.prefixes_by_letter: dict[str, tuple[str, ...]] = {}
        for p in analyzer.prefixes:
            self.prefixes_by_letter[p[0]] = self.prefixes_by_letter.get(p[0], ()) + (p,)
        self.cache: dict[str, dict[int, float]] = {}             # text form -> {class: sim}
        self.how: dict[str, dict[int, str]] = {}                  # text form -> {class: rule}
        self.sets: dict[str, frozenset[int]] = {}                 # text form -> its classes
        self.weights: dict[str, float] = {}
        self.persons: dict[tuple, bool] = {}
        self.grammars: dict[tuple[str, str], bool] = {}        # (text form, "noun:gen") -> the analyser's reading
        self.slot_grammars: dict[str, str | None] = {}      # a person slot's placeholder -> the noun slot it stands for
        self.sound_of: dict[str, str] | None = None           # sound key -> a long dictionary word (on demand)
        self.sound_keys: dict[int, frozenset[str]] = {}          # class -> how its forms sound (made on demand)
        self.suspect_forms: set[str] = set()    # text forms with a class found as a typo or a transliteration

    # -- compile ----------------------------------------------------------
    def _build(self, synonyms: dict[str, tuple[str, ...]], sets: dict[str, tuple[str, ...]],
               derive: dict[int, str | None]) -> None:
        a = self.analyzer
        forms_of: dict[str, set[str]] = {}

        def inflections(word: str) -> set[str]:
            if word not in forms_of:
                forms_of[word] = a.inflections(word)
            return forms_of[word]

        synonyms_of: dict[str, list[str]] = defaultdict(list)    # a form of a word -> its synonyms
        for word, alts in synonyms.items():
            for f in inflections(a.normalize(word)):
                synonyms_of[f].extend(a.normalize(alt) for alt in alts if len(alt.split()) == 1)
        glued_written: list[tuple[str, str]] = []    # a short word and the next, both as written
        for pid, pat in self.patterns.items():
            classes = []
            for tok in pat.tokens:
                if tok.slot:
                    classes.append(NO_CLASS)
                    continue
                key = (tok.word, pat.inflect)
                c = self.class_of.get(key)
                if c is None:
                    c = self.class_of[key] = len(self.class_of)
                    self.class_word.append(tok.word)
                    forms = {tok.word}
                    if tok.kind == SET:       # {tech}: every form of every word of the set
                        forms = set().union(*(inflections(a.normalize(w)) for w in sets.get(tok.word[1:-1], ())))
                    elif pat.inflect:
                        forms = inflections(tok.word)
                        stem = a.stem(tok.word)
                        if stem:
                            self.stems[stem][c] = STEM_SIM
                    for f in forms:
                        self.forms[f][c] = 1.0
                    # a borrowing the analyser does not know ("фоллоуап") also matches the words
                    # derived from it ("фоллоуапчик", "челленджащий"), as a derive entry would
                    if pat.inflect and tok.kind != SET and len(tok.word) >= 5 and not a.is_known(tok.word):
                        root = a.derivation_root(tok.word)
                        # a three-letter root only under a verb suffix ("лук" of "лукнуть")
                        if len(root) >= 4 or (len(root) == 3 and len(tok.word) - len(root) >= 3):
                            self.roots[root[:3]].append((root, c, _tail(tok.word, root)))
                    for alt in synonyms_of.get(tok.word, ()):
                        for f in inflections(alt) if pat.inflect else {alt}:
                            if c not in self.forms.get(f, ()):
                                self.synonym_forms[f][c] = SYNONYM_SIM
                classes.append(c)
            self.pclasses[pid] = tuple(classes)
            if pat.entry in derive and pat.kind == PHRASE and len(pat.words) == 1:
                (j,) = pat.words
                word = pat.tokens[j].word
                root = a.normalize(derive[pat.entry] or "") or a.derivation_root(word)
                item = (root, classes[j], _tail(word, root))
                if len(root) >= 3 and item not in self.roots[root[:3]]:
                    self.roots[root[:3]].append(item)
            if pat.kind != PHRASE:
                self.literals[pat.entry].append(pid)
            # two words glued by speech-to-text: a short word and any form of the next
            # ("впланах"), or two words as written ("точкироста")
            for j in range(len(pat.tokens) - 1):
                first, second = pat.tokens[j], pat.tokens[j + 1]
                if first.slot or second.slot:
                    continue
                seconds = {second.word}
                if len(first.word) <= a.short_word:
                    if pat.kind == PHRASE:
                        glued_written.append((first.word, second.word))
                    if pat.inflect:
                        seconds |= forms_of.get(second.word, set())
                for f in seconds:
                    glued = self.joined.setdefault(first.word + f, {})
                    glued[classes[j]] = glued[classes[j + 1]] = 1.0
        # a piece of a word that speech-to-text split ("брал" of "забрал") makes the word
        # possibly present on a line; so does a part of a spelling written as two words
        # (words only literal collocations use need none: those are checked where a phrase matched)
        phrase_classes = {c for pid, pat in self.patterns.items() if pat.kind == PHRASE for c in self.pclasses[pid]}
        half_classes: dict[str, set[int]] = defaultdict(set)
        for (word, _), c in self.class_of.items():
            if c in phrase_classes:
                for piece in _halves(word):
                    half_classes[piece].add(c)
                # a three-letter end that is no word of its own ("пла нах" of "планах")
                for piece in {word[:3], word[-3:]} if len(word) >= 6 else ():
                    if not self.analyzer.is_known(piece):
                        half_classes[piece].add(c)
        for short, nxt in glued_written:             # "вп ланах" is "впланах" split elsewhere
            together = short + nxt
            for piece in _halves(together) - {short, nxt}:    # split where it was glued: two words
                half_classes[piece].update(c for c in self.joined[together] if c in phrase_classes)
        for alt, word in self.spellings.items():
            parts = alt.split()
            pieces = parts if len(parts) > 1 else _halves(alt)    # "а джэнда": a spelling split too
            for c in self.forms.get(word, {}):
                if len(parts) > 1 or c in phrase_classes:
                    for piece in pieces:
                        half_classes[piece].add(c)
        # a piece shared by many words ("пере", "ировать") tells nothing
        self.half_classes = {k: tuple(v) for k, v in half_classes.items() if len(v) <= MAX_PIECE_CLASSES}
        self._choose_anchors()
        # plain dicts from here on: picklable, and lookups never grow them
        self.forms, self.stems, self.synonym_forms = dict(self.forms), dict(self.stems), dict(self.synonym_forms)
        self.roots = dict(self.roots)
        self.literals, self.single = dict(self.literals), dict(self.single)
        # leading anchor class -> (phrases it anchors alone, partner classes, partner -> phrases);
        # a class that is only ever the second of a pair leads nothing and is not looked up
        self.lead_classes = frozenset(self.single) | frozenset(self.pairs)
        self.single_classes = frozenset(self.single)
        self.partner_keys = {c: frozenset(self.pairs.get(c, ())) for c in self.lead_classes}
        # a phrase said in full is possible on a line only when all its word classes are
        # there: a C-level subset test instead of weighing
        self.pclass_sets = {pid: frozenset(c for c in cl if c != NO_CLASS) for pid, cl in self.pclasses.items()}
        self.required = {pid: cs for pid, cs in self.pclass_sets.items() if self.patterns[pid].required_all}
        self.half_keys = frozenset(self.half_classes)
        # what two words split by speech-to-text may make when joined again
        self.join_targets = frozenset(self.forms) | frozenset(self.joined) | frozenset(self.spellings)
        # text forms of a leading class seen so far, and pieces of split words: a line with
        # none of them holds no phrase
        self.hot_forms: set[str] = set(self.half_keys)
        self.stem_heads = frozenset(stem[:3] for stem in self.stems)

    def _choose_anchors(self) -> None:
        """Per phrase pattern, its rarest words, indexed in pairs so that a line is a
        candidate only when both words of a pair are on it (see :meth:`_anchor_pairs`). A
        one-word phrase, or one too long for pairs, gets single anchors: enough that no
        window without one could reach the minimum coverage.

        Rarity: a word the analyser does not know (an anglicism such as "фоллоуап") first;
        then words fewer entries share; then content words, longer words.
        Literal collocations get no anchors: they are only checked where their entry matched.
        """
        entries_of: dict[int, set[int]] = defaultdict(set)
        for pid, pat in self.patterns.items():
            for c in self.pclasses[pid]:
                entries_of[c].add(pat.entry)
        known: dict[str, bool] = {}
        pairs_of: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))

        def rarity(pat: Pattern, classes: tuple[int, ...], j: int):
            w = pat.tokens[j].word
            if w not in known:
                known[w] = self.analyzer.is_known(w)
            return (known[w], len(entries_of[classes[j]]), -pat.tokens[j].weight, -len(w))

        for pid, pat in self.patterns.items():
            if pat.kind != PHRASE:
                continue
            classes = self.pclasses[pid]
            order = sorted((j for j, t in enumerate(pat.tokens) if not t.slot),
                           key=lambda j: rarity(pat, classes, j))
            if not order:
                continue
            pairs = self._anchor_pairs(pat, order)
            for x, y in pairs:
                pairs_of[classes[x]][classes[y]].append(pid)
            chosen = sorted({j for pair in pairs for j in pair})
            if not chosen:   # one word, or a long phrase: single anchors until no window can lack them all
                remaining = pat.total
                for j in order:
                    chosen.append(j)
                    self.single[classes[j]].append(pid)
                    remaining -= pat.tokens[j].weight
                    if remaining < MIN_COVERAGE * pat.total:
                        break
            for j in chosen:
                self.anchor_classes.add(classes[j])
        self.pairs = {c: {c2: tuple(p) for c2, p in partners.items()} for c, partners in pairs_of.items()}

    @staticmethod
    def _anchor_pairs(pat: Pattern, order: list[int]) -> list[tuple[int, int]]:
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

    # -- text forms ---------------------------------------------------------
    def classes(self, form: str) -> dict[int, float]:
        """The word classes a normalised text word form belongs to, with similarity (cached)."""
        found = self.cache.get(form)
        if found is None:
            how: dict[int, str] = {}
            found = self.cache[form] = self._analyse(form, how)
            if not found:                      # most words of a text: nothing more to note
                self.sets[form] = _NONE
                return found
            self.how[form] = how
            if not {"typo", "translit", "stem", "derived"}.isdisjoint(how.values()) or (
                    "spelling" in how.values() and _LATIN_LETTER.search(form)):
                self.suspect_forms.add(form)      # (a Latin spelling may be part of an identifier)
            self.sets[form] = frozenset(found)
            if not self.lead_classes.isdisjoint(found):
                self.hot_forms.add(form)
        return found

    def scan_block(self, words: list[list[str]], block_forms: set[str]) -> Iterator[tuple[int, set[int], bool]]:
        """``(i, phrases, split)`` for each line ``i`` of a block that may hold a phrase (see
        :meth:`scan_line`), given each line's word forms and all the block's distinct forms.

        New forms are analysed first; then one C-level pass finds the lines holding a
        leading anchor or a piece of a split word, and only those cost Python work.
        """
        for f in block_forms.difference(self.sets):
            self.classes(f)
        cold = map(self.hot_forms.isdisjoint, words)
        for i in compress(count(), map(not_, cold)):
            pids, split = self.scan_line(set(words[i]))
            if pids:
                yield i, pids, split

    def scan_line(self, forms: set[str]) -> tuple[set[int], bool]:
        """The phrases a line's distinct word forms (all analysed) may hold, and whether a
        piece of a split word on the line may complete one of their words (then the line
        is rejoined first)."""
        sets = self.sets
        pieces = forms & self.half_keys
        present = set().union(*map(sets.__getitem__, forms))
        if not pieces:
            return self.candidates(present), False
        from_pieces = set().union(*map(self.half_classes.__getitem__, pieces))
        maybe = self.candidates(present | from_pieces)
        # rejoining matters only for phrases with a word a piece may complete
        pclass_sets = self.pclass_sets
        return maybe, any(not from_pieces.isdisjoint(pclass_sets[pid]) for pid in maybe)

    def candidates(self, present: set[int]) -> set[int]:
        """Phrase patterns that the word classes on a line may complete."""
        hits = list(present & self.lead_classes)
        if not hits:
            return set()
        pids: list[int] = []
        for c in present & self.single_classes:
            pids.extend(self.single[c])
        # leading classes with a partner on the line (C-level tests); Python work only for
        # the pairs actually present
        partner_keys, pairs = self.partner_keys, self.pairs
        apart = map(present.isdisjoint, map(partner_keys.__getitem__, hits))
        for c in compress(hits, map(not_, apart)):
            of_c = pairs[c]
            for c2 in present.intersection(partner_keys[c]):
                pids.extend(of_c[c2])
        return self.possible(set(pids), present)

    def possible(self, pids: set[int], present: set[int]) -> set[int]:
        """Those of ``pids`` that the word classes ``present`` on a line may complete."""
        out: set[int] = set()
        required, patterns, pclasses = self.required, self.patterns, self.pclasses
        for pid in pids:
            need = required.get(pid)     # a phrase said in full: a subset test
            if need <= present if need is not None else reachable(patterns[pid], pclasses[pid], present):
                out.add(pid)
        return out

    def _lookup(self, form: str, sim: float, out: dict[int, float], how: dict[int, str], rule: str) -> None:
        """Classes of ``form`` as a dictionary form, a synonym's form or by its stem, each
        noted in ``how`` with ``rule`` (or "stem"/"synonym" when that is what matched)."""

        def note(hits: dict[int, float] | None, why: str) -> None:
            for c, s in (hits or {}).items():
                if s * sim > out.get(c, 0.0):
                    out[c] = s * sim
                    how[c] = why

        note(self.forms.get(form), rule)
        note(self.synonym_forms.get(form), "synonym" if rule == "form" else rule)
        # stems are word beginnings: skip the stemmer unless one could match
        stem = self.analyzer.stem(form) if form[:3] in self.stem_heads and _HAS_LETTER.search(form) else None
        if stem:
            note(self.stems.get(stem), "stem" if rule == "form" else rule)

    def sound_index(self) -> dict[str, str]:
        """How the long dictionary words sound -> one of them (made on first use)."""
        index = self.sound_of
        if index is None:
            key = self.analyzer.sound_key
            index = self.sound_of = {key(w): w for w in sorted(self.sound_words, reverse=True)}
        return index

    def sounds_like(self, form: str, c: int) -> bool:
        """Whether text ``form`` sounds like a form of class ``c`` (the analyser's sound key)."""
        keys = self.sound_keys.get(c)
        if keys is None:       # once per class: the forms of a class are not indexed by class
            keys = self.sound_keys[c] = frozenset(
                self.analyzer.sound_key(f) for f, classes in self.forms.items() if c in classes)
        return self.analyzer.sound_key(form) in keys

    def _readings(self, form: str) -> list[tuple[str, str]]:
        """``(reading, rule)``: the form itself, and what its hyphens or apostrophes hide:
        "фоллоу-ап", "challenge-ить" (a Latin spelling with a Russian ending), a clitic
        ("адженда-то"), a reduplication ("подсвечивали-подсвечивали"); then listed spellings."""
        out = [(form, "form")]
        if "-" in form or "'" in form:
            out.append((form.replace("-", "").replace("'", ""), "form"))
            m = _MIXED.match(form)
            if m and m.group(1) in self.spellings:   # "challenge-ить" -> "челлендж" + "ить"
                out.append((self.spellings[m.group(1)] + m.group(2), "spelling"))
            parts = form.split("-")
            if len(parts) == 2 and parts[0] == parts[1]:
                out.append((parts[0], "form"))
            for clitic in self.analyzer.clitics:
                if form.endswith(clitic) and len(form) > len(clitic) + 2:
                    out.append((form[:-len(clitic)], "form"))
        for reading, _ in out[:2]:
            if reading in self.spellings:
                out.append((self.spellings[reading], "spelling"))
        return out

    def _analyse(self, form: str, how: dict[int, str]) -> dict[int, float]:
        a = self.analyzer
        if not (a.plain_lowercase and _PLAIN_WORD.match(form)):
            normal = a.normalize(form)
            if normal != form:
                cached = self.classes(normal)
                how.update(self.how.get(normal, {}))
                return dict(cached)
        found: dict[int, float] = {}
        if "-" in form or "'" in form or form in self.spellings:
            for reading, rule in self._readings(form):
                self._lookup(reading, 1.0, found, how, rule)
        else:                                          # most words: the form itself only
            self._lookup(form, 1.0, found, how, "form")
        if not found:
            # Latin-script Russian ("zagruz", "bolshoy" ~ "большой"); in a line mostly in Latin
            # letters a one-word phrase does not count this way ("Collect" is not "Коллеги!")
            # a word mixing scripts has look-alike letters in it ("кoллеги" with a Latin "o"),
            # a word all in another script is a transliteration
            kind = "homoglyph" if _OTHER_LETTER.search(form) else "translit"
            readings = [(self.spellings[t], "spelling") if t in self.spellings else (t, kind)
                        for t in a.transliterate(form.replace("-", ""))]
            for t, rule in readings:
                self._lookup(t, TRANSLIT_SIM, found, how, rule)
            if not found:
                for t, _ in readings:      # a word with look-alike letters that the analyser knows is itself
                    if kind != "homoglyph" or not a.is_known(t):    # ("закуpить" is no typo of "расшарить")
                        self._typo(t, TRANSLIT_SIM, found, how, kind)
        if not found and form in self.joined:
            found.update(self.joined[form])
            how.update(dict.fromkeys(found, "joined"))
        if self.roots and len(form) >= 4:
            self._derived(form, found, how)           # "профакапили" -> "факап" (beside a stem hit too)
        if len(form) < 4 or (found and not self.phrase_classes.isdisjoint(found)):
            return found     # (a word only a literal collocation knows may still be a typo of a phrase's)
        rests = [form[len(p):] for p in self.prefixes_by_letter.get(form[0], ())
                 if form.startswith(p) and len(form) - len(p) >= 5] \
            if len(form) >= 6 and _HAS_LETTER.search(form) else []
        if (not rests and (form[0], len(form)) not in self.pools) or a.is_known(form):
            return found      # nothing to correct it to; and a real word of the language is
            #                   neither a typo nor an unknown verb form
        for rest in rests:                            # "почелленджил" -> "челленджил"
            self._lookup(rest, PREFIX_SIM, found, how, "prefix")
            if found:
                return found
        self._typo(form, 1.0, found, how)             # "калеги" -> "коллеги"
        for rest in rests if not found else ():       # "почелленжу" -> "челленджу"
            if len(rest) >= 6:
                self._typo(rest, PREFIX_SIM, found, how)
                if found:
                    break
        return found

    def _derived(self, form: str, found: dict[int, float], how: dict[int, str]) -> None:
        """A word the analyser does not know, built on the root of a one-word ``derive`` entry:
        any of the language's prefixes, the root (its last consonant may alternate:
        "фидбэк" -> "фидбэчить"), and an ending the analyser accepts as derivational."""
        a, roots = self.analyzer, self.roots
        bases = [form] if form[:3] in roots else []
        bases += [form[len(p):] for p in self.prefixes_by_letter.get(form[0], ())
                  if form.startswith(p) and form[len(p):len(p) + 3] in roots]
        if not bases:
            return
        hits = []
        for base in bases:
            for root, c, tail in self.roots.get(base[:3], ()):
                if base.startswith(root):
                    rest = base[len(root):]
                elif base.startswith(root[:-1]) and len(base) >= len(root) and \
                        base[len(root) - 1] in a.alternations.get(root[-1], ""):
                    rest = base[len(root):]
                else:
                    continue
                # the ending follows the root, or what the headword has after the root, its last
                # consonant alternating ("фидб" + "эч" + "ила" in "зафидбэчила" for "фидбэк")
                rests = [rest]
                if tail and (rest.startswith(tail) or rest.startswith(tail[:-1]) and len(rest) >= len(tail)
                             and rest[len(tail) - 1] in a.alternations.get(tail[-1], "")):
                    rests.append(rest[len(tail):])
                if any(map(a.derived_ending, rests)) and DERIVED_SIM > found.get(c, 0.0):
                    hits.append(c)
        if hits and not a.is_known(form):         # a real word is never derived ("таскали" from "таск")
            for c in hits:
                found[c] = DERIVED_SIM
                how[c] = "derived"

    def _typo(self, form: str, sim: float, found: dict[int, float], how: dict[int, str], rule: str = "typo") -> None:
        """Correct ``form`` to the nearest dictionary word forms within a few edits (rapidfuzz).

        Only called for words the analyser does not know: a real word ("коллега") is
        never a typo of a dictionary word ("коллеги").
        """
        pool = self.pools.get((form[:1], len(form)))
        if not pool or not _HAS_LETTER.search(form):
            return
        d = max_typo_distance(len(form))
        best = process.extract(form, pool, scorer=Levenshtein.distance, score_cutoff=d, limit=8)
        if not best:
            # more edits than allowed, but heard alike ("чилинджить" for "челленджить")
            target = self.sound_index().get(self.analyzer.sound_key(form)) if len(form) >= SOUND_TYPO_MIN else None
            if target is not None:
                self._lookup(self.spellings.get(target, target), sim * TYPO_SIM_MIN, found, how, rule)
            return
        nearest = best[0][1]
        for target, distance, _ in best:      # every word at the nearest distance ("коллег", "коллеги")
            if distance == nearest:
                similarity = max(TYPO_SIM_MIN, min(TYPO_SIM_MAX, fuzz.ratio(form, target) / 100.0))
                self._lookup(self.spellings.get(target, target), sim * similarity, found, how, rule)
