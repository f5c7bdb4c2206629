"""Jargon per document and per speaker: words, matches, matches per 1,000 words, top entries and tags.

Shared by ``jargon stats`` and the summary tables of the markdown and html reports.

Words are runs of letters/digits (``\\w+``, hyphenated and apostrophised words count
once). When a document has segments, only the text inside segments counts (speaker
labels and timestamp lines are not words anybody said); otherwise the whole text counts.
A document seen through a speaker selection (jargon.roles) counts its kept segments only.
A match belongs to the speaker of the segment it starts in. With a roles file, speakers'
figures are also added up by role and by group across all documents (:func:`by_label`).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from .model import DecodedDocument, Match
from .roles import Roles, SelectedDocument

WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")


def count_words(text: str) -> int:
    return sum(1 for _ in WORD_RE.finditer(text))


@dataclass
class Tally:
    """Counts for one document, one speaker in a document, or all documents together."""

    words: int = 0
    matches: int = 0
    entries: Counter = field(default_factory=Counter)   # (dictionary, entry id) -> count
    phrases: dict = field(default_factory=dict)         # (dictionary, entry id) -> headword
    tags: Counter = field(default_factory=Counter)

    @property
    def per_1000(self) -> float:
        return round(self.matches * 1000 / self.words, 1) if self.words else 0.0

    def add_match(self, m: Match) -> None:
        key = (m.dictionary, m.entry.id)
        self.matches += 1
        self.entries[key] += 1
        self.phrases[key] = m.entry.phrase
        self.tags.update(m.entry.tags)

    def merge(self, other: Tally) -> None:
        self.words += other.words
        self.matches += other.matches
        self.entries.update(other.entries)
        self.phrases.update(other.phrases)
        self.tags.update(other.tags)

    def top_entries(self, n: int = 5) -> list[dict]:
        return [{"entry": key[1], "dictionary": key[0], "phrase": self.phrases[key], "count": c}
                for key, c in self.entries.most_common(n)]

    def top_tags(self, n: int = 5) -> list[dict]:
        return [{"tag": t, "count": c} for t, c in self.tags.most_common(n)]

    def to_dict(self, top: int = 5) -> dict:
        return {"words": self.words, "matches": self.matches, "per_1000": self.per_1000,
                "top_entries": self.top_entries(top), "top_tags": self.top_tags(top)}


@dataclass
class DocumentStats:
    name: str
    total: Tally
    speakers: dict[str | None, Tally]   # in order of first appearance; None: text without a speaker


def document_stats(decoded: DecodedDocument) -> DocumentStats:
    doc = decoded.document
    total = Tally()
    speakers: dict[str | None, Tally] = {}
    if doc.segments or isinstance(doc, SelectedDocument):
        for seg in doc.segments:
            n = count_words(doc.text[seg.start:seg.end])
            speakers.setdefault(seg.speaker, Tally()).words += n
            total.words += n
    else:
        total.words = count_words(doc.text)
    for m in decoded.matches:
        total.add_match(m)
        if doc.segments:
            at = doc.segment_at(m.start)
            speakers.setdefault(at.speaker if at else None, Tally()).add_match(m)
    if not any(name for name in speakers):
        speakers = {}            # no named speaker: the document row says it all
    return DocumentStats(doc.name, total, speakers)


def corpus_stats(docs: list[DecodedDocument]) -> tuple[list[DocumentStats], Tally]:
    per_doc = [document_stats(d) for d in docs]
    total = Tally()
    for s in per_doc:
        total.merge(s.total)
    return per_doc, total


NO_SPEAKER = "(no speaker)"


def by_label(per_doc: list[DocumentStats], label: Callable[[str | None], str | None]) -> dict[str | None, Tally]:
    """Speakers' figures added up across documents by ``label(speaker)`` (a role or a group;
    None: speakers it does not name), in order of first appearance."""
    out: dict[str | None, Tally] = {}
    for s in per_doc:
        for name, tally in s.speakers.items():
            out.setdefault(label(name), Tally()).merge(tally)
    return out


def flat_rows(per_doc: list[DocumentStats], total: Tally | None = None, top: int = 5,
              roles: Roles | None = None) -> list[dict]:
    """One row per document (``speaker`` None), then one per speaker; with ``roles``, one row
    per role and one per group (``file`` and ``speaker`` None); a final total row (``file``
    None) when ``total`` is given. Rows carry ``role`` and ``group`` (None when unknown).
    Used by the CSV output and the report tables."""
    roles = roles or Roles()
    rows = []
    for s in per_doc:
        rows.append({"file": s.name, "speaker": None, "role": None, "group": None, **s.total.to_dict(top)})
        for name, tally in s.speakers.items():
            rows.append({"file": s.name, "speaker": name if name is not None else NO_SPEAKER,
                         "role": roles.role_of(name), "group": roles.group_of(name), **tally.to_dict(top)})
    if roles.roles:
        for role, tally in by_label(per_doc, roles.role_of).items():
            rows.append({"file": None, "speaker": None, "role": role or NO_ROLE, "group": None, **tally.to_dict(top)})
    if roles.groups:
        for group, tally in by_label(per_doc, roles.group_of).items():
            rows.append({"file": None, "speaker": None, "role": None, "group": group or NO_GROUP,
                         **tally.to_dict(top)})
    if total is not None:
        rows.append({"file": None, "speaker": None, "role": None, "group": None, **total.to_dict(top)})
    return rows


NO_ROLE, NO_GROUP = "(no role)", "(no group)"


def to_json(per_doc: list[DocumentStats], total: Tally, top: int = 5, roles: Roles | None = None) -> dict:
    """Documents with their speakers, and the total; with ``roles``, each speaker's role and
    group, and the figures per role and per group (``null``: speakers the file does not name)."""
    roles = roles or Roles()

    def speaker(name: str | None, t: Tally) -> dict:
        return {"speaker": name, "role": roles.role_of(name), "group": roles.group_of(name), **t.to_dict(top)}

    out: dict = {
        "documents": [{"file": s.name, **s.total.to_dict(top),
                       "speakers": [speaker(name, t) for name, t in s.speakers.items()]}
                      for s in per_doc],
        "total": {"documents": len(per_doc), **total.to_dict(top)},
    }
    if roles.roles:
        out["roles"] = [{"role": k, **t.to_dict(top)} for k, t in by_label(per_doc, roles.role_of).items()]
    if roles.groups:
        out["groups"] = [{"group": k, **t.to_dict(top)} for k, t in by_label(per_doc, roles.group_of).items()]
    return out


def entries_text(items: list[dict]) -> str:
    """``phrase ×3; phrase ×1`` for tables and CSV cells."""
    return "; ".join(f"{i['phrase']} ×{i['count']}" for i in items)


def tags_text(items: list[dict]) -> str:
    return "; ".join(f"{i['tag']} ×{i['count']}" for i in items)
