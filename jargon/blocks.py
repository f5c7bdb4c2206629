"""Plain-text inputs read in blocks, so that decoding a large file keeps memory flat.

One place for how text is cut into pieces: :func:`line_end`, used by jargon.batch.line_pieces
(the pieces of a large text that workers decode side by side) and by :func:`cut_blocks` (the
blocks of a streamed input): a piece ends after the first line break past about ``size``
characters. The decoder matches within lines, so
the matches of line-aligned blocks, shifted by their offsets, are exactly the whole text's.
A line longer than two blocks is cut after a whitespace; such a block is decoded with
``MARGIN`` characters of the text on either side, and keeps the matches that start in its own
part, so a phrase across the cut is found once (and its context is whole).

:func:`open_plain` opens an input for streaming: the encoding is detected from the first
block (jargon.inputs.detect_encoding), then a first pass decodes the bytes (an invalid byte is
reported, with its byte offset and line, before any output is written) and gathers what
decides the speaker turns over the whole text (jargon.transcript.speakers.TurnStats); the
second pass decodes block by block, each with the turns that fall in it, exactly as
find_turns of the whole text would find them. An input that another reader takes, that fits
in a few blocks, or that has speaker turns and a line longer than two blocks (or a lone
``\r`` line break) is read whole, as before. Standard input larger than a block is copied to
a temporary file first (disk, not memory), so that it can be read twice.
"""
from __future__ import annotations

import codecs
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import BinaryIO

from .contributions import InputReader, ReadOptions
from .errors import InputError
from .model import DecodedDocument, Document
from .transcript.speakers import TurnStats, mark_starts

BLOCK_ENV = "JARGON_BLOCK_CHARS"   # tests set small blocks with it
BLOCK_CHARS = 250_000              # about how many characters a block holds (cut at a line end)
MARGIN = 1_000                     # text decoded on either side of a long line's cut
READ_BYTES = 1 << 20               # bytes read at a time

_TO_LAST_SPACE = re.compile(r".*\s", re.S)


def block_chars() -> int:
    """The block size: ``JARGON_BLOCK_CHARS`` when set (at least 2 * MARGIN), else BLOCK_CHARS."""
    value = os.environ.get(BLOCK_ENV)
    if not value:
        return BLOCK_CHARS
    try:
        return max(2 * MARGIN, int(value))
    except ValueError:
        raise InputError(f"{BLOCK_ENV} must be a number of characters, not {value!r}") from None


def line_end(text: str, pos: int, size: int, limit: int | None = None) -> int:
    """Where a piece of ``text`` that starts at ``pos`` ends: after the first line break at or
    past ``pos + size`` (and before ``limit``), or at the end of the text when no more than
    ``size`` characters are left; -1 when there is no such line break before ``limit``."""
    n = len(text)
    if n - pos <= size:
        return n
    nl = text.find("\n", pos + size, n if limit is None else limit)
    return nl + 1 if nl != -1 else (n if limit is None else -1)


@dataclass(frozen=True)
class Block:
    """A stretch of a streamed text: ``text`` starts at offset ``base`` of the whole text (code
    points), at ``line`` (1-based) and ``column`` (0-based: characters since the line's start).
    The block owns the matches that start in ``[start, end)``; the rest of ``text`` is margin."""

    text: str
    base: int
    start: int
    end: int
    line: int
    column: int
    lines: bool = True     # the block is whole lines: no margin, it starts and ends at line breaks


def cut_blocks(chunks: Iterable[str], size: int, margin: int = MARGIN) -> Iterator[Block]:
    """The text made of ``chunks`` in blocks of about ``size`` characters (see the module docstring)."""
    it = iter(chunks)
    buf, base, line, column = "", 0, 1, 0      # buf holds the text from offset base
    start, eof, at_line_start = 0, False, True
    while True:
        pos = start - base
        while not eof and len(buf) - pos < 2 * size + margin:
            chunk = next(it, None)
            if chunk is None:
                eof = True
            else:
                buf += chunk
        if pos >= len(buf):
            return
        cut = line_end(buf, pos, size, pos + 2 * size)
        if cut == -1 and eof and len(buf) - pos <= 2 * size:
            cut = len(buf)
        if cut != -1:
            stop, next_mid = cut, False
        else:                               # a very long line: cut after a whitespace
            m = _TO_LAST_SPACE.match(buf, pos + size, pos + 2 * size)
            cut = m.end() if m else pos + 2 * size
            stop, next_mid = min(len(buf), cut + margin), True
        yield Block(buf[:stop], base, start, base + cut, line, column, at_line_start and not next_mid)
        keep = max(0, cut - margin) if next_mid else cut
        dropped = buf.count("\n", 0, keep)
        line += dropped
        column = keep - (buf.rfind("\n", 0, keep) + 1) if dropped else column + keep
        buf, base = buf[keep:], base + keep
        start, at_line_start = base + cut - keep, not next_mid


@dataclass(frozen=True)
class DecodedBlock:
    """A block of a streamed input decoded: ``decoded.document`` is the block's text alone (no
    speaker turns), its matches are those that start in the block's own part (offsets in the
    block's text: jargon.export.block_records places them in the file)."""

    decoded: DecodedDocument
    block: Block


