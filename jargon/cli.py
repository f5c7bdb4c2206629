"""The ``jargon`` command line: a thin dispatcher over ``jargon/commands/``.

Start-up is kept small: nothing heavy is imported until a command runs, and the
TUI (Textual) is imported only by ``jargon tui``.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

# command name -> (module, one-line help)
COMMANDS = {
    "decode": ("jargon.commands.decode", "find jargon in files or stdin and say what it means"),
    "discover": ("jargon.commands.discover", "find candidate jargon that no dictionary covers yet"),
    "lookup": ("jargon.commands.lookup", "fuzzy-search the dictionaries"),
    "stats": ("jargon.commands.stats", "jargon per document and per speaker"),
    "dict": ("jargon.commands.dictcmd", "list, show, validate, add to and create dictionaries"),
    "plugins": ("jargon.commands.plugins", "installed plugins and what they contribute"),
    "plugin": ("jargon.commands.plugin_new", "scaffold a new plugin package (jargon plugin new NAME)"),
    "tui": ("jargon.commands.tui", "read a transcript with its jargon decoded (Textual app)"),
}

NO_PLUGINS_HELP = "built-in plugins only: skip installed packages and plugin folders (--plugin still loads)"


def build_parser() -> tuple[argparse.ArgumentParser, dict]:
    from . import __version__

    parser = argparse.ArgumentParser(prog="jargon", description="Find corporate jargon in text and say what it means.")
    parser.add_argument("--version", action="version", version=f"jargon {__version__}")
    parser.add_argument("--plugin", action="append", default=[], metavar="PATH",
                        help="load a plugin file or folder for this run (repeatable)")
    parser.add_argument("--no-plugins", action="store_true", help=NO_PLUGINS_HELP)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = {}
    for name, (modname, help_text) in COMMANDS.items():
        try:
            module = importlib.import_module(modname)
        except ModuleNotFoundError as exc:
            if exc.name == modname:   # command not built yet
                continue
            raise
        p = sub.add_parser(name, help=help_text, description=(module.__doc__ or help_text).strip().splitlines()[0])
        module.add_arguments(p)
        _add_no_plugins(p)
        modules[name] = module
    return parser, modules


def _add_no_plugins(parser: argparse.ArgumentParser) -> None:
    """``--no-plugins`` after a command and after its actions too (``jargon dict list --no-plugins``);
    SUPPRESS keeps the value given before the command."""
    parser.add_argument("--no-plugins", action="store_true", default=argparse.SUPPRESS, help=NO_PLUGINS_HELP)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                _add_no_plugins(sub)


def main(argv: list[str] | None = None) -> int:
    from .errors import JargonError
    from .escape import terminal

    argv = sys.argv[1:] if argv is None else argv
    parser, modules = build_parser()
    if not argv and sys.stdin.isatty() and sys.stdout.isatty() and "tui" in modules:
        argv = ["tui"]
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 0
    try:
        return modules[args.command].run(args) or 0
    except JargonError as exc:
        print(f"jargon: {terminal(exc)}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        _quiet_broken_pipe()
        return 0
    except KeyboardInterrupt:
        return 130
    except (RecursionError, MemoryError) as exc:
        # hostile input that a reader did not bound (readers of TOML use jargon.tomlread)
        print(f"jargon: input nested too deeply or too large to read ({type(exc).__name__})", file=sys.stderr)
        return 2


def _quiet_broken_pipe() -> None:
    # The reader went away (``| head``): silence the flush at exit too.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


if __name__ == "__main__":
    sys.exit(main())
