"""Write decoded documents in an output format: to a stream, or atomically to a file.

One place for what `jargon decode -o` and the TUI's export both do: binary formats
need a file; a format plugin that raises is reported in one line, not a traceback; an
output file that is one of the run's own inputs (a transcript, its sidecar, a dictionary
in use) is refused before anything is written (:func:`check_output`).
"""
from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from .atomic import atomic_write_bytes, remove_stale_temps
from .contributions import OutputFormat, RenderOptions
from .errors import JargonError
from .model import DecodedDocument

STALE_OUTPUT_TEMP_SECONDS = 3600


def render(fmt: OutputFormat, decoded: list[DecodedDocument], options: RenderOptions) -> bytes | str:
    """The whole output of ``fmt`` in memory (bytes for binary formats, else text)."""
    buf: io.BytesIO | io.StringIO = io.BytesIO() if fmt.binary else io.StringIO()
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


def protected_files(inputs: Iterable[str | os.PathLike], decisions: str | os.PathLike | None = None,
                    dictionaries: Iterable = ()) -> list[tuple[str, Path]]:
    """What an output must never overwrite, as ``(what it is, path)``: the input files (``-`` is
    stdin, skipped), each one's sidecar, the ``--decisions`` file and the dictionaries' files."""
    from .decisions import sidecar_path
    from .inputs import STDIN

    out: list[tuple[str, Path]] = []
    for name in inputs:
        if str(name) == STDIN:
            continue
        out.append((f"the input {name}", Path(name)))
        out.append((f"the decisions file of {name}", sidecar_path(name)))
    if decisions is not None:
        out.append(("the decisions file", Path(decisions)))
    for d in dictionaries:
        if getattr(d, "path", None) is not None:
            out.append((f"the dictionary {d.name!r}", Path(d.path)))
    return out


def check_output(output: str | os.PathLike, protected: Iterable[tuple[str, Path]]) -> None:
    """Raise JargonError when ``output`` is, or resolves to (symlinks, ``./``, hard links), one of
    ``protected`` (see :func:`protected_files`). A device or FIFO (``/dev/null``) is never refused."""
    try:
        if not stat.S_ISREG(os.stat(output).st_mode):
            return
    except OSError:
        pass                               # a new file: compared by its resolved path
    for what, path in protected:
        if _same_file(output, path):
            raise JargonError(f"{output} is {what}: refusing to overwrite it; choose another output file")


def _same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:                        # one of them does not exist (yet)
        return os.path.realpath(a) == os.path.realpath(b)


def save(path: str | Path, data: bytes | str) -> None:
    """Write output to ``path`` atomically; a folder that cannot be written is one clear line.
    Outputs are written without a lock, so only temporary files of writers killed long ago
    (an hour) are removed."""
    remove_stale_temps(path, min_age=STALE_OUTPUT_TEMP_SECONDS)
    try:
        atomic_write_bytes(path, data.encode("utf-8") if isinstance(data, str) else data)
    except BrokenPipeError:              # -o /dev/stdout | head: as for stdout, the CLI goes quiet
        raise
    except OSError as exc:
        raise JargonError(f"cannot write {path}: {exc.strerror or exc}") from None
