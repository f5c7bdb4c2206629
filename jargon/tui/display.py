"""What the transcript view shows, as plain data: display text, highlighted spans, wrapped lines.

No Textual here. The view shows either the document text as it is (offsets equal the
document's) or the *translated* text, in which every (not dismissed) match is replaced by
``[meaning]``. Segments that name a speaker start a new visual line with the speaker
in a gutter on the left. Lines are wrapped at spaces to the view's width.
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from jargon.model import Document, Match, format_time

_CONTROL = {9: " ", 11: " ", 12: " ", 13: " "}   # tab, vt, ff, cr -> space (same length)
GUTTER_MAX = 18


@dataclass
class DisplayText:
    """The text shown, its highlighted spans, and where speaker labels go."""

    text: str
    span_starts: list[int]             # display offsets, sorted, non-overlapping
    span_ends: list[int]
    span_index: list[int]              # index into the app's match list
    labels: dict[int, str] = field(default_factory=dict)   # display offset -> speaker label
    translated: bool = False
    _doc_starts: list[int] = field(default_factory=list)   # translate mode: doc offset of each replaced match
    _doc_ends: list[int] = field(default_factory=list)
    _disp_ends: list[int] = field(default_factory=list)

    def to_display(self, offset: int) -> int:
        """A document offset as a display offset (inside a replaced match: its start)."""
        if not self.translated:
            return offset
        i = bisect.bisect_right(self._doc_starts, offset) - 1
        if i < 0:
            return offset
        if offset < self._doc_ends[i]:
            return self.span_starts[i]
        return self._disp_ends[i] + (offset - self._doc_ends[i])

    def to_document(self, offset: int) -> int:
        """A display offset as a document offset (inside a meaning: the match's start)."""
        if not self.translated:
            return offset
        i = bisect.bisect_right(self.span_starts, offset) - 1
        if i < 0:
            return offset
        if offset < self._disp_ends[i]:
            return self._doc_starts[i]
        return self._doc_ends[i] + (offset - self._disp_ends[i])

    def span_at(self, offset: int) -> int | None:
        """The match index whose span contains display ``offset``."""
        i = bisect.bisect_right(self.span_starts, offset) - 1
        if i >= 0 and offset < self.span_ends[i]:
            return self.span_index[i]
        return None


def speaker_labels(doc: Document) -> dict[int, str]:
    """Document offset -> label, for every segment that names a speaker or a time."""
    out: dict[int, str] = {}
    text = doc.text
    previous_end = 0
    for seg in doc.segments:
        # A turn whose line holds only its own label ("Иван: ...") is shown from the line's
        # start, and the gutter leaves out a speaker name or a time the text already shows.
        line_start = text.rfind("\n", 0, seg.start) + 1
        prefix = ""
        anchor = seg.start
        if previous_end <= line_start:
            anchor, prefix = line_start, text[line_start:seg.start]
        previous_end = max(previous_end, seg.end)
        parts = []
        if seg.time_start is not None and (stamp := format_time(seg.time_start)) and stamp[:8] not in prefix:
            parts.append(stamp[:8].removeprefix("00:"))     # (not when the line already says it: "[00:12:31] …")
        if seg.speaker and seg.speaker not in prefix:
            parts.append(seg.speaker)
        if parts:
            out[anchor] = " ".join(parts)
    return out


def plain_display(doc: Document, matches: Sequence[tuple[int, Match]]) -> DisplayText:
    """The document text as it is; ``matches`` are (index, match) pairs in text order."""
    text = doc.text.translate(_CONTROL)
    starts, ends, index = [], [], []
    last = -1
    for i, m in matches:
        if m.start < last:        # never let spans overlap
            continue
        starts.append(m.start)
        ends.append(m.end)
        index.append(i)
        last = m.end
    return DisplayText(text, starts, ends, index, speaker_labels(doc))


def translated_display(doc: Document, matches: Sequence[tuple[int, Match]], clean: bool = False) -> DisplayText:
    """The text with each match replaced by ``[meaning]`` (as ``jargon decode --translate``)."""
    text = doc.text.translate(_CONTROL)
    out: list[str] = []
    pos = disp = 0
    starts, ends, index, doc_starts, doc_ends = [], [], [], [], []
    for i, m in matches:
        if m.start < pos:
            continue
        out.append(text[pos:m.start])
        disp += m.start - pos
        meaning = "[" + m.entry.display_meaning(clean).rstrip(". ").replace("\n", " ") + "]"
        out.append(meaning)
        starts.append(disp)
        ends.append(disp + len(meaning))
        index.append(i)
        doc_starts.append(m.start)
        doc_ends.append(m.end)
        disp += len(meaning)
        pos = m.end
    out.append(text[pos:])
    shown = DisplayText("".join(out), starts, ends, index, {}, True, doc_starts, doc_ends, list(ends))
    shown.labels = {shown.to_display(off): label for off, label in speaker_labels(doc).items()}
    return shown


@dataclass
class Layout:
    """Visual lines: ``starts[k]:ends[k]`` of the display text, and the label on line k (if any)."""

    starts: list[int]
    ends: list[int]
    labels: dict[int, str]
    gutter: int                # cells before the text (0 without speaker labels)
    width: int                 # cells available for the text

    def __len__(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """The visual line that shows display ``offset``."""
        k = bisect.bisect_right(self.starts, offset) - 1
        return max(0, k)


def layout(shown: DisplayText, width: int) -> Layout:
    """Wrap the display text to ``width`` cells (speaker gutter included)."""
    text = shown.text
    labels: dict[int, str] = {}
    for off, label in shown.labels.items():
        while off < len(text) and text[off] == "\n":   # a segment that opens on a line break
            off += 1
        labels.setdefault(off, label)
    gutter = min(max((len(label) for label in labels.values()), default=0), GUTTER_MAX)
    gutter = gutter + 2 if gutter else 0
    w = max(8, width - gutter)
    starts: list[int] = []
    ends: list[int] = []
    line_labels: dict[int, str] = {}
    breaks = sorted(labels)
    bi, pos, n = 0, 0, len(text)
    while True:
        nl = text.find("\n", pos)
        line_end = n if nl == -1 else nl
        while bi < len(breaks) and breaks[bi] <= pos:
            bi += 1
        cuts = [pos]
        while bi < len(breaks) and breaks[bi] < line_end:   # a segment inside the line starts a new one
            cuts.append(breaks[bi])
            bi += 1
        cuts.append(line_end)
        for a, b in zip(cuts, cuts[1:], strict=False):
            if a in labels:
                line_labels[len(starts)] = labels[a]
            _wrap(text, a, b, w, starts, ends)
        if nl == -1:
            break
        pos = nl + 1
    return Layout(starts, ends, line_labels, gutter, w)


def _wrap(text: str, a: int, b: int, width: int, starts: list[int], ends: list[int]) -> None:
    """Greedy wrap of ``text[a:b]`` at spaces (hard cut when a word is longer than a line)."""
    while b - a > width:
        cut = text.rfind(" ", a + 1, a + width + 1)
        if cut == -1:
            starts.append(a)
            ends.append(a + width)
            a += width
        else:
            starts.append(a)
            ends.append(cut)
            a = cut + 1
    starts.append(a)
    ends.append(b)
