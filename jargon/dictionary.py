"""Read, validate and write TOML dictionaries (see docs/dictionary-format.md).

Reading uses tomllib (bounded by jargon.tomlread); every problem is reported as one line naming the file and
the line. Writing uses tomli-w and is atomic (jargon.atomic: a temporary file in the
same folder is fsynced and renamed over the old one, after a ``.bak`` copy), under the
file's lock (jargon.locking); :func:`update_dictionary` re-reads the file under the lock.
Large files, once validated, are cached on disk by content (jargon.diskcache), so
the next run unpickles them instead of parsing them again.
"""
from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from . import diskcache, tomlread
from .atomic import atomic_write_text
from .errors import DictionaryError, DictionaryTooDeep
from .locking import locked
from .model import Dictionary, Entry

META_KEYS = {"name": str, "title": str, "language": str, "version": str, "license": str,
             "source": str, "description": str}
META_REQUIRED = ("name",)
ENTRY_KEYS: dict[str, Any] = {
    "id": str, "phrase": str, "meaning": str, "variants": list, "placeholders": list, "tags": list,
    "examples": list, "explicit": bool, "clean_meaning": str, "anchor": str, "inflect": bool,
    "literal": list, "note": str, "derive": bool, "root": str, "sources": list, "context": list, "unless": list,
}
ENTRY_REQUIRED = ("id", "phrase", "meaning")
ANCHORS = ("any", "start")
TOP_KEYS = ("dictionary", "spellings", "synonyms", "sets", "sources", "entries")
# word tables: a key and a list of words each
WORD_TABLES = {
    "spellings": "word = [\"spelling\", ...]",
    "synonyms": "word = [\"synonym\", ...]",
    "sets": "name = [\"word\", ...]",
}
# {slot} in a phrase, a variant or a literal collocation
SLOT_RE = re.compile(r"\{([^{}]*)\}")
BUILTIN_SLOTS = ("someone", "something")
GRAMMAR_SLOTS = ("noun", "noun:gen", "noun:nom", "noun:acc", "noun:dat", "noun:ins", "noun:loc", "adj", "verb", "num")
SET_NAME_RE = re.compile(r"^[a-z][a-z0-9_-]*$")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


