"""The on-disk cache of large validated dictionaries (jargon.dictionary + jargon.diskcache)."""
from __future__ import annotations

import dataclasses
import os
import pickle

import pytest

import jargon.dictionary as dictionary_module
from jargon import diskcache
from jargon.dictionary import CACHE_MIN_BYTES, load_dictionary, parse_dictionary
from jargon.errors import DictionaryError
from jargon.model import Dictionary, Entry

HEADER = '''[dictionary]
name = "big"
title = "Большой словарь"
language = "ru"
version = "3"
license = "MIT"
source = "tests"
description = "много записей"

[spellings]
"фоллоуап" = ["follow-up", "фоллоу-ап"]
"челлендж" = ["challenge"]

'''


def entry_toml(i: int) -> str:
    text = f'[[entries]]\nid = "e{i}"\nphrase = "Синергетический драйвер номер {i}"\nmeaning = "смысл {i}"\n'
    if i % 2:
        text += f'variants = ["драйвер синергии {i}", "синергия драйвера {i}"]\ntags = ["meetings"]\n'
    if i % 3 == 0:
        text += 'placeholders = ["Вася"]\nexamples = ["Пример фразы."]\nliteral = ["драйвер устройства"]\n'
    if i % 5 == 0:
        text += 'explicit = true\nclean_meaning = "мягко"\nanchor = "start"\ninflect = false\nnote = "заметка"\n'
    return text + "\n"


