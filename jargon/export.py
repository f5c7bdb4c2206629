"""Write decoded documents in an output format: to a stream, or atomically to a file.

One place for what `jargon decode -o` and the TUI's export both do: binary formats
need a file; a format plugin that raises is reported in one line, not a traceback; an
output file that is one of the run's own inputs (a transcript, its sidecar, a dictionary
in use) is refused before anything is written (:func:`check_output`).

Formats with a :class:`~jargon.contributions.Streaming` interface are written as decoding
goes (:func:`write_stream`, :func:`save_stream`): whole documents and the blocks of streamed
inputs (jargon.blocks) become :class:`~jargon.contributions.RecordBlock` s here, in one place
(:func:`document_block`, :func:`block_records`), and the same code writes both.
"""
from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from .atomic import atomic_write_bytes, atomic_writer, remove_stale_temps
from .blocks import DecodedBlock
from .contributions import OutputFormat, RecordBlock, RenderOptions, Streaming
from .errors import JargonError
from .model import DecodedDocument

#: what a streamed run hands the writer: whole documents, and streamed inputs as their blocks
Item = DecodedDocument | Iterator[DecodedBlock]

STALE_OUTPUT_TEMP_SECONDS = 3600


def render(fmt: OutputFormat, decoded: list[DecodedDocument], options: RenderOptions) -> bytes | str:
    """The whole output of ``fmt`` in memory (bytes for binary formats, else text)."""
    buf: io.BytesIO | io.StringIO = io.BytesIO() if fmt.binary else io.StringIO()
    write(fmt, buf, decoded, options)
    return buf.getvalue()


def write(fmt: OutputFormat, out: IO, decoded: list[DecodedDocument], options: RenderOptions) -> None:
    _guarded(fmt, fmt.write, out, decoded, options)


def _guarded(fmt: OutputFormat, call: Callable, *args) -> None:
    """``call(*args)``, a part of format ``fmt``; its failure is one JargonError line."""
    try:
        call(*args)
    except (JargonError, BrokenPipeError, KeyboardInterrupt):
        raise
    except Exception as exc:
        detail = str(exc).strip().splitlines()
        raise JargonError(f"format {fmt.name!r} failed: {type(exc).__name__}"
                          f"{': ' + detail[0] if detail else ''}") from None


def document_block(decoded: DecodedDocument, clean: bool = False) -> RecordBlock:
    """A whole decoded document as one RecordBlock."""
    from .render import records, sentence_around

    text = decoded.document.text
    return RecordBlock(list(records(decoded, clean)), list(records(decoded, clean, near_misses=True)),
                       lambda rec: sentence_around(text, rec["start"], rec["end"]))


def block_records(piece: DecodedBlock, clean: bool = False) -> RecordBlock:
    """The records of a streamed block's matches and near misses, with the offsets, lines and
    columns of the whole file (the block's document is its text alone)."""
    from .render import records, sentence_around

    block = piece.block
    base, line, column = block.base, block.line, block.column

    def placed(rec: dict) -> dict:
        for a, b in (("line", "column"), ("source_line", "source_column")):
            if rec[a] is not None:
                if rec[a] == 1:
                    rec[b] += column
                rec[a] += line - 1
        rec["start"] += base
        rec["end"] += base
        return rec

    return RecordBlock([placed(r) for r in records(piece.decoded, clean)],
                       [placed(r) for r in records(piece.decoded, clean, near_misses=True)],
                       lambda rec: sentence_around(block.text, rec["start"] - base, rec["end"] - base))


def streamed(streaming: Streaming) -> Callable[[IO, list[DecodedDocument], RenderOptions], None]:
    """The whole-documents ``write`` of a streaming format: the same code, one block per document."""
    def write_documents(out: IO, docs: list[DecodedDocument], options: RenderOptions) -> None:
        streaming.begin(out, options)
        for d in docs:
            streaming.write(out, document_block(d, options.clean), options)
        streaming.end(out, options)
    return write_documents


def write_stream(fmt: OutputFormat, out: IO, items: Iterable[Item], options: RenderOptions) -> None:
    """Write ``items`` with ``fmt.stream`` as they come; a document's near misses after its matches."""
    stream = fmt.stream
    assert stream is not None
    _guarded(fmt, stream.begin, out, options)
    for item in items:
        if isinstance(item, DecodedDocument):
            _guarded(fmt, stream.write, out, document_block(item, options.clean), options)
            continue
        near: list[dict] = []
        for piece in item:
            block = block_records(piece, options.clean)
            near.extend(block.near_misses)
            _guarded(fmt, stream.write, out, RecordBlock(block.matches, (), block.context), options)
        if near:
            _guarded(fmt, stream.write, out, RecordBlock((), near), options)
    _guarded(fmt, stream.end, out, options)


def save_stream(path: str | Path, fmt: OutputFormat, items: Iterable[Item], options: RenderOptions) -> None:
    """:func:`write_stream` to ``path``, atomically: a temporary file renamed when all is written
    (removed on an error: ``path`` is as it was); a special file is written as it goes."""
    remove_stale_temps(path, min_age=STALE_OUTPUT_TEMP_SECONDS)
    try:
        with atomic_writer(path) as raw:
            out = io.TextIOWrapper(raw, encoding="utf-8", newline="")
            write_stream(fmt, out, items, options)
            out.flush()
            out.detach()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise JargonError(f"cannot write {path}: {exc.strerror or exc}") from None


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
