"""Built-in plugin: the ``csv`` output format, one row per match.

Columns: file, speaker, time, line, start, end, text (as found), phrase (headword),
meaning, tags (``; ``-separated), score, context (the sentence around the match),
entry (id), dictionary. ``start``/``end`` are code-point offsets into the document text
(docs/transcripts.md); ``time`` is the start of the match's segment, ``HH:MM:SS.mmm``.
RFC 4180 quoting, CRLF row ends, UTF-8, a header row even when nothing was found. Every
cell goes through :func:`jargon.escape.csv_cell`: text that a spreadsheet would take for a
formula gets a leading apostrophe, and cells are cut at Excel's 32,767 characters.
"""
from __future__ import annotations

import csv
from typing import IO

from jargon.contributions import OutputFormat, RenderOptions
from jargon.escape import csv_row
from jargon.hookspecs import hookimpl
from jargon.model import DecodedDocument

COLUMNS = ("file", "speaker", "time", "line", "start", "end", "text", "phrase", "meaning", "tags", "score",
           "context", "entry", "dictionary")


def csv_rows(docs: list[DecodedDocument], clean: bool = False):
    from jargon.render import LineIndex, match_record, sentence_around

    for decoded in docs:
        doc = decoded.document
        lines = LineIndex(doc.text)
        for m in decoded.matches:
            rec = match_record(doc, m, lines, clean, with_file=True)
            rec["tags"] = "; ".join(rec["tags"])
            rec["context"] = sentence_around(doc.text, m.start, m.end)
            yield csv_row(rec.get(col, "") for col in COLUMNS)


def write_csv(out: IO[str], docs: list[DecodedDocument], options: RenderOptions) -> None:
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(csv_rows(docs, options.clean))


@hookimpl
def jargon_output_formats():
    return [OutputFormat("csv", "CSV for spreadsheets: one row per match with speaker, time and context",
                         "csv", write_csv)]
