"""On-disk cache of compiled lexicons.

Compiling a large dictionary (thousands of entries) asks the morphological analyser
for every inflected form of every word, which takes seconds; the result depends only
on the patterns, the spellings, the analyser, the jargon version and the compiler's
own source, so it is stored
under a hash of those in the user cache folder (``JARGON_CACHE_DIR`` overrides it;
``JARGON_CACHE_DIR=off`` turns caching off). Small dictionaries compile in
milliseconds and are never cached. A cache that cannot be read or written is
ignored: it only ever saves time. The folder, reading and atomic writing are
jargon.diskcache's; this module holds what is particular to lexicons: the key and
which parts of a ``Lexicon`` are stored.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from jargon import diskcache
from jargon.diskcache import cache_dir  # noqa: F401  (kept importable from here)

from . import lexicon as lexicon_module
from . import patterns as patterns_module
from .lexicon import Lexicon

CACHE_MIN_PATTERNS = 300
FORMAT = 2


def cache_key(analyzer, patterns, spellings) -> str:
    from jargon import __version__

    h = hashlib.sha256()
    h.update(repr((FORMAT, __version__, type(analyzer).__module__, type(analyzer).__qualname__,
                   getattr(analyzer, "cache_version", ""))).encode())
    for module in (lexicon_module, patterns_module):     # the compiler's own code is part of the key
        h.update(Path(module.__file__).read_bytes())
    for pid, pat in patterns:
        h.update(repr((pid, pat)).encode())
    h.update(repr(sorted(spellings.items())).encode())
    return h.hexdigest()[:32]


def build_lexicon(analyzer, patterns, spellings) -> Lexicon:
    """A compiled lexicon: from the cache when there is one, else compiled (and cached when large)."""
    folder = cache_dir() if len(patterns) >= CACHE_MIN_PATTERNS else None
    if folder is None:
        return Lexicon(analyzer, patterns, spellings)
    name = f"lexicon-{cache_key(analyzer, patterns, spellings)}.pickle"
    state = diskcache.load(name, folder)
    if isinstance(state, dict) and state.get("format") == FORMAT and isinstance(state.get("lexicon"), dict):
        lexicon = Lexicon.__new__(Lexicon)
        lexicon.__dict__.update(state["lexicon"])
        # the caller has just built the patterns and the analyser: not stored, not unpickled
        lexicon.patterns, lexicon.analyzer = dict(patterns), analyzer
        return lexicon
    lexicon = Lexicon(analyzer, patterns, spellings)
    state = {k: v for k, v in lexicon.__dict__.items() if k not in ("patterns", "analyzer")}
    diskcache.store(name, {"format": FORMAT, "lexicon": state}, folder)
    return lexicon
