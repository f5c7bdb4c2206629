"""A candidate (lemma, forms, kind, score, counts, contexts), and the ranking of every kind together.

Kinds: ``anglicism`` (:mod:`.anglicisms`), ``term`` (:mod:`.keyness`), ``formula`` (:mod:`.formulas`).
All three score on one scale: how many times (log2) more often the candidate is said here than
general language would predict, plus a little for each further speaker who says it.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import KINDS
from .scan import Scan

MAX_CONTEXTS = 3
CONTEXT_CHARS = 50          # characters either side of a keyword in context
MIN_SPEAKERS = 2            # distinct speakers (speaker of a document) who say it
MIN_DOCUMENTS = 2
IN_FORMULA = 0.6            # a word said this share of the time inside formulas is not listed alone


@dataclass
class Context:
    document: str
    speaker: str
    left: str               # ends with a space when the text has one before the keyword
    keyword: str
    right: str              # starts with a space when the text has one after it
    sentence: str           # the sentence it was said in (a draft entry's example)


@dataclass
class Candidate:
    lemma: str
    kind: str
    score: float
    forms: Counter = field(default_factory=Counter)          # form as said -> count
    documents: Counter = field(default_factory=Counter)      # document name -> count
    speakers: Counter = field(default_factory=Counter)       # speaker label -> count
    contexts: list[Context] = field(default_factory=list)
    english: str = ""                                       # anglicisms: the English word it is built on
    key: str = ""                                           # what rejections remember (kind:lemma)
    spans: list[tuple[int, int]] = field(default_factory=list, repr=False)   # first and last token of each

    @property
    def count(self) -> int:
        return sum(self.forms.values())

    def record(self) -> dict:
        """The candidate as a JSON/CSV record."""
        return {"lemma": self.lemma, "kind": self.kind, "score": round(self.score, 2), "count": self.count,
                "forms": dict(self.forms.most_common()), "english": self.english or None,
                "documents": dict(self.documents.most_common()), "speakers": dict(self.speakers.most_common()),
                "contexts": [{"document": c.document, "speaker": c.speaker or None, "left": c.left,
                              "keyword": c.keyword, "right": c.right} for c in self.contexts]}


def _inside_share(cand: Candidate, tokens: set[int]) -> float:
    return sum(a in tokens for a, _ in cand.spans) / max(len(cand.spans), 1)


def spread_bonus(speakers: int) -> float:
    """A little for each further speaker (log2: 2 speakers +1, 4 +2, 8 +3)."""
    return math.log2(max(speakers, 1))


def build(scan: Scan, occurrences: Sequence[tuple[int, int]], lemma: str, kind: str, score: float,
          english: str = "") -> Candidate:
    """A candidate from its occurrences, each ``(first token, last token)`` of the scan."""
    cand = Candidate(lemma, kind, score, english=english, key=f"{kind}:{lemma}", spans=list(occurrences))
    seen_places: set[tuple[int, str]] = set()
    text_of = [d.document.text for d in scan.docs]
    later: list[tuple[int, int]] = []
    for first, last in occurrences:
        a, b = scan.tokens[first], scan.tokens[last]
        text = text_of[a.doc]
        said = text[a.start:b.end]
        cand.forms[" ".join(said.split()).lower()] += 1
        name = scan.doc_name(a)
        cand.documents[name] += 1
        cand.speakers[a.speaker] += 1
        if (a.doc, a.speaker) not in seen_places and len(cand.contexts) < MAX_CONTEXTS:
            seen_places.add((a.doc, a.speaker))
            cand.contexts.append(context(scan, first, last))
        else:
            later.append((first, last))
    for first, last in later[:MAX_CONTEXTS - len(cand.contexts)]:
        cand.contexts.append(context(scan, first, last))
    return cand


def context(scan: Scan, first: int, last: int) -> Context:
    """Keyword in context: the words around ``tokens[first..last]``, within its speaker's turn."""
    from jargon.render import sentence_around

    a, b = scan.tokens[first], scan.tokens[last]
    doc = scan.docs[a.doc].document
    seg = doc.segment_at(a.start)
    lo, hi = (seg.start, seg.end) if seg is not None else (0, len(doc.text))
    text = doc.text
    before, after = text[max(lo, a.start - CONTEXT_CHARS):a.start], text[b.end:min(hi, b.end + CONTEXT_CHARS)]
    # a space between context and keyword only where the text has one ("[заапрувят], начнём")
    left = " ".join(before.split()[-8:]) + (" " if before[-1:].isspace() else "")
    right = (" " if after[:1].isspace() else "") + " ".join(after.split()[:8])
    sentence = sentence_around(text[lo:hi], a.start - lo, b.end - lo)
    return Context(doc.name, a.speaker, left, text[a.start:b.end], right, " ".join(sentence.split()))


def dispersed(scan: Scan, occurrences: Sequence[tuple[int, int]]) -> bool:
    """Said by at least two speakers (by label: the interviewer of every interview is one) in at
    least two documents: one speaker's habit or one document's topic is not a culture's jargon.
    A single transcript (the TUI's) needs one document, a text without speakers one speaker."""
    places = speakers_of(scan, occurrences)
    return (len({s for _, s in places}) >= min(MIN_SPEAKERS, scan.speakers)
            and len({d for d, _ in places}) >= min(MIN_DOCUMENTS, len(scan.docs)))


def speakers_of(scan: Scan, occurrences: Sequence[tuple[int, int]]) -> set[tuple[int, str]]:
    """The distinct (document, speaker) pairs of the occurrences."""
    return {(scan.tokens[f].doc, scan.tokens[f].speaker) for f, _ in occurrences}


def rank(candidates: Sequence[Candidate], rejected: frozenset[str] = frozenset(),
         kinds: Sequence[str] = KINDS) -> list[Candidate]:
    """Candidates by score (best first), without the rejected ones and the kinds not asked for;
    a word said mostly inside a formula is left to the formula."""
    in_formulas = {i for c in candidates if c.kind == "formula" for a, b in c.spans for i in range(a, b + 1)}
    kept = [c for c in candidates if c.kind in kinds and c.key not in rejected
            and not (c.kind != "formula" and _inside_share(c, in_formulas) >= IN_FORMULA)]
    return sorted(kept, key=lambda c: (-c.score, c.lemma))
