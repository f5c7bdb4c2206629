"""Decode many files: folders (``-r``), worker processes (``--jobs N``), bad files skipped, a summary.

``decode_files`` returns one :class:`DecodedDocument` per input that could be read, in
input order, whatever order the workers finish in; ``decode_iter`` hands them over one by
one as soon as each and those before it are done (``decode`` with a streaming format writes
them as they come, and streams large plain-text inputs itself: jargon.blocks). A file that cannot be read (invalid
UTF-8, a broken .docx, a subtitle file with a bad timing line, ...) is handed to a
:class:`BatchLog`: it reports the file in one line on stderr and the run goes on without it
(with ``strict`` it stops the run, as a single input does).

With ``jobs > 1`` a :class:`ProcessPoolExecutor` runs the work. Its initializer receives
the decoder (and with it the lexicon's analysed-forms cache) once per worker; tasks carry
file names (a few per task, fewer towards the end, see :func:`chunks`), and workers send
back what outputs need: the document text, its segments as plain tuples and the matches
as ``(start, end, entry index, score)`` (the parent rebuilds the objects from its decoder).
A file larger than ``SPLIT_CHARS`` is read in the parent and its text cut at line
boundaries into pieces that the workers decode side by side: the decoder matches within
lines (jargon.engine.decoder), so a piece's matches, shifted by its offset, are exactly the
whole text's.
A progress bar (rich) is drawn on stderr only when stderr is a terminal.
"""
from __future__ import annotations

import fnmatch
import gc
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

from .contributions import InputReader, ReadOptions
from .errors import JargonError
from .model import DecodedDocument, Document, Match, Segment

T = TypeVar("T")
EXIT_SKIPPED = 3            # the run finished, but some inputs were skipped (see BatchLog)
SPLIT_CHARS = 2_000_000     # with several workers, a text longer than this is decoded in pieces
PIECE_CHARS = 1_000_000     # about how long those pieces are (cut at line ends)

# never transcripts in a folder walk: jargon's own outputs and sidecars (NAME.decoded.EXT
# from the TUI's export, NAME.jargon.toml), and READMEs
_OWN_NAME_RE = re.compile(r"(?i)\.(?:decoded|jargon)\.[^.]+$")
_README_RE = re.compile(r"(?i)^readme(?:\.[^.]+)?$")
# the first line of a markdown report, or of the text format ("file:12:7 [Name]  surface  → ...  (97.3)")
_OWN_HEAD_RE = re.compile(r"# Jargon report\s*$|(?:\S.*:)?\d+:\d+(?: \[[^\]\n]*\])?  .+  → .+  \(\d+(?:\.\d+)?\)\s*$")


# -- what a run read and skipped ----------------------------------------------------

def _stderr(message: str) -> None:
    print(f"jargon: {message}", file=sys.stderr, flush=True)


@dataclass
class BatchLog:
    """What a run over many inputs skipped and why. Each problem is reported on stderr in one
    line as it happens (``warn``); with ``strict`` the first one stops the run instead."""

    strict: bool = False
    warn: Callable[[str], None] = _stderr
    skipped: list[tuple[str, str]] = field(default_factory=list)    # (input, reason)
    ignored: list[tuple[str, str]] = field(default_factory=list)    # (decisions file, reason)
    outputs: list[str] = field(default_factory=list)                # jargon's own outputs left out
    others: list[str] = field(default_factory=list)                 # files in folders that are no transcripts

    def skip(self, name: str, error: JargonError) -> None:
        """``name`` could not be read: record and report it (or raise ``error`` when strict)."""
        if self.strict:
            raise error
        message = str(error)
        reason = message[len(name) + 2:] if message.startswith(f"{name}: ") else message
        self.skipped.append((name, reason))
        self.warn(f"skipped {name}: {reason}")

    def ignore_decisions(self, path: str, error: JargonError) -> None:
        """A decisions sidecar that cannot be used: reported, and decoding goes on without it."""
        message = str(error)
        self.ignored.append((path, message))
        self.warn(f"warning: {message}; decoding without these decisions")

    def summary(self, read: int, matches: int, removed: int = 0) -> str:
        """One line: files read, skipped (named), matches, and what the triage decisions removed."""
        parts = [f"{read} file{'s' if read != 1 else ''} read"]
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped ({', '.join(name for name, _ in self.skipped)})")
        if self.outputs:
            parts.append(f"{len(self.outputs)} jargon output{'s' if len(self.outputs) != 1 else ''} left out")
        if self.others:
            parts.append(f"{len(self.others)} other file{'s' if len(self.others) != 1 else ''} left out "
                         f"(not transcripts)")
        parts.append(f"{matches} match{'es' if matches != 1 else ''}")
        if removed:
            parts.append(f"{removed} removed by triage decisions")
        if self.ignored:
            parts.append(f"{len(self.ignored)} decisions file{'s' if len(self.ignored) != 1 else ''} ignored")
        return ", ".join(parts)

    @property
    def exit_status(self) -> int:
        """0, or EXIT_SKIPPED when an input was skipped."""
        return EXIT_SKIPPED if self.skipped else 0


