"""Installed plugins (built-in, entry points, local folders, --plugin) and what each contributes.

Dictionaries are listed with their entry counts, and a headword that two installed
dictionaries share is reported under the table (both entries are kept).
"""
from __future__ import annotations

import argparse
import sys
from typing import Any

from jargon.escape import terminal

KINDS = ("dictionaries", "formats", "readers", "languages")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    from jargon.catalog import shared_headwords
    from jargon.session import Session

    pm = Session.from_args(args).plugins
    contributions = pm.contributions()
    dictionaries = pm.dictionaries()
    rows: list[dict[str, Any]] = [{"name": info.name, "kind": info.kind, "version": info.version, "origin": info.origin,
             "contributes": {k: contributions.get(info.name, {}).get(k, []) for k in KINDS},
             "entries": {n: len(dictionaries[n].entries) for n in contributions.get(info.name, {}).get(
                 "dictionaries", [])}}
            for info in pm.infos]
    shared = [[{"dictionary": d.name, "id": e.id, "phrase": e.phrase} for d, e in found]
              for found in shared_headwords(list(dictionaries.values()))]
    if args.json:
        from jargon import jsonout

        jsonout.document({"plugins": rows, "shared_headwords": shared, "problems": list(pm.failures)}, sys.stdout)
        return 0

    table: list[tuple[str, ...]] = [("NAME", "KIND", "VERSION", "CONTRIBUTES", "FROM")]
    for r in rows:
        what = "; ".join(f"{k}: {', '.join(_named(k, n, r['entries']) for n in v)}"
                         for k, v in r["contributes"].items() if v) or "nothing"
        table.append(tuple(terminal(c) for c in (r["name"], r["kind"], r["version"] or "-", what, r["origin"] or "")))
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    for found in shared:
        where = ", ".join(f"{f['dictionary']} ({f['id']})" for f in found)
        print(terminal(f"same headword {found[0]['phrase']!r} in {len(found)} dictionaries: {where}; "
                       f"all are kept"), file=sys.stderr)
    if pm.failures:
        print(f"{len(pm.failures)} problem{'s' if len(pm.failures) != 1 else ''} (see above)", file=sys.stderr)
    return 0


def _named(kind: str, name: str, entries: dict[str, int]) -> str:
    """A contribution's name; a dictionary's with its entry count."""
    if kind != "dictionaries" or name not in entries:
        return name
    n = entries[name]
    return f"{name} ({n} entr{'ies' if n != 1 else 'y'})"
