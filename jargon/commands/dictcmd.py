"""List, show, validate, check, add to and create dictionaries (jargon dict list|show|validate|check|add|new)."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from jargon import jsonout
from jargon.escape import terminal


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="dict_action", metavar="ACTION", required=True)

    ls = sub.add_parser("list", help="installed dictionaries: entries, language, source plugin, path",
                        description="List the installed dictionaries.")
    ls.add_argument("--json", action="store_true", help="print JSON")

    show = sub.add_parser("show", help="the entries of a dictionary with their meanings",
                          description="Show the entries of a dictionary (by name or path).")
    show.add_argument("name", metavar="NAME|PATH")
    show.add_argument("--clean", action="store_true", help="softened meanings for explicit entries")
    show.add_argument("--json", action="store_true", help="print JSON")

    val = sub.add_parser("validate", help="check dictionary files; every problem as file:line (exit 1 if any)",
                         description="Check dictionary files: schema, duplicates, headwords that collide "
                                     "fuzzily, variants and examples that do not decode to their own entry, "
                                     "and (as notes) headwords another dictionary, given or installed, has too.")
    val.add_argument("files", nargs="+", metavar="FILE")
    val.add_argument("--similarity", type=float, default=None, metavar="N",
                     help="headwords at least this similar (0-100) collide (default: 90)")

    chk = sub.add_parser("check", help="hits per entry per 100,000 words of ordinary prose (false alarms)",
                         description="Decode ordinary prose (text with no corporate jargon: novels, man pages) "
                                     "with each dictionary and report its hits per entry per 100,000 words, "
                                     "worst first, with a few contexts: every hit is a false alarm.")
    chk.add_argument("dictionaries", nargs="+", metavar="DICT", help="an installed dictionary's name or a path")
    chk.add_argument("--prose", nargs="+", required=True, metavar="FILE", help="UTF-8 text files of ordinary prose")
    chk.add_argument("--max-rate", type=float, default=None, metavar="N",
                     help="exit 1 when a dictionary's hits per 100,000 words are above N")
    chk.add_argument("--examples", type=int, default=3, metavar="N", help="contexts shown per entry (default: 3)")
    chk.add_argument("-f", "--format", choices=("text", "json"), default="text", help="output format")

    add = sub.add_parser("add", help="append an entry to your own dictionary (or --dict FILE)",
                         description="Append an entry to your own dictionary (or to FILE), atomically, "
                                     "keeping a .bak copy of the previous version.")
    add.add_argument("phrase", metavar="PHRASE")
    add.add_argument("--meaning", "-m", required=True, metavar="TEXT", help="what it really means")
    add.add_argument("--tag", action="append", default=[], metavar="TAG", help="a tag (repeatable)")
    add.add_argument("--variant", action="append", default=[], metavar="TEXT",
                     help="another way people say it (repeatable)")
    add.add_argument("--example", action="append", default=[], metavar="TEXT",
                     help="a sentence that must decode to this entry (repeatable)")
    add.add_argument("--dict", dest="dict_file", metavar="FILE",
                     help="dictionary file to add to (default: your own, see 'jargon dict list')")
    add.add_argument("--force", action="store_true",
                     help="add it even when an installed dictionary has this headword already")

    new = sub.add_parser("new", help="create a new dictionary file with two example entries",
                         description="Create NAME.toml: a valid dictionary with two example entries to replace.")
    new.add_argument("name", metavar="NAME")
    new.add_argument("--dir", default=".", metavar="DIR", help="folder to write to (default: .)")
    new.add_argument("--language", default="ru", help="language code of the phrases (default: ru)")
    new.add_argument("--title", default="", help="a human title")
    new.add_argument("--force", action="store_true", help="overwrite an existing file")


def run(args: argparse.Namespace) -> int:
    return {"list": _list, "show": _show, "validate": _validate, "check": _check, "add": _add,
            "new": _new}[args.dict_action](args)


def _session(args, **overrides):
    from jargon.session import Session

    return Session.from_args(args, **overrides)


def _list(args) -> int:
    dictionaries = _session(args).plugins.dictionaries()
    rows = [{"name": d.name, "entries": len(d.entries), "language": d.language, "version": d.version,
             "plugin": d.plugin, "title": d.title, "path": str(d.path) if d.path else None}
            for d in dictionaries.values()]
    if args.json:
        jsonout.document({"dictionaries": rows}, sys.stdout)
        return 0
    if not rows:
        print("no dictionaries installed")
        return 0
    table = [("NAME", "ENTRIES", "LANG", "PLUGIN", "PATH")]
    table += [(r["name"], str(r["entries"]), r["language"], r["plugin"] or "", r["path"] or "(built in code)")
              for r in rows]
    _print_table(table, right_aligned={1})
    return 0


def _show(args) -> int:
    (d,) = _session(args, dict_selectors=(args.name,)).dictionaries
    if args.json:
        from jargon.dictionary import entry_to_data

        payload = {"name": d.name, "title": d.title, "language": d.language, "version": d.version,
                   "plugin": d.plugin, "path": str(d.path) if d.path else None,
                   "entries": [entry_to_data(e) for e in d.entries]}
        jsonout.document(payload, sys.stdout)
        return 0
    source = f", plugin {d.plugin}" if d.plugin else ""
    print(terminal(f"{d.name}: {d.title or 'untitled'} ({d.language}, {len(d.entries)} entries{source})"))
    if d.path:
        print(terminal(d.path))
    for e in d.entries:
        print()
        print(terminal(f"{e.phrase}  [{e.id}]"))
        print(f"    {terminal(e.display_meaning(args.clean))}")
        if e.variants:
            print(f"    variants: {terminal('; '.join(e.variants))}")
        if e.tags:
            print(f"    tags: {terminal(', '.join(e.tags))}")
    return 0


def _validate(args) -> int:
    from jargon.validate import DEFAULT_SIMILARITY, UnreadableDictionary, shared_headwords, validate_file

    similarity = DEFAULT_SIMILARITY if args.similarity is None else args.similarity
    if not 0 < similarity <= 100:
        from jargon.errors import JargonError

        raise JargonError("--similarity must be between 0 and 100")
    session = _session(args)
    given = _loadable(args.files)
    installed = list(session.plugins.dictionaries().values())
    status, total = 0, 0
    for name in args.files:
        try:
            problems = validate_file(name, similarity=similarity, decoder_factory=session.decoder_for,
                                     loaded=given.get(name))
        except UnreadableDictionary as exc:
            print(f"jargon: {terminal(exc)}", file=sys.stderr)
            status = 2
            continue
        for problem in problems:
            print(terminal(problem))
        if name in given:
            for note in shared_headwords(given[name], installed + [d for n, d in given.items() if n != name]):
                print(terminal(f"jargon: note: {note}"), file=sys.stderr)
        total += len(problems)
        if problems:
            status = max(status, 1)
    if total:
        files = len(args.files)
        print(f"{total} problem{'s' if total != 1 else ''} in {files} file{'s' if files != 1 else ''}",
              file=sys.stderr)
    elif status == 0:
        print(f"ok: {len(args.files)} file{'s' if len(args.files) != 1 else ''}, no problems", file=sys.stderr)
    return status


def _check(args) -> int:
    from jargon import prose_check
    from jargon.errors import JargonError

    if args.max_rate is not None and args.max_rate < 0:
        raise JargonError("--max-rate must not be negative")
    if args.examples < 0:
        raise JargonError("--examples must not be negative")
    session = _session(args, dict_selectors=tuple(args.dictionaries))
    dictionaries = session.dictionaries
    prose, status = [], 0
    for name in args.prose:
        try:
            with open(name, encoding="utf-8-sig") as f:
                prose.append(prose_check.Prose(name, f.read()))
        except (OSError, UnicodeDecodeError) as exc:
            reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else exc.strerror or str(exc)
            print(terminal(f"jargon: cannot read {name}: {reason}; skipped"), file=sys.stderr)
            status = 2
    if not prose:
        raise JargonError("no prose file could be read")
    results = prose_check.check(dictionaries, prose, session.decoder_for, examples=args.examples)
    if args.format == "json":
        jsonout.document(prose_check.to_data(results, [p.name for p in prose]), sys.stdout)
    else:
        _print_check(results, len(prose))
    over = [r for r in results if args.max_rate is not None and r.rate > args.max_rate]
    for r in over:
        print(terminal(f"jargon: {r.name}: {r.rate:.1f} hits per 100,000 words, above --max-rate {args.max_rate:g}"),
              file=sys.stderr)
    return status or (1 if over else 0)


def _print_check(results, files: int) -> None:
    from jargon.prose_check import rate

    for n, r in enumerate(results):
        if n:
            print()
        print(terminal(f"{r.name}: {r.hits} hit{'s' if r.hits != 1 else ''} in {r.words:,} words of "
                       f"{files} file{'s' if files != 1 else ''}: {r.rate:.1f} per 100,000 words"))
        for e in r.worst_first():
            print(terminal(f"  {rate(e.hits, r.words):7.1f} {e.hits:6d}  {e.phrase}  [{e.id}]"))
            for h in e.examples:
                print(terminal(f"                  {h.file}:{h.line}: {h.context}"))


def _loadable(files: list[str]) -> dict:
    """The given dictionary files that load, by file name (the others are reported by validate itself)."""
    from jargon.dictionary import load_dictionary
    from jargon.errors import JargonError

    out = {}
    for name in files:
        try:
            out[name] = load_dictionary(name)
        except (JargonError, OSError, UnicodeDecodeError):
            continue
    return out


def _add(args) -> int:
    from pathlib import Path

    from jargon.errors import JargonError
    from jargon.userdict import add_user_entry, user_dictionary_path

    if not args.phrase.strip() or not args.meaning.strip():
        raise JargonError("the phrase and --meaning must not be empty")
    target = Path(args.dict_file) if args.dict_file else user_dictionary_path()
    if not args.force:
        _refuse_known_headword(args.phrase, _session(args).plugins.dictionaries().values())
    had_comments = _has_comments(target)
    try:
        path, entry = add_user_entry(args.phrase, args.meaning, tags=args.tag, dict_path=target,
                                     variants=args.variant, examples=args.example)
    except OSError as exc:
        raise JargonError(f"cannot write {target}: {exc.strerror or exc}; the file was left as it was") from None
    print(terminal(f"added {entry.phrase!r} as {entry.id!r} to {path}"))
    if had_comments:
        print(terminal(f"jargon: note: comments in {path} were not kept (previous version in {path.name}.bak)"),
              file=sys.stderr)
    return 0


def _refuse_known_headword(phrase: str, installed) -> None:
    """A headword an installed dictionary has already: say where (one line, exit 2)."""
    from jargon.catalog import find_headword, where_entry
    from jargon.errors import JargonError

    found = find_headword(phrase, installed)
    if found:
        places = "; ".join(where_entry(d, e) for d, e in found)
        raise JargonError(f"{phrase.strip()!r} is already the headword of {places} (--force adds it anyway)")


def _has_comments(path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return any(line.lstrip().startswith("#") for line in text.splitlines())


def _new(args) -> int:
    from jargon.scaffold import write_dictionary

    path = write_dictionary(args.name, args.dir, language=args.language, title=args.title, force=args.force)
    print(terminal(f"created {path}"))
    print(terminal(f"next: edit it, then run: jargon dict validate {path}"))
    return 0


def _print_table(table: Sequence[tuple[str, ...]], right_aligned: AbstractSet[int] = frozenset()) -> None:
    rows = [tuple(terminal(c) for c in row) for row in table]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [c.rjust(w) if i in right_aligned else c.ljust(w)
                 for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        print("  ".join(cells).rstrip())
