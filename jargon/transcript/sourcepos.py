"""Positions in a subtitle file (WebVTT, SRT) for offsets into the document built from it.

The document text of a subtitle file is rebuilt (one line per turn, markup removed, see
:mod:`jargon.transcript.cues`), so its line and column are not those of the file. This
module finds, for a match in a cue's segment, the line and column where its first word
stands in the file: the segment's cue is the block after the timing line with the
segment's start time (and holding its first word), and the word is its *n*-th occurrence
there, *n* counted in the cleaned text of the cue before the match. When the word cannot
be found (markup inside it), the position is the start of the cue's first text line.
"""
from __future__ import annotations

import bisect
from typing import NamedTuple

from jargon.model import Document, Segment
from jargon.text.tokens import WORD_RE

from .cues import TAG_RE, TIMING_RE, _seconds

LOOKAHEAD = 64        # cues searched for a segment's cue (cues a reader dropped, empty ones, are skipped)


class Block(NamedTuple):
    start: float          # seconds, from the timing line
    first_line: int       # 1-based line of the first text line
    text: str             # the text lines as in the file, joined with "\n"


def blocks(source: str) -> list[Block]:
    """Every cue of a subtitle file: its start time, first text line and raw text lines."""
    lines = [ln.rstrip("\r") for ln in source.split("\n")]
    out: list[Block] = []
    for i, line in enumerate(lines):
        m = TIMING_RE.match(line) if "-->" in line else None
        start = _seconds(m.group("a")) if m else None
        if start is None:
            continue
        body: list[str] = []
        j = i + 1
        while j < len(lines) and lines[j].strip() and "-->" not in lines[j]:
            if lines[j].strip().isdigit() and j + 1 < len(lines) and "-->" in lines[j + 1]:
                break         # an SRT counter of the next cue (cues without blank lines)
            body.append(lines[j])
            j += 1
        out.append(Block(start, i + 2, "\n".join(body)))
    return out


def _first_word(text: str) -> str:
    m = WORD_RE.search(text)
    return m.group() if m else ""



def _words(text: str) -> list[str]:
    return WORD_RE.findall(text)


class SourceMap:
    """Maps offsets of a document built from a subtitle file to (line, column) in that file."""

    def __init__(self, doc: Document, source: str):
        self.doc = doc
        self.blocks = blocks(source)
        self.seg_starts = [s.start for s in doc.segments]
        self.seg_block: list[int | None] = []
        self._words: dict[int, dict[str, list[int]]] = {}     # block -> word -> its offsets, outside markup
        k = 0
        for seg in doc.segments:
            found = self._block_of(seg, k)
            self.seg_block.append(found)
            if found is not None:
                k = found

    def _block_of(self, seg: Segment, k: int) -> int | None:
        word = _first_word(self.doc.text[seg.start:seg.end])
        for b in range(k, min(k + LOOKAHEAD, len(self.blocks))):
            block = self.blocks[b]
            if seg.time_start is not None and abs(block.start - seg.time_start) < 0.0005 and word in block.text:
                return b
        return None

    def _word_offsets(self, b: int) -> dict[str, list[int]]:
        found = self._words.get(b)
        if found is None:
            # markup blanked out with spaces: the offsets stay those of the file
            text = TAG_RE.sub(lambda t: " " * len(t.group()), self.blocks[b].text)
            found = self._words[b] = {}
            for m in WORD_RE.finditer(text):
                found.setdefault(m.group(), []).append(m.start())
        return found

    def position(self, offset: int, text: str) -> tuple[int, int] | None:
        """Where ``text`` (found at ``offset`` of the document) starts in the file, or None."""
        i = bisect.bisect_right(self.seg_starts, offset) - 1
        b = self.seg_block[i] if i >= 0 and offset < self.doc.segments[i].end else None
        if b is None:
            return None
        block = self.blocks[b]
        word = _first_word(text)
        # the cleaned text of this cue before the match (earlier voices of the same cue included)
        before = [self.doc.text[self.doc.segments[i].start:offset]]
        j = i - 1
        while j >= 0 and self.seg_block[j] == b:
            seg = self.doc.segments[j]
            before.append(self.doc.text[seg.start:seg.end])
            j -= 1
        n = sum(_words(part).count(word) for part in before)
        hits = self._word_offsets(b).get(word, [])
        if not word or n >= len(hits):
            return block.first_line, 1
        at = hits[n]
        line_start = block.text.rfind("\n", 0, at) + 1
        return block.first_line + block.text.count("\n", 0, at), at - line_start + 1
