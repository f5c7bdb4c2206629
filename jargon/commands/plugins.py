"""Installed plugins (built-in, entry points, local folders, --plugin) and what each contributes."""
from __future__ import annotations

import argparse
import sys

from jargon.escape import terminal

KINDS = ("dictionaries", "formats", "readers", "languages")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    from jargon.session import Session

    pm = Session.from_args(args).plugins
    contributions = pm.contributions()
    rows = [{"name": info.name, "kind": info.kind, "version": info.version, "origin": info.origin,
             "contributes": {k: contributions.get(info.name, {}).get(k, []) for k in KINDS}}
            for info in pm.infos]
    if args.json:
        from jargon import jsonout

        jsonout.document({"plugins": rows, "problems": list(pm.failures)}, sys.stdout)
        return 0
    table = [("NAME", "KIND", "VERSION", "CONTRIBUTES", "FROM")]
    for r in rows:
        what = "; ".join(f"{k}: {', '.join(v)}" for k, v in r["contributes"].items() if v) or "nothing"
        table.append(tuple(terminal(c) for c in (r["name"], r["kind"], r["version"] or "-", what, r["origin"] or "")))
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
    if pm.failures:
        print(f"{len(pm.failures)} problem{'s' if len(pm.failures) != 1 else ''} (see above)", file=sys.stderr)
    return 0
