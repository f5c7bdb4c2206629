"""Decode many files: folders (``-r``), worker processes (``--jobs N``), a progress bar.

``decode_files`` returns one :class:`DecodedDocument` per input, in input order, whatever
order the workers finish in. With ``jobs > 1`` a :class:`ProcessPoolExecutor` runs the
work; its initializer receives the (picklable) decoder once per worker and builds the
worker's own input readers from the same plugins, so each task only carries file names
(a few files per task, see :func:`chunks`).
A progress bar (rich) is drawn on stderr only when stderr is a terminal.
"""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from .contributions import InputReader, ReadOptions
from .errors import InputError, JargonError
from .model import DecodedDocument


def expand_inputs(names: list[str], readers: dict[str, InputReader], recursive: bool = False) -> list[str]:
    """The files to decode. With ``recursive``, a folder stands for the files below it whose
    extension a reader handles (sorted by path; hidden files and folders are skipped)."""
    if not recursive:
        return list(names)
    extensions = {ext for r in readers.values() for ext in r.extensions if ext}
    out: list[str] = []
    for name in names:
        path = Path(name)
        if name == "-" or not path.is_dir():
            out.append(name)
            continue
        found = sorted(
            p for p in path.rglob("*")
            if p.is_file() and p.suffix.lower().lstrip(".") in extensions
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        if not found:
            raise InputError(f"{name}: no transcripts found in this folder "
                             f"(looked for .{', .'.join(sorted(extensions))})")
        out.extend(str(p) for p in found)
    return out


def resolve_jobs(jobs: int | None, count: int) -> int:
    """``None``/1: one process; 0: one per CPU; never more workers than files."""
    if jobs is None:
        return 1
    if jobs < 0:
        raise JargonError("--jobs must be 0 (one per CPU) or more")
    if jobs == 0:
        jobs = os.cpu_count() or 1
    return max(1, min(jobs, count))


# -- worker side ------------------------------------------------------------------

_worker: dict = {}


def _silent(message: str) -> None:
    pass


def _init_worker(decoder, plugin_paths: tuple[str, ...], options: ReadOptions, forced: str | None,
                 no_plugins: bool = False) -> None:
    from .session import Session

    # the parent already reported any plugin problems once
    pm = Session(plugin_paths, no_plugins, report=_silent).plugins
    _worker.update(decoder=decoder, readers=pm.input_readers(), options=options, forced=forced)


def _decode_in_worker(names: list[str]) -> list[DecodedDocument]:
    w = _worker
    return [read_and_decode(name, w["decoder"], w["readers"], w["options"], w["forced"]) for name in names]


def read_and_decode(name: str, decoder, readers: dict[str, InputReader], options: ReadOptions,
                    forced: str | None) -> DecodedDocument:
    """One input read and decoded. The cycle collector is paused meanwhile (jargon.nogc):
    reading a transcript makes a segment per turn, decoding many small objects, and
    neither makes cycles; it runs again between files."""
    from .inputs import read_document
    from .nogc import paused_gc

    with paused_gc():
        return decoder.decode_document(read_document(name, readers, options, forced))


def chunks(count: int, workers: int) -> list[range]:
    """Index ranges of about eight tasks per worker (fewer round trips than one file per task,
    still small enough to balance the load and move the progress bar)."""
    size = max(1, min(32, count // (workers * 8)))
    return [range(i, min(i + size, count)) for i in range(0, count, size)]


# -- parent side -----------------------------------------------------------------

@contextmanager
def progress_bar(total: int, enabled: bool | None = None) -> Iterator[Callable[[], None]]:
    """Yields ``advance()``. Draws a rich progress bar on stderr when it is a terminal."""
    if enabled is None:
        enabled = total > 1 and sys.stderr.isatty()
    if not enabled:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("decoding"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("decoding", total=total)
        yield lambda: progress.advance(task)


def decode_files(names: list[str], decoder, readers: dict[str, InputReader],
                 options: ReadOptions = ReadOptions(), forced: str | None = None, jobs: int | None = 1,
                 plugin_paths: tuple[str, ...] = (), progress: bool | None = None,
                 no_plugins: bool = False) -> list[DecodedDocument]:
    """Read and decode every file; results in input order. When an input fails (unreadable,
    invalid UTF-8, ...) its error is raised and the remaining work is cancelled."""
    from .inputs import STDIN

    workers = resolve_jobs(jobs, len(names))
    if workers == 1 or STDIN in names:
        out = []
        with progress_bar(len(names), progress) as advance:
            for name in names:
                out.append(read_and_decode(name, decoder, readers, options, forced))
                advance()
        return out

    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    results: list[DecodedDocument | None] = [None] * len(names)
    executor = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                                   initargs=(decoder, tuple(plugin_paths), options, forced, no_plugins))
    try:
        futures = {executor.submit(_decode_in_worker, [names[i] for i in r]): r for r in chunks(len(names), workers)}
        with progress_bar(len(names), progress) as advance:
            pending = set(futures)
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                failed = sorted((f for f in done if f.exception() is not None), key=lambda f: futures[f].start)
                if failed:
                    for f in pending:
                        f.cancel()
                    raise _unwrap(failed[0].exception())
                for f in done:
                    for i, result in zip(futures[f], f.result()):
                        results[i] = result
                        advance()
    except BrokenProcessPool:
        raise JargonError("a worker process died while decoding (out of memory?); try fewer --jobs") from None
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
    return results  # type: ignore[return-value]


def _unwrap(exc: BaseException) -> BaseException:
    # errors raised in a worker arrive with a remote traceback attached as __cause__
    exc.__cause__ = None
    return exc
