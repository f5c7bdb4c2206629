"""jargon: find corporate-jargon phrases in text and say what they really mean.

The public API is small and imports nothing heavy until used::

    import jargon
    dicts = jargon.load_dictionaries()          # all installed dictionaries
    decoder = jargon.Decoder(dicts)             # build once (picklable)
    for m in decoder.decode("Коллеги, какова адженда?"):
        print(m.start, m.end, m.text, m.phrase, m.meaning, m.score)
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = [
    "Decoder", "DecodedDocument", "Dictionary", "Document", "Entry", "Match", "Segment",
    "JargonError", "DEFAULT_THRESHOLD", "load_dictionary", "load_dictionaries", "decode", "__version__",
]

_LAZY = {
    "DEFAULT_THRESHOLD": ("jargon.engine.decoder", "DEFAULT_THRESHOLD"),
    "load_dictionary": ("jargon.dictionary", "load_dictionary"),
    "JargonError": ("jargon.errors", "JargonError"),
    "Entry": ("jargon.model", "Entry"),
    "Dictionary": ("jargon.model", "Dictionary"),
    "Match": ("jargon.model", "Match"),
    "Document": ("jargon.model", "Document"),
    "Segment": ("jargon.model", "Segment"),
    "DecodedDocument": ("jargon.model", "DecodedDocument"),
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'jargon' has no attribute {name!r}")


def Decoder(dictionaries, threshold: float | None = None, **options):  # noqa: N802 (the public name of a factory)
    """A :class:`jargon.engine.decoder.Decoder` for ``dictionaries`` with the installed plugins'
    languages (built by the composition root, jargon.session); ``options``: explain, near_misses."""
    from .session import Session

    return Session(threshold=threshold, **options).decoder_for(list(dictionaries), threshold)


def decode(text: str, threshold: float | None = None):
    """Decode ``text`` with all installed dictionaries (builds a decoder each call: use Decoder to reuse)."""
    return Decoder(load_dictionaries(), threshold=threshold).decode(text)


def load_dictionaries(selectors=None):
    """Dictionaries by name or path (``None``: every installed dictionary)."""
    from .catalog import load_dictionaries as _load

    return _load(selectors)
