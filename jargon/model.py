"""The data jargon works with: dictionary entries, dictionaries, documents and matches.

Plain frozen dataclasses (and one named tuple) with no heavy imports, shared by every module and plugin.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple


@dataclass(frozen=True, slots=True)      # (slots: a large dictionary holds tens of thousands)
class Entry:
    """One dictionary entry: a phrase people say and what it really means."""

    id: str
    phrase: str                      # the headword, verbatim
    meaning: str                     # what it really means, verbatim
    variants: tuple[str, ...] = ()   # other ways people say it
    placeholders: tuple[str, ...] = ()  # words in phrase/variants that stand for "any colleague"
    tags: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()   # sentences that must decode to this entry
    explicit: bool = False           # the meaning uses obscene language
    clean_meaning: str | None = None  # softened meaning shown with --clean
    anchor: str = "any"              # "any" or "start": the phrase opens an utterance (an address)
    inflect: bool = True             # match inflected forms (False: only the written forms, typos allowed)
    literal: tuple[str, ...] = ()    # collocations in which the words are literal, not jargon
    context: tuple[str, ...] = ()    # words or {sets}, one of which must be near a match (jargon.engine.context)
    unless: tuple[str, ...] = ()     # words or {sets}, none of which may be near a match (a literal topic)
    note: str | None = None
    derive: bool = False             # a single word: the words built on its root count too (факап -> профакапить)
    root: str | None = None          # the root to derive from (default: the headword's stem)
    sources: tuple[str, ...] = ()    # ids of the dictionary's [sources] that cite this entry
    line: int = 0                    # line of the entry in its source file (0 when built in code)

    def display_meaning(self, clean: bool = False) -> str:
        if clean and self.explicit and self.clean_meaning:
            return self.clean_meaning
        return self.meaning


@dataclass(frozen=True)
class Dictionary:
    """A named set of entries, usually read from a TOML file."""

    name: str
    entries: tuple[Entry, ...]
    title: str = ""
    language: str = "ru"
    version: str = "0"
    license: str = ""
    source: str = ""
    description: str = ""
    spellings: dict[str, tuple[str, ...]] = field(default_factory=dict)  # word -> other spellings
    synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)   # word -> words that may replace it
    sets: dict[str, tuple[str, ...]] = field(default_factory=dict)       # name -> words, for {name} slots
    sources: dict[str, str] = field(default_factory=dict)                # id -> citation of a published source
    path: Path | None = None
    plugin: str | None = None        # the plugin that contributed it

    def entry(self, entry_id: str) -> Entry | None:
        for entry in self.entries:
            if entry.id == entry_id:
                return entry
        return None


@dataclass(frozen=True)
class Match:
    """A dictionary phrase found in a text. ``text[start:end] == match.text`` (code points)."""

    start: int
    end: int
    text: str
    entry: Entry
    dictionary: str
    score: float
    # with --explain: how it matched (jargon.engine.explain); a near miss also says why it was rejected
    explain: dict | None = field(default=None, compare=False, repr=False, kw_only=True)

    @property
    def phrase(self) -> str:
        return self.entry.phrase

    @property
    def meaning(self) -> str:
        return self.entry.meaning


class Segment(NamedTuple):
    """A stretch of a document said by one speaker; offsets into ``Document.text``.

    An immutable named tuple rather than a dataclass: a transcript has one per turn
    (55,000 in a million words), and a tuple is made five times faster."""

    start: int
    end: int
    speaker: str | None = None
    time_start: float | None = None   # seconds from the start of the recording
    time_end: float | None = None


@dataclass
class Document:
    """A transcript as jargon reads it: one text plus the segments that say who spoke when."""

    text: str
    name: str = "<stdin>"            # file name as given, or "<stdin>"
    segments: list[Segment] = field(default_factory=list)
    reader: str = "text"
    path: Path | None = None
    source: str | None = None        # the file's text when ``text`` was rebuilt from it (subtitles)
    encoding: str | None = None      # the encoding the file was read in (given or detected), if known

    def segment_at(self, offset: int) -> Segment | None:
        """The segment that contains ``offset`` (binary search), or None."""
        segs = self.segments
        lo, hi = 0, len(segs)
        while lo < hi:
            mid = (lo + hi) // 2
            if segs[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(segs) and segs[lo].start <= offset < segs[lo].end:
            return segs[lo]
        return None


@dataclass
class DecodedDocument:
    """A document and the matches found in it, in text order."""

    document: Document
    matches: list[Match]
    near_misses: list[Match] = field(default_factory=list)   # with --near-misses: rejected candidates


def format_time(seconds: float | None) -> str | None:
    """Seconds as ``HH:MM:SS.mmm`` (None stays None)."""
    if seconds is None:
        return None
    ms = int(round(seconds * 1000))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"
