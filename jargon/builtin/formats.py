"""Built-in plugin: the ``text``, ``json`` and ``jsonl`` output formats.

Every format writes the records of :func:`jargon.render.records` (the fields of
docs/output-formats.md, all always present); JSON goes through :mod:`jargon.jsonout`.
``text`` and ``jsonl`` stream (:class:`jargon.contributions.Streaming`): they write each block
of records as it comes, and their whole-document ``write`` is the same code.
"""
from __future__ import annotations

from typing import IO

from jargon import jsonout
from jargon.contributions import OutputFormat, RecordBlock, RenderOptions, Streaming
from jargon.escape import terminal
from jargon.export import streamed
from jargon.hookspecs import hookimpl
from jargon.model import DecodedDocument
from jargon.render import records

_BOLD, _DIM, _CYAN, _YELLOW, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[36m", "\x1b[33m", "\x1b[0m"


def where(rec: dict) -> str:
    """``[file:]line:column`` in the file the user has (the document's position when the file has none)."""
    line, column = rec["source_line"], rec["source_column"]
    if line is None:
        line, column = rec["line"], rec["column"]
    return f"{terminal(rec['file'])}:{line}:{column}" if rec["file"] is not None else f"{line}:{column}"


def who(rec: dict) -> str:
    """`` [speaker time]`` (either may be missing), or nothing."""
    parts = [terminal(p) for p in (rec["speaker"], rec["time"]) if p is not None]
    return f" [{' '.join(parts)}]" if parts else ""


def text_block(out: IO[str], block: RecordBlock, options: RenderOptions) -> None:
    """One line per match: ``[file:]line:column [speaker time]  surface  → headword — meaning  (score)``,
    then the near misses under a heading.

    Every field is shown with :func:`jargon.escape.terminal`: a line break or an escape
    sequence in a meaning, a speaker or a file name is shown, never obeyed.
    """
    c = options.color
    for rec in block.matches:
        text, phrase, meaning = terminal(rec["text"]), terminal(rec["phrase"]), terminal(rec["meaning"])
        if c:
            out.write(f"{_DIM}{where(rec)}{_RESET}{who(rec)}  {_BOLD}{_YELLOW}{text}{_RESET}  → "
                      f"{_CYAN}{phrase}{_RESET} — {meaning}  {_DIM}({rec['score']:g}){_RESET}\n")
        else:
            out.write(f"{where(rec)}{who(rec)}  {text}  → {phrase} — {meaning}  ({rec['score']:g})\n")
        _explanation(out, rec)
    if block.near_misses:
        out.write(f"-- near misses ({len(block.near_misses)}): candidates that were rejected\n")
    for rec in block.near_misses:
        out.write(f"{where(rec)}{who(rec)}  {terminal(rec['text'])}  ✗ {terminal(rec['phrase'])}  "
                  f"({rec['score']:g}): {terminal(rec['explain'].get('rejected', ''))}\n")
        _explanation(out, rec)


def _explanation(out: IO[str], rec: dict) -> None:
    """``--explain``: the explanation as indented lines under its match."""
    if rec.get("explain"):
        from jargon.engine.explain import explain_lines

        for line in explain_lines(rec["explain"]):
            out.write(f"    {terminal(line)}\n")


def jsonl_block(out: IO[str], block: RecordBlock, options: RenderOptions) -> None:
    """One JSON object per match per line (then one per near miss)."""
    for rec in block.matches:
        out.write(jsonout.line(rec) + "\n")
    for rec in block.near_misses:
        out.write(jsonout.line(rec) + "\n")


def _begin(out: IO[str], options: RenderOptions) -> None:
    pass


TEXT = Streaming(_begin, text_block)
JSONL = Streaming(_begin, jsonl_block)


def write_json(out: IO[str], docs: list[DecodedDocument], options: RenderOptions) -> None:
    """``{"documents": [{"file": ..., "reader": ..., "matches": [...]}, ...]}``."""
    payload = {"documents": [{"file": d.document.name if d.document.path is not None else None,
                              "reader": d.document.reader,
                              "matches": list(records(d, options.clean)),
                              **({"near_misses": list(records(d, options.clean, near_misses=True))}
                                 if d.near_misses else {})} for d in docs]}
    jsonout.document(payload, out)


@hookimpl
def jargon_output_formats():
    return [
        OutputFormat("text", "One line per match: position in the file, speaker and time, surface, headword, "
                     "meaning (coloured on a terminal)", "txt", streamed(TEXT), stream=TEXT),
        OutputFormat("json", "One JSON document with every file and its matches", "json", write_json),
        OutputFormat("jsonl", "JSON Lines: one object per match", "jsonl", streamed(JSONL), stream=JSONL),
    ]
