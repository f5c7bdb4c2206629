"""The compiled index of one language's dictionaries: built once, never changed, picklable.

Every distinct pattern word becomes a *class* (an int). Compiling maps lookup keys
to classes:

* ``forms``: the written word and, when the entry inflects, every inflected form
  (pymorphy3's lexeme for Russian), so "подсвечу" is of the class of "подсветить";
* ``stems``: the Snowball stem (4+ letters), which bridges part-of-speech shifts
  ("концептуальное" ~ "концептуально") and forms the analyser does not know;
* ``synonym_forms``: every form of a word listed in the dictionary's ``[synonyms]`` for it;
* ``roots``: for one-word entries with ``derive``, the root that derived words are built
  on ("профакапили" for "факап"), checked only for words the analyser does not know;
* ``joined``: two words glued by speech-to-text ("впланах"), ``half_classes``: the pieces
  of a word speech-to-text split ("брал" of "забрал"; the parts of a hyphenated word, and in
  English the two words of a compound, "head" and "count"), ``pools``: the typo targets;
  ``forms`` also holds a hyphenated word written as one ("winwin", listed in ``glued``).

Candidates come from anchors (jargon.engine.anchors). The first word of a pair *leads*:
a line without a form of a leading class (or a piece of a split word) is passed over with
one C-level test, and on the others the pairs are checked with C-level set operations
(:meth:`CompiledIndex.candidates`). That keeps candidate lookup linear in the text,
whatever the size of the dictionary.

What a decoder learns of the text's word forms is not here but in its
jargon.engine.lexicon.Lexicon, so one index can serve many decoders and be cached on disk
(jargon.engine.cache).
"""
from __future__ import annotations

from collections import defaultdict
from itertools import compress
from operator import not_

from jargon.text.analyzer import Analyzer

from .anchors import choose_anchors, reachable
from .patterns import PHRASE, SET, Pattern
from .tuning import MAX_PIECE_CLASSES, SOUND_TYPO_MIN, STEM_SIM, SYNONYM_SIM, max_typo_distance

NO_CLASS = -1            # the slot of a pattern has no word class


def _halves(word: str) -> set[str]:
    """The 4+-letter pieces a word can be split into: prefixes (2+ letters left over) and
    suffixes (1+ letter left over, as in "вп ланах")."""
    n = len(word)
    return {word[:k] for k in range(4, n - 1)} | {word[k:] for k in range(1, n - 3)}


def _hyphen_parts(word: str, apart: dict[str, set[str]]) -> list[str]:
    """The parts of a hyphenated dictionary word that is also matched glued ("winwin") or
    written apart ("win win"): none when it has no hyphen, or when the dictionaries write its
    parts apart side by side in some phrase, in any form ("level-setting" beside "level set";
    ``apart``: each pattern word -> the words that follow it in some pattern)."""
    parts = word.split("-") if "-" in word else []
    if len(parts) < 2 or all(any(b.startswith(w) or w.startswith(b) for w in apart.get(a, ()))
                             for a, b in zip(parts, parts[1:], strict=False)):
        return []
    return parts


def _compound_pieces(a: Analyzer, words: list[tuple[str, int]], apart: dict[str, set[str]]) -> dict[str, set[int]]:
    """piece -> classes, for each dictionary word made of two real words of four letters or
    more ("headcount": "head" + "count"): the words it is split into when written apart
    ("map" + "ping" is no compound: shorter parts are mostly a word and a suffix). Not when
    some phrase writes the two apart itself ("gave it the green light" beside "greenlight"):
    that phrase says where they are the compound."""
    out: dict[str, set[int]] = defaultdict(set)
    for word, c in words:
        if len(word) < 8 or not word.isalpha():
            continue
        for k in range(4, len(word) - 3):
            first, second = word[:k], word[k:]
            if any(second.startswith(w) or w.startswith(second) for w in apart.get(first, ())):
                continue
            if a.is_known(first) and a.is_known(second):
                out[first].add(c)
                out[second].add(c)
    return out


def _tail(word: str, root: str) -> str:
    """What a word has after its root ("эк" of "фидбэк" after "фидб"; "" when it does not begin so)."""
    return word[len(root):] if word.startswith(root) else ""


