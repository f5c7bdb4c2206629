"""Inflected vocabulary for the benchmark corpus, built with pymorphy3.

Lemmas come from wordlists.py (frequent, listed by hand) followed by a long tail
harvested deterministically from pymorphy3's own dictionary. Each lemma is turned
into a table of its forms (noun: case x number; adjective: case x number x gender;
verb: infinitive, past, present/future, imperative), so the corpus generator can
make words agree. Lemmas are drawn with a Zipf-Mandelbrot law over their rank.
"""
from __future__ import annotations

import bisect
import random
import re
from dataclasses import dataclass, field
from functools import lru_cache

import wordlists as W

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_SKIP_GRAMMEMES = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "Infr", "Slng", "Arch", "Litr",
                   "Erro", "Dist", "Fixd", "Init", "Vpre", "Poss"}
_CYRILLIC_LEMMA = re.compile(r"^[а-я]{4,13}$")


@lru_cache(maxsize=1)
def morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@dataclass
class Noun:
    lemma: str
    forms: dict          # (case, number) -> word
    gender: str | None   # masc/femn/neut; None for plural-only nouns


@dataclass
class Adjective:
    lemma: str
    forms: dict          # (case, number, gender or None) -> word


@dataclass
class Verb:
    lemma: str
    inf: str
    past: dict = field(default_factory=dict)   # masc/femn/neut/plur -> word
    pres: dict = field(default_factory=dict)   # (person, number) -> word (future for perfectives)
    impr: dict = field(default_factory=dict)   # number -> word


def _parse_as(word: str, pos: str):
    """The parse of ``word`` as a lemma of part of speech ``pos`` (None when there is none)."""
    best = None
    for p in morph().parse(word):
        if p.tag.POS != pos or p.normal_form != word:
            continue
        if pos == "NOUN" and not ({"nomn"} <= p.tag.grammemes and ("sing" in p.tag or "Pltm" in p.tag)):
            continue
        if best is None:
            best = p
        if pos == "NOUN" and "inan" in p.tag:   # inanimate readings first (simpler accusative)
            best = p
            break
        if pos != "NOUN":
            break
    return best


def noun(word: str) -> Noun | None:
    if not re.fullmatch(r"[а-яё-]+", word):
        return None
    p = _parse_as(word, "NOUN")
    if p is None:
        return None
    forms = {}
    for f in p.lexeme:
        if f.tag.POS == "NOUN" and f.tag.case in CASES:
            forms.setdefault((f.tag.case, f.tag.number), f.word)
    if ("nomn", "sing") not in forms and ("nomn", "plur") not in forms:
        return None
    return Noun(word, forms, p.tag.gender if ("nomn", "sing") in forms else None)


def adjective(word: str) -> Adjective | None:
    p = _parse_as(word, "ADJF")
    if p is None:
        return None
    forms = {}
    for f in p.lexeme:
        t = f.tag
        if t.POS != "ADJF" or "Supr" in t or "anim" in t or t.case not in CASES:
            continue
        forms.setdefault((t.case, t.number, t.gender if t.number == "sing" else None), f.word)
    return Adjective(word, forms) if len(forms) >= 12 else None


def verb(word: str) -> Verb | None:
    p = _parse_as(word, "INFN")
    if p is None:
        return None
    v = Verb(word, word)
    for f in p.lexeme:
        t = f.tag
        if t.POS != "VERB":
            continue
        if t.tense == "past":
            v.past.setdefault(t.gender if t.number == "sing" else "plur", f.word)
        elif t.tense in ("pres", "futr") and t.person:
            v.pres.setdefault((t.person, t.number), f.word)
        elif t.mood == "impr" and "incl" not in t:
            v.impr.setdefault(t.number, f.word)
    return v if v.past and v.pres else None


