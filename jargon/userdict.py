"""The user's own dictionary: where ``jargon dict add`` and the TUI's "add entry" write.

It lives in the user data folder (``JARGON_DATA_DIR`` overrides it) as
``dictionaries/user.toml`` and is installed like any other dictionary.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .dictionary import add_entry, new_entry_id, update_dictionary
from .model import Dictionary, Entry

USER_DICTIONARY_NAME = "user"


def user_dictionary_dir() -> Path:
    from .plugins import user_data_dir

    return user_data_dir() / "dictionaries"


def user_dictionary_path() -> Path:
    return user_dictionary_dir() / f"{USER_DICTIONARY_NAME}.toml"


def empty_dictionary(name: str, path: Path, language: str = "ru", title: str = "") -> Dictionary:
    return Dictionary(name=name, entries=(), title=title or f"{name} dictionary", language=language,
                      version="0.1.0", path=path)


def add_user_entry(phrase: str, meaning: str, tags: Sequence[str] = (), dict_path: str | Path | None = None,
                   variants: Sequence[str] = (), examples: Sequence[str] = (),
                   explicit: bool = False, clean_meaning: str | None = None) -> tuple[Path, Entry]:
    """Append an entry to a dictionary file (default: the user's), atomically, with a .bak backup.

    The file is created when missing. It is read again under its lock (jargon.locking), so
    entries that other writers add at the same time are all kept; the id is made unique
    against the file as it is then. Raises DictionaryError on duplicates or a broken file.
    """
    path = Path(dict_path) if dict_path else user_dictionary_path()

    def add(d: Dictionary) -> Dictionary:
        entry = Entry(id=new_entry_id(phrase, {e.id for e in d.entries}), phrase=phrase.strip(),
                      meaning=meaning.strip(), tags=tuple(tags), variants=tuple(variants),
                      examples=tuple(examples), explicit=explicit, clean_meaning=clean_meaning)
        return add_entry(d, entry)

    def empty(p: Path) -> Dictionary:
        return empty_dictionary(USER_DICTIONARY_NAME if dict_path is None else p.stem, p)

    written = update_dictionary(path, add, empty)
    return path, written.entries[-1]
