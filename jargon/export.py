"""Write decoded documents in an output format: to a stream, or atomically to a file.

One place for what `jargon decode -o` and the TUI's export both do: binary formats
need a file; a format plugin that raises is reported in one line, not a traceback.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import IO

from .atomic import atomic_write_bytes
from .contributions import OutputFormat, RenderOptions
from .errors import JargonError
from .model import DecodedDocument


def render(fmt: OutputFormat, decoded: list[DecodedDocument], options: RenderOptions) -> bytes | str:
    """The whole output of ``fmt`` in memory (bytes for binary formats, else text)."""
    buf: IO = io.BytesIO() if fmt.binary else io.StringIO()
    write(fmt, buf, decoded, options)
    return buf.getvalue()


def write(fmt: OutputFormat, out: IO, decoded: list[DecodedDocument], options: RenderOptions) -> None:
    try:
        fmt.write(out, decoded, options)
    except (JargonError, BrokenPipeError, KeyboardInterrupt):
        raise
    except Exception as exc:
        detail = str(exc).strip().splitlines()
        raise JargonError(f"format {fmt.name!r} failed: {type(exc).__name__}"
                          f"{': ' + detail[0] if detail else ''}") from None


def translation(decoded: list[DecodedDocument], clean: bool = False, dictionaries=(), languages=None) -> str:
    """The ``translated`` format's output (the TUI's export uses it; ``languages`` inflect names)."""
    from .builtin.formats_translated import write_translated

    buf = io.StringIO()
    write_translated(buf, decoded, RenderOptions(clean=clean, dictionaries=dictionaries, languages=languages or {}))
    return buf.getvalue()


def save(path: str | Path, data: bytes | str) -> None:
    """Write output to ``path`` atomically; a folder that cannot be written is one clear line."""
    try:
        atomic_write_bytes(path, data.encode("utf-8") if isinstance(data, str) else data)
    except OSError as exc:
        raise JargonError(f"cannot write {path}: {exc.strerror or exc}") from None
