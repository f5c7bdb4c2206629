"""Compiling one language's entries (patterns, then the compiled index), with an on-disk cache.

Compiling a large dictionary (thousands of entries) asks the morphological analyser
for every inflected form of every word, which takes seconds. The result depends only
on what the entries say that patterns are made of (headword, variants, placeholders,
literal collocations, anchor, inflect) and where they stand, the spellings, the
analyser (its class and the source of its modules), the jargon version and the
compiler's own source; so it is stored under a hash of those in the user cache folder
(``JARGON_CACHE_DIR`` overrides it; ``JARGON_CACHE_DIR=off`` turns caching off). A hit
skips building the patterns too, and decoders of the same dictionaries in one process share
the index they load. Small dictionaries compile in milliseconds and are
never cached. A cache that cannot be read or written is ignored: it only ever saves
time. The folder, reading and atomic writing are jargon.diskcache's.
"""
from __future__ import annotations

import hashlib
import inspect
import re
import weakref
from dataclasses import replace
from typing import NamedTuple

from jargon import diskcache
from jargon.model import Entry

from . import anchors as anchors_module
from . import index as index_module
from . import patterns as patterns_module
from . import tuning as tuning_module
from .index import CompiledIndex
from .lexicon import Lexicon
from .patterns import Pattern, entry_patterns

_SLOT = re.compile(r"\{\s*([^{}]*?)\s*\}")
_SCOPED = re.compile(r"\{[^{}/]+/")
CACHE_MIN_ENTRIES = 200
FORMAT = 6
# the indexes in use in this process, by cache name: decoders of the same dictionaries share one
_IN_USE: weakref.WeakValueDictionary[str, CompiledIndex] = weakref.WeakValueDictionary()


class Tables(NamedTuple):
    """What the dictionaries of one language say for all their entries (normalised)."""

    spellings: dict[str, str]                 # other spelling -> the word as phrases spell it
    synonyms: dict[str, tuple[str, ...]]      # word -> words that may replace it
    sets: dict[str, tuple[str, ...]]          # "dictionary/set" -> its words (each dictionary's own)


def language_tables(analyzer, dictionaries) -> Tables:
    """The ``[spellings]``, ``[synonyms]`` and ``[sets]`` of ``dictionaries`` (one language)."""
    spellings: dict[str, str] = {}
    synonyms: dict[str, tuple[str, ...]] = {}
    sets: dict[str, tuple[str, ...]] = {}
    for d in {id(d): d for d in dictionaries}.values():
        for word, alts in d.spellings.items():
            for alt in alts:
                spellings[analyzer.normalize(alt)] = analyzer.normalize(word)
        for word, alts in d.synonyms.items():
            synonyms[word] = synonyms.get(word, ()) + tuple(alts)
        for name, words in d.sets.items():
            sets[f"{d.name}/{name}"] = tuple(words)
    return Tables(spellings, synonyms, sets)


def scoped(d, entry: Entry) -> Entry:
    """``entry`` with its ``{set}`` slots named after its dictionary (``{ru-corporate/tech}``):
    a set belongs to the dictionary that defines it, whatever other dictionaries call theirs."""
    if not d.sets:
        return entry

    def scope(text: str) -> str:
        return _SLOT.sub(lambda m: f"{{{d.name}/{m.group(1)}}}" if m.group(1) in d.sets else m.group(0), text)

    if not any("{" in t for t in (entry.phrase, *entry.variants, *entry.literal)):
        return entry
    return replace(entry, phrase=scope(entry.phrase), variants=tuple(map(scope, entry.variants)),
                   literal=tuple(map(scope, entry.literal)))


def unscoped(text: str) -> str:
    """A pattern's text as its dictionary writes it (``{ru-corporate/tech}`` -> ``{tech}``)."""
    return _SCOPED.sub("{", text)


def language_patterns(analyzer, items: list[tuple[int, Entry]]) -> list[tuple[int, Pattern]]:
    """``(pattern id, pattern)`` for the entries ``items`` (``(index in the decoder, entry)``)."""
    patterns: list[tuple[int, Pattern]] = []
    memo: dict = {}
    for idx, entry in items:
        for pat in entry_patterns(entry, idx, analyzer, memo):
            patterns.append((len(patterns), pat))
    return patterns


def cache_key(analyzer, items: list[tuple[int, Entry]], tables: Tables) -> str:
    # the compiler's own code, and the analyser's (its class and the classes it builds on)
    sources = {index_module.__file__, anchors_module.__file__, patterns_module.__file__, tuning_module.__file__,
               __file__}
    for cls in type(analyzer).__mro__[:-1]:
        try:
            sources.add(inspect.getsourcefile(cls) or "")
        except TypeError:
            pass
    h = hashlib.sha256(diskcache.code_digest(filter(None, sources)))
    h.update(repr((FORMAT, type(analyzer).__module__, type(analyzer).__qualname__,
                   getattr(analyzer, "cache_version", ""))).encode())
    for idx, e in items:
        h.update(repr((idx, e.phrase, e.variants, e.placeholders, e.literal, e.anchor, e.inflect, e.derive,
                       e.root)).encode())
    for table in tables:
        h.update(repr(sorted(table.items())).encode())
    return h.hexdigest()[:32]


def build_lexicon(analyzer, items: list[tuple[int, Entry]], tables: Tables) -> Lexicon:
    """A decoder's lexicon of one language's entries, on the compiled index of :func:`build_index`."""
    return Lexicon(analyzer, build_index(analyzer, items, tables))


def build_index(analyzer, items: list[tuple[int, Entry]], tables: Tables) -> CompiledIndex:
    """The compiled index of one language's entries: from the cache when there is one, else
    compiled (and cached when large)."""

    def compiled() -> CompiledIndex:
        derive = {idx: e.root for idx, e in items if e.derive}
        return CompiledIndex(analyzer, language_patterns(analyzer, items), tables.spellings, tables.synonyms,
                             tables.sets, derive)

    folder = diskcache.cache_dir() if len(items) >= CACHE_MIN_ENTRIES else None
    if folder is None:
        return compiled()
    try:
        name = f"lexicon-{cache_key(analyzer, items, tables)}.pickle"
    except OSError:                        # a source file cannot be read: no caching
        return compiled()
    index = _IN_USE.get(name)
    if index is not None:
        return index
    state = diskcache.load(name, folder)
    if isinstance(state, dict) and state.get("format") == FORMAT and isinstance(state.get("index"), CompiledIndex):
        index = state["index"]
    else:
        index = compiled()
        diskcache.store(name, {"format": FORMAT, "index": index}, folder)
    _IN_USE[name] = index
    return index
