"""Timestamps as transcripts write them, to seconds.

``0:08`` and ``12:31`` are minutes:seconds, ``1:02:03`` is hours:minutes:seconds;
a fraction may follow after ``.`` or ``,`` (``00:00:01,500`` in SRT, ``00:01.500`` in VTT).
"""
from __future__ import annotations

import re

# one timestamp: [H]H:MM[:SS][.mmm|,mmm]
TIMESTAMP = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
# the same, its parts as groups: 1-2 (and 3) the numbers before (and between) the colons, 4 the fraction
_TIMESTAMP_RE = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,](\d{1,3}))?")


def parse_timestamp(value: str) -> float | None:
    """Seconds for ``value``, or None when it is not a timestamp (or minutes/seconds exceed 59)."""
    m = _TIMESTAMP_RE.fullmatch(value.strip())
    if m is None:
        return None
    first, second, third, fraction = m.groups()
    if third is None:           # M:SS (minutes may exceed 59, as in "75:10")
        hours, minutes, seconds = 0, int(first), int(second)
    else:                       # H:MM:SS
        hours, minutes, seconds = int(first), int(second), int(third)
        if minutes > 59:
            return None
    if seconds > 59:
        return None
    frac = int(fraction.ljust(3, "0")) / 1000 if fraction else 0.0
    return hours * 3600 + minutes * 60 + seconds + frac