# -- which files ----------------------------------------------------------------------

def expand_inputs(names: list[str], readers: dict[str, InputReader], recursive: bool = False,
                  include: tuple[str, ...] = (), exclude: tuple[str, ...] = (),
                  log: BatchLog | None = None, avoid: tuple[str, ...] = ()) -> list[str]:
    """The files to decode. With ``recursive``, a folder stands for the files below it whose
    extension a reader handles (sorted by path; hidden files and folders are skipped, and so
    are READMEs and jargon's own outputs). ``include``/``exclude`` are glob patterns matched
    against a file's path below the folder and its name. A subfolder that cannot be read is
    reported to ``log`` (without one: an error), and so are the files left out (counted for the
    summary). ``avoid``: paths never to read (the output file). A README or an output matched by
    ``include`` is read."""
    from .errors import InputError

    if not recursive:
        return list(names)
    extensions = {ext for r in readers.values() for ext in r.extensions if ext}
    avoided = {os.path.realpath(p) for p in avoid}
    log = log if log is not None else BatchLog(strict=True)
    out: list[str] = []
    for name in names:
        path = Path(name)
        if name == "-" or not path.is_dir():
            out.append(name)
            continue
        found = []
        for file in _walk(path, log):
            rel = file.relative_to(path).as_posix()
            if include and not _globbed(rel, include):
                continue
            if exclude and _globbed(rel, exclude):
                continue
            if file.suffix.lower().lstrip(".") not in extensions or (not include and _README_RE.match(file.name)):
                log.others.append(str(file))
                continue
            if (not include and _OWN_NAME_RE.search(file.name)) or os.path.realpath(file) in avoided \
                    or _is_own_output(file):
                log.outputs.append(str(file))
                continue
            found.append(file)
        if not found and not log.skipped:
            raise InputError(f"{name}: no transcripts found in this folder "
                             f"(looked for .{', .'.join(sorted(extensions))})")
        out.extend(str(p) for p in sorted(found))
    return out


def _walk(root: Path, log: BatchLog) -> Iterator[Path]:
    """Files below ``root``, hidden ones left out; an unreadable folder goes to ``log``."""
    def failed(exc: OSError) -> None:
        where = exc.filename or str(root)
        log.skip(str(where), JargonError(f"{where}: cannot read this folder: {exc.strerror or exc}"))

    for folder, dirs, files in os.walk(root, onerror=failed):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            if not f.startswith("."):
                p = Path(folder, f)
                if p.is_file():
                    yield p


def _globbed(rel: str, patterns: tuple[str, ...]) -> bool:
    base = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(base, p) for p in patterns)


def _is_own_output(path: Path) -> bool:
    """The file starts like a jargon report or the text format's output."""
    try:
        with open(path, "rb") as f:
            head = f.read(2048)
    except OSError:
        return False       # reading it will report the problem
    first = next((line for line in head.decode("utf-8", "replace").splitlines() if line.strip()), "")
    return bool(_OWN_HEAD_RE.match(first))


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
_segment = partial(tuple.__new__, Segment)   # a Segment from a plain tuple


def _silent(message: str) -> None:
    pass


def _init_worker(decoder, plugin_paths: tuple[str, ...], options: ReadOptions, forced: str | None,
                 no_plugins: bool = False) -> None:
    from .session import Session

    # the parent already reported any plugin problems once
    pm = Session(plugin_paths, no_plugins, report=_silent).plugins
    index = {id(entry): i for i, (_, entry) in enumerate(decoder.entries)}
    _worker.update(decoder=decoder, readers=pm.input_readers(), options=options, forced=forced, index=index)


def _compact(matches: list[Match], shift: int = 0) -> list[tuple]:
    """``(start, end, entry index, score, explanation)`` per match (the explanation is None
    unless the decoder explains: --explain)."""
    index = _worker["index"]
    return [(m.start + shift, m.end + shift, index[id(m.entry)], m.score, m.explain) for m in matches]


