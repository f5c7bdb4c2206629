"""Find jargon in files or stdin and write the matches in any registered format."""
from __future__ import annotations

import argparse
import os
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    from jargon.corpus import add_input_arguments

    add_input_arguments(p, "files to decode ('-' or none: stdin)")
    p.add_argument("-f", "--format", default="text", help="output format (see 'jargon plugins'); default: text")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("-d", "--dict", action="append", default=[], metavar="NAME|PATH",
                   help="dictionary by name or path (repeatable; default: all installed)")
    p.add_argument("-t", "--threshold", type=float, default=None,
                   help="minimum score 0-100 (default: 75)")
    p.add_argument("--clean", action="store_true", help="show softened meanings for explicit entries")
    p.add_argument("--translate", action="store_true", help="print the text with each phrase replaced by [meaning]")
    p.add_argument("--fail-on-match", action="store_true", help="exit 1 when anything was found (for CI)")


def run(args: argparse.Namespace) -> int:
    from jargon.catalog import load_dictionaries
    from jargon.contributions import RenderOptions
    from jargon.corpus import read_corpus
    from jargon.engine.decoder import Decoder
    from jargon.errors import JargonError
    from jargon.plugins import get_plugin_manager

    pm = get_plugin_manager(args.plugin)
    formats = pm.output_formats()
    fmt = formats.get(args.format)
    if fmt is None:
        raise JargonError(f"unknown format {args.format!r} (available: {', '.join(sorted(formats))})")
    if fmt.binary and not args.output and not args.translate:
        raise JargonError(f"format {fmt.name!r} is binary: give an output file with -o FILE")
    if args.threshold is not None and not 0 <= args.threshold <= 100:
        raise JargonError("--threshold must be between 0 and 100")

    dictionaries = load_dictionaries(args.dict, pm)
    if not dictionaries:
        raise JargonError("no dictionaries installed or selected")
    decoder = Decoder(dictionaries, threshold=args.threshold, languages=pm.languages())
    corpus = read_corpus(args, pm, decoder, avoid=(args.output,) if args.output else ())
    decoded = corpus.decoded

    render = RenderOptions(clean=args.clean, translate=args.translate, dictionaries=dictionaries,
                           color=not args.output and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    _write(args, fmt, decoded, render)
    status = corpus.finish()
    found = any(d.matches for d in decoded)
    return status or (1 if args.fail_on_match and found else 0)


def _write(args, fmt, decoded, render) -> None:
    from jargon import export

    if args.translate:
        text = export.translation(decoded, render.clean)
        if args.output:
            export.save(args.output, text)
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    elif args.output:
        export.save(args.output, export.render(fmt, decoded, render))
    else:
        export.write(fmt, sys.stdout, decoded, render)
        sys.stdout.flush()
