"""Built-in plugin: the ``text``, ``json`` and ``jsonl`` output formats."""
from __future__ import annotations

import json
from typing import IO

from jargon.contributions import OutputFormat, RenderOptions
from jargon.hookspecs import hookimpl
from jargon.model import DecodedDocument
from jargon.render import records

_BOLD, _DIM, _CYAN, _YELLOW, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[36m", "\x1b[33m", "\x1b[0m"


def write_text(out: IO[str], docs: list[DecodedDocument], options: RenderOptions) -> None:
    """One line per match: ``[file:]line:column  surface  → headword — meaning  (score)``."""
    c = options.color
    for decoded in docs:
        for rec in records(decoded, options.clean):
            where = f"{rec['file']}:" if "file" in rec else ""
            where += f"{rec['line']}:{rec['column']}"
            who = f" [{rec['speaker']}]" if "speaker" in rec else ""
            if c:
                out.write(f"{_DIM}{where}{_RESET}{who}  {_BOLD}{_YELLOW}{rec['text']}{_RESET}  → "
                          f"{_CYAN}{rec['phrase']}{_RESET} — {rec['meaning']}  {_DIM}({rec['score']:g}){_RESET}\n")
            else:
                out.write(f"{where}{who}  {rec['text']}  → {rec['phrase']} — {rec['meaning']}  ({rec['score']:g})\n")


def write_jsonl(out: IO[str], docs: list[DecodedDocument], options: RenderOptions) -> None:
    """One JSON object per match per line."""
    for decoded in docs:
        for rec in records(decoded, options.clean):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")


def write_json(out: IO[str], docs: list[DecodedDocument], options: RenderOptions) -> None:
    """``{"documents": [{"file": ..., "matches": [...]}, ...]}``."""
    payload = {"documents": [{"file": d.document.name, "reader": d.document.reader,
                              "matches": list(records(d, options.clean))} for d in docs]}
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")


@hookimpl
def jargon_output_formats():
    return [
        OutputFormat("text", "One line per match: position, surface, headword, meaning (coloured on a terminal)",
                     "txt", write_text),
        OutputFormat("json", "One JSON document with every file and its matches", "json", write_json),
        OutputFormat("jsonl", "JSON Lines: one object per match", "jsonl", write_jsonl),
    ]
