"""Built-in plugin: the ``translated`` output format (``jargon decode --translate``).

The document text of every input (as its reader built it: the file's text, or the
turns of a subtitle file, or the paragraphs of a .docx) with each match replaced by
``[meaning]`` (see :mod:`jargon.translation` for punctuation and the colleague slot).
With several documents, each starts with a header line ``==> NAME <==`` (as ``head``
writes) and documents are separated by a blank line.
"""
from __future__ import annotations

from typing import IO

from jargon.contributions import OutputFormat, RenderOptions
from jargon.escape import terminal, terminal_block, unicode_text
from jargon.hookspecs import hookimpl
from jargon.model import DecodedDocument, Dictionary, Match
from jargon.text.analyzer import Analyzer
from jargon.translation import translate_text


class Analyzers:
    """The analyser of each match's dictionary language (``options.languages``; without it names are put
    in as written), built once per language when first needed."""

    def __init__(self, options: RenderOptions):
        self.language = {d.name: d.language for d in options.dictionaries if isinstance(d, Dictionary)}
        self.languages = options.languages
        self.built: dict[str, Analyzer] = {}

    def __call__(self, match: Match) -> Analyzer:
        code = self.language.get(match.dictionary, "und")
        if code not in self.built:
            lang = self.languages.get(code)
            self.built[code] = lang.analyzer() if lang is not None else Analyzer()
        return self.built[code]


def write_translated(out: IO[str], docs: list[DecodedDocument], options: RenderOptions) -> None:
    analyzers = Analyzers(options)
    for i, decoded in enumerate(docs):
        if len(docs) > 1:
            out.write(f"{chr(10) if i else ''}==> {terminal(decoded.document.name)} <==\n")
        text = translate_text(decoded.document.text, decoded.matches, options.clean, analyzers)
        text = terminal_block(text) if options.terminal else unicode_text(text)
        out.write(text if not text or text.endswith("\n") or i == len(docs) - 1 else text + "\n")


@hookimpl
def jargon_output_formats():
    return [OutputFormat("translated", "The text with each phrase replaced by [meaning] (a header line per file "
                         "when there are several)", "txt", write_translated)]
