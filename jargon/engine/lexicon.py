"""What one decoder has learnt of the text word forms it met, on top of a compiled index.

A :class:`Lexicon` pairs a language's analyser with its immutable
:class:`~jargon.engine.index.CompiledIndex` (built once from the dictionaries, shared and
cached on disk) and keeps, per decoder, what each text word form means to that index: its
classes with a similarity each (``cache``, ``sets``), by which rule it got each class
(``how``: form, stem, synonym, spelling, translit, homoglyph, prefix, typo, joined, derived;
``--explain`` shows it, and a one-word phrase in a line of another script counts only
through a listed spelling), and what the analyser said of it (``weights``, ``persons``,
``grammars``, ``sound_keys``).

A text word form is analysed once into its classes. Before the lookup it may be rewritten:
a dictionary spelling ("follow-up" -> "фоллоуап"), transliteration of Latin-script Russian
("zagruz"), a Latin stem with a Russian suffix ("challenge-ить"), a stripped verb prefix
("почелленджил"), a typo corrected to the nearest dictionary word form ("калеги" ->
"коллеги", only for words the analyser does not know), or two words glued by
speech-to-text ("впланах").

The scan (:meth:`Lexicon.scan_block`) finds, with C-level passes, the lines holding a form
of a leading anchor class or a piece of a split word; only those cost Python work, and the
index's :meth:`~jargon.engine.index.CompiledIndex.candidates` gives their candidate phrases.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress, count
from operator import not_

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from jargon.text.analyzer import Analyzer

from .anchors import reachable
from .index import NO_CLASS, CompiledIndex
from .patterns import Pattern, capitalised_words
from .tuning import (
    DERIVED_SIM,
    HOMOPHONE_RATIO,
    HOMOPHONE_SIM,
    PREFIX_SIM,
    SOUND_TYPO_MIN,
    TRANSLIT_SIM,
    TYPO_EXTRA_FIRST_MIN,
    TYPO_SIM_MAX,
    TYPO_SIM_MIN,
    max_typo_distance,
)

__all__ = ["LOOSE", "NO_CLASS", "CompiledIndex", "Lexicon", "reachable"]

_NONE: frozenset[int] = frozenset()
_MIXED = re.compile(r"^([a-z]+)['-]([^\W\da-z_]+)$")   # "challenge-ить", "challenge'ить"
_HAS_LETTER = re.compile(r"[^\W\d_]")
_OTHER_LETTER = re.compile(r"[^\W\da-z_]")     # a letter that is not Latin
_LATIN_LETTER = re.compile(r"[a-z]")
LOOSE = ("stem", "derived")       # readings of a word by another word's stem or root (they leave
#                                   room for a typo correction to a third word)
_PLAIN_WORD = re.compile(r"[a-zа-я0-9'-]+$")   # lower-case, no "ё", no accents: already normal


def _note(hits: dict[int, float], sim: float, out: dict[int, float], how: dict[int, str], why: str) -> None:
    """Add the classes ``hits`` (class -> similarity), times ``sim``, to ``out`` where they
    are better than what it has, each noted in ``how`` with the rule ``why``."""
    for c, s in hits.items():
        s *= sim
        if s > out.get(c, 0.0):
            out[c] = s
            how[c] = why


class Lexicon:
    """One decoder's view of a language: the analyser, the shared compiled ``index`` and the
    cache of the text word forms met so far (see the module's docstring). Picklable."""

    def __init__(self, analyzer: Analyzer, index: CompiledIndex):
        self.analyzer = analyzer
        self.index = index
        self.cache: dict[str, dict[int, float]] = {}             # text form -> {class: sim}
        self.how: dict[str, dict[int, str]] = {}                  # text form -> {class: rule}
        self.sets: dict[str, frozenset[int]] = {}                 # text form -> its classes
        self.weights: dict[str, float] = {}
        self.persons: dict[tuple, bool] = {}
        self.grammars: dict[tuple[str, str], bool] = {}        # (text form, "noun:gen") -> the analyser's reading
        self.slot_grammars: dict[str, str | None] = {}      # a person slot's placeholder -> the noun slot it stands for
        self.sound_of: dict[str, str] | None = None           # sound key -> a long dictionary word (on demand)
        self.sound_keys: dict[int, frozenset[str]] = {}          # class -> how its forms sound (made on demand)
        # homophone key -> the phrases' word forms pronounced so (on demand; None: the language has none)
        self.homophones: dict[str, tuple[str, ...]] | None = None
        self.hears_homophones = type(analyzer).homophone_key is not Analyzer.homophone_key
        self.suspect_forms: set[str] = set()    # text forms with a class found as a typo or a transliteration
        self._acronyms: frozenset[str] | None = None     # (see acronyms)
        # text forms of a leading class seen so far, and pieces of split words: a line with
        # none of them holds no phrase
        self.hot_forms: set[str] = set(index.half_keys)

    # -- the index's tables, as the line stages read them ---------------------------
    @property
    def patterns(self) -> dict[int, Pattern]:
        return self.index.patterns

    @property
    def pclasses(self) -> dict[int, tuple[int, ...]]:
        return self.index.pclasses

    @property
    def pclass_sets(self) -> dict[int, tuple[int, ...]]:
        return self.index.pclass_sets

    @property
    def literals(self) -> dict[int, list[int]]:
        return self.index.literals

    @property
    def class_word(self) -> list[str]:
        return self.index.class_word

    @property
    def spellings(self) -> dict[str, str]:
        return self.index.spellings

    @property
    def forms(self) -> dict[str, dict[int, float]]:
        return self.index.forms

    @property
    def half_classes(self) -> dict[str, tuple[int, ...]]:
        return self.index.half_classes

    @property
    def join_targets(self) -> frozenset[str]:
        return self.index.join_targets

    @property
    def anchor_classes(self) -> set[int]:
        return self.index.anchor_classes

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
            if not self.index.lead_classes.isdisjoint(found):
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
        pieces = forms & self.index.half_keys
        present = set().union(*map(sets.__getitem__, forms))
        if not pieces:
            return self.candidates(present), False
        from_pieces = set().union(*map(self.index.half_classes.__getitem__, pieces))
        maybe = self.candidates(present | from_pieces)
        # rejoining matters only for phrases with a word a piece may complete
        pclass_sets = self.index.pclass_sets
        return maybe, any(not from_pieces.isdisjoint(pclass_sets[pid]) for pid in maybe)

    def candidates(self, present: set[int]) -> set[int]:
        """Phrase patterns that the word classes on a line may complete (the index's lookup)."""
        return self.index.candidates(present)

    def possible(self, pids: set[int], present: set[int]) -> set[int]:
        """Those of ``pids`` that the word classes ``present`` on a line may complete."""
        return self.index.possible(pids, present)

    def _lookup(self, form: str, sim: float, out: dict[int, float], how: dict[int, str], rule: str) -> None:
        """Classes of ``form`` as a dictionary form, a synonym's form or by its stem, each
        noted in ``how`` with ``rule`` (or "stem"/"synonym" when that is what matched)."""

        index = self.index
        hits = index.forms.get(form)
        if hits:
            _note(hits, sim, out, how, rule)
        hits = index.synonym_forms.get(form)
        if hits:
            _note(hits, sim, out, how, "synonym" if rule == "form" else rule)
        # stems are word beginnings: skip the stemmer unless one could match
        if form[:3] in index.stem_heads and _HAS_LETTER.search(form):
            stem = self.analyzer.stem(form)
            hits = index.stems.get(stem) if stem else None
            if hits:
                _note(hits, sim, out, how, "stem" if rule == "form" else rule)

    def sound_index(self) -> dict[str, str]:
        """How the long dictionary words sound -> one of them (made on first use)."""
        index = self.sound_of
        if index is None:
            key = self.analyzer.sound_key
            index = self.sound_of = {key(w): w for w in reversed(self.index.sound_words)}
        return index

    def sounds_like(self, form: str, c: int) -> bool:
        """Whether text ``form`` sounds like a form of class ``c`` (the analyser's sound key)."""
        keys = self.sound_keys.get(c)
        if keys is None:       # once per class: the forms of a class are not indexed by class
            keys = self.sound_keys[c] = frozenset(
                self.analyzer.sound_key(f) for f, classes in self.index.forms.items() if c in classes)
        return self.analyzer.sound_key(form) in keys

    def _readings(self, form: str) -> list[tuple[str, str]]:
        """``(reading, rule)``: the form itself, and what its hyphens or apostrophes hide:
        "фоллоу-ап", "challenge-ить" (a Latin spelling with a Russian ending), a clitic
        ("адженда-то"), a reduplication ("подсвечивали-подсвечивали", "большой-пребольшой"); then
        listed spellings."""
        out = [(form, "form")]
        if "-" in form or "'" in form:
            out.append((form.replace("-", "").replace("'", ""), "form"))
            m = _MIXED.match(form)
            if m and m.group(1) in self.index.spellings:   # "challenge-ить" -> "челлендж" + "ить"
                out.append((self.index.spellings[m.group(1)] + m.group(2), "spelling"))
            parts = form.split("-")
            if len(parts) == 2 and parts[1].endswith(parts[0]) and len(parts[0]) >= 3:
                out.append((parts[0], "form"))     # "большой-пребольшой" too
            for clitic in self.analyzer.clitics:
                if form.endswith(clitic) and len(form) > len(clitic) + 2:
                    out.append((form[:-len(clitic)], "form"))
        for reading, _ in out[:2]:
            if reading in self.index.spellings:
                out.append((self.index.spellings[reading], "spelling"))
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
        if "-" in form or "'" in form or form in self.index.spellings:
            for reading, rule in self._readings(form):
                self._lookup(reading, 1.0, found, how, rule)
        else:                                          # most words: the form itself only
            self._lookup(form, 1.0, found, how, "form")
        if not found:
            # Latin-script Russian ("zagruz", "bolshoy" ~ "большой"); in a line mostly in Latin
            # letters a one-word phrase does not count this way ("Collect" is not "Коллеги!")
            # a word mixing scripts has look-alike letters in it ("кoллеги" with a Latin "o"),
            # a word all in another script is a transliteration
            latin = a.transliterate(form)      # (none for most words)
            kind = "homoglyph" if latin and _OTHER_LETTER.search(form) else "translit"
            readings = [(self.index.spellings[t], "spelling") if t in self.index.spellings else (t, kind)
                        for t in latin]
            for t, rule in readings:
                self._lookup(t, TRANSLIT_SIM, found, how, rule)
            if not found:
                for t, _ in readings:      # a word with look-alike letters that the analyser knows is itself
                    if t.endswith("ь") and t[:-1] in latin:
                        continue           # a soft sign Latin letters dropped is read as written, never corrected
                    if kind != "homoglyph" or not a.is_known(t):    # ("закуpить" is no typo of "расшарить")
                        self._typo(t, TRANSLIT_SIM, found, how, kind)
            if not found and kind == "translit":
                for t, _ in readings:      # a prefixed or derived word in Latin letters ("zachellendzhim")
                    read, read_how = self.classes(t), self.how.get(t, {})
                    for c, s in read.items():
                        if read_how.get(c) in ("prefix", "derived") and s * TRANSLIT_SIM > found.get(c, 0.0):
                            found[c], how[c] = s * TRANSLIT_SIM, kind
        if not found and form in self.index.joined:
            found.update(dict.fromkeys(self.index.joined[form], 1.0))
            how.update(dict.fromkeys(found, "joined"))
        if self.index.roots and len(form) >= 4:
            self._derived(form, found, how)           # "профакапили" -> "факап" (beside a stem hit too)
        if not found and self.hears_homophones and a.is_known(form):
            self._homophone(form, found, how)          # "tiger teem": a real word heard as the phrase's
        if self.hears_homophones and len(form) <= 3 and a.is_known(form):
            self._short_homophone(form, found, how)    # "take it of line": "of" heard for "off"
        # a word read as a phrase's word is done, unless only loosely: a word the analyser does not
        # know read by its stem ("фолоуап" ~ "фолоуапить") may be a typo of another one ("фоллоуап")
        # (a word only a literal collocation knows may still be a typo of a phrase's)
        phrase_classes = self.index.phrase_classes
        if len(form) < 4:
            if not found and len(form) >= 2 and form.isalpha() and not a.is_known(form):
                self._short_typo(form, found, how)      # "teh" for "the", "dve" for "dive"
            return found
        if any(c in phrase_classes and how.get(c) not in LOOSE for c in found):
            return found
        rests = [form[len(p):] for p in self.index.prefixes_by_letter.get(form[0], ())
                 if form.startswith(p) and len(form) - len(p) >= 5] \
            if len(form) >= 6 and _HAS_LETTER.search(form) else []
        if (not rests and not self._typo_pools(form)) or a.is_known(form):
            return found      # nothing to correct it to; and a real word of the language is
            #                   neither a typo nor an unknown verb form
        # what the prefix and typo rules find adds other words only: what was read stays as it was
        more: dict[int, float] = {}
        more_how: dict[int, str] = {}
        for rest in rests:                            # "почелленджил" -> "челленджил"
            self._lookup(rest, PREFIX_SIM, more, more_how, "prefix")
            if more:
                break
        if not more:
            self._typo(form, 1.0, more, more_how)         # "калеги" -> "коллеги"
        for rest in rests if not more else ():        # "почелленжу" -> "челленджу"
            if len(rest) >= 6:
                self._typo(rest, PREFIX_SIM, more, more_how)
                if more:
                    break
        for c in more:
            if c not in found:
                found[c], how[c] = more[c], more_how[c]
        return found

    def _homophone(self, form: str, found: dict[int, float], how: dict[int, str]) -> None:
        """A real word pronounced like a word of a phrase as the dictionary writes it, and written
        much like it, a letter longer or shorter at most ("roe" for "row", "teem" for "team";
        not "palette" for "plate"): that word, at HOMOPHONE_SIM (rule
        "homophone"). Only the closest such word, and none when two are as close: a homophone
        reading never fills two words of a phrase ("paint" is no "pain point")."""
        key = self.analyzer.homophone_key(form)
        if key is None:
            return
        if self.homophones is None:
            by_key: dict[str, list[str]] = {}
            for c in self.index.phrase_classes:
                word = self.index.class_word[c]
                k = self.analyzer.homophone_key(word) if " " not in word else None
                if k is not None:
                    by_key.setdefault(k, []).append(word)
            self.homophones = {k: tuple(sorted(set(v))) for k, v in by_key.items()}
        near = sorted(((fuzz.ratio(form, t), t) for t in self.homophones.get(key, ())
                       if t != form and abs(len(t) - len(form)) <= 1), reverse=True)
        if near and near[0][0] >= HOMOPHONE_RATIO and (len(near) == 1 or near[1][0] < near[0][0]):
            self._lookup(near[0][1], HOMOPHONE_SIM, found, how, "homophone")

    def _short_homophone(self, form: str, found: dict[int, float], how: dict[int, str]) -> None:
        """A short real word that is a word of a phrase with its last letter said once ("of"
        for "off" in "take it of line"), at HOMOPHONE_SIM (rule "homophone"): too short for a
        homophone key, and counted only inside a phrase (CandidateLine.rejected)."""
        target = form + form[-1]
        if form.isalpha() and target in self.index.forms and not self.index.phrase_classes.isdisjoint(
                self.index.forms[target]):
            self._lookup(target, HOMOPHONE_SIM, found, how, "homophone")

    def _derived(self, form: str, found: dict[int, float], how: dict[int, str]) -> None:
        """A word the analyser does not know, built on the root of a one-word ``derive`` entry:
        any of the language's prefixes, the root (its last consonant may alternate:
        "фидбэк" -> "фидбэчить"), and an ending the analyser accepts as derivational."""
        a, roots = self.analyzer, self.index.roots
        bases = [form] if form[:3] in roots else []
        bases += [form[len(p):] for p in self.index.prefixes_by_letter.get(form[0], ())
                  if form.startswith(p) and form[len(p):len(p) + 3] in roots]
        if not bases:
            return
        hits = []
        for base in bases:
            for root, c, tail, verbal in self.index.roots.get(base[:3], ()):
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
                if any(a.derived_ending(r, verbal) for r in rests) and DERIVED_SIM > found.get(c, 0.0):
                    hits.append(c)
        if hits and not a.is_known(form):         # a real word is never derived ("таскали" from "таск")
            for c in hits:
                found[c] = DERIVED_SIM
                how[c] = "derived"

    def _typo_pools(self, form: str) -> list[list[str]]:
        """The dictionary words ``form`` may be a damaged spelling of, pool by pool in the order
        tried: words of its first letter and about its length; of the other vowel when an
        unstressed first one was heard as another ("оджента" for "аджента"); of its second
        letter, one shorter, when a letter too many stands before the word ("ваадженда")."""
        n = len(form)
        keys = [(form[:1], n)]
        other = self.analyzer.initial_alternates.get(form[:1])
        if other is not None:
            keys.append((other, n))
        if n > TYPO_EXTRA_FIRST_MIN:
            keys.append((form[1:2], n - 1))
        pools = self.index.pools
        return [pools[k] for k in keys if k in pools]

    def _short_typo(self, form: str, found: dict[int, float], how: dict[int, str]) -> None:
        """A word of two or three letters the analyser does not know, one edit from a word of a
        phrase: two letters swapped ("teh" for "the", "fo" for "of"); in three letters with a
        vowel, also a vowel dropped ("dve" for "dive"), or a doubled letter ("mee" for "me").
        Never one letter changed, and no other letter dropped or added: short abbreviations
        are that far from many words ("buf" is no "buy", "pst" no "past", "ios" no "is"); never
        a word the dictionaries write in capitals ("nda" is no "DNA"). Too short for the pools
        of :meth:`_typo`, which need a word of four letters or more."""
        near = {form[:k] + form[k + 1] + form[k] + form[k + 2:] for k in range(len(form) - 1)}
        vowels = self.analyzer.vowels
        if len(form) == 3:
            near |= {form[:k] + form[k + 1:] for k in range(2) if form[k] == form[k + 1]}
            if any(ch in vowels for ch in form):
                near |= {form[:k] + ch + form[k:] for k in range(4) for ch in vowels}
        near.discard(form)
        phrase_classes, acronyms = self.index.phrase_classes, self.acronyms()
        for target in sorted(near - acronyms):
            hits = self.index.forms.get(target)
            if hits and not phrase_classes.isdisjoint(hits):
                similarity = max(TYPO_SIM_MIN, min(TYPO_SIM_MAX, fuzz.ratio(form, target) / 100.0))
                _note({c: s for c, s in hits.items() if c in phrase_classes}, similarity, found, how, "typo")

    def acronyms(self) -> frozenset[str]:
        """The words the dictionaries write in capitals ("DNA", "ПО"), normalised (made once)."""
        if self._acronyms is None:
            text = "\n".join(p.text for p in self.index.patterns.values())
            self._acronyms = frozenset(capitalised_words(text))
        return self._acronyms

    def _typo(self, form: str, sim: float, found: dict[int, float], how: dict[int, str], rule: str = "typo") -> None:
        """Correct ``form`` to the nearest dictionary word forms within a few edits (rapidfuzz;
        two letters swapped are one edit).

        Only called for words the analyser does not know: a real word ("коллега") is
        never a typo of a dictionary word ("коллеги").
        """
        if not _HAS_LETTER.search(form):
            return
        d = max_typo_distance(len(form))
        best: list = []
        for pool in self._typo_pools(form):       # the first pool with a word near enough decides
            best = process.extract(form, pool, scorer=OSA.distance, score_cutoff=d, limit=8)
            if best:
                break
        if not best:
            # more edits than allowed, but heard alike ("чилинджить" for "челленджить")
            target = self.sound_index().get(self.analyzer.sound_key(form)) if len(form) >= SOUND_TYPO_MIN else None
            if target is not None:
                self._lookup(self.index.spellings.get(target, target), sim * TYPO_SIM_MIN, found, how, rule)
            return
        nearest = best[0][1]
        for target, distance, _ in best:      # every word at the nearest distance ("коллег", "коллеги")
            if distance == nearest:
                similarity = max(TYPO_SIM_MIN, min(TYPO_SIM_MAX, fuzz.ratio(form, target) / 100.0))
                self._lookup(self.index.spellings.get(target, target), sim * similarity, found, how, rule)