def big_text(entries: int = 700) -> str:
    text = HEADER + "".join(entry_toml(i) for i in range(entries))
    assert len(text.encode()) >= CACHE_MIN_BYTES
    return text


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("JARGON_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def parses(monkeypatch):
    """How many times load_dictionary really parsed (rather than read the cache)."""
    calls = []
    real = dictionary_module.parse_dictionary

    def counting(text, path=None):
        calls.append(path)
        return real(text, path)

    monkeypatch.setattr(dictionary_module, "parse_dictionary", counting)
    return calls


def cached_files(folder):
    return sorted(folder.glob("dictionary-*.pickle")) if folder.exists() else []


def assert_same_dictionary(got: Dictionary, want: Dictionary) -> None:
    assert type(got) is Dictionary
    for field in dataclasses.fields(Dictionary):
        if field.name != "entries":
            assert getattr(got, field.name) == getattr(want, field.name), field.name
    assert len(got.entries) == len(want.entries)
    for a, b in zip(got.entries, want.entries, strict=True):
        assert type(a) is Entry
        for field in dataclasses.fields(Entry):
            assert getattr(a, field.name) == getattr(b, field.name), (b.id, field.name)
    assert got == want


def test_cache_hit_returns_the_same_dictionary_as_parsing(tmp_path, cache, parses):
    path = tmp_path / "big.toml"
    path.write_text(big_text(), encoding="utf-8")
    parsed = parse_dictionary(path.read_text(encoding="utf-8"), path)
    parses.clear()

    first = load_dictionary(path)
    assert parses == [path] and len(cached_files(cache)) == 1
    second = load_dictionary(str(path))                    # from the cache: not parsed again
    assert parses == [path]
    assert second.path == path and isinstance(second.path, type(path))
    assert_same_dictionary(first, parsed)
    assert_same_dictionary(second, parsed)
    assert second.spellings is not first.spellings           # a fresh object, not shared state

    # the key is the content: the same file elsewhere is a hit, with its own path
    other = tmp_path / "elsewhere" / "copy.toml"
    other.parent.mkdir()
    other.write_bytes(path.read_bytes())
    third = load_dictionary(other)
    assert parses == [path] and len(cached_files(cache)) == 1
    assert third.path == other
    assert_same_dictionary(third, parse_dictionary(other.read_text(encoding="utf-8"), other))


def test_a_modified_file_of_the_same_size_is_parsed_again(tmp_path, cache, parses):
    path = tmp_path / "big.toml"
    path.write_text(big_text(), encoding="utf-8")
    before = load_dictionary(path)
    stat = path.stat()
    text = path.read_text(encoding="utf-8").replace('meaning = "смысл 7"', 'meaning = "смысл 8"')
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same mtime
    assert path.stat().st_size == stat.st_size
    after = load_dictionary(path)
    assert len(parses) == 2
    assert before.entry("e7").meaning == "смысл 7" and after.entry("e7").meaning == "смысл 8"
    assert_same_dictionary(after, parse_dictionary(text, path))
    assert len(cached_files(cache)) == 2
    assert load_dictionary(path).entry("e7").meaning == "смысл 8" and len(parses) == 2


@pytest.mark.parametrize("content", [b"garbage", b"", pickle.dumps({"format": -1, "dictionary": None}),
                                     pickle.dumps("not a dictionary"), None])
def test_a_corrupt_cache_file_is_ignored_and_rewritten(tmp_path, cache, parses, content):
    path = tmp_path / "big.toml"
    path.write_text(big_text(), encoding="utf-8")
    expected = load_dictionary(path)
    [cached] = cached_files(cache)
    good = cached.read_bytes()
    cached.write_bytes(good[: len(good) // 2] if content is None else content)   # None: truncated
    assert_same_dictionary(load_dictionary(path), expected)
    assert len(parses) == 2
    assert cached.read_bytes() == good                       # rewritten
    assert_same_dictionary(load_dictionary(path), expected)
    assert len(parses) == 2                                   # and used again
    assert [p.name for p in cache.iterdir()] == [cached.name]   # no temporary files left


def test_cache_off_writes_nothing(tmp_path, monkeypatch, parses):
    import platformdirs

    monkeypatch.setenv("JARGON_CACHE_DIR", "off")
    monkeypatch.setattr(platformdirs, "user_cache_dir", lambda *a, **k: pytest.fail("cache folder looked up"))
    path = tmp_path / "big.toml"
    path.write_text(big_text(), encoding="utf-8")
    before = sorted(tmp_path.rglob("*"))
    first, second = load_dictionary(path), load_dictionary(path)
    assert len(parses) == 2 and first == second
    assert sorted(tmp_path.rglob("*")) == before
    assert diskcache.cache_dir() is None and diskcache.store("x.pickle", 1) is False


@pytest.mark.parametrize("breakage, message", [
    ('[[entries]]\nid = "bad"\nphrase = "Плохая запись"\nmeaning = "m"\nmeening = "c"\n', "unknown key 'meening'"),
    ('[[entries]]\nid = "e3"\nphrase = "Другая запись"\nmeaning = "m"\n', "duplicate id 'e3'"),
    ('[[entries]]\nid = "bad"\nphrase = "Незакрытая\n', "invalid TOML"),
])
def test_an_invalid_dictionary_fails_the_same_way_every_time_and_is_never_stored(tmp_path, cache, breakage,
                                                                                  message):
    path = tmp_path / "bad.toml"
    text = big_text() + breakage
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DictionaryError) as parsed:
        parse_dictionary(text, path)
    errors = []
    for _ in range(2):
        with pytest.raises(DictionaryError) as info:
            load_dictionary(path)
        errors.append(str(info.value))
    assert errors[0] == errors[1] == str(parsed.value)      # exactly what parsing says, every time
    assert errors[0].startswith(f"{path}:{parsed.value.line}: ") and message in errors[0]
    assert "\n" not in errors[0] and info.value.path == path and info.value.line > 600
    assert cached_files(cache) == []


def test_invalid_utf8_in_a_large_file_is_reported_and_not_stored(tmp_path, cache):
    path = tmp_path / "bad.toml"
    path.write_bytes(big_text().encode() + b'# \xff\n')
    for _ in range(2):
        with pytest.raises(DictionaryError, match=r"bad.toml:\d+: invalid UTF-8 at byte"):
            load_dictionary(path)
    assert cached_files(cache) == []


def test_small_files_are_not_cached(tmp_path, cache, parses):
    small = tmp_path / "small.toml"
    small.write_text(HEADER + "".join(entry_toml(i) for i in range(20)), encoding="utf-8")
    assert small.stat().st_size < CACHE_MIN_BYTES
    load_dictionary(small), load_dictionary(small)
    assert len(parses) == 2 and not cache.exists()

    # the threshold is on the file's size in bytes: CACHE_MIN_BYTES - 1 is parsed, CACHE_MIN_BYTES is cached
    text = HEADER + "".join(entry_toml(i) for i in range(200))
    for size, stored in ((CACHE_MIN_BYTES - 1, 0), (CACHE_MIN_BYTES, 1)):
        padded = text + "#" * (size - len(text.encode()) - 1) + "\n"
        path = tmp_path / f"{size}.toml"
        path.write_text(padded, encoding="utf-8")
        assert path.stat().st_size == size
        load_dictionary(path)
        assert len(cached_files(cache)) == stored, size


def test_an_unwritable_cache_folder_only_costs_time(tmp_path, monkeypatch, parses):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("JARGON_CACHE_DIR", str(blocker))
    path = tmp_path / "big.toml"
    path.write_text(big_text(), encoding="utf-8")
    assert load_dictionary(path) == load_dictionary(path)
    assert len(parses) == 2 and blocker.read_text().startswith("a file")


def test_diskcache_store_and_load_round_trip(tmp_path, cache):
    assert diskcache.cache_dir() == cache
    assert diskcache.load("missing.pickle") is None
    assert diskcache.store("thing.pickle", {"a": (1, "б")}) is True
    assert diskcache.load("thing.pickle") == {"a": (1, "б")}
    assert diskcache.store("bad.pickle", lambda: None) is False  # unpicklable: skipped, nothing left behind
    assert sorted(p.name for p in cache.iterdir()) == ["thing.pickle"]
