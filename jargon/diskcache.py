"""The on-disk cache shared by the lexicon cache (engine/cache.py) and the dictionary cache
(dictionary.py): where it lives, reading a signed pickle by name, writing one atomically,
keeping the folder under its size cap.

The folder is the user cache folder (platformdirs), or ``JARGON_CACHE_DIR``;
``JARGON_CACHE_DIR=off`` (or empty, ``0``, ``no``) turns caching off. A cache only ever
saves time: a file that is missing, unreadable or corrupt reads as a miss, and a
write that fails is skipped. Callers name files by a hash of everything the
content depends on, so a stale file is never found, only left behind (and evicted).

Nothing read from the cache can run code planted by someone else:

- every file carries an HMAC-SHA256 of its name and content, made with a secret key of
  the user's own (``cache.key``, 32 random bytes, 0600, in the user config folder; a key
  file that others can read or write, or that belongs to another user, is not used). A file
  whose MAC does not match is never unpickled: it is a miss, said once on stderr;
- the folder must belong to the user and not be writable by group or others. One that is
  not (``/tmp/shared`` with mode 1777, a folder of another user) is not used: said once on
  stderr, and the run goes on uncached. jargon's own default folder is made private when an
  older jargon or a loose umask left it group-writable; a new one is created 0700.

Size: the folder's cache files are kept under ``JARGON_CACHE_MAX_MB`` megabytes (default
200, ``0`` stores nothing), the least recently used first out: a hit touches its file.

Imports stay light: platformdirs, pickle and hmac are imported only when used.
"""
from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path

OFF = ("", "off", "0", "no")
MAGIC = b"jargon-cache 2\n"
MAC_SIZE = 32
KEY_FILE = "cache.key"
KEY_SIZE = 32
DEFAULT_MAX_MB = 200
CACHE_FILE = re.compile(r"[a-z]+-[0-9a-f]{32}\.pickle")   # the names the callers give: what eviction may remove
STALE_TEMP_SECONDS = 3600

_said: set[str] = set()
_keys: dict[Path, bytes] = {}


