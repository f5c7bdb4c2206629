"""Shared pieces for output formats: line/column lookup, one record per match, context.

Every output format builds its rows from :func:`match_record`, so fields are named
and computed in one place.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .model import DecodedDocument, Document, Match, format_time

if TYPE_CHECKING:
    from .transcript.sourcepos import SourceMap


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


#: every field of a match record, in order; all are always present (None when unknown).
#: Described in docs/output-formats.md.
FIELDS = ("file", "speaker", "time", "time_end", "line", "column", "source_line", "source_column", "start", "end",
          "text", "phrase", "meaning", "tags", "score", "entry", "dictionary", "status")


class Positions:
    """Line/column of offsets in a document's text, and in the file it was read from."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.lines = LineIndex(doc.text)
        self._source_map: SourceMap | None = None

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)

    def source_position(self, offset: int, text: str) -> tuple[int, int] | None:
        """(line, column) in the original file: the same as in the text for plain text; for
        subtitles found in the file (:mod:`jargon.transcript.sourcepos`); None otherwise (.docx)."""
        doc = self.doc
        if doc.source is not None:
            if self._source_map is None:
                from .transcript.sourcepos import SourceMap

                self._source_map = SourceMap(doc, doc.source)
            return self._source_map.position(offset, text)
        if doc.reader == "text":
            return self.lines.position(offset)
        return None


def match_record(doc: Document, match: Match, positions: Positions, clean: bool = False) -> dict:
    """The canonical dict for one match: every name of :data:`FIELDS`, in that order."""
    line, column = positions.position(match.start)
    source = positions.source_position(match.start, match.text)
    seg = doc.segment_at(match.start) if doc.segments else None
    return {
        "file": doc.name if doc.path is not None else None,
        "speaker": seg.speaker if seg is not None else None,
        "time": format_time(seg.time_start) if seg is not None else None,
        "time_end": format_time(seg.time_end) if seg is not None else None,
        "line": line, "column": column,
        "source_line": source[0] if source else None, "source_column": source[1] if source else None,
        "start": match.start, "end": match.end, "text": match.text,
        "phrase": match.entry.phrase, "meaning": match.entry.display_meaning(clean), "tags": list(match.entry.tags),
        "score": round(match.score, 1), "entry": match.entry.id, "dictionary": match.dictionary,
        "status": getattr(match, "status", None),      # triage: "confirmed" (dismissed ones are gone)
    }


def records(decoded: DecodedDocument, clean: bool = False, near_misses: bool = False) -> Iterable[dict]:
    """The records of the matches (with ``near_misses``: of the rejected candidates instead);
    each has an ``explain`` field when the decoder explained it (``--explain``)."""
    positions = Positions(decoded.document)
    for m in decoded.near_misses if near_misses else decoded.matches:
        rec = match_record(decoded.document, m, positions, clean)
        if m.explain is not None:
            rec["explain"] = m.explain
        if near_misses:
            rec["near_miss"] = True
        yield rec


def sentence_around(text: str, start: int, end: int, limit: int = 300) -> str:
    """The sentence (or line) that contains ``text[start:end]``, for context columns."""
    left = max(text.rfind(ch, 0, start) for ch in ".!?\n…")
    rights = [i for i in (text.find(ch, end) for ch in ".!?\n…") if i != -1]
    right = min(rights) + 1 if rights else len(text)
    left = left + 1 if left >= 0 else 0
    left, right = max(left, start - limit), min(right, end + limit)
    return text[left:right].strip()
