"""The decoded documents as a stream of tokens for discovery: form, lemma, speaker, utterance, coverage.

A token is covered when a dictionary match of the session's decoder overlaps it: what a
dictionary already finds is never a candidate. Lemmas come from pymorphy3 (through the
Russian analyser's safe wrappers), once per distinct form, so a scan is linear in the text.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from jargon.model import DecodedDocument
from jargon.roles import SelectedDocument
from jargon.text.tokens import tokenize

_CYRILLIC = re.compile(r"[а-яё]")
_DIGIT = re.compile(r"\d")
# parts of speech that never make a one-word candidate (pymorphy3's tags)
_LIGHT_POS = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "INTJ", "NUMR", "PRED"})
_VERB_POS = frozenset({"VERB", "INFN", "GRND", "PRTF", "PRTS"})
_NAME_TAGS = ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad")


@dataclass(slots=True)
class Token:
    doc: int             # index of the document in the scan
    start: int           # offsets into the document's text
    end: int
    form: str            # lower case, ё as е
    lemma: str
    speaker: str         # the speaker's label ("" when the document has none)
    utt: int             # utterance number in the document (matches and formulas never cross one)
    covered: bool        # a dictionary match overlaps it
    capital: bool        # written with a capital letter, not at the start of an utterance
    opens: bool          # first word of an utterance
    tight: bool          # only spaces between it and the word before (no comma, dash...)


@dataclass
class WordInfo:
    """What the morphology says of one form (computed once per distinct form)."""

    lemma: str
    known: bool          # pymorphy3 knows the word (or it is not Cyrillic)
    light: bool          # a function word, pronoun, number: never a one-word candidate
    name: bool           # a first name, surname, place or organisation
    verb: bool = False   # pymorphy3 reads it (or guesses it) as a verb, participle or gerund


@dataclass
class Scan:
    """All tokens of the corpus, with the documents they come from and a morphology cache."""

    docs: list[DecodedDocument]
    tokens: list[Token] = field(default_factory=list)
    words: dict[str, WordInfo] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.tokens)

    @cached_property
    def speakers(self) -> int:
        """How many speaker labels the corpus has ("" for text without speakers counts as one)."""
        return len({t.speaker for t in self.tokens})

    def doc_name(self, token: Token) -> str:
        return self.docs[token.doc].document.name


def stopwords(analyzer) -> frozenset[str]:
    """The Russian analyser's fillers, function words, pronouns and auxiliaries."""
    return frozenset(analyzer.fillers | analyzer.function_words | analyzer.pronouns | analyzer.auxiliaries
                     | analyzer.prepositions | analyzer.person_pronouns)


def word_info(form: str, analyzer, stop: frozenset[str]) -> WordInfo:
    """Lemma and kind of one lower-case form (pymorphy3 for Cyrillic words, the form itself otherwise)."""
    if not _CYRILLIC.search(form):
        return WordInfo(form, True, form in stop or bool(_DIGIT.search(form)) or len(form) < 2, False)
    parses = analyzer._parse(form)
    if not parses:
        return WordInfo(form, False, form in stop, False)
    best = parses[0]
    tag = best.tag
    lemma = best.normal_form.replace("ё", "е")
    light = form in stop or tag.POS in _LIGHT_POS or "Apro" in tag or len(form) < 3
    name = any(t in tag for t in _NAME_TAGS)
    verb = tag.POS in _VERB_POS
    return WordInfo(lemma, analyzer._known(form), light, name, verb)


def scan(docs: Sequence[DecodedDocument], analyzer) -> Scan:
    """Tokens of every document's segments (the whole text when it has none, unless a speaker
    selection left none), in order."""
    out = Scan(list(docs))
    stop = stopwords(analyzer)
    words = out.words
    tokens = out.tokens
    for index, decoded in enumerate(out.docs):
        doc = decoded.document
        spans = sorted((m.start, m.end) for m in decoded.matches)
        pieces = [(s.start, s.end, s.speaker or "") for s in doc.segments]
        if not pieces and not isinstance(doc, SelectedDocument):     # --speaker may leave no turn at all
            pieces = [(0, len(doc.text), "")]
        utt_base = 0
        m = 0
        for seg_start, seg_end, speaker in pieces:
            piece = doc.text[seg_start:seg_end]
            toks = tokenize(piece, seg_start)
            prev = seg_start
            for start, end, opens, utt in zip(toks.starts, toks.ends, toks.opens, toks.utts, strict=True):
                raw = doc.text[start:end]
                form = raw.lower().replace("ё", "е")
                info = words.get(form)
                if info is None:
                    info = words[form] = word_info(form, analyzer, stop)
                while m < len(spans) and spans[m][1] <= start:
                    m += 1
                covered = m < len(spans) and spans[m][0] < end
                tight = not opens and not doc.text[prev:start].strip()
                prev = end
                tokens.append(Token(index, start, end, form, info.lemma, speaker, utt_base + utt, covered,
                                    raw[:1].isupper() and not opens, opens, tight))
            utt_base += (toks.utts[-1] if toks.utts else 0) + 1
    return out
