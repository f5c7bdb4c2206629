"""Read a transcript with its jargon decoded, in a terminal app (Textual).

Textual is imported only inside ``run``: the CLI imports this module to build its
parser, and ``jargon decode`` must never load Textual.
"""
from __future__ import annotations

import argparse
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", metavar="FILE", help="transcript to open (any registered input format)")
    p.add_argument("-d", "--dict", action="append", default=[], metavar="NAME|PATH",
                   help="dictionary by name or path (repeatable; default: all installed)")
    p.add_argument("-t", "--threshold", type=float, default=None,
                   help="minimum score 0-100 (default: the decoder's default, 75)")
    p.add_argument("--clean", action="store_true", help="show softened meanings for explicit entries")


def run(args: argparse.Namespace) -> int:
    from jargon.errors import JargonError

    if args.threshold is not None and not 0 <= args.threshold <= 100:
        raise JargonError("--threshold must be between 0 and 100")
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise JargonError("jargon tui needs a terminal (use 'jargon decode' in pipes and scripts)")
    from jargon.tui.app import JargonApp

    app = JargonApp(args.file, dict_selectors=args.dict, threshold=args.threshold,
                    plugin_paths=getattr(args, "plugin", ()) or (), clean=args.clean)
    app.run()
    return app.return_code or 0
