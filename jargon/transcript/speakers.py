"""Speaker turns in plain text, found without changing the text.

Recognised layouts (each line is looked at on its own):

- ``Name: text`` (also ``Speaker 1: text``, initials ``И.:``, ``О. К.:``, and a name or role in
  parentheses: ``Респондент (Ольга К.): text``, ``Интервьюер (И.):``; the text may start on
  the next line)
- ``[00:12:31] Name: text``, ``00:12:31 Name: text``, ``(12:31) - Name: text``
- Otter: ``Name  0:08`` alone on a line, the turn's text on the following lines
- a timestamp alone on a line (Google Meet): the next turn starts at that time

A label is taken as a speaker only when it looks like one: the same name labels at
least two turns, or the label carries a timestamp, or it is a generic ``Speaker N`` /
``Спикер N`` / ``Интервьюер`` label, or every non-empty line of the text is labelled
(so a one-line ``Анна: ...`` still counts), or it stands alone on its line like at least
one other label (the text on the following lines), or the text is laid out in paragraphs
(blank lines between them) and every paragraph after the first starts with a label or a time
and the label opens a paragraph (so a name used once still counts). A stray ``Итого: ...``
line inside a turn stays plain text.

Segments cover the spoken text only (not the labels or timestamp lines), trimmed of
surrounding whitespace; text before the first turn is a segment without a speaker.
Lines that are not labels continue the current turn. Offsets are offsets into the
text as given, so for plain-text files they are file offsets (code points).

How lines are found (speed matters: transcripts run to a million words): one regex
search over the whole text finds the lines that start with one of the layouts above,
the three combined into one pattern that follows a line break (``\\n``, ``\\r\\n``,
``\\r``), so the search jumps from line break to line break. Other lines are not
looked at one by one; the non-empty lines are counted (a count of line breaks minus
the blank lines) only when the "every non-empty line labelled" rule has to decide.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache, lru_cache, partial
from itertools import chain
from operator import itemgetter

from jargon.model import Segment

from .timecode import TIMESTAMP, parse_timestamp

# 1-4 words; the first starts with a letter; at most 40 characters (checked below); then
# perhaps a name or role in parentheses (at most 40 characters, no colon)
NAME = r"[^\W\d_][\w.'’\-]*(?:[ \t][\w.'’\-]+){0,3}(?:[ \t]?\([^()\r\n:]{1,40}\))?"
_TS = rf"[\[(]?(?P<ts>{TIMESTAMP})[\])]?"
LABEL_RE = re.compile(rf"[ \t]*(?:{_TS}[ \t]*(?:[-–—][ \t]*)?)?(?P<name>{NAME})[ \t]*:(?:[ \t]+|$)")
OTTER_RE = re.compile(rf"[ \t]*(?P<name>{NAME}?)(?P<sep>[ \t]+)(?P<ts>{TIMESTAMP})[ \t]*$")
TIME_ONLY_RE = re.compile(rf"[ \t]*{_TS}[ \t]*$")
GENERIC_RE = re.compile(r"(?i)^(?:speaker|спикер|участник|говорящий|interviewer|respondent|"
                        r"moderator|интервьюер|респондент|модератор)\b")
MAX_NAME = 40
MAX_LABEL = MAX_NAME + 43          # with a parenthesised part: " (", 40 characters, ")"


def _too_long(name: str) -> bool:
    """The name before any parenthesised part is longer than MAX_NAME."""
    return len(name.split("(", 1)[0].rstrip()) > MAX_NAME


# A line that starts a turn (or gives a time), as found by _find_marks: a plain tuple
# (fast to make; there is one per line in many transcripts)
# (kind, line_start, text_start, name, time, sep, bare) with
#   kind        "label", "head" (Otter) or "time"
#   text_start  where the turn's text starts
#   name        the speaker's name (None for "time")
#   time        seconds of the line's timestamp, or None
#   sep         width of the gap before an Otter timestamp (0 for the others)
#   bare        a "Name:" label alone on its line (the text follows below)
_Mark = tuple

_EOL = r"(?=[\r\n]|\Z)"       # the end of a line, inside the whole text


def _in_text(pattern: str, prefix: str) -> str:
    """One-line ``pattern`` for use inside the whole text: ``$`` becomes the end of the line
    and its groups are renamed with ``prefix`` (so that the layouts fit in one regex)."""
    return pattern.replace("$", _EOL).replace("(?P<", f"(?P<{prefix}")


# A mark at a line start: one of the three layouts. No line can match two of them (a
# time-only line has no letter; an Otter line has no colon followed by a space or the end
# of the line, as a label needs), so trying the label first, the most common, finds the
# same as trying time-only, Otter and label in turn. ``bare`` takes part when only
# whitespace follows a label on its line.
_MARK = (rf"(?P<label>{_in_text(LABEL_RE.pattern, 'l_')}(?:(?=[^\S\r\n]*{_EOL})(?P<bare>)|))"
         rf"|(?P<time>{_in_text(TIME_ONLY_RE.pattern, 't_')})"
         rf"|(?P<head>{_in_text(OTTER_RE.pattern, 'h_')})")
_MARK_RE = re.compile(_MARK)                                    # at the start of the text
_MARK_AFTER_LF_RE = re.compile(rf"\n(?:{_MARK})")               # fast: the search skips to "\n"
_MARK_AFTER_BREAK_RE = re.compile(rf"(?:\r\n?|\n)(?:{_MARK})")  # for texts with a lone "\r"
_G = _MARK_RE.groupindex    # group numbers (the same in the three regexes): faster than names
_LABEL, _TIME, _BARE, _L_NAME, _L_TS = _G["label"], _G["time"], _G["bare"], _G["l_name"], _G["l_ts"]
_BLANK_AFTER_LF_RE = re.compile(r"\n(?=[^\S\n]*(?:\n|\Z))")
# the start of a paragraph's first line: the text's first non-blank line, or one after a blank line
_BR = r"(?:\r\n|\r(?!\n)|\n)"
_PARAGRAPH_RE = re.compile(rf"(?:\A|{_BR}[^\S\r\n]*{_BR})(?:[^\S\r\n]*{_BR})*(?=[^\S\r\n]*\S)")
_segment = partial(tuple.__new__, Segment)   # a Segment from a full tuple, without a Python-level call
# seconds of a timestamp; transcripts repeat them ("[00:08:06]" in every meeting)
_seconds = lru_cache(maxsize=4096)(parse_timestamp)


def _mark_matches(text: str) -> Iterator[re.Match]:
    """The ``_MARK`` matches at line starts (after ``\\n``, ``\\r\\n`` or ``\\r``), in order."""
    first = _MARK_RE.match(text)
    lone_cr = "\r" in text and text.count("\r") != text.count("\r\n")
    rest = (_MARK_AFTER_BREAK_RE if lone_cr else _MARK_AFTER_LF_RE).finditer(text)
    return chain([first], rest) if first else rest


def _find_marks(text: str) -> list[_Mark]:
    """The lines that start turns or give times, in order, before any of them is rejected."""
    marks: list[_Mark] = []
    append = marks.append
    for m in _mark_matches(text):
        if m.lastindex != _LABEL:
            if mark := _line_mark(text, m):
                append(mark)
            continue
        # a name never has surrounding whitespace: it starts with a letter and ends
        # with a word character or one of .'’-
        name, ts, bare = m.group(_L_NAME, _L_TS, _BARE)
        if _too_long(name):
            continue
        time = None if ts is None else _seconds(ts)
        if ts is None or time is not None:          # a timestamp must be a valid one
            start, end = m.span(_LABEL)
            append(("label", start, end, name, time, 0, bare is not None))
    return marks


def _line_mark(text: str, m: re.Match) -> _Mark | None:
    """The mark of a time-only or Otter line (these take the whole line)."""
    assert m.lastindex is not None      # each alternative of the mark patterns is a group
    start, end = m.span(m.lastindex)
    next_line = end + 2 if text.startswith("\r\n", end) else min(end + 1, len(text))
    if m.lastindex == _TIME:                        # kept even with an invalid time
        return ("time", start, next_line, None, _seconds(m.group("t_ts")), 0, False)
    name, sep, ts = m.group("h_name", "h_sep", "h_ts")
    # an Otter line that fails here is no label either (it has no colon a label can end with)
    if not _too_long(name) and (time := _seconds(ts)) is not None:
        return ("head", start, next_line, name, time, 2 if "\t" in sep else len(sep), False)
    return None


def _count_nonempty_lines(text: str) -> int:
    """How many lines of ``text`` have something besides whitespace."""
    if "\r" in text:          # the same lines (not offsets), all ending in "\n"
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    first = text.split("\n", 1)[0]
    blank = len(_BLANK_AFTER_LF_RE.findall(text)) + (not first.strip())
    return text.count("\n") + 1 - blank


def _accepted(text: str, marks: list[_Mark]) -> list[_Mark]:
    """The marks taken as speaker turns or times (see the module docstring)."""
    counts = Counter(map(itemgetter(3), marks))

    @cache
    def everything_labelled() -> bool:
        kinds = Counter(map(itemgetter(0), marks))      # an Otter head is a non-empty line, no label
        return not kinds["head"] and kinds["label"] + kinds["time"] == _count_nonempty_lines(text)

    @cache
    def two_bare() -> bool:
        return sum(map(itemgetter(6), marks)) >= 2

    @cache
    def paragraph_labels() -> frozenset[int]:
        """Line starts of the paragraphs that open with a label, when every paragraph after the
        first opens with a mark and at least two with a label (else none)."""
        starts = [m.end() for m in _PARAGRAPH_RE.finditer(text)]
        kinds = {mark[1]: mark[0] for mark in marks}
        if any(start not in kinds for start in starts[1:]):
            return frozenset()
        labelled = frozenset(start for start in starts if kinds.get(start) == "label")
        return labelled if len(labelled) >= 2 else frozenset()

    def accepted(mark: _Mark) -> bool:
        kind, line_start, _, name, _, sep, bare = mark
        if kind == "head":
            return sep >= 2 or counts[name] >= 2
        return (counts[name] >= 2 or bool(GENERIC_RE.match(name)) or (bare and two_bare()) or everything_labelled()
                or line_start in paragraph_labels())

    # time-only lines, and labels with a timestamp, are always taken (most marks)
    return [mark for mark in marks
            if mark[0] == "time" or (mark[4] is not None and mark[0] == "label") or accepted(mark)]


def find_turns(text: str) -> list[Segment]:
    """The speaker segments of ``text`` (empty when it has no recognisable speaker turns)."""
    marks = _find_marks(text)
    if not marks:
        return []
    marks = _accepted(text, marks)
    if not any(mark[3] for mark in marks) and not any(mark[0] == "time" for mark in marks):
        return []
    return _segments(text, marks)


def has_turn_marks(text: str) -> bool:
    """Whether a line of ``text`` could start a speaker turn or give a time (without one,
    :func:`find_turns` finds nothing, in this text or in any text made of such pieces)."""
    return bool(_find_marks(text))


def _segments(text: str, marks: list[_Mark]) -> list[Segment]:
    """The text before, between and after the accepted ``marks``, trimmed, as segments."""
    segments: list[Segment] = []
    speaker: str | None = None
    seg_start, seg_time = 0, None
    carry: float | None = None      # a timestamp-only line's time, until a segment uses it
    end_of_text = ("end", len(text), len(text), None, None, 0, False)
    for kind, line_start, text_start, name, time, _, _ in chain(marks, [end_of_text]):
        chunk = text[seg_start:line_start]
        stripped = chunk.strip()
        if stripped:
            start = seg_start + len(chunk) - len(chunk.lstrip())
            segments.append(_segment((start, start + len(stripped), speaker, seg_time, None)))
            carry = None
        if kind == "time":
            carry = time
            seg_start, seg_time = text_start, carry
        else:
            speaker = name
            seg_start = text_start
            seg_time = time if time is not None else carry
    return segments


def split_label(line: str) -> tuple[str, str] | None:
    """``("Name", "rest")`` when ``line`` starts with a ``Name:`` label (no timestamp), else None."""
    m = LABEL_RE.match(line)
    if not m or m.group("ts") or _too_long(m.group("name")):
        return None
    return m.group("name").strip(), line[m.end():]


def accepted_names(labels: list[str | None]) -> set[str]:
    """Which ``Name:`` labels of a list of utterances (None: unlabelled) are taken as speakers.

    The same rule as for plain text: a name used at least twice, a generic label, or every
    utterance labelled; and a name used once when at least three quarters of the utterances
    are labelled, two of them by names taken by those rules (each utterance is a paragraph of
    its own, and a file labelled this consistently is a labelled transcript).
    """
    counts = Counter(n for n in labels if n)
    everything = bool(labels) and all(labels)
    names = {n for n in counts if everything or counts[n] >= 2 or GENERIC_RE.match(n)}
    labelled = sum(counts.values())
    if 4 * labelled >= 3 * len(labels) and sum(counts[n] for n in names) >= 2:
        names.update(counts)
    return names
