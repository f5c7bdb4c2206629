"""Escaping for every output medium: one small function per medium, used by every format and command.

Text in jargon's output comes from transcripts, dictionaries, speaker names and file names,
so it is hostile until escaped for where it goes:

- :func:`terminal`: a terminal line (``decode`` text format, ``dict show``, ``lookup``,
  ``stats``, ``plugins``, error messages). Control characters (C0, DEL, C1: ESC, OSC, bell,
  backspace, carriage return, line breaks) and bidirectional overrides are shown as
  ``\\x1b``-style escapes, never raw; a byte of an undecodable file name
  (``os.fsdecode``'s surrogate escapes) is shown as ``\\xNN``. One field stays on one line.
- :func:`csv_cell`: a spreadsheet cell. A text starting with ``=``, ``+``, ``-``, ``@``, tab or
  CR gets a leading apostrophe (OWASP's advice against formula injection), and text longer
  than Excel's 32,767 characters is cut, ending with :data:`CUT_MARK`.
- :func:`html_text`: HTML text and attribute values (``html.escape``; C0 controls other than
  tab/LF/CR, DEL, C1 and non-characters, which are parse errors, become U+FFFD).
- :func:`markdown_inline` / :func:`markdown_line`: Markdown that shows the text as written.
- :func:`json_text`: serialised JSON made safe for line-splitting readers (U+2028, U+2029 and
  U+0085 escaped).
- :func:`unicode_text`: lone surrogates (library use, ``--encoding unicode_escape``, file names
  that are not valid UTF-8) as U+FFFD, which every UTF-8 output needs; the functions above
  apply it too.
"""
from __future__ import annotations

import html
import re

_SURROGATE = re.compile("[\ud800-\udfff]")


def unicode_text(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (so that it encodes as UTF-8)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


# -- terminals ---------------------------------------------------------------------

# C0 controls except tab, DEL, C1 controls, the Unicode line/paragraph separators, bidi
# embeddings/overrides/isolates (they reorder what follows on the line), and lone surrogates.
_TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\x1b": "\\x1b"}


def _visible(m: re.Match) -> str:
    ch = m.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:          # a byte that os.fsdecode could not decode
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def terminal(text: object) -> str:
    """``text`` safe to print on a terminal on one line: control characters shown as escapes."""
    s = text if isinstance(text, str) else str(text)
    return _TERMINAL_UNSAFE.sub(_visible, s)


def terminal_block(text: str) -> str:
    """Several lines for a terminal: each line as :func:`terminal` shows it, line ends kept."""
    return "\n".join(terminal(line.removesuffix("\r")) for line in text.split("\n"))


# -- CSV ------------------------------------------------------------------------------

CSV_CELL_LIMIT = 32_767          # the most characters an Excel cell holds
CUT_MARK = " […cut]"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text: never a formula, never longer than a cell holds.

    Numbers and None are returned unchanged (a negative number is a number, not a formula).
    """
    if not isinstance(value, str):
        return value
    text = unicode_text(value)
    if text.startswith(_FORMULA_START):
        text = "'" + text
    return cell_text(text)


def cell_text(text: str) -> str:
    """``text`` cut to the 32,767 characters a spreadsheet cell holds, ending with :data:`CUT_MARK` if cut."""
    return text[: CSV_CELL_LIMIT - len(CUT_MARK)] + CUT_MARK if len(text) > CSV_CELL_LIMIT else text


def csv_row(values) -> list:
    """:func:`csv_cell` applied to every value of a row."""
    return [csv_cell(v) for v in values]


# -- HTML -----------------------------------------------------------------------------

_HTML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff]")


def html_text(text: str) -> str:
    """Text for an HTML element or a quoted attribute value: escaped, without parse-error characters."""
    return html.escape(_HTML_BAD.sub("\ufffd", text), quote=True)


# -- Markdown -------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|&~^$!])")
# every character CommonMark or a renderer may take as a line break, and other C0 controls
_MD_BREAKS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]+")
_MD_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")


def markdown_inline(text: str) -> str:
    """Text that Markdown shows as written inside a line: no emphasis, code, links, HTML,
    entities or table cells, and no line break (so nothing can start a list, a heading or a rule)."""
    return _MD_SPECIAL.sub(r"\\\1", _MD_BREAKS.sub(" ", unicode_text(text)))


def _md_unlist(m: re.Match) -> str:
    mark = m.group(2)
    return mark + "\\" if mark[0].isdigit() else "\\" + mark


def markdown_line(escaped: str) -> str:
    """An already inline-escaped line that must not start a block when it opens a line: no list
    item (``-``, ``+``, ``1.``), no setext heading or rule (``=``, ``-``), no indented code block."""
    return _MD_LINE_START.sub(_md_unlist, escaped.lstrip(" \t"), count=1)


# -- JSON -----------------------------------------------------------------------------

_JSON_LINE_BREAKS = re.compile("[\u2028\u2029\u0085]")


def json_text(serialised: str) -> str:
    """Serialised JSON (``ensure_ascii=False``) with U+2028, U+2029 and U+0085 written as ``\\u``
    escapes and lone surrogates as U+FFFD. Safe because JSON can only hold them inside strings."""
    if "\u2028" in serialised or "\u2029" in serialised or "\u0085" in serialised:   # rare: skip the regex
        serialised = _JSON_LINE_BREAKS.sub(lambda m: f"\\u{ord(m.group()):04x}", serialised)
    return unicode_text(serialised)
