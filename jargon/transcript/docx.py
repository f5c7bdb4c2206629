"""Text of a .docx transcript (python-docx, the optional ``jargon-decoder[docx]`` extra).

The document text is the body's paragraphs in order, one per line (``\\n``; a line break
inside a paragraph also starts a new line); a table row
becomes one line with its cells separated by a tab. Speaker turns are then found in that
text exactly as in plain text (:func:`jargon.transcript.speakers.find_turns`), which
covers the layouts Word exports of Teams, Otter and hand-typed transcripts use.
"""
from __future__ import annotations

import io
import zipfile

from jargon.errors import InputError, JargonError

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
    try:
        import docx  # python-docx
    except ImportError:
        raise JargonError(f"{name}: reading .docx needs python-docx: pip install jargon-decoder[docx]") from None
    check_sizes(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # zipfile.BadZipFile, KeyError, lxml errors: all mean "not a docx"
        raise InputError(f"{name}: not a readable .docx file ({type(exc).__name__})") from None
    lines: list[str] = []
    for block in _blocks(document):
        if hasattr(block, "rows"):
            for row in block.rows:
                cells = []
                for cell in row.cells:
                    text = " ".join(cell.text.split())
                    if not cells or cells[-1] != text:   # merged cells repeat their text
                        cells.append(text)
                lines.append("\t".join(cells))
        else:
            lines.append(block.text.replace("\r", "").replace("\v", "\n"))
    text = "\n".join(lines)
    return text + "\n" if text else text


def _blocks(document):
    if hasattr(document, "iter_inner_content"):   # python-docx >= 1.0
        yield from document.iter_inner_content()
    else:
        yield from document.paragraphs
