"""Counts for the summary tab: matches per entry, per speaker, per 1,000 words. No Textual here."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from jargon.model import Document, Match

WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass(frozen=True)
class EntryCount:
    entry_id: str
    phrase: str
    dictionary: str
    count: int


@dataclass(frozen=True)
class SpeakerCount:
    speaker: str
    matches: int
    words: int

    @property
    def per_1000(self) -> float:
        return 1000.0 * self.matches / self.words if self.words else 0.0


@dataclass(frozen=True)
class Summary:
    words: int
    matches: int
    entries: list[EntryCount]
    speakers: list[SpeakerCount]

    @property
    def per_1000(self) -> float:
        return 1000.0 * self.matches / self.words if self.words else 0.0


def count_words(text: str) -> int:
    return sum(1 for _ in WORD_RE.finditer(text))


def summarize(doc: Document, matches: Sequence[Match]) -> Summary:
    """``matches`` are the ones that count (the app leaves out dismissed matches)."""
    per_entry: Counter = Counter()
    first: dict[tuple[str, str], Match] = {}
    for m in matches:
        key = (m.dictionary, m.entry.id)
        per_entry[key] += 1
        first.setdefault(key, m)
    entries = [EntryCount(eid, first[(d, eid)].entry.phrase, d, n)
               for (d, eid), n in sorted(per_entry.items(), key=lambda kv: (-kv[1], first[kv[0]].entry.phrase))]
    speakers: list[SpeakerCount] = []
    if any(s.speaker for s in doc.segments):
        words: Counter = Counter()
        found: Counter = Counter()
        for s in doc.segments:
            words[s.speaker or "?"] += count_words(doc.text[s.start:s.end])
        for m in matches:
            seg = doc.segment_at(m.start)
            found[(seg.speaker or "?") if seg else "?"] += 1
        names = sorted(set(words) | set(found), key=lambda n: (-found[n], n))
        speakers = [SpeakerCount(n, found[n], words[n]) for n in names]
    return Summary(count_words(doc.text), len(matches), entries, speakers)
