"""Built-in plugin: input readers for plain text, WebVTT, SRT and .docx transcripts.

Each reader turns a file into one :class:`~jargon.model.Document`: a text and the
segments that say who spoke when (offsets into that text). How each text is built is
described in docs/transcripts.md and in the modules of :mod:`jargon.transcript`:

- ``text``: the file's text unchanged (offsets are file offsets); speaker turns found
  in it (``Name: ...``, ``[00:12:31] Name: ...``, Otter's ``Name  0:08`` lines).
- ``vtt`` / ``srt``: one line per turn, ``Name: `` + the cue texts; one segment per cue.
- ``docx``: the paragraphs, one per line, then speaker turns as in plain text; tables laid
  out as transcripts (time | speaker | text) give a segment per row.
"""
from __future__ import annotations

import re

from jargon.contributions import InputReader, ReadOptions
from jargon.hookspecs import hookimpl
from jargon.model import Document

_SRT_HEAD = re.compile(rb"^\s*\d+\s*\r?\n\s*\d+:\d{2}:\d{2}[,.]\d{1,3}\s*-->")


def read_plain(data: bytes, name: str, options: ReadOptions) -> Document:
    from jargon.inputs import decode_bytes
    from jargon.transcript.speakers import find_turns

    text = decode_bytes(data, name, options)
    return Document(text=text, name=name, segments=find_turns(text), reader="text")


def _read_cues(data: bytes, name: str, options: ReadOptions, reader: str) -> Document:
    from jargon.errors import InputError
    from jargon.inputs import decode_bytes
    from jargon.transcript.cues import build_document, parse_cues, to_cues

    source = decode_bytes(data, name, options)
    raw = parse_cues(source, name)
    if not raw and source.strip() and not source.lstrip().startswith("WEBVTT"):
        raise InputError(f"{name}: no subtitle cues found (not a {reader.upper()} file? try --input-format text)")
    text, segments = build_document(to_cues(raw))
    return Document(text=text, name=name, segments=segments, reader=reader, source=source)


def read_vtt(data: bytes, name: str, options: ReadOptions) -> Document:
    return _read_cues(data, name, options, "vtt")


def read_srt(data: bytes, name: str, options: ReadOptions) -> Document:
    return _read_cues(data, name, options, "srt")


def read_docx(data: bytes, name: str, options: ReadOptions) -> Document:
    from jargon.transcript.docx import docx_document

    text, segments = docx_document(data, name)
    return Document(text=text, name=name, segments=segments, reader="docx")


def sniff_vtt(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"WEBVTT")


def sniff_srt(head: bytes) -> bool:
    return bool(_SRT_HEAD.match(head.lstrip(b"\xef\xbb\xbf")))


def sniff_docx(head: bytes) -> bool:
    return head.startswith(b"PK\x03\x04") and (b"word/" in head or b"[Content_Types].xml" in head)


@hookimpl
def jargon_input_readers():
    return [
        InputReader("text", "Plain text (UTF-8), speaker turns recognised", ("txt", "text", "md", ""),
                    read_plain, None, priority=-10),
        InputReader("vtt", "WebVTT subtitles (Teams voice tags, Zoom 'Name:' cues)", ("vtt",), read_vtt, sniff_vtt),
        InputReader("srt", "SubRip subtitles (.srt)", ("srt",), read_srt, sniff_srt),
        InputReader("docx", "Word document (needs pip install jargon-decoder[docx])", ("docx",), read_docx, sniff_docx),
    ]
