"""The on-disk cache shared by the lexicon cache (engine/cache.py) and the dictionary cache
(dictionary.py): where it lives, reading a pickle by name, writing one atomically.

The folder is the user cache folder (platformdirs), or ``JARGON_CACHE_DIR``;
``JARGON_CACHE_DIR=off`` (or empty, ``0``, ``no``) turns caching off. A cache only ever
saves time: a file that is missing, unreadable or corrupt reads as a miss, and a
write that fails is skipped. Callers name files by a hash of everything the
content depends on, so a stale file is never found, only left behind.

Imports stay light: platformdirs, pickle and tempfile are imported only when used.
"""
from __future__ import annotations

import os
from pathlib import Path

OFF = ("", "off", "0", "no")


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is off (``JARGON_CACHE_DIR=off``)."""
    override = os.environ.get("JARGON_CACHE_DIR")
    if override is not None:
        return None if override.strip().lower() in OFF else Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("jargon", appauthor=False))


def code_digest(files) -> bytes:
    """A digest of the code a cached result was made by: the jargon and Python versions
    and the bytes of ``files`` (source files). Part of every cache key, so that a cache
    made by other code is never found. Raises OSError when a file cannot be read."""
    import hashlib
    import sys

    from . import __version__

    h = hashlib.sha256(repr((__version__, sys.version)).encode())
    for file in sorted(set(files)):
        h.update(Path(file).read_bytes())
    return h.digest()


def load(name: str, folder: Path | None = None) -> object | None:
    """The object pickled in ``name`` in the cache folder, or None (caching off, no such
    file, or a file that does not unpickle). The caller checks what it got."""
    folder = folder if folder is not None else cache_dir()
    if folder is None:
        return None
    import pickle

    from .nogc import paused_gc

    try:
        with open(folder / name, "rb") as f:
            data = f.read()
    except OSError:
        return None
    # unpickling creates tens of thousands of small objects, none of them garbage
    with paused_gc():
        try:
            return pickle.loads(data)
        except Exception:       # a corrupt or foreign file can fail in many ways; it is only a miss
            return None


def store(name: str, obj: object, folder: Path | None = None) -> bool:
    """Pickle ``obj`` as ``name`` in the cache folder: written to a temporary file in the
    same folder and renamed over ``name``, so readers never see half a file. Returns
    whether it was stored; any failure (caching off, read-only folder, full disk) is skipped."""
    folder = folder if folder is not None else cache_dir()
    if folder is None:
        return False
    import pickle
    import tempfile

    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as f:
            pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / name)
        return True
    except Exception:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return False
