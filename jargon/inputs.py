"""Read inputs: bytes from files or stdin, their encoding detected (or given), turned into Documents by a reader."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from .contributions import InputReader, ReadOptions
from .errors import InputError, PluginError
from .model import Document

STDIN = "-"


BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
MIN_LEGACY_BYTES = 8      # fewer non-ASCII bytes than this are stray bytes in UTF-8, not another encoding


class Undecodable(InputError):
    """Bytes that are not valid in the encoding used (``--errors replace`` reads past them)."""


class NotText(InputError):
    """Bytes that are no text in any encoding (a binary file)."""


def detect_encoding(data: bytes) -> str | None:
    """The encoding of a transcript's bytes, or None when they are binary.

    A byte-order mark decides (UTF-8, UTF-16, UTF-32); then text that is valid UTF-8 is
    UTF-8; then NUL bytes mean binary; then charset-normalizer names a legacy encoding
    (Windows-1251, KOI8-R, Windows-1252...). Text with only a few bytes outside ASCII, or mostly
    valid UTF-8, is called UTF-8, so that a stray bad byte is reported as one (``--errors replace``
    reads past it), not read as another encoding.
    """
    for bom, name in BOMS:
        if data.startswith(bom):
            return name
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:65536]:
        return None
    head = data[:65536]
    if sum(1 for b in head if b >= 0x80) < MIN_LEGACY_BYTES or _mostly_utf8(head):
        return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return best.encoding.replace("_", "-") if best is not None else None


def _mostly_utf8(data: bytes) -> bool:
    """Whether more non-ASCII characters decode as UTF-8 than bytes fail to (UTF-8 with a few bad bytes)."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    return sum(1 for ch in text if ord(ch) > 0x7F) - bad > bad


def decode_bytes(data: bytes, name: str, options: ReadOptions = ReadOptions()) -> str:
    """Bytes to text in ``options.encoding`` (None: :func:`detect_encoding`); invalid input is an
    :class:`InputError` naming the file and byte offset, binary input a :class:`NotText`."""
    encoding = options.encoding or detect_encoding(data)
    if encoding is None:
        raise NotText(f"{name}: not a transcript (binary data, no text encoding fits)")
    if data.startswith(b"\xef\xbb\xbf") and encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        data = data[3:]
    try:
        return data.decode(encoding, options.errors)
    except UnicodeDecodeError as exc:
        raise decode_error(name, exc, data[:2], exc.start, data[: exc.start].count(b"\n") + 1) from None
    except LookupError:
        raise InputError(f"unknown encoding {options.encoding!r}") from None


def decode_error(name: str, exc: UnicodeDecodeError, head: bytes, byte: int, line: int) -> InputError:
    """The error for bytes of ``name`` that do not decode: at ``byte`` (line ``line``); ``head``: the
    file's first bytes (a UTF-16 byte order mark gets its own advice)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return InputError(f"{name}: UTF-16 text (it starts with a UTF-16 byte order mark); use --encoding utf-16")
    return Undecodable(f"{name}: invalid {exc.encoding.upper()} at byte {byte} (line {line}); "
                       f"use --encoding or --errors replace")


def read_bytes(name: str) -> bytes:
    if name == STDIN:
        return sys.stdin.buffer.read()
    with open_input(name) as f:
        try:
            return f.read()
        except OSError as exc:
            raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None


def open_input(name: str) -> BinaryIO:
    """File ``name`` opened for reading bytes; a file that cannot be opened is one InputError."""
    try:
        return open(name, "rb")
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory (use -r to decode a folder)") from None
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None


def choose_reader(readers: dict[str, InputReader], name: str, head: bytes, forced: str | None = None) -> InputReader:
    """The reader for a file: ``forced`` by name, else by extension, else by sniffing, else plain text."""
    if forced:
        if forced not in readers:
            raise InputError(f"unknown input format {forced!r} (available: {', '.join(sorted(readers))})")
        return readers[forced]
    suffix = Path(name).suffix.lower().lstrip(".") if name != STDIN else ""
    by_ext = [r for r in readers.values() if suffix and suffix in r.extensions]
    if by_ext:
        # several readers for one extension: one that recognises the content wins, then priority
        return max(by_ext, key=lambda r: (r.sniff is not None and _safe_sniff(r, head), r.priority))
    sniffed = [r for r in readers.values() if r.sniff is not None and _safe_sniff(r, head)]
    if sniffed:
        return max(sniffed, key=lambda r: r.priority)
    if "text" in readers:
        return readers["text"]
    raise InputError(f"{name}: no reader for this file")


def _safe_sniff(reader: InputReader, head: bytes) -> bool:
    """Whether ``reader`` recognises ``head``. A plugin's sniffer that fails is a one-line
    :class:`PluginError` (see :class:`jargon.plugins.Guarded`); a built-in one that fails says no."""
    sniff = reader.sniff
    if sniff is None:
        return False
    try:
        return bool(sniff(head))
    except PluginError:
        raise
    except Exception:
        return False


def read_document(name: str, readers: dict[str, InputReader], options: ReadOptions = ReadOptions(),
                  forced: str | None = None) -> Document:
    """Read file ``name`` (or stdin) with the right reader; with no ``options.encoding`` the encoding is
    detected once here (:func:`detect_encoding`) and recorded as ``doc.encoding``."""
    return document_from_bytes(read_bytes(name), name, readers, options, forced)


def document_from_bytes(data: bytes, name: str, readers: dict[str, InputReader],
                        options: ReadOptions = ReadOptions(), forced: str | None = None) -> Document:
    """:func:`read_document` of bytes already read from ``name``."""
    reader = choose_reader(readers, name, data[:4096], forced)
    label = "<stdin>" if name == STDIN else name
    encoding = options.encoding
    if encoding is None:
        encoding = detect_encoding(data)
        if encoding is not None:
            options = replace(options, encoding=encoding)
    doc = reader.read(data, label, options)
    doc.reader = reader.name
    doc.encoding = encoding
    if name != STDIN:
        doc.path = Path(name)
    return doc
