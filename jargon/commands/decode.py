"""Find jargon in files or stdin and write the matches in any registered format."""
from __future__ import annotations

import argparse
import os
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    from jargon.corpus import add_input_arguments

    add_input_arguments(p, "files to decode ('-' or none: stdin)")
    p.add_argument("-f", "--format", default=None,
                   help="output format (see 'jargon plugins'); default: from the -o extension, else text")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("-d", "--dict", action="append", default=[], metavar="NAME|PATH",
                   help="dictionary by name or path (repeatable; default: all installed)")
    p.add_argument("-t", "--threshold", type=float, default=None,
                   help="minimum score 0-100 (default: 75)")
    p.add_argument("--clean", action="store_true", help="show softened meanings for explicit entries")
    p.add_argument("--explain", action="store_true",
                   help="say why each match matched: aligned words and rules, score parts, guards "
                        "(text: indented lines; json/jsonl: an 'explain' field)")
    p.add_argument("--near-misses", action="store_true",
                   help="also list the candidates that were rejected, with their explanation and why "
                        "(text: after the matches; json: 'near_misses'; jsonl: records with 'near_miss': true)")
    p.add_argument("--translate", action="store_true", help="the same as -f translated: the text with each phrase "
                   "replaced by [meaning]")
    p.add_argument("--fail-on-match", action="store_true", help="exit 1 when anything was found (for CI)")


def run(args: argparse.Namespace) -> int:
    from jargon.contributions import RenderOptions
    from jargon.corpus import read_corpus, stream_corpus
    from jargon.errors import JargonError
    from jargon.format_choice import choose_format
    from jargon.session import Session

    session = Session.from_args(args)
    pm = session.plugins
    if args.translate:
        if args.format not in (None, "translated"):
            raise JargonError(f"--translate is -f translated: it cannot be combined with -f {args.format}")
        args.format = "translated"
    fmt = choose_format(pm.output_formats(), args.format, args.output)
    if fmt.binary and not args.output:
        raise JargonError(f"format {fmt.name!r} is binary: give an output file with -o FILE")

    dictionaries = session.dictionaries

    def check(names: list[str]) -> None:
        if args.output:
            from jargon import export

            export.check_output(args.output, export.protected_files(names, args.decisions, dictionaries))

    terminal = not args.output and sys.stdout.isatty()
    render = RenderOptions(clean=args.clean, dictionaries=dictionaries, languages=pm.languages(),
                           color=terminal and not os.environ.get("NO_COLOR"), terminal=terminal,
                           extra={"threshold": session.decoder.threshold})
    avoid = (args.output,) if args.output else ()
    # a streaming format is written as decoding goes (large plain-text inputs in blocks, memory
    # stays flat); but --strict on stdout writes nothing unless every input reads, and
    # --decisions FILE needs its one input whole
    if fmt.stream is not None and args.decisions is None and not (args.strict and not args.output):
        corpus, items = stream_corpus(args, session, avoid=avoid, check=check)
        _write_stream(args, fmt, items, render)
    else:
        corpus = read_corpus(args, session, avoid=avoid, check=check)
        _write(args, fmt, corpus.decoded, render)
    status = corpus.finish()
    return status or (1 if args.fail_on_match and corpus.matches else 0)


def _write(args, fmt, decoded, render) -> None:
    from jargon import export

    if args.output:
        export.save(args.output, export.render(fmt, decoded, render))
    else:
        export.write(fmt, sys.stdout, decoded, render)
        sys.stdout.flush()


def _write_stream(args, fmt, items, render) -> None:
    from jargon import export

    if args.output:
        sys.stdout.flush()
        export.save_stream(args.output, fmt, items, render)
    else:
        export.write_stream(fmt, sys.stdout, items, render)
        sys.stdout.flush()
