"""Built-in plugin: the ``csv`` and ``csv-excel`` output formats, one row per match.

Columns: the record fields of docs/output-formats.md (file, speaker, time, time_end,
line, column, source_line, source_column, start, end, text, phrase, meaning, tags,
score, entry, dictionary, status) with ``context`` (the sentence around the match) after
``score``; ``tags`` are ``; ``-separated and an unknown value is an empty cell.

- ``csv``: RFC 4180 (``,``, minimal quoting, CRLF row ends), UTF-8 without a BOM, for
  scripts and tools that read standard CSV.
- ``csv-excel``: for a double-click in Excel: a UTF-8 byte-order mark (without it Excel
  on Windows reads the file as the ANSI code page), ``;`` as separator and a decimal comma
  in ``score`` (Excel's defaults in Russian and most European locales, where ``,``
  separates decimals), every text cell quoted, CRLF row ends.

Both write a header row even when nothing was found.

Every cell goes through :func:`jargon.escape.csv_cell`: text that a spreadsheet would take
for a formula gets a leading apostrophe, and cells are cut at Excel's 32,767 characters.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

from jargon.contributions import OutputFormat, RenderOptions
from jargon.escape import csv_cell
from jargon.hookspecs import hookimpl
from jargon.model import DecodedDocument
from jargon.render import FIELDS, Positions, match_record, sentence_around

COLUMNS = FIELDS[:FIELDS.index("score") + 1] + ("context",) + FIELDS[FIELDS.index("score") + 1:]
BOM = "\ufeff"


class ExcelDialect(csv.Dialect):
    """What Excel reads by default where the decimal separator is a comma."""

    delimiter = ";"
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = csv.QUOTE_NONNUMERIC


def csv_rows(docs: list[DecodedDocument], clean: bool = False) -> Iterable[dict]:
    """One dict per match: every column of :data:`COLUMNS`, tags joined with ``; ``."""
    for decoded in docs:
        doc = decoded.document
        positions = Positions(doc)
        for m in decoded.matches:
            rec = match_record(doc, m, positions, clean)
            rec["tags"] = "; ".join(rec["tags"])
            rec["context"] = sentence_around(doc.text, m.start, m.end)
            yield rec


def write_csv(out: IO[str], docs: list[DecodedDocument], options: RenderOptions) -> None:
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for rec in csv_rows(docs, options.clean):
        writer.writerow(["" if rec[col] is None else csv_cell(rec[col]) for col in COLUMNS])


def _excel_cell(value):
    """A cell for Excel: numbers stay numbers (score with a decimal comma), everything else is text."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(value).replace(".", ",")
    return csv_cell(value)


def write_csv_excel(out: IO[str], docs: list[DecodedDocument], options: RenderOptions) -> None:
    out.write(BOM)
    writer = csv.writer(out, dialect=ExcelDialect)
    writer.writerow(COLUMNS)
    for rec in csv_rows(docs, options.clean):
        writer.writerow([_excel_cell(rec[col]) for col in COLUMNS])


@hookimpl
def jargon_output_formats():
    return [OutputFormat("csv", "CSV (RFC 4180, UTF-8) for scripts: one row per match with speaker, time and "
                         "context", "csv", write_csv),
            OutputFormat("csv-excel", "CSV for Excel: UTF-8 with a byte-order mark, ';'-separated, decimal comma",
                         "csv", write_csv_excel)]