def _decode_in_worker(names: list[str]) -> list[tuple]:
    """Per name: ``("ok", text, reader, segments as tuples, compact matches, compact near misses,
    the file's own text for subtitles)`` or ``("error", message)``."""
    w = _worker
    out: list[tuple] = []
    for name in names:
        try:
            decoded = read_and_decode(name, w["decoder"], w["readers"], w["options"], w["forced"])
        except JargonError as exc:
            out.append(("error", str(exc)))
            continue
        doc = decoded.document
        out.append(("ok", doc.text, doc.reader, [tuple(s) for s in doc.segments], _compact(decoded.matches),
                    _compact(decoded.near_misses), doc.source))
    return out


def _decode_piece(text: str, base: int) -> tuple[list[tuple], list[tuple]]:
    """The compact matches and near misses of one piece of a large text, shifted by ``base``."""
    from .nogc import paused_gc

    decoder = _worker["decoder"]
    near: list[Match] | None = [] if decoder.near_misses else None
    with paused_gc():
        return _compact(decoder.decode(text, near), base), _compact(near or [], base)


def read_and_decode(name: str, decoder, readers: dict[str, InputReader], options: ReadOptions,
                    forced: str | None) -> DecodedDocument:
    """One input read and decoded. The cycle collector is paused meanwhile (jargon.nogc):
    reading a transcript makes a segment per turn, decoding many small objects, and
    neither makes cycles; it runs again between files."""
    from .nogc import paused_gc

    with paused_gc():
        return decoder.decode_document(read_input(name, readers, options, forced))


def read_input(name: str, readers: dict[str, InputReader], options: ReadOptions, forced: str | None) -> Document:
    """:func:`jargon.inputs.read_document`, through :func:`guarded_read`."""
    from .inputs import read_document

    return guarded_read(name, lambda: read_document(name, readers, options, forced))


def guarded_read(name: str, read: Callable[[], T]) -> T:
    """``read()`` of input ``name``: a reader that fails in any other way than with a JargonError
    is one input error too (a batch reports it and goes on)."""
    from .errors import InputError

    try:
        return read()
    except (JargonError, MemoryError, KeyboardInterrupt):
        raise
    except Exception as exc:
        detail = str(exc).strip().splitlines()
        raise InputError(f"{name}: cannot read: {type(exc).__name__}{': ' + detail[0] if detail else ''}") from None


