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
    p.add_argument("--encoding", default=None, help="transcript encoding (default: detected: UTF-8 with or "
                   "without BOM, UTF-16, Windows-1251...)")
    p.add_argument("--clean", action="store_true", help="show softened meanings for explicit entries")


def run(args: argparse.Namespace) -> int:
    from jargon.errors import JargonError
    from jargon.session import Session

    session = Session.from_args(args)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise JargonError("jargon tui needs a terminal (use 'jargon decode' in pipes and scripts)")
    from jargon.tui.app import JargonApp

    # the app builds its Session in a worker thread, with its own problem reporting
    app = JargonApp(args.file, dict_selectors=session.dict_selectors, threshold=session.threshold,
                    plugin_paths=session.plugin_paths, clean=args.clean, no_plugins=session.no_plugins,
                    encoding=args.encoding)
    app.run()
    return app.return_code or 0
