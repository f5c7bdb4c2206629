"""Shared pieces for output formats: line/column lookup, one record per match, translation.

Every output format builds its rows from :func:`match_record`, so fields are named
and computed in one place.
"""
from __future__ import annotations

import bisect
from typing import Iterable

from .model import DecodedDocument, Document, Match, format_time


class LineIndex:
    """Maps a code-point offset to a 1-based (line, column)."""

    def __init__(self, text: str):
        self.starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


def match_record(doc: Document, match: Match, lines: LineIndex, clean: bool = False,
                 with_file: bool | None = None) -> dict:
    """The canonical dict for one match (JSON, JSONL, CSV and others use these names)."""
    line, column = lines.position(match.start)
    rec: dict = {}
    if with_file if with_file is not None else doc.path is not None:
        rec["file"] = doc.name
    rec.update(start=match.start, end=match.end, line=line, column=column, text=match.text,
               entry=match.entry.id, phrase=match.entry.phrase,
               meaning=match.entry.display_meaning(clean), score=round(match.score, 1),
               dictionary=match.dictionary, tags=list(match.entry.tags))
    status = getattr(match, "status", None)       # triage: "confirmed" (dismissed ones are gone)
    if status:
        rec["status"] = status
    seg = doc.segment_at(match.start) if doc.segments else None
    if seg is not None:
        if seg.speaker:
            rec["speaker"] = seg.speaker
        if seg.time_start is not None:
            rec["time"] = format_time(seg.time_start)
    return rec


def records(decoded: DecodedDocument, clean: bool = False) -> Iterable[dict]:
    lines = LineIndex(decoded.document.text)
    for m in decoded.matches:
        yield match_record(decoded.document, m, lines, clean)


def translate_text(text: str, matches: Iterable[Match], clean: bool = False,
                   template: str = "[{meaning}]") -> str:
    """``text`` with every match replaced by its meaning (matches must not overlap)."""
    out, pos = [], 0
    for m in sorted(matches, key=lambda m: m.start):
        if m.start < pos:
            continue
        out.append(text[pos:m.start])
        out.append(template.format(meaning=m.entry.display_meaning(clean).rstrip(". "), phrase=m.entry.phrase))
        pos = m.end
    out.append(text[pos:])
    return "".join(out)


def sentence_around(text: str, start: int, end: int, limit: int = 300) -> str:
    """The sentence (or line) that contains ``text[start:end]``, for context columns."""
    left = max(text.rfind(ch, 0, start) for ch in ".!?\n…")
    rights = [i for i in (text.find(ch, end) for ch in ".!?\n…") if i != -1]
    right = min(rights) + 1 if rights else len(text)
    left = left + 1 if left >= 0 else 0
    left, right = max(left, start - limit), min(right, end + limit)
    return text[left:right].strip()
