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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
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
# (the first line break of a blank line opens the others, so their search skips from line
# break to line break; an alternative with \A would try every position)
_FIRST_PARAGRAPH_RE = re.compile(rf"(?:[^\S\r\n]*{_BR})*(?=[^\S\r\n]*\S)")
_PARAGRAPH_RE = re.compile(rf"{_BR}[^\S\r\n]*{_BR}(?:[^\S\r\n]*{_BR})*(?=[^\S\r\n]*\S)")
_PARAGRAPH_LF_RE = re.compile(r"\n[^\S\r\n]*\n(?:[^\S\r\n]*\n)*(?=[^\S\r\n]*\S)")   # fast: no "\r" in the text
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
        if len(name) > MAX_NAME and _too_long(name):     # (the length first: one call less per line)
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
    @cache
    def everything_labelled() -> bool:
        kinds = Counter(map(itemgetter(0), marks))      # an Otter head is a non-empty line, no label
        return not kinds["head"] and kinds["label"] + kinds["time"] == _count_nonempty_lines(text)

    @cache
    def paragraph_labels() -> frozenset[int]:
        """Line starts of the paragraphs that open with a label, when every paragraph after the
        first opens with a mark and at least two with a label (else none)."""
        starts = _paragraphs(text)
        kinds = {mark[1]: mark[0] for mark in marks}
        if any(start not in kinds for start in starts[1:]):
            return frozenset()
        labelled = frozenset(start for start in starts if kinds.get(start) == "label")
        return labelled if len(labelled) >= 2 else frozenset()

    return _accept(marks, Counter(map(itemgetter(3), marks)), sum(map(itemgetter(6), marks)) >= 2,
                   everything_labelled, paragraph_labels)


