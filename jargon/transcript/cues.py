"""WebVTT and SRT cues, and the document text built from them.

Cue text is cleaned: markup tags (``<i>``, ``<c.x>``, ``<00:00:01.000>``, ``{\\an8}``) are
removed, HTML entities are unescaped, and the lines of a cue are joined with a space.

Speakers come from Teams voice tags ``<v Name>text</v>`` (the closing tag may be missing;
a cue with several voices becomes several utterances with the same times), or from a
``Name: `` label at the start of the cue text (Zoom), accepted by the same rule as in
plain text (see :mod:`jargon.transcript.speakers`); the label is removed from the cue text.
A cue with neither continues the turn of the speaker before it.

The document text (:func:`build_document`) is one line per turn:

- a line starts with ``Name: `` when the speaker is known;
- a cue continues the current line (after a space) when it has the same speaker as the
  previous cue, or, when neither has a speaker, when the previous cue did not end a
  sentence (``.``, ``!``, ``?``, ``…``); otherwise it starts a new line;
- the text ends with a line break.

Each cue becomes one :class:`~jargon.model.Segment` covering exactly its cleaned text
(the ``Name: `` prefix and the separators belong to no segment), with the cue's start and
end times in seconds.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from jargon.errors import InputError
from jargon.model import Segment

from .speakers import accepted_names, split_label

TIMING_RE = re.compile(r"^\s*(?P<a>\d+(?::\d{2}){1,2}(?:[.,]\d{1,3})?)\s*-->\s*"
                       r"(?P<b>\d+(?::\d{2}){1,2}(?:[.,]\d{1,3})?)(?:\s.*)?$")
# a tag never holds "<" (or "{"): an unclosed one then costs a scan to the next tag, not to the
# end of the cue, so thousands of unclosed "<v x" in one cue stay linear
VOICE_RE = re.compile(r"<v(?:\.[^\s<>]*)?(?:\s+(?P<name>[^<>]*))?>")
TAG_RE = re.compile(r"</?[a-zA-Z][^<>]*>|<\d[\d:.]*>|\{\\[^{}]*\}")
CUE_ID_RE = re.compile(r"\s*[^\s\d]*\d\S*\s*$")
SENTENCE_END_RE = re.compile(r"[.!?…][\"'»”)\]]*$")


@dataclass
class Cue:
    start: float
    end: float
    text: str
    speaker: str | None = None


def _seconds(value: str) -> float | None:
    value = value.replace(",", ".")
    main, _, frac = value.partition(".")
    parts = main.split(":")
    try:
        nums = [int(p) for p in parts]
    except ValueError:
        return None
    if any(p > 59 for p in nums[1:]):
        return None
    if len(nums) == 2:
        nums.insert(0, 0)
    h, m, s = nums
    return h * 3600 + m * 60 + s + (int(frac.ljust(3, "0")) / 1000 if frac else 0.0)


def clean(text: str) -> str:
    """Cue text without markup, entities unescaped, whitespace collapsed to single spaces."""
    return " ".join(html.unescape(TAG_RE.sub("", text)).split())


def parse_cues(text: str, name: str) -> list[tuple[float, float, str]]:
    """``(start, end, raw text)`` of every cue in a WebVTT or SRT text.

    Lines without ``-->`` outside a cue (the WEBVTT header, NOTE/STYLE/REGION blocks,
    cue identifiers, SRT counters) are skipped; a cue's text runs to the next blank line, or
    to the next cue when the file has no blank lines between cues (a timing line, or the line
    just before one when it looks like a cue identifier or SRT counter: one word with a digit).
    """
    lines = text.splitlines()
    cues = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if "-->" not in line:
            i += 1
            continue
        m = TIMING_RE.match(line)
        a = _seconds(m.group("a")) if m else None
        b = _seconds(m.group("b")) if m else None
        if a is None or b is None:
            raise InputError(f"{name}: line {i + 1}: cannot read the cue timing {line.strip()[:60]!r}")
        i += 1
        body = []
        while i < n and lines[i].strip() and not _starts_cue(lines, i):
            body.append(lines[i])
            i += 1
        cues.append((a, b, "\n".join(body)))
    return cues


def _starts_cue(lines: list[str], i: int) -> bool:
    """Line ``i`` is a cue's timing line or the identifier line before one."""
    return _is_timing(lines[i]) or (i + 1 < len(lines) and _is_timing(lines[i + 1])
                                    and CUE_ID_RE.match(lines[i]) is not None)


def _is_timing(line: str) -> bool:
    return "-->" in line and TIMING_RE.match(line) is not None


def voices(raw: str) -> list[tuple[str | None, str]]:
    """Split raw cue text at Teams voice tags: ``[(speaker or None, raw text), ...]``."""
    found = list(VOICE_RE.finditer(raw))
    if not found:
        return [(None, raw)]
    out: list[tuple[str | None, str]] = []
    head = raw[:found[0].start()]
    for k, m in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(raw)
        body = raw[m.end():end]
        if k == 0 and clean(head):
            body = head + " " + body
        speaker = clean(m.group("name") or "") or None
        out.append((speaker, body))
    return out


def to_cues(raw_cues: list[tuple[float, float, str]]) -> list[Cue]:
    """Clean cue texts and find their speakers (voice tags, else accepted ``Name:`` labels)."""
    cues: list[Cue] = []
    for start, end, raw in raw_cues:
        for speaker, body in voices(raw):
            text = clean(body)
            if text:
                cues.append(Cue(start, end, text, speaker))
    unvoiced = [c for c in cues if c.speaker is None]
    labels = [split_label(c.text) for c in unvoiced]
    names = accepted_names([lab[0] if lab else None for lab in labels])
    for cue, lab in zip(unvoiced, labels, strict=True):
        if lab and lab[0] in names and lab[1].strip():
            cue.speaker, cue.text = lab[0], lab[1].strip()
    speaker = None
    for cue in cues:        # a cue without a voice or a label continues the speaker before it
        if cue.speaker is None:
            cue.speaker = speaker
        speaker = cue.speaker
    return cues


def build_document(cues: list[Cue]) -> tuple[str, list[Segment]]:
    """The document text and one segment per cue (see the module docstring for the layout)."""
    parts: list[str] = []
    segments: list[Segment] = []
    pos = 0
    prev: Cue | None = None
    for cue in cues:
        same_line = prev is not None and cue.speaker == prev.speaker and (
            cue.speaker is not None or not SENTENCE_END_RE.search(prev.text))
        if same_line:
            sep = " "
        else:
            sep = "\n" if prev is not None else ""
            if cue.speaker:
                sep += f"{cue.speaker}: "
        parts.append(sep)
        pos += len(sep)
        parts.append(cue.text)
        segments.append(Segment(pos, pos + len(cue.text), cue.speaker, cue.start, cue.end))
        pos += len(cue.text)
        prev = cue
    if parts:
        parts.append("\n")
    return "".join(parts), segments
