"""The one JSON style of every command: UTF-8 text as is (Cyrillic is not escaped), one settings place.

Line separators (U+2028, U+2029, U+0085) are escaped and lone surrogates replaced
(:func:`jargon.escape.json_text`), so line-splitting readers of JSON Lines never break.

``document`` is the indented form (``decode -f json``, ``stats --format json``, ``dict``,
``lookup``, ``plugins``); ``line`` is one compact object per line (``-f jsonl``).
"""
from __future__ import annotations

import json
from typing import IO, Any

from jargon.escape import json_text


def line(obj: Any) -> str:
    """``obj`` as one line of JSON (no trailing newline)."""
    return json_text(json.dumps(obj, ensure_ascii=False))


def document(obj: Any, out: IO[str]) -> None:
    """Write ``obj`` to ``out`` as indented JSON followed by a newline."""
    out.write(json_text(json.dumps(obj, ensure_ascii=False, indent=2)))
    out.write("\n")
