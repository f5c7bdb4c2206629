"""A study's transcripts read the same way by ``decode`` and ``stats``.

One run loop for both commands: which files (:func:`jargon.batch.expand_inputs`), read and
decoded with bad files skipped (:func:`jargon.batch.decode_files`), triage decisions applied
(:func:`jargon.decisions.apply_sidecars`, the one code path for sidecars), speakers selected
(:class:`jargon.roles.SpeakerSelection`), and what happened said on stderr: how many matches
the decisions removed, and for a batch (``-r`` or several files) a one-line summary.

``decode`` with a streaming format (text, jsonl, csv) uses :func:`stream_corpus`: the same
steps, one input at a time, large plain-text inputs as decoded blocks (jargon.blocks), so
that nothing is kept and the output is written as it goes.

Exit statuses: 0 done, 1 ``--fail-on-match`` found something, 2 usage or input error (a
single input, or any problem with ``--strict``), 3 (:data:`jargon.batch.EXIT_SKIPPED`) a batch
finished but skipped some inputs (it takes precedence over 1: the results are incomplete).
"""
from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from .batch import BatchLog
from .blocks import DecodedBlock, PlainText
from .contributions import ReadOptions
from .errors import JargonError
from .export import Item
from .model import DecodedDocument
from .nogc import paused_gc
from .roles import Roles, SpeakerSelection

EXIT_STATUSES = ("exit status: 0 done; 1 decode --fail-on-match found something; 2 usage or input error; "
                 "3 a batch (-r or several files) finished but skipped files that could not be read")


def add_input_arguments(p: argparse.ArgumentParser, files_help: str) -> None:
    """The options of every command that reads transcripts (decode, stats)."""
    p.epilog = EXIT_STATUSES
    p.add_argument("files", nargs="*", metavar="FILE", help=files_help)
    g = p.add_argument_group("inputs")
    g.add_argument("--encoding", default=None, help="input encoding (default: detected: UTF-8 with or without BOM, "
                   "UTF-16, Windows-1251...)")
    g.add_argument("--errors", choices=("strict", "replace"), default="strict",
                   help="on undecodable input: stop with an error (strict) or replace the bytes")
    g.add_argument("--input-format", metavar="NAME", help="input reader to use (default: by extension or content)")
    g.add_argument("-r", "--recursive", action="store_true",
                   help="read the transcripts in folders given as FILE (and their subfolders)")
    g.add_argument("--include", action="append", default=[], metavar="GLOB",
                   help="with -r: read only files matching GLOB (path below the folder or name; repeatable)")
    g.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                   help="with -r: leave out files matching GLOB (repeatable)")
    g.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="worker processes (0: one per CPU; default: 1)")
    g.add_argument("--strict", action="store_true",
                   help="stop at the first file that cannot be read (default with -r or several files: "
                        "report it, skip it, exit 3 at the end)")
    g = p.add_argument_group("triage and speakers")
    g.add_argument("--decisions", metavar="FILE",
                   help="triage decisions to respect (default: NAME.jargon.toml beside each input, if any)")
    g.add_argument("--no-decisions", action="store_true", help="ignore NAME.jargon.toml files beside the inputs")
    g.add_argument("--speaker", action="append", default=[], metavar="NAME",
                   help="only this speaker, role or group (repeatable, any case)")
    g.add_argument("--exclude-speaker", action="append", default=[], metavar="NAME",
                   help="leave out this speaker, role or group (repeatable, any case)")
    g.add_argument("--roles", metavar="FILE", help="a TOML file of roles and groups of speakers (docs/transcripts.md)")


@dataclass
class Corpus:
    """The decoded inputs (triaged, speakers selected) and what the run skipped. A streamed run
    (:func:`stream_corpus`) keeps no documents, only the counts."""

    decoded: list[DecodedDocument]
    log: BatchLog
    batch: bool
    roles: Roles
    removed: int = 0
    read: int = 0
    matches: int = 0

    def finish(self) -> int:
        """Print the batch summary on stderr; the exit status so far (0 or EXIT_SKIPPED)."""
        if self.batch:
            self.log.warn(self.log.summary(self.read, self.matches, self.removed))
        return self.log.exit_status


@dataclass
class _Run:
    """What both ways of reading a corpus start from: the inputs and how to read them."""

    names: list[str]
    log: BatchLog
    batch: bool
    roles: Roles
    selection: SpeakerSelection
    readers: dict
    options: ReadOptions


def _start(args: argparse.Namespace, session, avoid: tuple[str, ...],
           check: Callable[[list[str]], None] | None) -> _Run:
    from .batch import expand_inputs
    from .inputs import STDIN
    from .roles import load_roles

    roles = load_roles(args.roles) if args.roles else Roles()
    selection = SpeakerSelection(tuple(args.speaker), tuple(args.exclude_speaker), roles)
    files = args.files or [STDIN]
    batch = bool(args.recursive) or len(files) > 1
    log = BatchLog(strict=args.strict or not batch)
    readers = session.plugins.input_readers()
    names = expand_inputs(files, readers, args.recursive, tuple(args.include), tuple(args.exclude), log, avoid)
    if check is not None:
        check(names)
    return _Run(names, log, batch, roles, selection, readers, ReadOptions(args.encoding, args.errors))


