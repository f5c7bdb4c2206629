"""PLACEHOLDER engine (exact substring) - being replaced by the real one."""
from __future__ import annotations

from jargon.model import DecodedDocument, Document, Match

DEFAULT_THRESHOLD = 75.0


class Decoder:
    def __init__(self, dictionaries, threshold=None, languages=None):
        self.dictionaries = list(dictionaries)
        self.threshold = DEFAULT_THRESHOLD if threshold is None else threshold

    def decode(self, text: str) -> list[Match]:
        low = text.lower()
        out = []
        for d in self.dictionaries:
            for e in d.entries:
                key = e.phrase.lower().rstrip("?!.")
                i = low.find(key)
                while i != -1:
                    out.append(Match(i, i + len(key), text[i:i + len(key)], e, d.name, 100.0))
                    i = low.find(key, i + 1)
        return sorted(out, key=lambda m: m.start)

    def decode_document(self, doc: Document) -> DecodedDocument:
        return DecodedDocument(doc, self.decode(doc.text))
