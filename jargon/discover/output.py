"""Candidates as a terminal table, CSV (formula-safe cells), JSON and JSON Lines (the project's JSON style)."""
from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import IO

from jargon import jsonout
from jargon.escape import csv_cell, terminal

from .candidates import Candidate

CSV_COLUMNS = ("rank", "lemma", "kind", "score", "count", "forms", "english", "documents", "speakers", "contexts")


def _counts(counter) -> str:
    return "; ".join(f"{k or '-'} ({n})" for k, n in counter.most_common())


def _kwic(c) -> str:
    return f"{c.left}[{c.keyword}]{c.right}".strip()


def write_table(out: IO[str], cands: Sequence[Candidate]) -> None:
    """A ranked table, each candidate's contexts indented below it; every field escaped for a terminal."""
    if not cands:
        out.write("no candidates\n")
        return
    out.write(f"{'#':>3}  {'score':>5}  {'kind':<9}  {'n':>4}  {'docs':>4}  {'spk':>3}  lemma (forms)\n")
    for n, cand in enumerate(cands, 1):
        forms = ", ".join(f for f, _ in cand.forms.most_common(5))
        english = f"  <- {cand.english}" if cand.english else ""
        out.write(f"{n:>3}  {cand.score:5.1f}  {cand.kind:<9}  {cand.count:>4}  {len(cand.documents):>4}  "
                  f"{len(cand.speakers):>3}  {terminal(cand.lemma)} ({terminal(forms)}){terminal(english)}\n")
        for c in cand.contexts:
            who = f"{c.document}" + (f", {c.speaker}" if c.speaker else "")
            out.write(f"       {terminal(who)}: {terminal(_kwic(c))}\n")


def write_csv(out: IO[str], cands: Sequence[Candidate]) -> None:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for n, cand in enumerate(cands, 1):
        row = [n, cand.lemma, cand.kind, round(cand.score, 2), cand.count, _counts(cand.forms), cand.english,
               _counts(cand.documents), _counts(cand.speakers), " | ".join(_kwic(c) for c in cand.contexts)]
        writer.writerow([csv_cell(v) for v in row])


def write_json(out: IO[str], cands: Sequence[Candidate]) -> None:
    jsonout.document({"candidates": [dict(rank=n, **c.record()) for n, c in enumerate(cands, 1)]}, out)


def write_jsonl(out: IO[str], cands: Sequence[Candidate]) -> None:
    for n, cand in enumerate(cands, 1):
        out.write(jsonout.line(dict(rank=n, **cand.record())) + "\n")


WRITERS = {"table": write_table, "csv": write_csv, "json": write_json, "jsonl": write_jsonl}
