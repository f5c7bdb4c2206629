"""Formulas: multi-word expressions (2 to 4 words) that several speakers repeat, in any inflection.

Sequences of lemmas inside one utterance (never across a sentence end or a turn), not touching
a dictionary match, that end on a content word and start on a content word or a preposition
("на берегу"). A formula is said at least :data:`MIN_COUNT` times, by two speakers in two
documents, and holds together here (its count is at least :data:`MIN_COHESION` of its rarest
content word's count). Its score is the association against general language: log2 of how
much more often it is said than its content words' reference frequencies predict if they were
independent, per content word (so two- and four-word formulas score alike), plus the speakers'
bonus. "потому что", "каждый день" score low: general language predicts them well.
A formula inside a longer one that is said nearly as often is left out for the longer one.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict

from .candidates import Candidate, build, dispersed, speakers_of, spread_bonus
from .reference import Reference
from .scan import Scan

MAX_WORDS = 4
MIN_COUNT = 3
MIN_COHESION = 0.2
MIN_CONTENT = 2          # content words (a preposition and a name is no formula)
VERB_KEY = 4
MIN_SCORE = 6.0          # log2 per content word
SUBSUMED = 0.7           # a part said at most this share more often than the whole is left out


def formula_candidates(scan: Scan, ref: Reference, prepositions: frozenset[str]) -> list[Candidate]:
    toks = scan.tokens
    words = scan.words
    grams: dict[tuple[str, ...], list[int]] = defaultdict(list)
    lemma_count: Counter = Counter()
    lemma_forms: dict[str, set[str]] = defaultdict(set)
    keys = [_key(t.lemma, words[t.form].verb) for t in toks]
    for key, tok in zip(keys, toks, strict=True):
        lemma_count[key] += 1
        lemma_forms[key].add(tok.form)
    starts_ok = [not t.covered and (not words[t.form].light or t.form in prepositions) for t in toks]
    ends_ok = [not words[t.form].light and t.form.isalpha() for t in toks]
    joins = [not t.covered and t.tight for t in toks]     # only spaces since the word before: one utterance
    size = len(toks)
    for i in range(size):
        if not starts_ok[i]:
            continue
        gram: tuple[str, ...] = (keys[i],)
        for j in range(i + 1, min(i + MAX_WORDS, size)):
            if not joins[j]:
                break
            gram += (keys[j],)
            if ends_ok[j]:
                grams[gram].append(i)
    scored: list[tuple[tuple[str, ...], float, list[tuple[int, int]]]] = []
    for gram, starts in grams.items():
        if len(starts) < MIN_COUNT:
            continue
        occ = [(s, s + len(gram) - 1) for s in starts]
        if not dispersed(scan, occ):
            continue
        content = [lemma for k, lemma in enumerate(gram) if not words[toks[starts[0] + k].form].light]
        if len(content) < MIN_CONTENT or len(starts) < MIN_COHESION * min(lemma_count[c] for c in content):
            continue
        if any(words[toks[s + k].form].name or toks[s + k].capital for s in starts[:1] for k in range(len(gram))):
            continue                                    # a name or product name inside: not a formula
        share = math.prod(sum(ref.frequency(f) for f in lemma_forms[c]) or ref.floor for c in content)
        per_word = math.log2(len(starts) / (size * share)) / len(content)
        if per_word >= MIN_SCORE:
            scored.append((gram, per_word + spread_bonus(len(speakers_of(scan, occ))), occ))
    kept = _longest(scored)
    out = []
    for _gram, score, occ in kept:
        lemmas = Counter(" ".join(t.lemma for t in toks[a:b + 1]) for a, b in occ)
        out.append(build(scan, occ, lemmas.most_common(1)[0][0], "formula", score))
    return out


def _key(lemma: str, verb: bool) -> str:
    """What groups a formula's word: the lemma, and for a verb its first letters, so that both
    aspects count as one ("сверить часы", "сверяем часы")."""
    return lemma[:VERB_KEY] if verb and len(lemma) > VERB_KEY else lemma


def _longest(scored: list) -> list:
    """Leave out a formula inside a longer kept one said nearly as often."""
    counts = {gram: len(occ) for gram, _, occ in scored}
    out = []
    for gram, score, occ in scored:
        longer = [g for g in counts if len(g) > len(gram) and _inside(gram, g)]
        if any(counts[g] >= SUBSUMED * len(occ) for g in longer):
            continue
        out.append((gram, score, occ))
    return out


def _inside(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    n = len(part)
    return any(whole[k:k + n] == part for k in range(len(whole) - n + 1))