def _say_once(kind: str, message: str) -> None:
    """One line on stderr, the first time only (per process) for each kind of problem."""
    if kind not in _said:
        _said.add(kind)
        print(f"jargon: {message}", file=sys.stderr)


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is off (``JARGON_CACHE_DIR=off``) or the folder is
    not safe to use (not the user's, or writable by others: said once on stderr)."""
    override = os.environ.get("JARGON_CACHE_DIR")
    if override is not None:
        if override.strip().lower() in OFF:
            return None
        folder, own = Path(override), False
    else:
        import platformdirs

        folder, own = Path(platformdirs.user_cache_dir("jargon", appauthor=False)), True
    return folder if _safe_folder(folder, own) else None


def _safe_folder(folder: Path, own: bool) -> bool:
    """Whether ``folder`` (missing, or a folder of the user's that others cannot write) may hold
    the cache. ``own``: jargon's default folder, which is made private when it is not."""
    try:
        st = folder.stat()
    except FileNotFoundError:
        return True                     # store() creates it, private
    except OSError as exc:
        _say_once("folder", f"cache folder {folder} cannot be used ({exc.strerror or exc}); running uncached")
        return False
    if not stat.S_ISDIR(st.st_mode):
        _say_once("folder", f"cache folder {folder} is not a folder; running uncached")
        return False
    if st.st_uid != os.geteuid():
        _say_once("folder", f"cache folder {folder} belongs to another user (uid {st.st_uid}); running uncached")
        return False
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        if own:
            try:
                os.chmod(folder, stat.S_IMODE(st.st_mode) & ~0o077)
                return True
            except OSError:
                pass
        _say_once("folder", f"cache folder {folder} can be written by other users (mode "
                            f"{stat.S_IMODE(st.st_mode):o}); running uncached")
        return False
    return True


def _key() -> bytes | None:
    """The user's secret cache key, created on first use; None (said once) when it cannot be had."""
    from .plugins import user_config_dir

    path = user_config_dir() / KEY_FILE
    if path in _keys:
        return _keys[path]
    try:
        key = _read_key(path)
        if key is None:
            key = _create_key(path)
    except OSError as exc:
        _say_once("key", f"cache key {path} cannot be used ({exc.strerror or exc}); running uncached")
        return None
    if key is None:
        _say_once("key", f"cache key {path} is not a private {KEY_SIZE}-byte file of this user's; running uncached")
        return None
    _keys[path] = key
    return key


def _read_key(path: Path) -> bytes | None:
    """The key in ``path``; None when there is none yet. Raises OSError for a key that cannot be
    read, that others could read or write, that is a symlink or of the wrong size."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return None
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        data = f.read(KEY_SIZE + 1)
    if st.st_uid != os.geteuid() or st.st_mode & 0o077 or len(data) != KEY_SIZE:
        raise OSError(f"not a private {KEY_SIZE}-byte file of this user's")
    return data


def _create_key(path: Path) -> bytes | None:
    """Make a new key file (0600) without ever replacing one another process made meanwhile."""
    import secrets

    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{KEY_FILE}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(secrets.token_bytes(KEY_SIZE))
            f.flush()
            os.fsync(f.fileno())
        try:
            os.link(tmp, path)           # fails if another process made one first: use theirs
        except FileExistsError:
            pass
    finally:
        os.unlink(tmp)
    return _read_key(path)


def _mac(key: bytes, name: str, payload: bytes | memoryview) -> bytes:
    import hmac

    h = hmac.new(key, name.encode("utf-8") + b"\0", "sha256")
    h.update(payload)
    return h.digest()


def max_bytes() -> int:
    """The size cap of the cache folder (``JARGON_CACHE_MAX_MB``, default 200 MB)."""
    raw = os.environ.get("JARGON_CACHE_MAX_MB", "").strip()
    if not raw:
        return DEFAULT_MAX_MB * 1_000_000
    try:
        mb = float(raw)
        if not mb >= 0:
            raise ValueError
    except ValueError:
        _say_once("max", f"JARGON_CACHE_MAX_MB={raw!r} is not a number of megabytes; using {DEFAULT_MAX_MB}")
        return DEFAULT_MAX_MB * 1_000_000
    return int(mb * 1_000_000)


def code_digest(files) -> bytes:
    """A digest of the code a cached result was made by: the jargon and Python versions,
    the bytes of ``files`` (source files) and of this module (the file format). Part of
    every cache key, so that a cache made by other code is never found. Raises OSError
    when a file cannot be read."""
    import hashlib

    from . import __version__

    h = hashlib.sha256(repr((__version__, sys.version)).encode())
    for file in sorted(set(files) | {__file__}):
        h.update(Path(file).read_bytes())
    return h.digest()


def load(name: str, folder: Path | None = None) -> object | None:
    """The object pickled in ``name`` in the cache folder, or None (caching off, no such
    file, a file not signed with the user's key, or one that does not unpickle). The
    caller checks what it got."""
    folder = folder if folder is not None else cache_dir()
    if folder is None:
        return None
    path = folder / name
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    key = _key()
    if key is None:
        return None
    import hmac

    view = memoryview(data)
    start = len(MAGIC) + MAC_SIZE
    if not (data.startswith(MAGIC) and hmac.compare_digest(view[len(MAGIC):start], _mac(key, name, view[start:]))):
        _say_once("mac", f"cache file {path} is not signed with this user's key: not read (a miss)")
        return None
    import pickle

    from .nogc import paused_gc

    # unpickling creates tens of thousands of small objects, none of them garbage
    with paused_gc():
        try:
            obj = pickle.loads(view[start:])
        except Exception:       # signed but unreadable (made by other code): only a miss
            return None
    try:
        os.utime(path)          # recently used: evicted last
    except OSError:
        pass
    return obj


def store(name: str, obj: object, folder: Path | None = None) -> bool:
    """Pickle ``obj`` as ``name`` in the cache folder, signed, written atomically (readers
    never see half a file), then evict the least recently used files over the size cap.
    Returns whether it was stored; any failure (caching off, unsafe or read-only folder, full
    disk, larger than the cap) is skipped."""
    folder = folder if folder is not None else cache_dir()
    if folder is None:
        return False
    import io
    import pickle

    from .atomic import atomic_write_bytes

    # the file is built in one buffer (magic, a place for the MAC, the pickle) and written from
    # it: no second copy of a large pickle in memory
    buf = io.BytesIO()
    buf.write(MAGIC + bytes(MAC_SIZE))
    try:
        pickle.dump(obj, buf, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return False
    data = buf.getbuffer()
    head = len(MAGIC) + MAC_SIZE
    cap = max_bytes()
    if len(data) > cap:
        return False
    key = _key()
    if key is None:
        return False
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not _safe_folder(folder, own=False):
            return False
        data[len(MAGIC):head] = _mac(key, name, data[head:])
        atomic_write_bytes(folder / name, data, durable=False)
    except OSError:
        return False
    evict(folder, cap)
    return True


def evict(folder: Path, cap: int) -> int:
    """Remove the least recently used cache files of ``folder`` until the rest fit in ``cap``
    bytes, and temporary files of writers that died over an hour ago; returns bytes freed.
    Only files named as the callers name them are touched."""
    import time

    files: list[tuple[float, int, Path]] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    freed = 0
    for entry in entries:
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode):
            continue
        if CACHE_FILE.fullmatch(entry.name):
            files.append((st.st_mtime, st.st_size, Path(entry.path)))
        elif (entry.name.startswith(".") and entry.name.endswith(".tmp") and CACHE_FILE.match(entry.name[1:])
              and now - st.st_mtime > STALE_TEMP_SECONDS):
            freed += _remove(Path(entry.path), st.st_size)
    total = sum(size for _, size, _ in files)
    for _, size, path in sorted(files):
        if total <= cap:
            break
        total -= size
        freed += _remove(path, size)
    return freed


def _remove(path: Path, size: int) -> int:
    try:
        path.unlink()
        return size
    except OSError:
        return 0
