"""Which Latin-letter words are English: pyspellchecker's English word-frequency list.

Used by the English analyser (a word in the list is real English, never a typo) and by
the Russian one (a stretch of Latin letters made of English words is English, not Russian
written in Latin letters: "static", "device", "thread" are not "статик", "девице", "треад").
pyspellchecker (MIT) ships the list (about 160,000 words with counts, from OpenSubtitles
and Wiktionary) as JSON; it is read on first use only, and kept in jargon's signed disk
cache as a set, so later runs load it in milliseconds. Without the package the set is
empty and both analysers fall back to what they did without it.
"""
from __future__ import annotations

from functools import lru_cache

MIN_COUNT = 20        # rarer entries of the list are mostly typos and names
_raw: list[str] = []  # the list's JSON text, decompressed once (for a few look-ups without parsing it)


def is_english(word: str) -> bool:
    """Whether ``word`` is in the English list, without loading it as a set when only a few
    words are asked (the Russian analyser asks about a stretch of Latin letters now and
    then): a search of the decompressed JSON text, a millisecond, against 0.2-0.5 s to parse
    it. Uses the set once something has loaded it."""
    if english_words.cache_info().currsize:
        return word in english_words()
    if not _raw:
        _raw.append(_read_text())
    return f'"{word}": ' in _raw[0]


def _read_text() -> str:
    import gzip
    from importlib.resources import files

    try:
        with files("spellchecker").joinpath("resources", "en.json.gz").open("rb") as raw:
            return gzip.open(raw).read().decode("utf-8")
    except (ImportError, OSError, ValueError):
        return ""


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    from jargon import diskcache

    try:
        import spellchecker
    except ImportError:
        return frozenset()
    version = getattr(spellchecker, "__version__", "0")
    folder = diskcache.cache_dir()
    name = f"english-{_digest(version)}.pickle"
    if folder is not None:
        cached = diskcache.load(name, folder)
        if isinstance(cached, frozenset):
            return cached
    words = _read_list()
    if folder is not None and words:
        diskcache.store(name, words, folder)
    return words


def _digest(version: str) -> str:
    import hashlib

    return hashlib.sha256(f"english-words {version} {MIN_COUNT}".encode()).hexdigest()[:32]


def _read_list() -> frozenset[str]:
    import gzip
    import json
    from importlib.resources import files

    try:
        with files("spellchecker").joinpath("resources", "en.json.gz").open("rb") as raw:
            counts = json.load(gzip.open(raw))
    except (OSError, ValueError):
        return frozenset()
    return frozenset(w for w, n in counts.items() if n >= MIN_COUNT)