def _accept(marks: list[_Mark], counts: Counter, two_bare: bool, everything_labelled: Callable[[], bool],
            paragraph_labels: Callable[[], frozenset[int]]) -> list[_Mark]:
    """The marks taken, given what decides it over the whole text: ``counts`` of each name,
    whether two labels stand alone on their lines, whether every non-empty line is labelled,
    and the line starts of paragraphs that open with a label (when that layout holds)."""
    def accepted(mark: _Mark) -> bool:
        kind, line_start, _, name, _, sep, bare = mark
        if kind == "head":
            return sep >= 2 or counts[name] >= 2
        return (counts[name] >= 2 or bool(GENERIC_RE.match(name)) or (bare and two_bare) or everything_labelled()
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


def mark_starts(text: str) -> list[int]:
    """Where the lines of ``text`` that could start a turn or give a time start (the text's
    start counts as a line start)."""
    return [mark[1] for mark in _find_marks(text)]


@dataclass
class _Turn:
    """Where the segment being read started, who speaks and when (carried from block to block)."""

    speaker: str | None = None
    start: int = 0
    time: float | None = None
    carry: float | None = None      # a timestamp-only line's time, until a segment uses it


def _segments(text: str, marks: list[_Mark], turn: _Turn | None = None) -> list[Segment]:
    """The text before, between and after the accepted ``marks``, trimmed, as segments. With
    ``turn`` (a text read in blocks), the turn goes on from the previous block and into the next."""
    segments: list[Segment] = []
    t = turn or _Turn()
    end_of_text = ("end", len(text), len(text), None, None, 0, False)
    for kind, line_start, text_start, name, time, _, _ in chain(marks, [end_of_text]):
        chunk = text[t.start:line_start]
        stripped = chunk.strip()
        if stripped:
            start = t.start + len(chunk) - len(chunk.lstrip())
            segments.append(_segment((start, start + len(stripped), t.speaker, t.time, None)))
            t.carry = None
        if kind == "end":
            break
        if kind == "time":
            t.carry = time
            t.start, t.time = text_start, t.carry
        else:
            t.speaker = name
            t.start = text_start
            t.time = time if time is not None else t.carry
    t.start = 0
    return segments


@dataclass
class TurnStats:
    """What decides which labels are speakers, gathered over a text read in consecutive blocks
    that end at line breaks (``add`` each in turn), for :class:`BlockTurns`: the same turns as
    :func:`find_turns` of the whole text. A text with a lone ``\r`` is not for blocks (``lone_cr``)."""

    counts: Counter = field(default_factory=Counter)        # marks per name
    kinds: Counter = field(default_factory=Counter)
    bare: int = 0
    nonempty: int = 0
    lone_cr: bool = False
    paragraphs: int = 0
    unmarked_paragraph: bool = False    # a paragraph after the first opens without a mark
    labelled_paragraphs: int = 0
    timed_labels: int = 0
    generic_label: bool = False
    label_names: set = field(default_factory=set)
    head_names: set = field(default_factory=set)            # named Otter heads, and those with a wide gap
    wide_head: bool = False
    last_blank: bool = True             # the last block ended with a blank line (or none came yet)
    blocks: int = 0

    def add(self, text: str) -> None:
        marks = _find_marks(text)
        self.counts.update(map(itemgetter(3), marks))
        self.kinds.update(map(itemgetter(0), marks))
        self.bare += sum(map(itemgetter(6), marks))
        self.nonempty += _count_nonempty_lines(text)
        self.lone_cr = self.lone_cr or ("\r" in text and text.count("\r") != text.count("\r\n"))
        for kind, _, _, name, time, sep, _ in marks:
            if kind == "label":
                self.label_names.add(name)
                self.timed_labels += time is not None
                self.generic_label = self.generic_label or bool(GENERIC_RE.match(name))
            elif kind == "head" and name:
                self.head_names.add(name)
                self.wide_head = self.wide_head or sep >= 2
        kinds = {mark[1]: mark[0] for mark in marks}
        for start in _paragraph_starts(text, self.blocks == 0, self.last_blank):
            if self.paragraphs and start not in kinds:
                self.unmarked_paragraph = True
            self.labelled_paragraphs += kinds.get(start) == "label"
            self.paragraphs += 1
        self.last_blank = _ends_blank(text, self.last_blank)
        self.blocks += 1

    def everything_labelled(self) -> bool:
        return not self.kinds["head"] and self.kinds["label"] + self.kinds["time"] == self.nonempty

    def paragraph_layout(self) -> bool:
        return not self.unmarked_paragraph and self.labelled_paragraphs >= 2

    def named(self) -> bool:
        """Whether a turn is taken that has a speaker or a time (else :func:`find_turns` finds none)."""
        counts = self.counts
        return bool(self.kinds["time"] or self.timed_labels or self.generic_label or self.wide_head
                    or (self.bare >= 2) or any(counts[n] >= 2 for n in self.label_names | self.head_names)
                    or (self.label_names and self.everything_labelled()) or self.paragraph_layout())


class BlockTurns:
    """The speaker segments of a text read in blocks (the blocks that made ``stats``, again in
    order): ``segments(block)`` gives the block's, with offsets into the block."""

    def __init__(self, stats: TurnStats):
        self.stats = stats
        self.named = stats.named()
        self.turn = _Turn()
        self.first = True
        self.last_blank = True

    def segments(self, text: str) -> list[Segment]:
        first, after_blank = self.first, self.last_blank
        self.first, self.last_blank = False, _ends_blank(text, self.last_blank)
        if not self.named:
            return []
        stats = self.stats
        marks = _find_marks(text)

        @cache
        def paragraph_labels() -> frozenset[int]:
            if not stats.paragraph_layout():
                return frozenset()
            kinds = {mark[1]: mark[0] for mark in marks}
            return frozenset(s for s in _paragraph_starts(text, first, after_blank) if kinds.get(s) == "label")

        marks = _accept(marks, stats.counts, stats.bare >= 2, stats.everything_labelled, paragraph_labels)
        return _segments(text, marks, self.turn)


def _paragraph_starts(text: str, first: bool, after_blank: bool) -> list[int]:
    """The paragraph starts of a block (``first``: of the text; ``after_blank``: the block
    before ended with a blank line): the text's start is one only when it is one in the whole text."""
    starts = _paragraphs(text)
    if starts and starts[0] == 0 and not first and not after_blank:
        del starts[0]
    return starts


def _paragraphs(text: str) -> list[int]:
    """Where the paragraphs of ``text`` start: its first non-blank line, and each line with
    something on it that follows a blank line (the start of the line)."""
    first = _FIRST_PARAGRAPH_RE.match(text)
    if first is None:
        return []       # nothing but whitespace
    after_blank = _PARAGRAPH_RE if "\r" in text else _PARAGRAPH_LF_RE
    # (up to the last non-blank character: trailing blank lines would make each line break
    # look ahead through all of them, quadratic in their number)
    return [first.end(), *(m.end() for m in after_blank.finditer(text, first.end(), len(text.rstrip())))]


def _ends_blank(text: str, before: bool) -> bool:
    """Whether the last line of ``text`` (which ends with a line break) is blank; ``before`` for an
    empty text."""
    body = text[:-1] if text.endswith("\n") else text
    if not body:
        return before if not text else True
    return not body[body.rfind("\n") + 1:].strip()


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
