"""General-language word frequencies: the reference that keyness compares the transcripts with.

The source is wordfreq (Robyn Speer; Apache-2.0 code, CC-BY-SA data): frequencies of
700,000 Russian words (and 40 other languages) blended from subtitles, Wikipedia, news,
books, web text and social media, so that no one register dominates; it is stable (the data
is frozen at 2021) and its word lists are normalised the way jargon normalises words (lower
case). It is an optional extra (``pip install "jargon-decoder[discover]"``), imported only
here, and only when ``discover`` runs: ``jargon decode`` never loads it.

wordfreq's own loading of a language takes one to two seconds; the words and their
frequency buckets are kept in jargon's signed disk cache (:mod:`jargon.diskcache`), so
later runs load them in a fraction of that.
"""
from __future__ import annotations

from array import array
from bisect import bisect_left
from functools import lru_cache

from jargon.errors import JargonError

MISSING = ("discover needs word frequencies: install the extra with  pip install \"jargon-decoder[discover]\"  "
           "(or pip install wordfreq)")
BUCKETS_PER_ZIPF = 100           # wordfreq's buckets: bucket i holds words of frequency 10 ** (-i / 100)


class MissingFrequencies(JargonError):
    """wordfreq is not installed."""


class Reference:
    """Word -> frequency in general language (a share of all words; 0.0 when unlisted).

    The words are one sorted list searched by bisection, with their buckets in an array: read
    from the cache ten times faster than a dict of 700,000 words would be."""

    def __init__(self, words: list[str], buckets: array, language: str) -> None:
        self._words = words
        self._buckets = buckets
        self.language = language
        self.floor = 10 ** (-(max(buckets, default=800) + 1) / BUCKETS_PER_ZIPF) / 2

    def _find(self, word: str) -> int:
        i = bisect_left(self._words, word)
        return i if i < len(self._words) and self._words[i] == word else -1

    def frequency(self, word: str) -> float:
        i = self._find(word)
        return 0.0 if i < 0 else 10 ** (-self._buckets[i] / BUCKETS_PER_ZIPF)

    def __contains__(self, word: str) -> bool:
        return self._find(word) >= 0


def require_wordfreq() -> str:
    """wordfreq's version; :class:`MissingFrequencies` (one line, exit 2) when it is not installed.
    It is not imported: a cached reference needs only its version."""
    from importlib.metadata import PackageNotFoundError, version
    from importlib.util import find_spec

    try:
        if find_spec("wordfreq") is None:
            raise MissingFrequencies(MISSING)
        return version("wordfreq")
    except (PackageNotFoundError, ValueError, ImportError):
        raise MissingFrequencies(MISSING) from None


@lru_cache(maxsize=4)
def reference(language: str = "ru") -> Reference:
    """The frequencies of ``language`` (from the disk cache when it has them)."""
    from jargon import diskcache

    name = f"wordfreq-{_digest(language, require_wordfreq())}.pickle"
    folder = diskcache.cache_dir()
    cached = diskcache.load(name, folder) if folder is not None else None
    if isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[0], str) and isinstance(cached[1], bytes):
        buckets = array("H")
        buckets.frombytes(cached[1])
        words = cached[0].split("\n")
        if len(words) == len(buckets):
            return Reference(words, buckets, language)
    import wordfreq

    try:
        lists = wordfreq.get_frequency_list(language)
    except LookupError as exc:
        raise JargonError(f"wordfreq has no word frequencies for language {language!r}: {exc}") from None
    best: dict[str, int] = {}
    for i, bucket in enumerate(lists):
        for word in bucket:
            if "\n" not in word:
                best.setdefault(word.replace("ё", "е"), i)     # ё and е spellings: the more frequent
    words = sorted(best)
    buckets = array("H", (best[w] for w in words))
    if folder is not None:
        diskcache.store(name, ("\n".join(words), buckets.tobytes()), folder)
    return Reference(words, buckets, language)


def _digest(language: str, version: str) -> str:
    import hashlib

    return hashlib.sha256(f"wordfreq {language} {version} {BUCKETS_PER_ZIPF} sorted".encode()).hexdigest()[:32]
