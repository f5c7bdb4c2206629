"""jargon plugin: the ``xlsx`` output format (an Excel workbook for QDA tools and spreadsheets).

The workbook has a ``Summary`` sheet (one row per phrase found, with a count per
document) and one sheet per document with one row per match. openpyxl is imported
only when a workbook is written, so installing this plugin costs ``jargon decode``
nothing when another format is used.
"""
from __future__ import annotations

import re
from pathlib import PurePath
from typing import IO, Any

from jargon.contributions import OutputFormat, RenderOptions
from jargon.hookspecs import hookimpl
from jargon.model import DecodedDocument
from jargon.render import records, sentence_around

__version__ = "0.1.0"

SUMMARY = "Summary"
# (header, record field or None for computed, column width)
MATCH_COLUMNS = (
    ("File", None, 24), ("Line", "line", 7), ("Column", "column", 8), ("Start", "start", 8), ("End", "end", 8),
    ("Speaker", "speaker", 16), ("Time", "time", 13), ("Surface", "text", 28), ("Phrase", "phrase", 28),
    ("Meaning", "meaning", 60), ("Entry", "entry", 22), ("Dictionary", "dictionary", 16), ("Score", "score", 7),
    ("Tags", None, 18), ("Context", None, 70),
)
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\\x00-\x1f\x7f]")    # Excel's, and control characters
_MAX_SHEET_NAME = 31


def write_xlsx(out: IO[bytes], docs: list[DecodedDocument], options: RenderOptions) -> None:
    """Write the workbook for ``docs`` to the binary stream ``out``."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    summary = wb.active
    summary.title = SUMMARY
    taken = {SUMMARY.lower(), "history"}     # "History" is reserved by Excel
    bold = Font(bold=True)
    counts: dict[tuple[str, str], dict[int, int]] = {}   # (dictionary, entry id) -> {doc index: count}
    entries: dict[tuple[str, str], Any] = {}

    for index, decoded in enumerate(docs):
        ws = wb.create_sheet(sheet_name(decoded.document.name, taken))
        _header(ws, [c[0] for c in MATCH_COLUMNS], [c[2] for c in MATCH_COLUMNS], bold)
        text = decoded.document.text
        for rec, match in zip(records(decoded, options.clean), decoded.matches, strict=True):
            row = []
            for header, field, _ in MATCH_COLUMNS:
                if header == "File":
                    row.append(decoded.document.name)
                elif header == "Tags":
                    row.append("; ".join(rec.get("tags", ())))
                elif header == "Context":
                    row.append(sentence_around(text, match.start, match.end))
                else:
                    row.append(rec.get(field))
            _append(ws, row)
            key = (match.dictionary, match.entry.id)
            entries.setdefault(key, match.entry)
            per_doc = counts.setdefault(key, {})
            per_doc[index] = per_doc.get(index, 0) + 1
        _finish(ws)

    doc_names = [d.document.name for d in docs]
    headers = ["Phrase", "Entry", "Dictionary", "Meaning", "Total"] + doc_names
    _header(summary, headers, [28, 22, 16, 60, 8] + [14] * len(doc_names), bold)
    ordered = sorted(counts, key=lambda k: (-sum(counts[k].values()), entries[k].phrase.lower()))
    for key in ordered:
        entry, per_doc = entries[key], counts[key]
        _append(summary, [entry.phrase, entry.id, key[0], entry.display_meaning(options.clean),
                          sum(per_doc.values())] + [per_doc.get(i, 0) for i in range(len(docs))])
    _finish(summary)
    totals = [sum(sum(c.values()) for c in counts.values())]
    totals += [sum(c.get(i, 0) for c in counts.values()) for i in range(len(docs))]
    summary.append([])
    _append(summary, ["Total", None, None, None] + totals)
    for cell in summary[summary.max_row]:
        cell.font = bold
    wb.properties.title = "jargon: decoded documents"
    wb.properties.creator = "jargon"
    wb.save(out)


def sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique Excel sheet name for a document (adds its lower-cased form to ``taken``)."""
    from jargon.escape import unicode_text

    base = PurePath(unicode_text(name)).name if name not in ("-", "<stdin>") else "stdin"
    base = _BAD_SHEET_CHARS.sub("_", base).strip("' ") or "document"
    candidate, n = base[:_MAX_SHEET_NAME], 2
    while candidate.lower() in taken:
        suffix = f" ({n})"
        candidate, n = base[: _MAX_SHEET_NAME - len(suffix)] + suffix, n + 1
    taken.add(candidate.lower())
    return candidate


def _header(ws, headers: list[str], widths: list[int], bold) -> None:
    from openpyxl.utils import get_column_letter

    _append(ws, headers)
    for cell in ws[1]:
        cell.font = bold
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"


def _finish(ws) -> None:
    ws.auto_filter.ref = ws.dimensions


def _append(ws, values: list) -> None:
    """Append a row; text is cleaned of characters Excel refuses (lone surrogates included),
    cut at the 32,767 characters a cell holds, and never becomes a formula."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    from jargon.escape import cell_text, unicode_text

    ws.append([cell_text(ILLEGAL_CHARACTERS_RE.sub("\ufffd", unicode_text(v))) if isinstance(v, str) else v
               for v in values])
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str) and cell.data_type == "f":
            cell.data_type = "s"     # "=..." said in a meeting is text, not a formula


@hookimpl
def jargon_output_formats():
    return [OutputFormat("xlsx", "Excel workbook: a sheet per document (one row per match) and a Summary sheet",
                         "xlsx", write_xlsx, binary=True)]
