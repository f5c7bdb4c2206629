"""Speaker turns in plain text, found without changing the text.

Recognised layouts (each line is looked at on its own):

- ``Name: text`` (also ``Speaker 1: text``; the text may start on the next line)
- ``[00:12:31] Name: text``, ``00:12:31 Name: text``, ``(12:31) - Name: text``
- Otter: ``Name  0:08`` alone on a line, the turn's text on the following lines
- a timestamp alone on a line (Google Meet): the next turn starts at that time

A label is taken as a speaker only when it looks like one: the same name labels at
least two turns, or the label carries a timestamp, or it is a generic ``Speaker N`` /
``Спикер N`` / ``Интервьюер`` label, or every non-empty line of the text is labelled
(so a one-line ``Анна: ...`` still counts), or it stands alone on its line like at least
one other label (the text on the following lines). A stray ``Итого: ...`` line stays plain text.

Segments cover the spoken text only (not the labels or timestamp lines), trimmed of
surrounding whitespace; text before the first turn is a segment without a speaker.
Lines that are not labels continue the current turn. Offsets are offsets into the
text as given, so for plain-text files they are file offsets (code points).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from jargon.model import Segment

from .timecode import TIMESTAMP, parse_timestamp

# 1-4 words; the first starts with a letter; at most 40 characters (checked below)
NAME = r"[^\W\d_][\w.'’\-]*(?:[ \t][\w.'’\-]+){0,3}"
_TS = rf"[\[(]?(?P<ts>{TIMESTAMP})[\])]?"
LABEL_RE = re.compile(rf"[ \t]*(?:{_TS}[ \t]*(?:[-–—][ \t]*)?)?(?P<name>{NAME})[ \t]*:(?:[ \t]+|$)")
OTTER_RE = re.compile(rf"[ \t]*(?P<name>{NAME}?)(?P<sep>[ \t]+)(?P<ts>{TIMESTAMP})[ \t]*$")
TIME_ONLY_RE = re.compile(rf"[ \t]*{_TS}[ \t]*$")
GENERIC_RE = re.compile(r"(?i)^(?:speaker|спикер|участник|говорящий|interviewer|respondent|"
                        r"moderator|интервьюер|респондент|модератор)\b")
MAX_NAME = 40


@dataclass
class _Mark:
    kind: str                 # "label", "head" (Otter) or "time"
    line_start: int
    text_start: int           # where the turn's text starts
    name: str | None
    time: float | None
    sep: int = 0              # width of the gap before an Otter timestamp
    bare: bool = False        # a "Name:" label alone on its line (the text follows below)


def iter_lines(text: str):
    """``(start, end)`` of every line, ``end`` before the line break (``\\n``, ``\\r\\n`` or ``\\r``)."""
    pos, n = 0, len(text)
    for m in re.finditer(r"\r\n|\n|\r", text):
        yield pos, m.start(), m.end()
        pos = m.end()
    if pos < n:
        yield pos, n, n


def _mark(text: str, start: int, end: int, next_line: int) -> _Mark | None:
    line = text[start:end]
    if m := TIME_ONLY_RE.match(line):
        return _Mark("time", start, next_line, None, parse_timestamp(m.group("ts")))
    if (m := OTTER_RE.match(line)) and m.group("name") and len(m.group("name")) <= MAX_NAME:
        t = parse_timestamp(m.group("ts"))
        if t is not None:
            sep = m.group("sep")
            return _Mark("head", start, next_line, m.group("name").strip(), t, 2 if "\t" in sep else len(sep))
    if (m := LABEL_RE.match(line)) and len(m.group("name")) <= MAX_NAME:
        ts = m.group("ts")
        t = parse_timestamp(ts) if ts else None
        if ts and t is None:
            return None
        return _Mark("label", start, start + m.end(), m.group("name").strip(), t, bare=not line[m.end():].strip())
    return None


def find_turns(text: str) -> list[Segment]:
    """The speaker segments of ``text`` (empty when it has no recognisable speaker turns)."""
    marks: list[_Mark] = []
    nonempty = 0
    for start, end, nxt in iter_lines(text):
        if text[start:end].strip():
            nonempty += 1
            mark = _mark(text, start, end, nxt)
            if mark is not None:
                marks.append(mark)
    if not marks:
        return []
    counts = Counter(m.name for m in marks if m.name)
    labels = sum(1 for m in marks if m.kind == "label")
    times = sum(1 for m in marks if m.kind == "time")
    everything_labelled = labels and labels + times == nonempty
    bare_labels = sum(1 for m in marks if m.bare)

    def accepted(m: _Mark) -> bool:
        if m.kind == "time":
            return True
        if m.kind == "head":
            return m.sep >= 2 or counts[m.name] >= 2
        return (counts[m.name] >= 2 or m.time is not None or bool(GENERIC_RE.match(m.name))
                or bool(everything_labelled) or (m.bare and bare_labels >= 2))

    marks = [m for m in marks if accepted(m)]
    if not any(m.name for m in marks) and not any(m.kind == "time" for m in marks):
        return []

    segments: list[Segment] = []

    def add(start: int, end: int, speaker: str | None, time: float | None) -> bool:
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            return False
        s = start + len(chunk) - len(chunk.lstrip())
        segments.append(Segment(s, s + len(stripped), speaker, time))
        return True

    speaker: str | None = None
    seg_start, seg_time = 0, None
    carry: float | None = None      # a timestamp-only line's time, until a segment uses it
    for mark in marks:
        if add(seg_start, mark.line_start, speaker, seg_time):
            carry = None
        if mark.kind == "time":
            carry = mark.time
            seg_start, seg_time = mark.text_start, carry
            continue
        speaker = mark.name
        seg_start = mark.text_start
        seg_time = mark.time if mark.time is not None else carry
    add(seg_start, len(text), speaker, seg_time)
    return segments


def split_label(line: str) -> tuple[str, str] | None:
    """``("Name", "rest")`` when ``line`` starts with a ``Name:`` label (no timestamp), else None."""
    m = LABEL_RE.match(line)
    if not m or m.group("ts") or len(m.group("name")) > MAX_NAME:
        return None
    return m.group("name").strip(), line[m.end():]


def accepted_names(labels: list[str | None]) -> set[str]:
    """Which ``Name:`` labels of a list of utterances (None: unlabelled) are taken as speakers.

    The same rule as for plain text: a name used at least twice, a generic label, or every
    utterance labelled.
    """
    counts = Counter(n for n in labels if n)
    everything = bool(labels) and all(labels)
    return {n for n in counts if everything or counts[n] >= 2 or GENERIC_RE.match(n)}
