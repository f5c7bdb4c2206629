"""Find jargon in files or stdin and write the matches in any registered format."""
from __future__ import annotations

import argparse
import os
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="*", metavar="FILE", help="files to decode ('-' or none: stdin)")
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
    p.add_argument("--encoding", default=None, help="input encoding (default: detected: UTF-8 with or without BOM, "
                   "UTF-16, Windows-1251...)")
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
    from jargon.contributions import ReadOptions, RenderOptions
    from jargon.decisions import apply_sidecars
    from jargon.errors import JargonError
    from jargon.format_choice import choose_format
    from jargon.inputs import STDIN
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
    readers = session.plugins.input_readers()
    options = ReadOptions(encoding=args.encoding, errors=args.errors)
    names = expand_inputs(args.files or [STDIN], readers, args.recursive)
    decoded = decode_files(names, session.decoder, readers, options, args.input_format, args.jobs,
                           session.plugin_paths, no_plugins=session.no_plugins)
    decoded = apply_sidecars(decoded, args.decisions, auto=not args.no_decisions)

    terminal = not args.output and sys.stdout.isatty()
    render = RenderOptions(clean=args.clean, dictionaries=dictionaries, languages=pm.languages(),
                           color=terminal and not os.environ.get("NO_COLOR"), terminal=terminal,
                           extra={"threshold": session.decoder.threshold})
    _write(args, fmt, decoded, render)
    found = any(d.matches for d in decoded)
    return 1 if args.fail_on_match and found else 0


def _write(args, fmt, decoded, render) -> None:
    from jargon import export

    if args.output:
        export.save(args.output, export.render(fmt, decoded, render))
    else:
        export.write(fmt, sys.stdout, decoded, render)
        sys.stdout.flush()
