"""Text of a .docx transcript (python-docx, the optional ``jargon-decoder[docx]`` extra).

The document text is the body's paragraphs in order, one per line (``\\n``; a line break
inside a paragraph also starts a new line); a table row
becomes one line with its cells separated by a tab. Speaker turns are then found in that
text exactly as in plain text (:func:`jargon.transcript.speakers.find_turns`), which
covers the layouts Word exports of Teams, Otter and hand-typed transcripts use.
"""
from __future__ import annotations

import io

from jargon.errors import InputError, JargonError


def docx_text(data: bytes, name: str) -> str:
    try:
        import docx  # python-docx
    except ImportError:
        raise JargonError(f"{name}: reading .docx needs python-docx: pip install jargon-decoder[docx]") from None
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
