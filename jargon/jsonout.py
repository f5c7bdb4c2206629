"""The one JSON style of every command: UTF-8 text as is (Cyrillic is not escaped), one settings place.

``document`` is the indented form (``decode -f json``, ``stats --format json``, ``dict``,
``lookup``, ``plugins``); ``line`` is one compact object per line (``-f jsonl``).
"""
from __future__ import annotations

import json
from typing import IO, Any


def line(obj: Any) -> str:
    """``obj`` as one line of JSON (no trailing newline)."""
    return json.dumps(obj, ensure_ascii=False)


def document(obj: Any, out: IO[str]) -> None:
    """Write ``obj`` to ``out`` as indented JSON followed by a newline."""
    out.write(json.dumps(obj, ensure_ascii=False, indent=2))
    out.write("\n")
