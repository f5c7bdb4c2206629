"""Built-in plugin: the plain-text reader (the whole file is the document text)."""
from __future__ import annotations

from jargon.contributions import InputReader, ReadOptions
from jargon.hookspecs import hookimpl
from jargon.model import Document


def read_plain(data: bytes, name: str, options: ReadOptions) -> Document:
    from jargon.inputs import decode_bytes

    return Document(text=decode_bytes(data, name, options), name=name, reader="text")


@hookimpl
def jargon_input_readers():
    return [InputReader("text", "Plain text (UTF-8)", ("txt", "text", "md", ""), read_plain, None, priority=-10)]
