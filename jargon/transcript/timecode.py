"""Timestamps as transcripts write them, to seconds.

``0:08`` and ``12:31`` are minutes:seconds, ``1:02:03`` is hours:minutes:seconds;
a fraction may follow after ``.`` or ``,`` (``00:00:01,500`` in SRT, ``00:01.500`` in VTT).
"""
from __future__ import annotations

import re

# one timestamp: [H]H:MM[:SS][.mmm|,mmm]
TIMESTAMP = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_TIMESTAMP_RE = re.compile(rf"^{TIMESTAMP}$")


def parse_timestamp(value: str) -> float | None:
    """Seconds for ``value``, or None when it is not a timestamp (or minutes/seconds exceed 59)."""
    value = value.strip()
    if not _TIMESTAMP_RE.match(value):
        return None
    main, _, fraction = value.replace(",", ".").partition(".")
    parts = [int(p) for p in main.split(":")]
    if any(p > 59 for p in parts[1:]):
        return None
    if len(parts) == 2:
        parts.insert(0, 0)
    hours, minutes, seconds = parts
    frac = int(fraction.ljust(3, "0")) / 1000 if fraction else 0.0
    return hours * 3600 + minutes * 60 + seconds + frac
