"""Find jargon in files or stdin and write the matches in any registered format."""
from __future__ import annotations

import argparse
import os
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="*", metavar="FILE", help="files to decode ('-' or none: stdin)")
    p.add_argument("-f", "--format", default="text", help="output format (see 'jargon plugins'); default: text")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("-d", "--dict", action="append", default=[], metavar="NAME|PATH",
                   help="dictionary by name or path (repeatable; default: all installed)")
    p.add_argument("-t", "--threshold", type=float, default=None,
                   help="minimum score 0-100 (default: 75)")
    p.add_argument("--clean", action="store_true", help="show softened meanings for explicit entries")
    p.add_argument("--translate", action="store_true", help="print the text with each phrase replaced by [meaning]")
    p.add_argument("--encoding", default="utf-8", help="input encoding (default: utf-8)")
    p.add_argument("--errors", choices=("strict", "replace"), default="strict",
                   help="on undecodable input: stop with an error (strict) or replace the bytes")
    p.add_argument("--input-format", metavar="NAME", help="input reader to use (default: by extension or content)")
    p.add_argument("--decisions", metavar="FILE",
                   help="triage decisions to respect (default: NAME.jargon.toml beside each input, if any)")
    p.add_argument("--no-decisions", action="store_true", help="ignore NAME.jargon.toml files beside the inputs")
    p.add_argument("--fail-on-match", action="store_true", help="exit 1 when anything was found (for CI)")
    p.add_argument("-r", "--recursive", action="store_true",
                   help="decode the transcripts in folders given as FILE (and their subfolders)")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="worker processes (0: one per CPU; default: 1)")


def run(args: argparse.Namespace) -> int:
    from jargon.batch import decode_files, expand_inputs
    from jargon.catalog import load_dictionaries
    from jargon.contributions import ReadOptions, RenderOptions
    from jargon.decisions import apply_sidecars
    from jargon.engine.decoder import Decoder
    from jargon.errors import JargonError
    from jargon.inputs import STDIN
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
    readers = pm.input_readers()
    options = ReadOptions(encoding=args.encoding, errors=args.errors)
    names = expand_inputs(args.files or [STDIN], readers, args.recursive)
    if args.output:
        from jargon import export

        export.check_output(args.output, export.protected_files(names, args.decisions, dictionaries))
    decoded = decode_files(names, decoder, readers, options, args.input_format, args.jobs, tuple(args.plugin))
    decoded = apply_sidecars(decoded, args.decisions, auto=not args.no_decisions)

    render = RenderOptions(clean=args.clean, translate=args.translate, dictionaries=dictionaries,
                           color=not args.output and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    _write(args, fmt, decoded, render)
    found = any(d.matches for d in decoded)
    return 1 if args.fail_on_match and found else 0


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
