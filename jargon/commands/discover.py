"""Find candidate jargon in transcripts that no installed dictionary covers yet (anglicisms, key terms, formulas)."""
from __future__ import annotations

import argparse
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    from jargon.corpus import add_input_arguments
    from jargon.discover import FORMATS, KINDS

    add_input_arguments(p, "transcripts to read ('-' or none: stdin)")
    p.add_argument("-f", "--format", choices=FORMATS, default=None,
                   help="table (default), csv, json, jsonl, or toml: a draft dictionary (with -o)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout (never over an input)")
    p.add_argument("-d", "--dict", action="append", default=[], metavar="NAME|PATH",
                   help="dictionaries whose words are covered (repeatable; default: all installed)")
    p.add_argument("-n", "--top", type=int, default=60, metavar="N", help="at most N candidates (default: 60; 0: all)")
    p.add_argument("--kind", action="append", choices=KINDS, default=[],
                   help="only this kind of candidate (repeatable; default: all)")
    p.add_argument("--show-rejected", action="store_true",
                   help="also list the candidates rejected in the TUI (default: they never come back)")


def run(args: argparse.Namespace) -> int:
    from jargon import export
    from jargon.corpus import read_corpus
    from jargon.discover import KINDS
    from jargon.discover.finder import find_candidates
    from jargon.discover.reference import require_wordfreq
    from jargon.discover.rejected import load_rejected
    from jargon.errors import JargonError
    from jargon.session import Session

    if args.top < 0:
        raise JargonError("--top must be 0 or more")
    fmt = args.format or ("toml" if args.output and args.output.endswith(".toml") else "table")
    if fmt == "toml" and not args.output:
        raise JargonError("-f toml writes a draft dictionary: give the file with -o draft.toml")
    require_wordfreq()        # before anything is read: a missing extra is one line, at once
    session = Session.from_args(args)
    dictionaries = session.dictionaries

    def check(names: list[str]) -> None:
        if args.output:
            export.check_output(args.output, export.protected_files(names, args.decisions, dictionaries))

    corpus = read_corpus(args, session, avoid=(args.output,) if args.output else (), check=check)
    rejected = frozenset() if args.show_rejected else load_rejected()
    cands = find_candidates(corpus.decoded, rejected, tuple(args.kind) or KINDS)
    if args.top:
        cands = cands[:args.top]
    text = _render(fmt, cands)
    if args.output:
        export.save(args.output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return corpus.finish()


def _render(fmt: str, cands) -> str:
    import io

    from jargon.discover.draft import draft_toml
    from jargon.discover.output import WRITERS

    if fmt == "toml":
        return draft_toml(cands)
    buf = io.StringIO()
    WRITERS[fmt](buf, cands)
    return buf.getvalue()