def _distinct(classes: tuple[int, ...]) -> tuple[int, ...]:
    """A pattern's word classes, each once, slots left out (``classes`` itself when that is it)."""
    distinct = tuple(dict.fromkeys(c for c in classes if c != NO_CLASS))
    return classes if distinct == classes else distinct


def _shared_values(table: dict) -> dict:
    """``table`` with equal values made one object (a value's items in the same order)."""
    seen: dict = {}
    return {k: seen.setdefault(tuple(v.items()) if isinstance(v, dict) else v, v) for k, v in table.items()}


class CompiledIndex:
    """Lookup structures for one language's patterns (see the module's docstring). Built once
    by the constructor; nothing changes them afterwards (decoders only read them)."""

    __slots__ = ("patterns", "spellings", "class_word", "pclasses", "forms", "stems", "synonym_forms", "roots",
                 "joined", "literals", "single", "pairs", "anchor_classes", "half_classes", "pools", "glued",
                 "prefixes_by_letter", "phrase_classes", "lead_classes", "single_classes", "partner_keys",
                 "pclass_sets", "half_keys", "join_targets", "stem_heads", "sound_words", "__weakref__")

    def __init__(self, analyzer: Analyzer, patterns: list[tuple[int, Pattern]], spellings: dict[str, str],
                 synonyms: dict[str, tuple[str, ...]] | None = None, sets: dict[str, tuple[str, ...]] | None = None,
                 derive: dict[int, str | None] | None = None):
        self.patterns: dict[int, Pattern] = dict(patterns)     # pattern id -> Pattern
        self.spellings = spellings               # normalised other spelling -> normalised word
        self.class_word: list[str] = []                        # class -> the pattern word it stands for
        self.pclasses: dict[int, tuple[int, ...]] = {}         # pattern id -> class per token
        self.forms: dict[str, dict[int, float]] = {}           # form -> {class: similarity}
        self.stems: dict[str, dict[int, float]] = {}           # stem -> {class: similarity}
        self.synonym_forms: dict[str, dict[int, float]] = {}   # synonym's form -> {class: similarity}
        self.roots: dict[str, list[tuple[str, int, str, bool]]] = {}   # root[:3] -> [(root, class, tail, verbs only)]
        self.joined: dict[str, tuple[int, ...]] = {}           # "впланах" -> classes of "в" and "планах"
        self.literals: dict[int, list[int]] = {}               # entry -> literal pattern ids
        self.half_classes: dict[str, tuple[int, ...]] = {}     # piece of a split word -> classes it may be
        self.glued: set[str] = set()                           # hyphenated words written as one ("winwin")
        self._compile(analyzer, synonyms or {}, sets or {}, derive or {})
        self.single, self.pairs, self.anchor_classes = choose_anchors(self.patterns, self.pclasses,
                                                                      analyzer.is_known)
        # typo targets: every dictionary word form, by first letter and length (typos rarely
        # hit the first letter); each pool already holds the lengths within reach
        # (words only literal collocations use need no typo tolerance: they are checked only
        # where a phrase matched)
        phrase_classes = self.phrase_classes = frozenset(
            c for pid, pat in self.patterns.items() if pat.kind == PHRASE for c in self.pclasses[pid])
        buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        # (not a hyphenated word written as one: "netinet" is no typo of "net-net")
        targets = {form for form, cs in self.forms.items()
                   if len(form) > 1 and form not in self.glued and not phrase_classes.isdisjoint(cs)}
        targets.update(alt for alt in self.spellings if " " not in alt)    # "эдженда" for "эджнда"
        for w in sorted(targets):
            buckets[(w[0], len(w))].append(w)
        self.pools: dict[tuple[str, int], list[str]] = {}
        self.sound_words = tuple(w for w in sorted(targets) if len(w) >= SOUND_TYPO_MIN)   # indexed on demand
        for first, n in {(f, n + k) for f, n in buckets for k in range(-3, 4)}:
            d = max_typo_distance(n)
            pool = [w for length in range(n - d, n + d + 1) for w in buckets.get((first, length), ())]
            if d and pool:
                self.pools[(first, n)] = pool
        self.prefixes_by_letter: dict[str, tuple[str, ...]] = {}
        for p in analyzer.prefixes:
            self.prefixes_by_letter[p[0]] = self.prefixes_by_letter.get(p[0], ()) + (p,)
        # leading anchor class -> (phrases it anchors alone, partner classes, partner -> phrases);
        # a class that is only ever the second of a pair leads nothing and is not looked up
        self.lead_classes = frozenset(self.single) | frozenset(self.pairs)
        self.single_classes = frozenset(self.single)
        self.partner_keys = {c: frozenset(self.pairs.get(c, ())) for c in self.lead_classes}
        # a phrase said in full is possible on a line only when all its word classes are
        # there: a C-level subset test instead of weighing
        # (tuples, each class once: a few ints take a quarter of a frozenset's memory, and the
        # set operations of the lookups take any iterable; most are the pattern's own classes)
        self.pclass_sets = _shared_values({pid: _distinct(cl) for pid, cl in self.pclasses.items()})
        self.half_keys = frozenset(self.half_classes)
        # what two words split by speech-to-text may make when joined again
        self.join_targets = frozenset(self.forms) | frozenset(self.joined) | frozenset(self.spellings)
        self.stem_heads = frozenset(stem[:3] for stem in self.stems)

    def _compile(self, a: Analyzer, synonyms: dict[str, tuple[str, ...]], sets: dict[str, tuple[str, ...]],
                 derive: dict[int, str | None]) -> None:
        """Word classes, their lookup keys and the split and glued words of every pattern."""
        forms_of: dict[str, set[str]] = {}
        class_of: dict[tuple[str, bool], int] = {}
        forms: dict[str, dict[int, float]] = defaultdict(dict)
        stems: dict[str, dict[int, float]] = defaultdict(dict)
        synonym_forms: dict[str, dict[int, float]] = defaultdict(dict)
        roots: dict[str, list[tuple[str, int, str, bool]]] = defaultdict(list)
        literals: dict[int, list[int]] = defaultdict(list)
        joined: dict[str, tuple[int, ...]] = {}    # (classes in order, each once; tuples: few per word)

        def inflections(word: str) -> set[str]:
            if word not in forms_of:
                forms_of[word] = a.inflections(word)
            return forms_of[word]

        synonyms_of: dict[str, list[str]] = defaultdict(list)    # a form of a word -> its synonyms
        for word, alts in synonyms.items():
            for f in inflections(a.normalize(word)):
                synonyms_of[f].extend(a.normalize(alt) for alt in alts if len(alt.split()) == 1)
        glued_written: list[tuple[str, str]] = []    # a short word and the next, both as written
        # two words a phrase has side by side: a hyphenated word that some phrase also writes
        # apart ("deep-dive", "deep dive") is left to that phrase and its guards
        apart: dict[str, set[str]] = defaultdict(set)
        for p in self.patterns.values():
            for first, second in zip(p.tokens, p.tokens[1:], strict=False):
                apart[first.word].add(second.word)
        for pid, pat in self.patterns.items():
            classes = []
            for tok in pat.tokens:
                if tok.slot:
                    classes.append(NO_CLASS)
                    continue
                key = (tok.word, pat.inflect)
                c = class_of.get(key)
                if c is None:
                    c = class_of[key] = len(class_of)
                    self.class_word.append(tok.word)
                    words = {tok.word}
                    if tok.kind == SET:       # {tech}: every form of every word of the set
                        words = set().union(*(inflections(a.normalize(w)) for w in sets.get(tok.word[1:-1], ())))
                    elif pat.inflect:
                        words = inflections(tok.word)
                        stem = a.stem(tok.word)
                        if stem:
                            stems[stem][c] = STEM_SIM
                    for f in words:
                        forms[f][c] = 1.0
                    # a hyphenated word is also written as one ("winwin"), or apart ("win win":
                    # the split-word pieces below let the line rejoin it)
                    for f in [f for f in words if "-" in f and _hyphen_parts(f, apart)]:
                        forms[f.replace("-", "")].setdefault(c, 1.0)
                        self.glued.add(f.replace("-", ""))
                    # a borrowing the analyser does not know ("фоллоуап") also matches the words
                    # derived from it ("фоллоуапчик", "челленджащий"), as a derive entry would; a
                    # borrowed verb its verbs only ("закоммитились", not git's "коммит")
                    if pat.inflect and tok.kind != SET and len(tok.word) >= 5 and not a.is_known(tok.word):
                        root = a.derivation_root(tok.word)
                        # a three-letter root only under a verb suffix ("лук" of "лукнуть")
                        if len(root) >= 4 or (len(root) == 3 and len(tok.word) - len(root) >= 3):
                            roots[root[:3]].append((root, c, _tail(tok.word, root), a.is_verb(tok.word)))
                    for alt in synonyms_of.get(tok.word, ()):
                        for f in inflections(alt) if pat.inflect else {alt}:
                            if c not in forms.get(f, ()):
                                synonym_forms[f][c] = SYNONYM_SIM
                classes.append(c)
            self.pclasses[pid] = tuple(classes)
            if pat.entry in derive and pat.kind == PHRASE and len(pat.words) == 1:
                (j,) = pat.words
                word = pat.tokens[j].word
                root = a.normalize(derive[pat.entry] or "") or a.derivation_root(word)
                item = (root, classes[j], _tail(word, root), False)     # the whole family, as asked
                if len(root) >= 3 and item not in roots[root[:3]]:
                    roots[root[:3]].append(item)
            if pat.kind != PHRASE:
                literals[pat.entry].append(pid)
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
                    glued = joined.get(first.word + f, ())
                    joined[first.word + f] = glued + tuple(c for c in dict.fromkeys((classes[j], classes[j + 1]))
                                                           if c not in glued)
        # a piece of a word that speech-to-text split ("брал" of "забрал") makes the word
        # possibly present on a line; so does a part of a spelling written as two words
        # (words only literal collocations use need none: those are checked where a phrase matched)
        phrase_classes = {c for pid, pat in self.patterns.items() if pat.kind == PHRASE for c in self.pclasses[pid]}
        half_classes: dict[str, set[int]] = defaultdict(set)
        for (word, _), c in class_of.items():
            if c in phrase_classes:
                for piece in _halves(word):
                    half_classes[piece].add(c)
                parts = _hyphen_parts(word, apart)
                for piece in parts if len(set(parts)) == len(parts) else ():   # ("net net" is no "net-net")
                    if len(piece) >= 3:
                        half_classes[piece].add(c)
                # a three-letter end that is no word of its own ("пла нах" of "планах")
                for piece in {word[:3], word[-3:]} if len(word) >= 6 else ():
                    if not a.is_known(piece):
                        half_classes[piece].add(c)
        for short, nxt in glued_written:             # "вп ланах" is "впланах" split elsewhere
            together = short + nxt
            for piece in _halves(together) - {short, nxt}:    # split where it was glued: two words
                half_classes[piece].update(c for c in joined[together] if c in phrase_classes)
        for alt, word in self.spellings.items():
            parts = alt.split()
            pieces = parts if len(parts) > 1 else _halves(alt)    # "а джэнда": a spelling split too
            for c in forms.get(word, {}):
                if len(parts) > 1 or c in phrase_classes:
                    for piece in pieces:
                        half_classes[piece].add(c)
        # a piece shared by many words ("пере", "ировать") tells nothing; a word of a compound
        # written apart ("head" of "head count") still stands for its compounds
        compounds = _compound_pieces(a, [(w, c) for (w, _), c in class_of.items() if c in phrase_classes],
                                     apart) if a.compounds_apart else {}
        self.half_classes = {k: tuple(v) for k, v in half_classes.items() if len(v) <= MAX_PIECE_CLASSES}
        for piece, of_piece in compounds.items():
            self.half_classes[piece] = tuple(set(self.half_classes.get(piece, ())) | of_piece)
        # plain dicts: picklable, and lookups never grow them; equal values are one object
        # (all the forms of a word, every glued form of a pair: most of a large index)
        self.forms, self.stems = _shared_values(forms), _shared_values(stems)
        # (a glued word's classes as a tuple: each matches with similarity 1.0)
        self.synonym_forms = _shared_values(synonym_forms)
        self.joined = _shared_values(joined)
        self.roots, self.literals = dict(roots), dict(literals)
        self.pclasses = _shared_values(self.pclasses)

    # -- candidates -----------------------------------------------------------------
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
        patterns, pclasses, pclass_sets = self.patterns, self.pclasses, self.pclass_sets
        for pid in pids:
            pat = patterns[pid]
            # a phrase said in full: a subset test
            if present.issuperset(pclass_sets[pid]) if pat.required_all else reachable(pat, pclasses[pid], present):
                out.add(pid)
        return out
