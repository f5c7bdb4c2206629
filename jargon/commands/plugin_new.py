"""Scaffold a new plugin package: jargon plugin new NAME [--dir DIR]."""
from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="plugin_action", metavar="ACTION", required=True)
    new = sub.add_parser("new", help="create an installable plugin package with a dictionary and tests",
                         description="Create jargon-NAME/: an installable plugin package (pyproject with the "
                                     "'jargon' entry point, a dictionary with two example entries, the hook "
                                     "module, a README and a test) that passes its own tests as created.")
    new.add_argument("name", metavar="NAME", help="e.g. en-sales (the package becomes jargon-en-sales)")
    new.add_argument("--dir", default=".", metavar="DIR", help="folder to create it in (default: .)")
    new.add_argument("--language", default="ru", help="language code of the dictionary (default: ru)")
    new.add_argument("--author", default="", help="author name for pyproject.toml")


def run(args: argparse.Namespace) -> int:
    from jargon.scaffold import plugin_names, write_plugin

    root = write_plugin(args.name, args.dir, language=args.language, author=args.author)
    names = plugin_names(args.name)
    print(f"created {root}")
    print("next:")
    print(f"  cd {root}")
    print("  pip install -e '.[test]'")
    print(f"  jargon dict validate {names.module}/{names.slug}.toml")
    print("  pytest")
    return 0
