"""The candidates a researcher rejected, remembered in a user file so they never come back.

``discover-rejected.toml`` in the user data folder (``JARGON_DATA_DIR`` overrides it): one
``rejected = ["kind:lemma", ...]`` list, written atomically under the file's lock. A broken
file is a clear error, never lost: it is not overwritten.
"""
from __future__ import annotations

from pathlib import Path

from jargon.errors import JargonError

FILE_NAME = "discover-rejected.toml"


def rejected_path() -> Path:
    from jargon.plugins import user_data_dir

    return user_data_dir() / FILE_NAME


def load_rejected(path: Path | None = None) -> frozenset[str]:
    """The rejected keys (none when the file does not exist)."""
    from jargon.tomlread import loads

    path = path or rejected_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return frozenset()
    except (OSError, UnicodeDecodeError) as exc:
        raise JargonError(f"cannot read {path}: {exc}") from None
    try:
        data = loads(text)
    except ValueError as exc:
        raise JargonError(f"{path}: not valid TOML: {exc}") from None
    keys = data.get("rejected", [])
    if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
        raise JargonError(f"{path}: 'rejected' must be a list of strings")
    return frozenset(keys)


def add_rejected(key: str, path: Path | None = None) -> Path:
    """Remember ``key`` as rejected (read again under the lock, so other writers' keys are kept)."""
    import tomli_w

    from jargon.atomic import atomic_write_text
    from jargon.locking import locked

    path = path or rejected_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path):
        keys = set(load_rejected(path)) | {key}
        atomic_write_text(path, "# candidates of jargon discover that are not jargon\n"
                          + tomli_w.dumps({"rejected": sorted(keys)}), backup=False)
    return path