def harvest_tail(seed: int, nouns: int, adjectives: int, verbs: int) -> tuple[list, list, list]:
    """Rarer lemmas from pymorphy3's dictionary, the same ones for the same seed and dictionary version."""
    rng = random.Random(seed)
    consonants, vowels = "бвгдзклмнпрстфхчш", "аеиоу"
    prefixes = [a + b + c for a in consonants for b in vowels for c in consonants + "аеиоу"]
    rng.shuffle(prefixes)
    want = {"NOUN": nouns, "ADJF": adjectives, "INFN": verbs}
    got: dict[str, list] = {"NOUN": [], "ADJF": [], "INFN": []}
    seen: set[str] = set()
    for prefix in prefixes:
        if all(len(got[k]) >= want[k] for k in want):
            break
        quota = {"NOUN": 4, "ADJF": 2, "INFN": 2}
        for i, (word, tag, _normal, _para, idx) in enumerate(morph().dictionary.iter_known_words(prefix)):
            if i > 1500 or not any(quota.values()):
                break
            pos = tag.POS
            if idx != 0 or pos not in quota or not quota[pos] or len(got[pos]) >= want[pos]:
                continue
            if word in seen or word in W.RESERVED or not _CYRILLIC_LEMMA.match(word) or tag.grammemes & _SKIP_GRAMMEMES:
                continue
            if pos == "NOUN" and "anim" in tag:
                continue
            seen.add(word)
            quota[pos] -= 1
            got[pos].append(word)
    return got["NOUN"], got["ADJF"], got["INFN"]


class Zipf:
    """Draws items by rank with probability proportional to 1 / (rank + q) ** s."""

    def __init__(self, items: list, s: float = 1.05, q: float = 2.7):
        self.items = items
        total, self.cum = 0.0, []
        for rank in range(1, len(items) + 1):
            total += 1.0 / (rank + q) ** s
            self.cum.append(total)
        self.total = total

    def draw(self, rng: random.Random):
        return self.items[bisect.bisect_left(self.cum, rng.random() * self.total)]


def _unique(words):
    seen, out = set(), []
    for w in words:
        if w not in seen and w not in W.RESERVED:
            seen.add(w)
            out.append(w)
    return out


class Vocabulary:
    """Every lemma table the corpus generator draws from."""

    def __init__(self, seed: int, tail: tuple[int, int, int] = (2600, 1300, 1300)):
        rng = random.Random(seed)
        tail_n, tail_a, tail_v = harvest_tail(seed, *tail)
        # the corporate words of the synthetic dictionary turn up in talk too, at middling ranks
        corp_n = [w for w in W.CORP_NOUNS if re.fullmatch(r"[а-яё]+", w)]
        corp_v = list(W.CORP_VERBS)
        core_n = _unique(W.NOUNS + W.ANIMATE_NOUNS)
        core_v = _unique(W.VERBS)
        rng.shuffle(corp_n)
        rng.shuffle(corp_v)
        rng.shuffle(tail_n)
        rng.shuffle(tail_a)
        rng.shuffle(tail_v)
        noun_words = _unique(core_n[:150] + corp_n[:40] + core_n[150:] + corp_n[40:] + tail_n)
        verb_words = _unique(core_v[:80] + corp_v[:20] + core_v[80:] + corp_v[20:] + tail_v)
        adj_words = _unique(W.ADJECTIVES + W.CORP_ADJECTIVES + tail_a)
        self.nouns = Zipf([n for n in map(noun, noun_words) if n], s=1.15)
        self.adjectives = Zipf([a for a in map(adjective, adj_words) if a], s=1.15)
        self.verbs = Zipf([v for v in map(verb, verb_words) if v], s=1.15)
        self.adverbs = Zipf(_unique(W.ADVERBS))

    def sizes(self) -> dict:
        return {"nouns": len(self.nouns.items), "adjectives": len(self.adjectives.items),
                "verbs": len(self.verbs.items), "adverbs": len(self.adverbs.items)}


def inflect_name(name: str, case: str) -> str:
    """A person's name (one to three words) in ``case``, capitalised: ("Андрей Викторович", "ablt")."""
    out = []
    for w in name.split():
        parses = [p for p in morph().parse(w)
                  if p.tag.grammemes & {"Name", "Surn", "Patr"} and "nomn" in p.tag and p.tag.number == "sing"]
        p = parses[0] if parses else morph().parse(w)[0]
        form = p.inflect({case})
        out.append(form.word.capitalize() if form else w)
    return " ".join(out)


def inflect_word(word: str, grammemes: set[str], pos: str = "ADJF") -> str:
    p = _parse_as(word, pos)
    form = p.inflect(set(grammemes)) if p else None
    return form.word if form else word
