"""Find the candidates of decoded documents: scan, score every kind, rank (the one entry point)."""
from __future__ import annotations

from collections.abc import Sequence

from jargon.model import DecodedDocument

from . import KINDS
from .candidates import Candidate, rank


def find_candidates(decoded: Sequence[DecodedDocument], rejected: frozenset[str] = frozenset(),
                    kinds: Sequence[str] = KINDS, language: str = "ru") -> list[Candidate]:
    """Ranked candidates of ``decoded`` (their matches say what the dictionaries cover), without
    the ``rejected`` keys. Raises :class:`.reference.MissingFrequencies` without wordfreq."""
    from jargon.builtin.russian import _analyzer

    from .formulas import formula_candidates
    from .keyness import word_candidates
    from .reference import reference
    from .scan import scan

    ref = reference(language)
    analyzer = _analyzer()
    scanned = scan(decoded, analyzer)
    found = word_candidates(scanned, ref, analyzer) if {"anglicism", "term"} & set(kinds) else []
    if "formula" in kinds:
        found += formula_candidates(scanned, ref, frozenset(analyzer.prepositions))
    return rank(found, rejected, kinds)
