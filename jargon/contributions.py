"""What a plugin can contribute: output formats, input readers and languages.

(Dictionaries are contributed as :class:`jargon.model.Dictionary` objects or TOML paths.)
These are plain dataclasses so that plugins need nothing but ``jargon`` itself.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from .model import DecodedDocument, Document


@dataclass(frozen=True)
class RenderOptions:
    """How the user asked for output to be rendered."""

    clean: bool = False          # show softened meanings for explicit entries
    color: bool = False          # ANSI colour (only ever True on a terminal without NO_COLOR)
    terminal: bool = False       # written to a terminal: user text shows control characters visibly
    dictionaries: Sequence[Any] = ()  # the Dictionary objects in use (for codebook formats)
    languages: Mapping[str, Any] = field(default_factory=dict)  # Language objects by code (translated: names)
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class RecordBlock:
    """Match records of one document (jargon.render.match_record: every field, positions in the
    whole file), in text order, as a streaming format receives them. A document comes in one
    or more blocks; its near misses (``--near-misses``) come after all its matches."""

    matches: Sequence[dict]
    near_misses: Sequence[dict] = ()
    context: Callable[[dict], str] = lambda rec: ""   # the sentence around a record's match


def _nothing(out: IO, options: RenderOptions) -> None:
    pass


@dataclass(frozen=True)
class Streaming:
    """How a format writes as decoding goes (optional; see docs/plugins.md): ``begin`` once
    (a header), ``write`` for each :class:`RecordBlock`, ``end`` once. Nothing may be kept
    from one block to the next but what the format needs at the end."""

    begin: Callable[[IO, RenderOptions], None]
    write: Callable[[IO, RecordBlock, RenderOptions], None]
    end: Callable[[IO, RenderOptions], None] = _nothing


@dataclass(frozen=True)
class OutputFormat:
    """A named way to write decoded documents.

    ``write(out, documents, options)`` writes all ``documents`` (a list of
    :class:`DecodedDocument`) to ``out``: a text stream, or a binary stream when
    ``binary`` is true (binary formats need ``-o FILE``). A format with ``stream``
    (:class:`Streaming`) is written as large inputs are decoded, block by block, so memory
    stays flat; ``write`` is then usually :func:`jargon.export.streamed` of it.
    """

    name: str
    description: str
    extension: str
    write: Callable[[IO, list[DecodedDocument], RenderOptions], None]
    binary: bool = False
    stream: Streaming | None = None


@dataclass(frozen=True)
class ReadOptions:
    encoding: str | None = None   # None: detected (jargon.inputs.detect_encoding)
    errors: str = "strict"       # "strict" or "replace"


@dataclass(frozen=True)
class InputReader:
    """Turns the bytes of a transcript file into a :class:`Document` (text plus segments).

    ``read(data, name, options)``; ``sniff(head)`` looks at the first bytes and says
    whether this reader recognises the content (used when the extension does not decide).
    Higher ``priority`` wins when several readers claim a file.
    """

    name: str
    description: str
    extensions: tuple[str, ...]
    read: Callable[[bytes, str, ReadOptions], Document]
    sniff: Callable[[bytes], bool] | None = None
    priority: int = 0


@dataclass(frozen=True)
class Language:
    """Text analysis for one language; ``analyzer()`` builds a :class:`jargon.text.analyzer.Analyzer`.

    The factory is called lazily, the first time a dictionary in this language is compiled.
    """

    code: str
    name: str
    analyzer: Callable[[], Any]
