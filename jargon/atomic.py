"""Atomic file writes: nothing the user wrote is ever half-overwritten.

The data goes to a temporary file in the same folder, is flushed and fsynced, and
is renamed over the target; with ``backup`` the previous version is kept as
``NAME.bak`` first. If anything fails, the target is as it was and the temporary
file is removed.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def atomic_write_bytes(path: str | os.PathLike, data: bytes, backup: bool = False) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if backup and path.exists():
            bak = path.with_name(path.name + ".bak")
            with open(path, "rb") as src, open(bak, "wb") as dst:
                dst.write(src.read())
                dst.flush()
                os.fsync(dst.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def atomic_write_text(path: str | os.PathLike, text: str, backup: bool = True) -> None:
    """UTF-8 text with LF line ends, written atomically (``path.bak`` keeps the old version)."""
    atomic_write_bytes(path, text.encode("utf-8"), backup=backup)
