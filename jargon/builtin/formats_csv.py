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

Both write a header row even when nothing was found, and both stream
(:class:`jargon.contributions.Streaming`): rows are written block by block as inputs are decoded.

Every cell goes through :func:`jargon.escape.csv_cell`: text that a spreadsheet would take
for a formula gets a leading apostrophe, and cells are cut at Excel's 32,767 characters.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

from jargon.contributions import OutputFormat, RecordBlock, RenderOptions, Streaming
from jargon.escape import csv_cell
from jargon.export import streamed
from jargon.hookspecs import hookimpl
from jargon.render import FIELDS

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


def csv_rows(block: RecordBlock) -> Iterable[dict]:
    """One dict per match: every column of :data:`COLUMNS`, tags joined with ``; ``."""
    for rec in block.matches:
        row = dict(rec)
        row["tags"] = "; ".join(rec["tags"])
        row["context"] = block.context(rec)
        yield row


def _csv_begin(out: IO[str], options: RenderOptions) -> None:
    csv.writer(out).writerow(COLUMNS)


def _csv_block(out: IO[str], block: RecordBlock, options: RenderOptions) -> None:
    writer = csv.writer(out)
    for rec in csv_rows(block):
        writer.writerow(["" if rec[col] is None else csv_cell(rec[col]) for col in COLUMNS])


def _excel_cell(value):
    """A cell for Excel: numbers stay numbers (score with a decimal comma), everything else is text."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(value).replace(".", ",")
    return csv_cell(value)


def _excel_begin(out: IO[str], options: RenderOptions) -> None:
    out.write(BOM)
    csv.writer(out, dialect=ExcelDialect).writerow(COLUMNS)


def _excel_block(out: IO[str], block: RecordBlock, options: RenderOptions) -> None:
    writer = csv.writer(out, dialect=ExcelDialect)
    for rec in csv_rows(block):
        writer.writerow([_excel_cell(rec[col]) for col in COLUMNS])


CSV = Streaming(_csv_begin, _csv_block)
CSV_EXCEL = Streaming(_excel_begin, _excel_block)


@hookimpl
def jargon_output_formats():
    return [OutputFormat("csv", "CSV (RFC 4180, UTF-8) for scripts: one row per match with speaker, time and "
                         "context", "csv", streamed(CSV), stream=CSV),
            OutputFormat("csv-excel", "CSV for Excel: UTF-8 with a byte-order mark, ';'-separated, decimal comma",
                         "csv", streamed(CSV_EXCEL), stream=CSV_EXCEL)]