class _Lines:
    """Finds the line of a table or key in the raw TOML text (tomllib gives no positions)."""

    def __init__(self, text: str):
        self.lines = text.splitlines()
        self.entry_starts = [i + 1 for i, line in enumerate(self.lines)
                             if re.match(r"\s*\[\[\s*entries\s*\]\]", line)]
        self.table_starts = {m.group(1).strip(): i + 1 for i, line in enumerate(self.lines)
                             if (m := re.match(r"\s*\[([^\[\]]+)\]\s*(#.*)?$", line))}

    def entry(self, index: int) -> int:
        return self.entry_starts[index] if index < len(self.entry_starts) else 0

    def key_in_entry(self, index: int, key: str) -> int:
        start = self.entry(index)
        if not start:
            return 0
        end = self.entry_starts[index + 1] if index + 1 < len(self.entry_starts) else len(self.lines) + 1
        pattern = re.compile(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for n in range(start, end - 1):
            if pattern.match(self.lines[n]):
                return n + 1
        return start

    def key_in_table(self, table: str, key: str) -> int:
        start = self.table_starts.get(table, 0)
        pattern = re.compile(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for n in range(start, len(self.lines)):
            if n > start and self.lines[n].lstrip().startswith("["):
                break
            if pattern.match(self.lines[n]):
                return n + 1
        return start or 1


def load_dictionary(path: str | os.PathLike) -> Dictionary:
    """Read and validate one TOML dictionary file; raises :class:`DictionaryError`.

    Files of at least ``CACHE_MIN_BYTES`` are cached once validated (see ``_cache_name``).
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DictionaryError(f"cannot read dictionary: {exc.strerror or exc}", path) from None
    folder = diskcache.cache_dir() if len(raw) >= CACHE_MIN_BYTES else None
    name = _cache_name(raw) if folder is not None else None
    if name is not None:
        state = diskcache.load(name, folder)
        if (isinstance(state, dict) and state.get("format") == CACHE_FORMAT
                and isinstance(state.get("dictionary"), Dictionary)):
            return replace(state["dictionary"], path=path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DictionaryError(f"invalid UTF-8 at byte {exc.start}", path, line) from None
    d = parse_dictionary(text, path)      # raises on a broken file: nothing is stored
    if name is not None:
        diskcache.store(name, {"format": CACHE_FORMAT, "dictionary": replace(d, path=None)}, folder)
    return d


# -- the cache of large validated dictionaries ------------------------------
#
# Parsing and validating a 10,000-entry file (2 MB) takes about 0.3 s; hashing it and
# unpickling the result about 30 ms. The key is the file's content, not its path: the
# same file reached by another path (relative, absolute, a symlink, another working
# folder) is the same dictionary, and ``Dictionary.path`` is the only thing that depends
# on the path, so it is stored as None and set to the path asked for on every load.
# Errors, which name the path, are never cached: a broken file is parsed (and fails)
# every time. The key also covers the code that makes a Dictionary from the text
# (this module and jargon.model), the jargon version, the Python version (tomllib),
# and CACHE_FORMAT. Small files parse in milliseconds and are not cached.

CACHE_MIN_BYTES = 64 * 1024
CACHE_FORMAT = 1
_code_digest: bytes | None = None


def _cache_name(raw: bytes) -> str | None:
    """The cache file name for a dictionary file's bytes (None if the code cannot be read)."""
    global _code_digest
    import hashlib

    if _code_digest is None:
        from . import model

        try:
            _code_digest = diskcache.code_digest((__file__, model.__file__))
        except (OSError, TypeError):
            return None
    h = hashlib.sha256(_code_digest)
    h.update(repr(CACHE_FORMAT).encode())
    h.update(raw)
    return f"dictionary-{h.hexdigest()[:32]}.pickle"


def parse_dictionary(text: str, path: str | os.PathLike | None = None) -> Dictionary:
    """Parse and validate dictionary TOML ``text`` (``path`` is used in messages)."""
    where = Path(path) if path is not None else Path("<dictionary>")
    try:
        data = tomlread.loads(text)
    except tomlread.TomlTooDeep as exc:
        raise DictionaryTooDeep(f"invalid TOML: {exc}", where) from None
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        line = int(m.group(1)) if m else None
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", msg) or "invalid TOML"
        if m:
            reason += f" (column {m.group(2)})"
        raise DictionaryError(f"invalid TOML: {reason}", where, line) from None
    lines = _Lines(text)

    for key in data:
        if key not in TOP_KEYS:
            raise DictionaryError(f"unknown top-level key {key!r} (expected one of: {', '.join(TOP_KEYS)})",
                                  where, lines.table_starts.get(key) or lines.key_in_table("", key))
    meta = data.get("dictionary")
    if not isinstance(meta, dict):
        raise DictionaryError("missing [dictionary] table with at least name = \"...\"", where, 1)
    for key, value in meta.items():
        if key not in META_KEYS:
            raise DictionaryError(f"unknown key {key!r} in [dictionary]", where, lines.key_in_table("dictionary", key))
        if not isinstance(value, META_KEYS[key]):
            raise DictionaryError(f"[dictionary] {key} must be a string", where, lines.key_in_table("dictionary", key))
    for key in META_REQUIRED:
        if not meta.get(key, "").strip():
            raise DictionaryError(f"[dictionary] is missing {key!r}", where, lines.table_starts.get("dictionary", 1))
    if not NAME_RE.match(meta["name"]):
        raise DictionaryError(f"dictionary name {meta['name']!r} may hold only letters, digits, '.', '_' and '-'",
                              where, lines.key_in_table("dictionary", "name"))

    tables = {name: _word_table(data, name, lines, where) for name in WORD_TABLES}
    for name in tables["sets"]:
        if not SET_NAME_RE.match(name) or name in BUILTIN_SLOTS or name in GRAMMAR_SLOTS:
            raise DictionaryError(f"set name {name!r} must be lower-case letters, digits, '_' or '-', and not "
                                  f"one of the built-in slots", where, lines.key_in_table("sets", name))
    sources_raw = data.get("sources", {})
    if not isinstance(sources_raw, dict) or not all(isinstance(v, str) and v.strip() for v in sources_raw.values()):
        raise DictionaryError("[sources] must be a table of id = \"citation (title, publisher, year, URL)\"", where,
                              lines.table_starts.get("sources", 1))
    context = (tables["sets"], sources_raw)

    entries_raw = data.get("entries", [])
    if not isinstance(entries_raw, list):
        raise DictionaryError("entries must be an array of tables ([[entries]])", where, 1)
    entries: list[Entry] = []
    seen_ids: dict[str, int] = {}
    seen_phrases: dict[str, int] = {}
    for index, raw_entry in enumerate(entries_raw):
        line = lines.entry(index)
        entry = _entry(raw_entry, index, line, lines, where, context)
        if entry.id in seen_ids:
            raise DictionaryError(f"duplicate id {entry.id!r} (first at line {seen_ids[entry.id]})", where,
                                  lines.key_in_entry(index, "id"))
        key = _phrase_key(entry.phrase)
        if key in seen_phrases:
            raise DictionaryError(f"duplicate headword {entry.phrase!r} (first at line {seen_phrases[key]})", where,
                                  lines.key_in_entry(index, "phrase"))
        seen_ids[entry.id] = line
        seen_phrases[key] = line
        entries.append(entry)

    return Dictionary(
        name=meta["name"], entries=tuple(entries), title=meta.get("title", ""),
        language=meta.get("language", "ru"), version=meta.get("version", "0"), license=meta.get("license", ""),
        source=meta.get("source", ""), description=meta.get("description", ""), spellings=tables["spellings"],
        synonyms=tables["synonyms"], sets=tables["sets"], sources=dict(sources_raw),
        path=Path(path) if path is not None else None,
    )


def _word_table(data: dict, name: str, lines: _Lines, where: Path) -> dict[str, tuple[str, ...]]:
    """A ``[spellings]``-like table: each key with a list of non-empty strings."""
    raw = data.get(name, {})
    if not isinstance(raw, dict):
        raise DictionaryError(f"[{name}] must be a table of {WORD_TABLES[name]}", where,
                              lines.table_starts.get(name, 1))
    out: dict[str, tuple[str, ...]] = {}
    for word, alts in raw.items():
        if not isinstance(alts, list) or not all(isinstance(a, str) and a.strip() for a in alts):
            raise DictionaryError(f"[{name}] {word!r} must be a list of non-empty strings", where,
                                  lines.key_in_table(name, word))
        out[word] = tuple(alts)
    return out


def _check_slots(text: str, key: str, sets: dict, index: int, lines: _Lines, where: Path) -> None:
    for m in SLOT_RE.finditer(text):
        name = m.group(1).strip()
        if name not in BUILTIN_SLOTS and name not in GRAMMAR_SLOTS and name not in sets:
            known = ", ".join((*BUILTIN_SLOTS, *GRAMMAR_SLOTS, *sets))
            raise DictionaryError(f"unknown slot {{{name}}} in {text!r} (known: {known})", where,
                                  lines.key_in_entry(index, key))
    if text.count("{") != len(SLOT_RE.findall(text)) or text.count("}") != text.count("{"):
        raise DictionaryError(f"unbalanced braces in {text!r}", where, lines.key_in_entry(index, key))


def _check_context(item: str, sets: dict, index: int, lines: _Lines, where: Path, key: str = "context") -> None:
    """A context guard's item (``context``, ``unless``) is a word or ``{name}`` of a set in
    ``[sets]`` (no other slot)."""
    name = item.strip()
    if SLOT_RE.fullmatch(name):
        if name[1:-1].strip() not in sets:
            known = ", ".join(sets) or "none"
            raise DictionaryError(f"{key} {name!r} names no set of [sets] (known: {known})", where,
                                  lines.key_in_entry(index, key))
    elif not name or "{" in name or "}" in name:
        raise DictionaryError(f"{key} {item!r} must be a word or {{name}} of a set", where,
                              lines.key_in_entry(index, key))


def _phrase_key(phrase: str) -> str:
    return " ".join(re.findall(r"\w+", phrase.lower().replace("ё", "е")))


def _entry(raw: Any, index: int, line: int, lines: _Lines, where: Path, context: tuple[dict, dict]) -> Entry:
    if not isinstance(raw, dict):
        raise DictionaryError("an entry must be a table", where, line)
    for key, value in raw.items():
        if key not in ENTRY_KEYS:
            known = ", ".join(ENTRY_KEYS)
            raise DictionaryError(f"unknown key {key!r} in entry (known keys: {known})", where,
                                  lines.key_in_entry(index, key))
        expected = ENTRY_KEYS[key]
        if not isinstance(value, expected) or (expected is list and not all(isinstance(v, str) for v in value)):
            kind = "a list of strings" if expected is list else ("true or false" if expected is bool else "a string")
            raise DictionaryError(f"{key!r} must be {kind}", where, lines.key_in_entry(index, key))
    for key in ENTRY_REQUIRED:
        if not str(raw.get(key, "")).strip():
            label = f"entry {raw['id']!r}" if raw.get("id") else "entry"
            raise DictionaryError(f"{label} is missing {key!r}", where, line)
    if not ID_RE.match(raw["id"]):
        raise DictionaryError(f"id {raw['id']!r} must be lowercase ASCII letters, digits, '.', '_' or '-'",
                              where, lines.key_in_entry(index, "id"))
    anchor = raw.get("anchor", "any")
    if anchor not in ANCHORS:
        raise DictionaryError(f"anchor must be one of {', '.join(ANCHORS)}, not {anchor!r}", where,
                              lines.key_in_entry(index, "anchor"))
    if raw.get("explicit") and not raw.get("clean_meaning"):
        raise DictionaryError(f"entry {raw['id']!r} is explicit but has no clean_meaning", where, line)
    sets, sources = context
    for key in ("phrase", "variants", "literal"):
        value = raw.get(key, ())
        for text in [value] if isinstance(value, str) else value:
            _check_slots(text, key, sets, index, lines, where)
    for key in ("context", "unless"):
        for item in raw.get(key, ()):
            _check_context(item, sets, index, lines, where, key)
    if raw.get("derive") and len(re.findall(r"\w+", raw["phrase"])) != 1:
        raise DictionaryError(f"entry {raw['id']!r}: derive = true needs a one-word phrase", where,
                              lines.key_in_entry(index, "derive"))
    for source in raw.get("sources", ()):
        if source not in sources:
            raise DictionaryError(f"entry {raw['id']!r} cites {source!r}, which is not in [sources]", where,
                                  lines.key_in_entry(index, "sources"))
    return Entry(
        id=raw["id"], phrase=raw["phrase"].strip(), meaning=raw["meaning"].strip(),
        variants=tuple(v.strip() for v in raw.get("variants", ()) if v.strip()),
        placeholders=tuple(raw.get("placeholders", ())), tags=tuple(raw.get("tags", ())),
        examples=tuple(raw.get("examples", ())), explicit=raw.get("explicit", False),
        clean_meaning=raw.get("clean_meaning"), anchor=anchor, inflect=raw.get("inflect", True),
        literal=tuple(raw.get("literal", ())), note=raw.get("note"), derive=raw.get("derive", False),
        root=raw.get("root"), sources=tuple(raw.get("sources", ())), line=line,
        context=tuple(c.strip() for c in raw.get("context", ())),
        unless=tuple(c.strip() for c in raw.get("unless", ())),
    )


# -- writing ---------------------------------------------------------------

def dictionary_to_data(d: Dictionary) -> dict:
    """The TOML data of a dictionary (defaults left out, so files stay short)."""
    meta = {"name": d.name}
    for key in ("title", "language", "version", "license", "source", "description"):
        value = getattr(d, key)
        if value:
            meta[key] = value
    data: dict[str, Any] = {"dictionary": meta}
    for table in WORD_TABLES:
        value = getattr(d, table)
        if value:
            data[table] = {k: list(v) for k, v in value.items()}
    if d.sources:
        data["sources"] = dict(d.sources)
    data["entries"] = [entry_to_data(e) for e in d.entries]
    return data


def entry_to_data(e: Entry) -> dict:
    out: dict[str, Any] = {"id": e.id, "phrase": e.phrase, "meaning": e.meaning}
    for key in ("variants", "placeholders", "tags", "examples", "literal", "sources", "context", "unless"):
        value = getattr(e, key)
        if value:
            out[key] = list(value)
    if e.explicit:
        out["explicit"] = True
    if e.clean_meaning:
        out["clean_meaning"] = e.clean_meaning
    if e.anchor != "any":
        out["anchor"] = e.anchor
    if not e.inflect:
        out["inflect"] = False
    if e.derive:
        out["derive"] = True
    if e.root:
        out["root"] = e.root
    if e.note:
        out["note"] = e.note
    return out


def dictionary_to_toml(d: Dictionary) -> str:
    """TOML text with ``[dictionary]`` first and one ``[[entries]]`` table per entry
    (tomli-w alone would inline short entries as one array before the metadata)."""
    import tomli_w

    data = dictionary_to_data(d)
    parts = [tomli_w.dumps({"dictionary": data["dictionary"]})]
    for table in (*WORD_TABLES, "sources"):
        if table in data:
            parts.append(tomli_w.dumps({table: data[table]}))
    parts += ["[[entries]]\n" + tomli_w.dumps(e) for e in data["entries"]]
    return "\n".join(parts)


def save_dictionary(d: Dictionary, path: str | os.PathLike | None = None) -> Path:
    """Write a dictionary as TOML (tomli-w) atomically, replacing the file (its symlink target)
    under the file's lock, with a ``.bak`` of the old version; returns the path written. To
    change a file that may change meanwhile, use :func:`update_dictionary`."""
    target = Path(path) if path is not None else d.path
    if target is None:
        raise DictionaryError("no path to write the dictionary to", d.name)
    with locked(target):
        _write(d, target)
    return target


def update_dictionary(path: str | os.PathLike, change: Callable[[Dictionary], Dictionary],
                      empty: Callable[[Path], Dictionary] | None = None) -> Dictionary:
    """Read-modify-write of a dictionary file: under the file's lock, ``change`` gets the file as
    it is now (``empty(path)`` when there is none yet) and what it returns is written atomically
    with a ``.bak``. So entries another writer added meanwhile are kept. Returns what was written."""
    path = Path(path)
    with locked(path) as target:
        if target.exists():
            current = load_dictionary(path)
        elif empty is not None:
            current = empty(path)
        else:
            raise DictionaryError("no such file", path)
        updated = change(current)
        _write(updated, path)
    return updated


def _write(d: Dictionary, path: Path) -> None:
    text = dictionary_to_toml(d)
    parse_dictionary(text, path)  # never write what we could not read back
    atomic_write_text(path, text)


def add_entry(d: Dictionary, entry: Entry) -> Dictionary:
    """A copy of ``d`` with ``entry`` appended (validated against duplicates)."""
    if any(e.id == entry.id for e in d.entries):
        raise DictionaryError(f"duplicate id {entry.id!r}", d.path or d.name)
    if any(_phrase_key(e.phrase) == _phrase_key(entry.phrase) for e in d.entries):
        raise DictionaryError(f"duplicate headword {entry.phrase!r}", d.path or d.name)
    return replace(d, entries=d.entries + (entry,))


def new_entry_id(phrase: str, taken: set[str]) -> str:
    """A stable ASCII id from a phrase (transliterated), unique among ``taken``."""
    from .text.translit import to_latin

    base = re.sub(r"[^a-z0-9]+", "-", to_latin(phrase.lower())).strip("-")[:48] or "entry"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
