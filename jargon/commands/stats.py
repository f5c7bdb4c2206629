"""Jargon per document and per speaker: words, phrases found, phrases per 1,000 words, top phrases and tags."""
from __future__ import annotations

import argparse
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="*", metavar="FILE", help="transcripts ('-' or none: stdin)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table",
                   help="table (default), csv or json")
    p.add_argument("--top", type=int, default=3, metavar="N", help="how many top phrases and tags to list (default: 3)")
    p.add_argument("-d", "--dict", action="append", default=[], metavar="NAME|PATH",
                   help="dictionary by name or path (repeatable; default: all installed)")
    p.add_argument("-t", "--threshold", type=float, default=None, help="minimum score 0-100")
    p.add_argument("--encoding", default=None, help="input encoding (default: detected: UTF-8 with or without BOM, "
                   "UTF-16, Windows-1251...)")
    p.add_argument("--errors", choices=("strict", "replace"), default="strict",
                   help="on undecodable input: stop with an error (strict) or replace the bytes")
    p.add_argument("--input-format", metavar="NAME", help="input reader to use (default: by extension or content)")
    p.add_argument("-r", "--recursive", action="store_true", help="read the transcripts in folders given as FILE")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="worker processes (0: one per CPU)")


def run(args: argparse.Namespace) -> int:
    from jargon.batch import decode_files, expand_inputs
    from jargon.contributions import ReadOptions
    from jargon.errors import JargonError
    from jargon.inputs import STDIN
    from jargon.session import Session
    from jargon.stats import corpus_stats

    session = Session.from_args(args)
    if args.top < 0:
        raise JargonError("--top must be 0 or more")
    readers = session.plugins.input_readers()
    names = expand_inputs(args.files or [STDIN], readers, args.recursive)
    decoded = decode_files(names, session.decoder, readers, ReadOptions(args.encoding, args.errors),
                           args.input_format, args.jobs, session.plugin_paths, no_plugins=session.no_plugins)
    per_doc, total = corpus_stats(decoded)
    if args.format == "json":
        write_json(sys.stdout, per_doc, total, args.top)
    elif args.format == "csv":
        write_csv(sys.stdout, per_doc, total, args.top)
    else:
        write_table(per_doc, total, args.top)
    sys.stdout.flush()
    return 0


def write_json(out, per_doc, total, top: int) -> None:
    from jargon import jsonout
    from jargon.stats import to_json

    jsonout.document(to_json(per_doc, total, top), out)


CSV_COLUMNS = ("file", "speaker", "words", "matches", "per_1000", "top_entries", "top_tags")


def write_csv(out, per_doc, total, top: int) -> None:
    """One row per document (empty speaker), one per speaker, and a last row for all documents (empty file)."""
    import csv

    from jargon.escape import csv_row
    from jargon.stats import entries_text, flat_rows, tags_text

    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for r in flat_rows(per_doc, total, top):
        writer.writerow(csv_row([r["file"] or "", r["speaker"] or "", r["words"], r["matches"], r["per_1000"],
                                 entries_text(r["top_entries"]), tags_text(r["top_tags"])]))


def write_table(per_doc, total, top: int) -> None:
    """A rich table per document (a row for the document, then one per speaker), and one for all documents."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from jargon.escape import terminal
    from jargon.stats import NO_SPEAKER, entries_text, tags_text

    console = Console(highlight=False)

    def table(title: str, first: str) -> Table:
        t = Table(title=escape(terminal(title)), title_justify="left", title_style="bold")
        t.add_column(first)
        for name in ("Words", "Phrases", "Per 1,000"):
            t.add_column(name, justify="right", no_wrap=True)
        t.add_column("Top phrases", ratio=3)
        t.add_column("Top tags", ratio=1)
        return t

    def row(t: Table, label: str, tally, bold: bool = False) -> None:
        # names and phrases come from transcripts and dictionaries: never rich markup, never raw controls
        t.add_row(escape(terminal(label)), str(tally.words), str(tally.matches), f"{tally.per_1000:g}",
                  escape(terminal(entries_text(tally.top_entries(top)))),
                  escape(terminal(tags_text(tally.top_tags(top)))),
                  style="bold" if bold else None)

    for s in per_doc:
        t = table(s.name, "Speaker")
        row(t, "all", s.total, bold=bool(s.speakers))
        for name, tally in s.speakers.items():
            row(t, name if name is not None else NO_SPEAKER, tally)
        console.print(t)
    if len(per_doc) > 1:
        t = table(f"All {len(per_doc)} documents", "")
        row(t, "all", total, bold=True)
        console.print(t)
