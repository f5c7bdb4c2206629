"""Text and speaker turns of a .docx transcript (python-docx, the optional ``jargon-decoder[docx]`` extra).

The document text is the body's paragraphs in order, one per line (``\\n``; a line break
inside a paragraph also starts a new line); a table row becomes one line with its cells
separated by a tab (a merged cell once). Speaker turns in the paragraphs are found exactly
as in plain text (:func:`jargon.transcript.speakers.find_turns`), which covers the layouts
Word exports of Teams, Otter and hand-typed transcripts use.

A table laid out as a transcript (:func:`transcript_columns`: a text column, and a speaker
or a time column; ``time | speaker | text`` in any order) gives one segment per row: its
text cell, the speaker cell's name (an empty one continues the speaker above) and the time
cell's start time. Other tables are text like the paragraphs.
"""
from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from typing import NamedTuple

from jargon.errors import InputError, JargonError
from jargon.model import Segment

from .speakers import GENERIC_RE, LABEL_RE, find_turns
from .timecode import TIMESTAMP, parse_timestamp

_TIME_CELL_RE = re.compile(rf"\s*[\[(]?(?P<ts>{TIMESTAMP})[\])]?(?:\s*[-–—]+\s*[\[(]?{TIMESTAMP}[\])]?)?\s*$")
_SPEAKER_HEADS = {"speaker", "name", "who", "спикер", "говорящий", "участник", "кто", "имя", "роль", "role"}
_TIME_HEADS = {"time", "start", "timecode", "время", "таймкод", "начало"}
_TEXT_HEADS = {"text", "transcript", "utterance", "текст", "реплика", "расшифровка", "высказывание", "ответ"}


class Columns(NamedTuple):
    """Where a transcript table keeps its time, speaker and text (column numbers, or None)."""

    width: int            # cells in a transcript row
    time: int | None
    speaker: int | None
    text: int
    header: bool          # the first row names the columns


def docx_document(data: bytes, name: str) -> tuple[str, list[Segment]]:
    """The document text of a .docx file and its speaker segments."""
    document = _open(data, name)
    lines: list[str] = []
    rows: list[tuple[int, Columns, list[str]]] = []     # (line number, columns, cells) of transcript rows
    for block in _blocks(document):
        if hasattr(block, "rows"):
            cells = [_cells(row) for row in block.rows]
            columns = transcript_columns(cells)
            for k, row in enumerate(cells):
                if columns is not None and len(row) == columns.width and not (k == 0 and columns.header):
                    rows.append((len(lines), columns, row))
                lines.append("\t".join(row))
        else:
            lines.extend(block.text.replace("\r", "").replace("\v", "\n").split("\n"))
    text = "\n".join(lines) + "\n" if lines else ""
    return text, _segments(lines, rows)

#: The most a part of a .docx (``word/document.xml``, a header, an image) may inflate to, and
#: the most all its parts together may: a document bomb (a few MB that inflate to gigabytes of
#: XML) is refused before python-docx reads it. A two-hour transcript's document.xml is 1-3 MB.
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024


