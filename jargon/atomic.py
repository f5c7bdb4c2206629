"""Atomic file writes: nothing the user wrote is ever half-overwritten.

The data goes to a temporary file ``.NAME.XXXXXXXX.tmp`` in the target's folder, is flushed
and fsynced, and is renamed over the target; with ``backup`` the previous version is first
copied to ``NAME.bak`` the same way (so the ``.bak`` is never empty or half written either).
If anything fails, the target is as it was and the temporary file is removed.

- A symlink is followed: its target is replaced and the link stays.
- A new file gets the usual mode (0666 less the umask: the temporary file is created with
  0666 and the kernel applies the umask); an existing file keeps its mode (and, where the
  system allows it, its owner and group).
- A special file (``/dev/null``, ``/dev/stdout``, a FIFO, a terminal) is never renamed over:
  it is written in place, as ``>`` in a shell would (see :func:`is_special`).

Temporary files of a writer that was killed are removed by :func:`remove_stale_temps`,
which writers call while they hold the target's lock (jargon.locking).
"""
from __future__ import annotations

import os
import re
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

TEMP_SUFFIX = ".tmp"
_TEMP_PART = re.compile(r"[a-z0-9_]{8}")   # ours (hex) and tempfile.mkstemp's, which older versions used
_FD_PATH = re.compile(r"/dev/(stdout|stderr)|/dev/fd/(\d+)|/proc/self/fd/(\d+)")


def real_target(path: str | os.PathLike) -> Path:
    """The file a write to ``path`` must replace: ``path`` with every symlink followed."""
    return Path(os.path.realpath(path))


def is_special(path: str | os.PathLike) -> bool:
    """Whether ``path`` exists and is not a regular file to be replaced: a device, FIFO or socket
    (``/dev/null``, a terminal), or an open file descriptor's link (``/dev/stdout``, ``/dev/fd/N``,
    ``/proc/self/fd/N``), which stands for whatever the descriptor is."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    if stat.S_ISDIR(st.st_mode):
        return False
    if not stat.S_ISREG(st.st_mode):
        return True
    return (os.path.abspath(path).startswith(("/dev/std", "/dev/fd/", "/proc/"))
            or os.path.realpath(path).startswith("/proc/"))


def _descriptor(path: str | os.PathLike) -> int | None:
    """The descriptor that ``/dev/stdout``, ``/dev/stderr``, ``/dev/fd/N`` or ``/proc/self/fd/N`` names."""
    m = _FD_PATH.fullmatch(os.path.abspath(path))
    if m is None:
        return None
    return {"stdout": 1, "stderr": 2}[m.group(1)] if m.group(1) else int(m.group(2) or m.group(3))


def _write_special(path: str | os.PathLike, data: bytes | memoryview) -> None:
    fd = _descriptor(path)
    if fd is not None:                   # write to the descriptor itself: a socket cannot be reopened
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        return
    # no O_CREAT (it exists) and no O_TRUNC (a device or FIFO has nothing to cut)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def _temp_file(target: Path, mode: int) -> tuple[int, Path]:
    """A new temporary file beside ``target``, opened for writing, created with ``mode`` (less the umask)."""
    while True:
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), mode), tmp
        except FileExistsError:
            continue


def _replace(target: Path, data: bytes | memoryview, like: os.stat_result | None, durable: bool = True) -> None:
    """Write ``data`` to a temporary file and rename it over ``target``, with the mode (and owner)
    of ``like`` when given; ``durable``: fsynced before the rename."""
    with _replacing(target, like, durable) as f:
        f.write(data)


@contextmanager
def atomic_writer(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """A binary file to write as output goes: it replaces ``path`` (its symlink target) when the
    ``with`` block ends without an error, and is removed when it fails. A special file
    (:func:`is_special`) is written in place, as it goes."""
    if is_special(path):
        fd = _descriptor(path)
        if fd is not None:
            with os.fdopen(os.dup(fd), "wb") as f:
                yield f
            return
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOCTTY", 0)), "wb") as f:
            yield f
        return
    target, st = _target_and_stat(path)
    with _replacing(target, st) as f:
        yield f
    _fsync_dir(target.parent)


@contextmanager
def _replacing(target: Path, like: os.stat_result | None, durable: bool = True) -> Iterator[BinaryIO]:
    """A temporary file beside ``target`` renamed over it at the end of the block (see :func:`_replace`)."""
    fd, tmp = _temp_file(target, 0o666 if like is None else 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            if like is not None:
                try:
                    os.fchown(f.fileno(), like.st_uid, like.st_gid)
                except OSError:           # not ours to give away: the new file is the writer's
                    pass
                os.fchmod(f.fileno(), stat.S_IMODE(like.st_mode))
            if durable:
                os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _target_and_stat(path: str | os.PathLike) -> tuple[Path, os.stat_result | None]:
    """The file a write to ``path`` replaces (its symlink target; its folder made), and that
    file's stat (None when it does not exist yet): the new file takes its mode and owner."""
    target = real_target(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        return target, target.stat()
    except FileNotFoundError:
        return target, None


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_bytes(path: str | os.PathLike, data: bytes | memoryview, backup: bool = False,
                       durable: bool = True) -> None:
    """Replace the file at ``path`` (its symlink target) by ``data`` atomically; with ``backup``
    keep the old version as ``NAME.bak``. A special file is written in place. ``durable=False``
    (caches, which can be lost) skips the fsyncs: readers still never see half a file."""
    if is_special(path):
        _write_special(path, data)
        return
    target, st = _target_and_stat(path)
    if backup and st is not None:
        bak = real_target(target.with_name(target.name + ".bak"))
        try:
            bak_like = bak.stat()
        except FileNotFoundError:
            bak_like = st
        _replace(bak, target.read_bytes(), bak_like)
    _replace(target, data, st, durable)
    if durable:
        _fsync_dir(target.parent)


def atomic_write_text(path: str | os.PathLike, text: str, backup: bool = True) -> None:
    """UTF-8 text with LF line ends, written atomically (``path.bak`` keeps the old version)."""
    atomic_write_bytes(path, text.encode("utf-8"), backup=backup)


def remove_stale_temps(path: str | os.PathLike, min_age: float = 0) -> int:
    """Remove the temporary files that writers of ``path`` (its symlink target) and of its
    ``.bak`` left behind when they were killed; returns how many. Safe while holding the
    target's lock; without it, ``min_age`` (seconds since the file was last written) spares
    the files of writers still at work."""
    import time

    target = real_target(path)
    now = time.time()
    prefixes = (f".{target.name}.", f".{target.name}.bak.")
    removed = 0
    try:
        names = os.listdir(target.parent)
    except OSError:
        return 0
    for name in names:
        if not name.endswith(TEMP_SUFFIX):
            continue
        if any(name.startswith(p) and _TEMP_PART.fullmatch(name[len(p):-len(TEMP_SUFFIX)]) for p in prefixes):
            try:
                if min_age and now - os.lstat(target.parent / name).st_mtime < min_age:
                    continue
                os.unlink(target.parent / name)
                removed += 1
            except OSError:
                pass
    return removed
