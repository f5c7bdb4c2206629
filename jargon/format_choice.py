"""Which output format to write: ``-f NAME``, else the extension of ``-o FILE``, else ``text``.

An extension that belongs to another format than the one asked for is refused
(``-f json -o out.csv``): the file would not be what its name says. Extensions no
format claims (``out.log``) take any format.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath

from .contributions import OutputFormat
from .errors import JargonError

DEFAULT = "text"


def by_extension(formats: Mapping[str, OutputFormat]) -> dict[str, OutputFormat]:
    """The format each extension stands for: the one named like it (``csv``, not ``csv-excel``), ``text`` for
    ``.txt``, else the first registered with it."""
    out: dict[str, OutputFormat] = {}
    for fmt in formats.values():
        ext = fmt.extension.lower()
        if ext and (ext not in out or fmt.name in (ext, DEFAULT)):
            out[ext] = fmt
    return out


def choose_format(formats: Mapping[str, OutputFormat], name: str | None, output: str | None) -> OutputFormat:
    """The format for ``-f name`` and ``-o output`` (either may be None); a one-line error when it cannot be."""
    ext = PurePath(output).suffix.lower().lstrip(".") if output else ""
    claimed = by_extension(formats).get(ext) if ext else None
    if name is None:
        return claimed or formats[DEFAULT]
    fmt = formats.get(name)
    if fmt is None:
        raise JargonError(f"unknown format {name!r} (available: {', '.join(sorted(formats))})")
    if claimed is not None and fmt.extension.lower() != ext:
        raise JargonError(f"format {fmt.name!r} writes .{fmt.extension} files, not .{ext}: "
                          f"name the output *.{fmt.extension}, or leave out -f to write {claimed.name}")
    return fmt
