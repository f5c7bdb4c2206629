"""One-word candidates: anglicisms in Russian morphology, and words used far more here than in general language.

Keyness is Dunning's log-likelihood of the word's count here against the count general
language predicts (its frequency in the reference, :mod:`.reference`, summed over the forms
seen, times the number of words here); a word must be significant (G2 >= 15.13, p < 0.0001)
and said at least :data:`MIN_RATIO` (log2) times more often than predicted. The score is that
log ratio, so a coinage general language never uses outranks a domain word it uses now and
then (договор, смена: said often here, but common enough everywhere). Names (capitalised inside
a sentence, or that pymorphy3 tags as names, places, organisations) and product names are
kept down, not hidden.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from .anglicisms import english_root
from .candidates import Candidate, build, dispersed, speakers_of, spread_bonus
from .reference import Reference
from .scan import Scan

MIN_LL = 15.13           # G2 for p < 0.0001 (one degree of freedom)
MIN_RATIO = 3.0          # log2 of said / predicted
NAME_PENALTY = 8.0       # names and product names: kept down
KNOWN_PENALTY = 2.0      # a known Russian word that general language uses (zipf >= 3): likely a domain word
KNOWN_FREQUENCY = 1e-6
ANGLICISM_BONUS = 2.0
MIN_LENGTH = 3
MIN_COUNT = 3
_CYRILLIC = re.compile(r"[а-яё]")
_DIGIT = re.compile(r"\d")


def log_likelihood(said: int, predicted: float) -> float:
    """G2 of a count against a Poisson expectation (the reference is far larger than the corpus)."""
    if said <= 0 or predicted <= 0:
        return 0.0
    return 2 * (said * math.log(said / predicted) - (said - predicted))


def word_candidates(scan: Scan, ref: Reference, analyzer) -> list[Candidate]:
    """Anglicisms and key words of the scan, scored (not yet ranked)."""
    lemmas: dict[str, list[int]] = defaultdict(list)
    roots: dict[str, list[int]] = defaultdict(list)
    english: dict[str, str] = {}
    found: dict[str, tuple[str, str, str] | None] = {}
    verbal: set[str] = set()
    for i, tok in enumerate(scan.tokens):
        if tok.covered or len(tok.form) < MIN_LENGTH or _DIGIT.search(tok.form):
            continue
        info = scan.words[tok.form]
        if info.light:
            continue
        # pymorphy3 does not know it, or knows a Russian homonym general language never says (запушить)
        if _CYRILLIC.search(tok.form) and (not info.known or (info.verb and tok.form not in ref)):
            if tok.form not in found:
                found[tok.form] = english_root(tok.form, analyzer)
            hit = found[tok.form]
            if hit is not None:
                root = hit[0] + hit[1]
                roots[root].append(i)
                english[root] = hit[2]
                verbal.update([root] if info.verb else [])
                continue
        lemmas[_group(tok.form, info.known, tok.lemma, analyzer)].append(i)
    out = []
    for root in [r for r in roots if r not in verbal]:     # Russian verb morphology on the root, else a term
        for i in roots.pop(root):
            tok = scan.tokens[i]
            lemmas[_group(tok.form, False, tok.lemma, analyzer)].append(i)
    for root, idx in roots.items():
        lemma = headword(scan, idx, root)
        cand = _scored(scan, ref, idx, lemma, "anglicism", ANGLICISM_BONUS - _penalty(scan, ref, idx), english[root])
        if cand is not None:
            out.append(cand)
    for lemma, idx in lemmas.items():
        if lemma.startswith("~"):
            lemma = headword(scan, idx)
        cand = _scored(scan, ref, idx, lemma, "term", -_penalty(scan, ref, idx))
        if cand is not None:
            out.append(cand)
    return out


def _group(form: str, known: bool, lemma: str, analyzer) -> str:
    """What groups a word's forms: its lemma; for a word pymorphy3 does not know, whose guesses of
    the lemma vary by form, its stem."""
    return lemma if known else "~" + (analyzer.stem(form) or form)


def headword(scan: Scan, idx: list[int], root: str = "") -> str:
    """The lemma to show for forms pymorphy3 does not know: its commonest guess that was said as
    such, an infinitive first ("замерджить", not "замерджим"), or a guessed infinitive on the
    anglicism's ``root`` ("шортлистить" from "шортлистим"); else the commonest form."""
    guesses = Counter(scan.tokens[i].lemma for i in idx)
    said = {scan.tokens[i].form for i in idx}
    for lemma, _ in sorted(guesses.items(), key=lambda kv: (not kv[0].endswith(("ть", "ться")), -kv[1])):
        if lemma in said or (root and lemma.startswith(root) and lemma.endswith(("ть", "ться"))):
            return lemma
    return Counter(scan.tokens[i].form for i in idx).most_common(1)[0][0]


def _scored(scan: Scan, ref: Reference, idx: list[int], lemma: str, kind: str, bonus: float,
            english: str = "") -> Candidate | None:
    occ = [(i, i) for i in idx]
    said = len(idx)
    if said < MIN_COUNT:
        return None
    forms = {scan.tokens[i].form for i in idx}
    share = sum(ref.frequency(f) for f in forms) or ref.floor
    predicted = share * scan.size
    ratio = math.log2(said / predicted)
    if ratio < MIN_RATIO or log_likelihood(said, predicted) < MIN_LL:
        return None
    if not dispersed(scan, occ):
        return None
    return build(scan, occ, lemma, kind, ratio + spread_bonus(len(speakers_of(scan, occ))) + bonus, english)


def _penalty(scan: Scan, ref: Reference, idx: list[int]) -> float:
    """How far to keep a word down: names and product names, and known words of general language."""
    toks = [scan.tokens[i] for i in idx]
    inner = [t for t in toks if not t.opens]
    capital = sum(t.capital for t in inner)
    info = scan.words[toks[0].form]
    if info.name or (inner and capital >= 0.6 * len(inner)):
        return NAME_PENALTY
    if info.known and ref.frequency(toks[0].lemma) >= KNOWN_FREQUENCY:
        return KNOWN_PENALTY
    return 0.0