def read_corpus(args: argparse.Namespace, session, avoid: tuple[str, ...] = (),
                check: Callable[[list[str]], None] | None = None) -> Corpus:
    """Everything ``decode`` and ``stats`` do before writing (see the module docstring):
    ``session`` the run's jargon.session.Session (plugins, decoder), ``avoid`` files never to
    read (the output file), ``check`` called with the input names before anything is decoded
    (``decode -o`` refuses to overwrite an input there)."""
    from .batch import decode_files
    from .decisions import apply_sidecars, match_status

    run = _start(args, session, avoid, check)
    log = run.log
    decoded = decode_files(run.names, session.decoder, run.readers, run.options, args.input_format, args.jobs,
                           session.plugin_paths, no_plugins=session.no_plugins, log=log)
    before = sum(len(d.matches) for d in decoded)
    decoded = apply_sidecars(decoded, args.decisions, auto=not args.no_decisions,
                             on_error=None if args.strict else log.ignore_decisions)
    removed = before - sum(len(d.matches) for d in decoded)
    if not run.batch and (removed or any(match_status(m) for d in decoded for m in d.matches)):
        confirmed = sum(1 for d in decoded for m in d.matches if match_status(m))
        log.warn(f"triage decisions: {removed} match{'es' if removed != 1 else ''} removed, {confirmed} confirmed")
    decoded = [run.selection.apply(d) for d in decoded]
    return Corpus(decoded, log, run.batch, run.roles, removed, len(decoded), sum(len(d.matches) for d in decoded))


def stream_corpus(args: argparse.Namespace, session, avoid: tuple[str, ...] = (),
                  check: Callable[[list[str]], None] | None = None) -> tuple[Corpus, Iterator[Item]]:
    """:func:`read_corpus` for a streaming format: the inputs come one by one, in order, as
    whole documents or, for large plain-text inputs (jargon.blocks), as their decoded blocks;
    nothing is kept. The Corpus counts what went by (for the summary) once the items are
    consumed. Not for ``--decisions FILE`` (that needs the one input whole)."""
    from .batch import decode_iter, guarded_read
    from .blocks import open_plain, worth_streaming
    from .decisions import find_decisions

    run = _start(args, session, avoid, check)
    corpus = Corpus([], run.log, run.batch, run.roles)
    decoder = session.decoder

    # one large file and --jobs: split across the workers (read whole, as fast as the workers
    # allow) rather than streamed in this process (flat memory, one CPU)
    parallel_one = len(run.names) == 1 and args.jobs != 1

    def streamable(name: str) -> bool:
        return not parallel_one and worth_streaming(name) and (
            args.no_decisions or find_decisions(_path(name)) is None)

    def items() -> Iterator[Item]:
        streamed = frozenset(i for i, n in enumerate(run.names) if streamable(n))
        for i, doc in decode_iter(run.names, decoder, run.readers, run.options, args.input_format, args.jobs,
                                  session.plugin_paths, no_plugins=session.no_plugins, log=run.log,
                                  streamed=streamed):
            name = run.names[i]
            if doc is None:
                try:
                    opened = guarded_read(name, partial(open_plain, name, run.readers, run.options,
                                                        args.input_format))
                except JargonError as exc:
                    run.log.skip(name, exc)
                    continue
                if isinstance(opened, PlainText):
                    corpus.read += 1
                    yield _counted(corpus, _decode_blocks(opened, decoder, run.selection))
                    continue
                with paused_gc():
                    doc = decoder.decode_document(opened)
            doc = _triaged(doc, args, run, corpus)
            corpus.read += 1
            corpus.matches += len(doc.matches)
            yield doc

    return corpus, items()


def _path(name: str) -> str | None:
    from .inputs import STDIN

    return None if name == STDIN else name


def _triaged(doc: DecodedDocument, args: argparse.Namespace, run: _Run, corpus: Corpus) -> DecodedDocument:
    """One document with its sidecar's decisions applied and its speakers selected (as read_corpus does)."""
    from .decisions import apply_sidecars, match_status

    before = len(doc.matches)
    doc = apply_sidecars([doc], None, auto=not args.no_decisions,
                         on_error=None if args.strict else run.log.ignore_decisions)[0]
    removed = before - len(doc.matches)
    corpus.removed += removed
    confirmed = sum(1 for m in doc.matches if match_status(m))
    if not run.batch and (removed or confirmed):
        run.log.warn(f"triage decisions: {removed} match{'es' if removed != 1 else ''} removed, "
                     f"{confirmed} confirmed")
    return run.selection.apply(doc)


def _decode_blocks(source: PlainText, decoder, selection: SpeakerSelection) -> Iterator[DecodedBlock]:
    """The blocks of a streamed input, each with the matches (and near misses) that start in it."""
    try:
        for block, doc in source.documents():
            lo, hi = block.start - block.base, block.end - block.base
            near: list | None = [] if decoder.near_misses else None
            matches = [m for m in decoder.decode(block.text, near) if lo <= m.start < hi]
            near_misses = [m for m in near or () if lo <= m.start < hi]
            yield DecodedBlock(selection.apply(DecodedDocument(doc, matches, near_misses)), block)
    finally:
        source.close()


def _counted(corpus: Corpus, blocks: Iterator[DecodedBlock]) -> Iterator[DecodedBlock]:
    for b in blocks:
        corpus.matches += len(b.decoded.matches)
        yield b