def chunks(count: int, workers: int) -> list[range]:
    """Index ranges that get smaller towards the end (a quarter of what is left per worker, at
    most 32): few round trips at first, and the workers finish together."""
    out, start = [], 0
    while start < count:
        size = max(1, min(32, (count - start) // (workers * 4)))
        out.append(range(start, min(start + size, count)))
        start += size
    return out


def line_pieces(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` spans of about ``size`` (default PIECE_CHARS) characters that cover
    ``text``, each ending after a line break (or at the end of the text)."""
    from .blocks import line_end

    size = size or PIECE_CHARS
    spans, pos, n = [], 0, len(text)
    while pos < n:
        stop = line_end(text, pos, size)
        spans.append((pos, stop))
        pos = stop
    return spans


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
                 no_plugins: bool = False, log: BatchLog | None = None) -> list[DecodedDocument]:
    """Read and decode every file; results in input order. An input that fails (unreadable,
    invalid UTF-8, ...) goes to ``log`` and is left out; without a log (or with a strict one)
    its error is raised and the remaining work is cancelled."""
    return [d for _, d in decode_iter(names, decoder, readers, options, forced, jobs, plugin_paths, progress,
                                      no_plugins, log) if d is not None]


def decode_iter(names: list[str], decoder, readers: dict[str, InputReader],
                options: ReadOptions = ReadOptions(), forced: str | None = None, jobs: int | None = 1,
                plugin_paths: tuple[str, ...] = (), progress: bool | None = None,
                no_plugins: bool = False, log: BatchLog | None = None,
                streamed: frozenset[int] = frozenset()) -> Iterator[tuple[int, DecodedDocument | None]]:
    """:func:`decode_files` as ``(index, document)`` pairs in input order, each as soon as it
    and those before it are done (the workers go on meanwhile). The inputs whose index is in
    ``streamed`` are not read: ``(index, None)`` comes at their turn, for the caller to stream."""
    from .inputs import STDIN

    log = log if log is not None else BatchLog(strict=True)
    rest = [n for i, n in enumerate(names) if i not in streamed]
    workers = resolve_jobs(jobs, len(rest))
    if workers == 1 and len(rest) == 1 and rest[0] != STDIN:
        workers = resolve_jobs(jobs, _size_in_pieces(rest[0]))
    if workers == 1 or STDIN in names:
        with progress_bar(len(names), progress) as advance:
            for i, name in enumerate(names):
                if i in streamed:
                    yield i, None
                else:
                    try:
                        yield i, read_and_decode(name, decoder, readers, options, forced)
                    except JargonError as exc:
                        log.skip(name, exc)
                advance()
        return
    yield from _decode_in_pool(names, decoder, readers, options, forced, workers, plugin_paths, progress, log,
                               no_plugins, streamed)


def _size_in_pieces(name: str) -> int:
    """How many pieces a file's text will be cut into, estimated from its size in bytes."""
    try:
        size = os.path.getsize(name)
    except OSError:
        return 1
    return 1 if size <= SPLIT_CHARS else size // PIECE_CHARS + 1


def _decode_in_pool(names: list[str], decoder, readers: dict[str, InputReader], options: ReadOptions,
                    forced: str | None, workers: int, plugin_paths: tuple[str, ...], progress: bool | None,
                    log: BatchLog, no_plugins: bool = False,
                    streamed: frozenset[int] = frozenset()) -> Iterator[tuple[int, DecodedDocument | None]]:
    """:func:`decode_iter` with ``workers`` processes (see the module docstring)."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    from .errors import InputError

    entries = decoder.entries
    results: list[DecodedDocument | None] = [None] * len(names)
    finished = [i in streamed for i in range(len(names))]    # decoded, skipped or left to the caller
    large = [i for i, name in enumerate(names) if i not in streamed and _size_in_pieces(name) > 1]
    small = sorted(set(range(len(names))) - set(large) - streamed)
    turn = 0

    def ready() -> Iterator[tuple[int, DecodedDocument | None]]:
        """The finished inputs whose turn it is, in input order (skipped ones left out)."""
        nonlocal turn
        while turn < len(names) and finished[turn]:
            doc, results[turn] = results[turn], None
            if doc is not None or turn in streamed:
                yield turn, doc
            turn += 1
    executor = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                                   initargs=(decoder, tuple(plugin_paths), options, forced, no_plugins))
    # forked workers (they start at the first submit) share this process's objects until they
    # write to them; the cycle collector would walk, and so copy, them all in every worker
    gc.freeze()

    def rebuild(doc: Document, compact: list[tuple], near: Sequence[tuple] = ()) -> DecodedDocument:
        text = doc.text

        def match(s: int, e: int, k: int, score: float, explain: dict | None) -> Match:
            return Match(s, e, text[s:e], entries[k][1], entries[k][0].name, score, explain=explain)

        return DecodedDocument(doc, [match(*c) for c in compact], [match(*c) for c in near])
    try:
        futures: dict = {}
        for r in chunks(len(small), workers):
            futures[executor.submit(_decode_in_worker, [names[small[k]] for k in r])] = ("files", [small[k] for k in r])
        pieces: dict[int, tuple[Document, list]] = {}     # large inputs: the document, its pieces' matches
        for i in large:             # read here while the workers decode the small files
            try:
                doc = read_input(names[i], readers, options, forced)
            except JargonError as exc:
                if log.strict:
                    _cancel(futures)
                log.skip(names[i], exc)
                finished[i] = True
                continue
            spans = line_pieces(doc.text)
            pieces[i] = (doc, [None] * len(spans))
            for k, (s, e) in enumerate(spans):
                futures[executor.submit(_decode_piece, doc.text[s:e], s)] = ("piece", (i, k))
        yield from ready()              # streamed inputs first in line: while the workers start
        with progress_bar(len(names), progress) as advance:
            pending = set(futures)
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in sorted(done, key=lambda f: futures[f][1][0]):   # in input order
                    kind, where = futures[f]
                    if kind == "piece":
                        i, k = where
                        doc, parts = pieces[i]
                        parts[k] = f.result()
                        if all(p is not None for p in parts):
                            results[i] = rebuild(doc, [m for p in parts for m in p[0]],
                                                 [m for p in parts for m in p[1]])
                            finished[i] = True
                            del pieces[i]
                            advance()
                        continue
                    for i, item in zip(where, f.result(), strict=True):
                        if item[0] == "error":
                            error = InputError(item[1])
                            if log.strict:
                                _cancel(futures)
                            log.skip(names[i], error)
                        else:
                            _, text, reader, segs, compact, near, source = item
                            doc = Document(text, names[i], list(map(_segment, segs)), reader, Path(names[i]),
                                           source=source)
                            results[i] = rebuild(doc, compact, near)
                        finished[i] = True
                        advance()
                yield from ready()
            yield from ready()
    except BrokenProcessPool:
        raise JargonError("a worker process died while decoding (out of memory?); try fewer --jobs") from None
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()


def _cancel(futures: dict) -> None:
    for f in futures:
        f.cancel()
