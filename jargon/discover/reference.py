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

from functools import lru_cache

from jargon.errors import JargonError

MISSING = ("discover needs word frequencies: install the extra with  pip install \"jargon-decoder[discover]\"  "
           "(or pip install wordfreq)")
BUCKETS_PER_ZIPF = 100           # wordfreq's buckets: bucket i holds words of frequency 10 ** (-i / 100)


class MissingFrequencies(JargonError):
    """wordfreq is not installed."""


class Reference:
    """Word -> frequency in general language (a share of all words; 0.0 when unlisted)."""

    def __init__(self, buckets: dict[str, int], language: str) -> None:
        self._buckets = buckets
        self.language = language
        self.floor = 10 ** (-(max(buckets.values(), default=800) + 1) / BUCKETS_PER_ZIPF) / 2

    def frequency(self, word: str) -> float:
        bucket = self._buckets.get(word)
        return 0.0 if bucket is None else 10 ** (-bucket / BUCKETS_PER_ZIPF)

    def __contains__(self, word: str) -> bool:
        return word in self._buckets


def require_wordfreq() -> None:
    """Raise :class:`MissingFrequencies` (one line, exit 2) when wordfreq is not installed."""
    try:
        import wordfreq  # noqa: F401
    except ImportError:
        raise MissingFrequencies(MISSING) from None


@lru_cache(maxsize=4)
def reference(language: str = "ru") -> Reference:
    """The frequencies of ``language`` (from the disk cache when it has them)."""
    require_wordfreq()
    import wordfreq

    from jargon import diskcache

    version = getattr(wordfreq, "__version__", "") or _dist_version()
    name = f"wordfreq-{_digest(language, version)}.pickle"
    folder = diskcache.cache_dir()
    cached = diskcache.load(name, folder) if folder is not None else None
    if isinstance(cached, dict):
        return Reference(cached, language)
    try:
        lists = wordfreq.get_frequency_list(language)
    except LookupError as exc:
        raise JargonError(f"wordfreq has no word frequencies for language {language!r}: {exc}") from None
    buckets: dict[str, int] = {}
    for i, words in enumerate(lists):
        for word in words:
            buckets.setdefault(word.replace("ё", "е"), i)     # ё and е spellings: the more frequent
    if folder is not None:
        diskcache.store(name, buckets, folder)
    return Reference(buckets, language)


def _dist_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("wordfreq")
    except PackageNotFoundError:
        return "0"


def _digest(language: str, version: str) -> str:
    import hashlib

    return hashlib.sha256(f"wordfreq {language} {version} {BUCKETS_PER_ZIPF}".encode()).hexdigest()[:32]
