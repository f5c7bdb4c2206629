"""One lock per user file, for every read-modify-write (user dictionaries, triage sidecars).

A writer takes the lock of the file, reads the file again under it, merges its change
into what it read, writes atomically (jargon.atomic) and lets go; so a concurrent
writer's change is never lost. The lock is ``.NAME.lock`` beside the real file (symlinks
followed: two links to one team dictionary share its lock), held with ``flock`` through
the ``filelock`` library; the kernel drops it when its process dies, so a killed writer
never leaves a lock behind. Once it holds the lock, a writer removes the temporary files
that killed writers of the same file left.

Imports stay light: filelock is imported only when a lock is taken.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .atomic import real_target, remove_stale_temps
from .errors import JargonError

LOCK_TIMEOUT = 30.0     # seconds; a writer holds the lock for the time one write takes


def lock_path(path: str | os.PathLike) -> Path:
    """The lock file of ``path``: ``.NAME.lock`` beside its real (symlink-resolved) file."""
    target = real_target(path)
    return target.with_name(f".{target.name}.lock")


@contextmanager
def locked(path: str | os.PathLike, timeout: float | None = None) -> Iterator[Path]:
    """Hold the lock of ``path`` for the block; yields the real file to read and write.

    Raises JargonError when another writer holds it for longer than ``timeout`` seconds
    (default LOCK_TIMEOUT), OSError when the folder cannot be written."""
    from filelock import FileLock, Timeout

    timeout = LOCK_TIMEOUT if timeout is None else timeout
    target = real_target(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(lock_path(target), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise JargonError(f"{path}: another jargon is writing it (waited {timeout:g} s); try again") from None
    try:
        remove_stale_temps(target)
        yield target
    finally:
        lock.release()
