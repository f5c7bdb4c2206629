"""Jargon per document and per speaker: words, phrases found, phrases per 1,000 words, top phrases and tags."""
from __future__ import annotations

import argparse
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    from jargon.corpus import add_input_arguments

    add_input_arguments(p, "transcripts ('-' or none: stdin)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table",
                   help="table (default), csv or json")
    p.add_argument("--top", type=int, default=3, metavar="N", help="how many top phrases and tags to list (default: 3)")
    p.add_argument("-d", "--dict", action="append", default=[], metavar="NAME|PATH",
                   help="dictionary by name or path (repeatable; default: all installed)")
    p.add_argument("-t", "--threshold", type=float, default=None, help="minimum score 0-100")


def run(args: argparse.Namespace) -> int:
    from jargon.corpus import read_corpus
    from jargon.errors import JargonError
    from jargon.session import Session
    from jargon.stats import corpus_stats

    session = Session.from_args(args)
    if args.top < 0:
        raise JargonError("--top must be 0 or more")
    corpus = read_corpus(args, session)
    per_doc, total = corpus_stats(corpus.decoded)
    if args.format == "json":
        write_json(sys.stdout, per_doc, total, args.top, corpus.roles)
    elif args.format == "csv":
        write_csv(sys.stdout, per_doc, total, args.top, corpus.roles)
    else:
        write_table(per_doc, total, args.top, corpus.roles)
    sys.stdout.flush()
    return corpus.finish()


def write_json(out, per_doc, total, top: int, roles=None) -> None:
    from jargon import jsonout
    from jargon.stats import to_json

    jsonout.document(to_json(per_doc, total, top, roles), out)


CSV_COLUMNS = ("file", "speaker", "words", "matches", "per_1000", "top_entries", "top_tags", "role", "group")


def write_csv(out, per_doc, total, top: int, roles=None) -> None:
    """One row per document (empty speaker), one per speaker; with --roles, one per role and one
    per group (empty file and speaker); and a last row for all documents (all three empty)."""
    import csv

    from jargon.escape import csv_row
    from jargon.stats import entries_text, flat_rows, tags_text

    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for r in flat_rows(per_doc, total, top, roles):
        writer.writerow(csv_row([r["file"] or "", r["speaker"] or "", r["words"], r["matches"], r["per_1000"],
                                 entries_text(r["top_entries"]), tags_text(r["top_tags"]), r["role"] or "",
                                 r["group"] or ""]))


def write_table(per_doc, total, top: int, roles=None) -> None:
    """A rich table per document (a row for the document, then one per speaker), and one for all documents."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from jargon.escape import terminal
    from jargon.stats import NO_GROUP, NO_ROLE, NO_SPEAKER, by_label, entries_text, tags_text

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
    for title, first, label, none in ((roles.roles, "Role", roles.role_of, NO_ROLE),
                                      (roles.groups, "Group", roles.group_of, NO_GROUP)) if roles else ():
        if title:
            t = table(f"By {first.lower()}", first)
            for name, tally in by_label(per_doc, label).items():
                row(t, name or none, tally)
            console.print(t)
    if len(per_doc) > 1:
        t = table(f"All {len(per_doc)} documents", "")
        row(t, "all", total, bold=True)
        console.print(t)
