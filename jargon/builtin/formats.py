"""Built-in plugin: the ``text``, ``json`` and ``jsonl`` output formats (escaped by :mod:`jargon.escape`)."""
from __future__ import annotations

import json
from typing import IO

from jargon.contributions import OutputFormat, RenderOptions
from jargon.escape import json_text, terminal
from jargon.hookspecs import hookimpl
from jargon.model import DecodedDocument
from jargon.render import records

_BOLD, _DIM, _CYAN, _YELLOW, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[36m", "\x1b[33m", "\x1b[0m"


def write_text(out: IO[str], docs: list[DecodedDocument], options: RenderOptions) -> None:
    """One line per match: ``[file:]line:column  surface  → headword — meaning  (score)``.

    Every field is shown with :func:`jargon.escape.terminal`: a line break or an escape
    sequence in a meaning, a speaker or a file name is shown, never obeyed.
    """
    c = options.color
    for decoded in docs:
        for rec in records(decoded, options.clean):
            where = f"{terminal(rec['file'])}:" if "file" in rec else ""
            where += f"{rec['line']}:{rec['column']}"
            who = f" [{terminal(rec['speaker'])}]" if "speaker" in rec else ""
            text, phrase, meaning = terminal(rec["text"]), terminal(rec["phrase"]), terminal(rec["meaning"])
            if c:
                out.write(f"{_DIM}{where}{_RESET}{who}  {_BOLD}{_YELLOW}{text}{_RESET}  → "
                          f"{_CYAN}{phrase}{_RESET} — {meaning}  {_DIM}({rec['score']:g}){_RESET}\n")
            else:
                out.write(f"{where}{who}  {text}  → {phrase} — {meaning}  ({rec['score']:g})\n")


def write_jsonl(out: IO[str], docs: list[DecodedDocument], options: RenderOptions) -> None:
    """One JSON object per match per line."""
    for decoded in docs:
        for rec in records(decoded, options.clean):
            out.write(json_text(json.dumps(rec, ensure_ascii=False)) + "\n")


def write_json(out: IO[str], docs: list[DecodedDocument], options: RenderOptions) -> None:
    """``{"documents": [{"file": ..., "matches": [...]}, ...]}``."""
    payload = {"documents": [{"file": d.document.name, "reader": d.document.reader,
                              "matches": list(records(d, options.clean))} for d in docs]}
    out.write(json_text(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n")


@hookimpl
def jargon_output_formats():
    return [
        OutputFormat("text", "One line per match: position, surface, headword, meaning (coloured on a terminal)",
                     "txt", write_text),
        OutputFormat("json", "One JSON document with every file and its matches", "json", write_json),
        OutputFormat("jsonl", "JSON Lines: one object per match", "jsonl", write_jsonl),
    ]
