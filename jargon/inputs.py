"""Read inputs: bytes from files or stdin, decoded strictly, turned into Documents by a reader."""
from __future__ import annotations

import sys
from pathlib import Path

from .contributions import InputReader, ReadOptions
from .errors import InputError, PluginError
from .model import Document

STDIN = "-"


def decode_bytes(data: bytes, name: str, options: ReadOptions = ReadOptions()) -> str:
    """Bytes to text; invalid input is an :class:`InputError` naming the file and byte offset."""
    if data.startswith(b"\xef\xbb\xbf") and options.encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        data = data[3:]
    try:
        return data.decode(options.encoding, options.errors)
    except UnicodeDecodeError as exc:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise InputError(f"{name}: UTF-16 text (it starts with a UTF-16 byte order mark); "
                             f"use --encoding utf-16") from None
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"{name}: invalid {exc.encoding.upper()} at byte {exc.start} (line {line}); "
                         f"use --encoding or --errors replace") from None
    except LookupError:
        raise InputError(f"unknown encoding {options.encoding!r}") from None


def read_bytes(name: str) -> bytes:
    if name == STDIN:
        return sys.stdin.buffer.read()
    path = Path(name)
    try:
        return path.read_bytes()
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
    try:
        return bool(reader.sniff(head))
    except PluginError:
        raise
    except Exception:
        return False


def read_document(name: str, readers: dict[str, InputReader], options: ReadOptions = ReadOptions(),
                  forced: str | None = None) -> Document:
    data = read_bytes(name)
    reader = choose_reader(readers, name, data[:4096], forced)
    label = "<stdin>" if name == STDIN else name
    doc = reader.read(data, label, options)
    doc.reader = reader.name
    if name != STDIN:
        doc.path = Path(name)
    return doc
