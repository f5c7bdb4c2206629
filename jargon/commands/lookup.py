"""Fuzzy-search the dictionaries (headwords, variants, meanings) and print the best entries."""
from __future__ import annotations

import argparse
import sys

from jargon import jsonout
from jargon.escape import terminal


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("phrase", nargs="+", help="what to look for (words are joined)")
    p.add_argument("-d", "--dict", action="append", default=[], metavar="NAME|PATH",
                   help="dictionary by name or path (repeatable; default: all installed)")
    p.add_argument("-n", "--limit", type=int, default=5, help="how many entries to show (default: 5)")
    p.add_argument("--min-score", type=float, default=70.0, help="hide entries scoring below this (default: 70)")
    p.add_argument("--clean", action="store_true", help="show softened meanings for explicit entries")
    p.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    from jargon.search import search_entries
    from jargon.session import Session

    dictionaries = Session.from_args(args).dictionaries
    hits = search_entries(dictionaries, " ".join(args.phrase), args.limit, args.min_score)
    if args.json:
        jsonout.document([{"score": round(h.score, 1), "dictionary": h.dictionary.name, "entry": h.entry.id,
                    "phrase": h.entry.phrase, "meaning": h.entry.display_meaning(args.clean),
                    "matched": h.field, "tags": list(h.entry.tags)} for h in hits],
                         sys.stdout)
        return 0
    if not hits:
        print("no entries found", file=sys.stderr)
        return 0
    for h in hits:
        via = ("" if h.field == "phrase" else f"  (via {h.field}: {h.text})" if h.field == "variant"
               else "  (via meaning)")
        print(terminal(f"{h.score:5.1f}  {h.entry.phrase} — {h.entry.display_meaning(args.clean)}  "
                       f"[{h.dictionary.name}:{h.entry.id}]{via}"))
    return 0