@dataclass
class PlainText:
    """A plain-text input opened for streaming (see :func:`open_plain`); close it when done."""

    name: str              # as given ("-": stdin)
    label: str             # as shown ("<stdin>")
    file: BinaryIO
    options: ReadOptions   # with the encoding it is read in
    skip: int = 0          # bytes before the text (a UTF-8 byte order mark under --encoding utf-8)
    turns: TurnStats | None = None   # the speaker turns' facts, when the text has any

    def chunks(self) -> Iterator[str]:
        """The text, decoded as it is read; an invalid byte is an InputError (byte offset, line)."""
        from .inputs import decode_error

        self.file.seek(0)
        head = self.file.read(4)
        self.file.seek(self.skip)
        try:
            decoder = codecs.getincrementaldecoder(self.options.encoding or "utf-8")(self.options.errors)
        except LookupError:
            raise InputError(f"unknown encoding {self.options.encoding!r}") from None
        fed, newlines = 0, 0
        while True:
            data = self.file.read(READ_BYTES)
            state = decoder.getstate()
            pending = state[0] if isinstance(state[0], bytes) else b""
            try:
                text = decoder.decode(data, final=not data)
            except UnicodeDecodeError as exc:
                where = pending + data
                line = newlines + where[:exc.start].count(b"\n") + 1
                raise decode_error(self.label, exc, head, fed - len(pending) + exc.start, line) from None
            fed += len(data)
            newlines += data.count(b"\n")
            if text:
                yield text
            if not data:
                return

    def blocks(self, size: int | None = None) -> Iterator[Block]:
        return cut_blocks(self.chunks(), size or block_chars())

    def documents(self) -> Iterator[tuple[Block, Document]]:
        """Each block with a Document of its text as the text reader makes it: the speaker
        turns of the whole text that fall in the block (offsets into the block)."""
        from pathlib import Path

        from .transcript.speakers import BlockTurns

        turns = BlockTurns(self.turns) if self.turns is not None else None
        path = None if self.name == STDIN else Path(self.name)
        for block in self.blocks():
            segments = turns.segments(block.text) if turns is not None else []
            yield block, Document(text=block.text, name=self.label, segments=segments, reader="text", path=path,
                                  encoding=self.options.encoding)

    def close(self) -> None:
        self.file.close()


STDIN = "-"
WHOLE_BLOCKS = 4       # an input of at most this many blocks' worth of bytes is read whole


def worth_streaming(name: str) -> bool:
    """Whether input ``name`` may be large enough to stream: stdin (its size is not known), or a
    file of more than WHOLE_BLOCKS blocks of bytes (:func:`open_plain` decides the rest)."""
    if name == STDIN:
        return True
    try:
        return os.path.getsize(name) > WHOLE_BLOCKS * block_chars()
    except OSError:
        return False


def open_plain(name: str, readers: dict[str, InputReader], options: ReadOptions = ReadOptions(),
               forced: str | None = None, size: int | None = None) -> PlainText | Document:
    """``name`` opened for streaming, or (read whole, as jargon.inputs.read_document reads it)
    its Document when it cannot or need not be streamed (see the module docstring)."""
    from .builtin.readers import read_plain
    from .inputs import NotText, choose_reader, detect_encoding, open_input

    size = size or block_chars()
    f = _spooled_stdin() if name == STDIN else open_input(name)
    try:
        head = f.read(WHOLE_BLOCKS * size)
        whole = len(head) < WHOLE_BLOCKS * size or f.read(1) == b""
        reader = choose_reader(readers, name, head[:4096], forced)
        label = "<stdin>" if name == STDIN else name
        if whole or reader.read is not read_plain:
            return _read_whole(f, name, readers, options, forced)
        encoding = options.encoding or detect_encoding(_whole_lines(head))
        if encoding is None:
            raise NotText(f"{label}: not a transcript (binary data, no text encoding fits)")
        skip = 3 if head.startswith(codecs.BOM_UTF8) and encoding.lower().replace("_", "-") in ("utf-8", "utf8") \
            else 0
        source = PlainText(name, label, f, replace(options, encoding=encoding), skip)
        stats, whole_lines, marked = TurnStats(), True, False
        for b in source.blocks(size):           # also checks that every byte decodes
            if b.lines:
                stats.add(b.text)
                continue
            # a long line's block: a line start in its own part (not the cut) could start a turn
            whole_lines = False
            at_line_start = b.start == b.base
            marked = marked or any(at or at_line_start for at in mark_starts(b.text[b.start - b.base:b.end - b.base]))
        if stats.kinds or marked:
            if stats.lone_cr or not whole_lines:    # turns are only followed across whole lines
                return _read_whole(f, name, readers, options, forced)
            source.turns = stats
        return source
    except BaseException:
        f.close()
        raise


def _read_whole(f: BinaryIO, name: str, readers: dict[str, InputReader], options: ReadOptions,
                forced: str | None) -> Document:
    """The Document of the whole input ``f`` (closed after)."""
    from .inputs import document_from_bytes

    with f:
        f.seek(0)
        data = f.read()
    return document_from_bytes(data, name, readers, options, forced)


def _whole_lines(data: bytes) -> bytes:
    """``data`` up to its last line break (else its last ASCII byte): no character cut in two."""
    nl = data.rfind(b"\n")
    if nl != -1:
        return data[:nl + 1]
    for i in range(len(data) - 1, max(-1, len(data) - 8), -1):
        if data[i] < 0x80:
            return data[:i + 1]
    return data


def _spooled_stdin() -> BinaryIO:
    """Standard input copied to a temporary file (removed when closed)."""
    tmp = tempfile.TemporaryFile()
    try:
        shutil.copyfileobj(sys.stdin.buffer, tmp, READ_BYTES)
    except BaseException:
        tmp.close()
        raise
    tmp.seek(0)
    return tmp