def check_sizes(data: bytes, name: str) -> None:
    """Refuse a .docx whose parts inflate past :data:`MAX_PART_BYTES` (one) or :data:`MAX_TOTAL_BYTES` (all).

    The sizes are those the zip declares; zipfile never inflates a part past its declared
    size (a part that would is a CRC error), so the check bounds what python-docx reads.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(f"{name}: not a readable .docx file ({type(exc).__name__})") from None
    limit = MAX_PART_BYTES // 2**20
    for info in infos:
        if info.file_size > MAX_PART_BYTES:
            raise InputError(f"{name}: {info.filename} inflates to {info.file_size / 2**20:,.0f} MB, more than the "
                             f"{limit} MB jargon reads from one part of a .docx")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_BYTES:
        raise InputError(f"{name}: inflates to {total / 2**20:,.0f} MB, more than the "
                         f"{MAX_TOTAL_BYTES // 2**20} MB jargon reads from a .docx")


def docx_text(data: bytes, name: str) -> str:
    """The document text of a .docx file (see the module docstring)."""
    return docx_document(data, name)[0]


def _open(data: bytes, name: str):
    try:
        import docx  # python-docx
    except ImportError:
        raise JargonError(f"{name}: reading .docx needs python-docx: pip install jargon-decoder[docx]") from None
    check_sizes(data, name)
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # zipfile.BadZipFile, KeyError, lxml errors: all mean "not a docx"
        raise InputError(f"{name}: not a readable .docx file ({type(exc).__name__})") from None


def _cells(row) -> list[str]:
    cells: list[str] = []
    for cell in row.cells:
        text = " ".join(cell.text.split())
        if not cells or cells[-1] != text:   # merged cells repeat their text
            cells.append(text)
    return cells


def transcript_columns(rows: list[list[str]]) -> Columns | None:
    """The columns of a table laid out as a transcript, or None.

    Of the rows with the table's usual number of cells (2 to 4): a time column has a
    timestamp (``00:01:02``, ``[12:31]``, ``0:08 - 0:15``) in at least 80% of them; the text
    column is the longest of the others; a speaker column is another whose cells are all
    empty or speaker names. It is a transcript when it has a time column, or a speaker column
    and either a header row (``Спикер | Текст``, ``Speaker | Text``) or a name used in two
    rows or a generic label (``Интервьюер``, ``Speaker 1``).
    """
    width = Counter(map(len, rows)).most_common(1)[0][0] if rows else 0
    if not 2 <= width <= 4:
        return None
    body = [r for r in rows if len(r) == width]
    head = {c.casefold().rstrip(":") for c in body[0]}
    header = not head.isdisjoint(_SPEAKER_HEADS | _TEXT_HEADS | _TIME_HEADS)
    sample = body[1:] if len(body) > 1 else body
    time = next((c for c in range(width)
                 if sum(bool(_TIME_CELL_RE.match(r[c])) for r in sample) >= 0.8 * len(sample)), None)
    if time is not None and not _TIME_CELL_RE.match(body[0][time]):
        header = True                 # a first row without a time names the columns
    data = body[1:] if header else body
    if not data:
        return None
    others = [c for c in range(width) if c != time]
    text = max(others, key=lambda c: sum(len(r[c]) for r in data))
    speaker = next((c for c in others if c != text and all(not r[c] or _is_name(r[c]) for r in data)
                    and any(r[c] for r in data)), None)
    if time is None:
        if speaker is None:
            return None
        names = Counter(r[speaker] for r in data if r[speaker])
        if not (header or max(names.values()) >= 2 or any(GENERIC_RE.match(n) for n in names)):
            return None
    return Columns(width, time, speaker, text, header)


def _is_name(cell: str) -> bool:
    m = LABEL_RE.fullmatch(cell.rstrip(":") + ":")
    return m is not None and not m.group("ts")


def _segments(lines: list[str], rows: list[tuple[int, Columns, list[str]]]) -> list[Segment]:
    """Segments of the transcript rows, and of the other lines' turns (found as in plain text)."""
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    segments: list[Segment] = []
    done = 0                      # lines before this one are in segments already
    speaker: str | None = None
    for number, columns, cells in rows + [(len(lines), Columns(0, None, None, 0, False), [])]:
        if number > done:         # the paragraphs (and other tables) before this row
            chunk = "\n".join(lines[done:number])
            base = starts[done]
            segments.extend(Segment(s.start + base, s.end + base, *s[2:]) for s in find_turns(chunk))
        done = number + 1
        if not cells:
            break
        if columns.speaker is not None and cells[columns.speaker]:
            speaker = cells[columns.speaker].rstrip(":").strip()
        said = cells[columns.text]
        if not said:
            continue
        time = None
        if columns.time is not None and (m := _TIME_CELL_RE.match(cells[columns.time])):
            time = parse_timestamp(m.group("ts"))
        start = starts[number] + sum(len(c) + 1 for c in cells[:columns.text])
        segments.append(Segment(start, start + len(said), speaker, time))
    return segments


def _blocks(document):
    if hasattr(document, "iter_inner_content"):   # python-docx >= 1.0
        yield from document.iter_inner_content()
    else:
        yield from document.paragraphs
