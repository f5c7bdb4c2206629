"""Issue 11, caches that cannot run code: each attack on jargon.diskcache as a test.

A crafted pickle (its ``__reduce__`` writes a marker file) put where jargon reads its
dictionary or lexicon cache is never unpickled; a cache signed with another key or under
another name is a miss; a folder others can write, or another user's, is not used; the
key file must be private; the folder stays under its size cap, least recently used first out.
"""
from __future__ import annotations

import os
import pickle
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import subprocess_env
from test_dictcache import big_text

from jargon import diskcache
from jargon.dictionary import _cache_name, load_dictionary

NAME = "dictionary-" + "0" * 32 + ".pickle"


class Plant:
    """Unpickling this runs code: it writes ``marker``."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (exec, (f"open({str(self.marker)!r}, 'w').write('ran')",))


@pytest.fixture(autouse=True)
def fresh_diskcache(monkeypatch):
    """Each test says its warnings anew and reads its own key."""
    monkeypatch.setattr(diskcache, "_said", set())
    monkeypatch.setattr(diskcache, "_keys", {})


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("JARGON_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def big(tmp_path) -> Path:
    path = tmp_path / "big.toml"
    path.write_text(big_text(), encoding="utf-8")
    return path


def cache_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if "cache" in line]


# -- crafted files ---------------------------------------------------------------------------

def test_a_crafted_pickle_in_the_dictionary_cache_is_never_run_and_is_reported_once(tmp_path, cache, big, capsys):
    expected = load_dictionary(big)
    [cached] = cache.glob("dictionary-*.pickle")
    marker = tmp_path / "marker"
    for content in (pickle.dumps(Plant(marker)),                                      # a bare pickle
                    diskcache.MAGIC + b"\0" * diskcache.MAC_SIZE + pickle.dumps(Plant(marker))):   # a forged MAC
        cached.write_bytes(content)
        assert load_dictionary(big) == expected
        assert not marker.exists()
    err = cache_lines(capsys.readouterr().err)
    assert len(err) == 1 and str(cached) in err[0] and "not signed with this user's key" in err[0]
    assert load_dictionary(big) == expected and not marker.exists()          # rewritten, signed: a hit


def test_a_crafted_pickle_in_the_lexicon_cache_is_never_run(tmp_path, cache):
    from jargon.engine.decoder import Decoder
    from jargon.model import Dictionary, Entry
    from jargon.plugins import get_plugin_manager

    languages = get_plugin_manager().languages()
    big = Dictionary(name="big", entries=tuple(Entry(id=f"x{i}", phrase=f"Синергия драйвер номер{i}", meaning="x")
                                               for i in range(250)))
    text = "Синергия драйвер номер7!"
    want = [m.entry.id for m in Decoder([big], languages=languages).decode(text)]
    [cached] = cache.glob("lexicon-*.pickle")
    marker = tmp_path / "marker"
    cached.write_bytes(pickle.dumps(Plant(marker)))
    assert [m.entry.id for m in Decoder([big], languages=languages).decode(text)] == want == ["x7"]
    assert not marker.exists()


def test_jargon_decode_never_runs_a_crafted_cache_file(tmp_path, cache, big, run_jargon):
    transcript = tmp_path / "t.txt"
    transcript.write_text("Синергетический драйвер номер 7 на месте.\n", encoding="utf-8")
    cache.mkdir(mode=0o700)
    marker = tmp_path / "marker"
    (cache / _cache_name(big.read_bytes())).write_bytes(pickle.dumps(Plant(marker)))
    said = []
    for _ in range(2):
        result = run_jargon("decode", "-d", big, transcript, JARGON_NO_PLUGINS="1")
        assert result.rc == 0 and "смысл 7" in result.out and "Traceback" not in result.err
        assert not marker.exists()
        said.append(len(cache_lines(result.err)))
    assert said == [1, 0]                  # reported once; then rewritten, signed, and read


def test_a_file_signed_with_another_users_key_or_for_another_name_is_a_miss(tmp_path, cache, monkeypatch, capsys):
    assert diskcache.store(NAME, {"a": 1}) is True
    assert diskcache.load(NAME) == {"a": 1}
    other = "dictionary-" + "1" * 32 + ".pickle"
    (cache / other).write_bytes((cache / NAME).read_bytes())     # signed, but for NAME
    assert diskcache.load(other) is None
    monkeypatch.setenv("JARGON_CONFIG_DIR", str(tmp_path / "someone-else"))
    assert diskcache.load(NAME) is None                          # another key
    assert len(cache_lines(capsys.readouterr().err)) == 1


# -- the folder and the key ------------------------------------------------------------------

def test_a_world_writable_cache_folder_is_not_used(tmp_path, monkeypatch, big, capsys):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    monkeypatch.setenv("JARGON_CACHE_DIR", str(shared))
    marker = tmp_path / "marker"
    planted = shared / _cache_name(big.read_bytes())
    planted.write_bytes(pickle.dumps(Plant(marker)))
    first, second = load_dictionary(big), load_dictionary(big)
    assert first == second and not marker.exists()
    assert diskcache.cache_dir() is None and diskcache.store(NAME, 1) is False
    assert sorted(p.name for p in shared.iterdir()) == [planted.name]      # nothing written there
    err = cache_lines(capsys.readouterr().err)
    assert len(err) == 1 and "can be written by other users (mode 1777)" in err[0] and "uncached" in err[0]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give a folder away")
def test_another_users_cache_folder_is_not_used(tmp_path, monkeypatch, big, capsys):
    foreign = tmp_path / "theirs"
    foreign.mkdir(mode=0o755)
    os.chown(foreign, 12345, 12345)
    monkeypatch.setenv("JARGON_CACHE_DIR", str(foreign))
    load_dictionary(big)
    assert list(foreign.iterdir()) == []
    err = cache_lines(capsys.readouterr().err)
    assert len(err) == 1 and "belongs to another user (uid 12345)" in err[0]


def test_a_new_cache_folder_is_private_and_the_default_one_is_made_private(tmp_path, monkeypatch, cache):
    assert diskcache.store(NAME, 1) is True
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    import platformdirs

    default = tmp_path / "default-cache"
    default.mkdir()
    os.chmod(default, 0o775)                      # an older jargon with umask 002 made it so
    monkeypatch.delenv("JARGON_CACHE_DIR")
    monkeypatch.setattr(platformdirs, "user_cache_dir", lambda *a, **k: str(default))
    assert diskcache.cache_dir() == default
    assert stat.S_IMODE(default.stat().st_mode) == 0o700


def test_the_key_is_private_and_a_loose_or_linked_key_is_refused(tmp_path, cache, jargon_home, capsys):
    assert diskcache.store(NAME, 1) is True
    key = jargon_home / "config" / diskcache.KEY_FILE
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and key.stat().st_size == diskcache.KEY_SIZE
    assert not [p for p in key.parent.iterdir() if p.name.endswith(".tmp")]
    os.chmod(key, 0o644)
    diskcache._keys.clear()
    assert diskcache.load(NAME) is None and diskcache.store(NAME, 2) is False
    os.chmod(key, 0o600)
    real = key.with_name("elsewhere")
    key.rename(real)
    key.symlink_to(real)
    diskcache._keys.clear()
    assert diskcache.load(NAME) is None
    err = cache_lines(capsys.readouterr().err)
    assert len(err) == 1 and str(key) in err[0] and "uncached" in err[0]


def test_two_processes_creating_the_key_agree_on_one(jargon_home, cache):
    code = "from jargon import diskcache; print(diskcache._key().hex())"
    env = subprocess_env(JARGON_NO_PLUGINS="1")
    procs = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)
             for _ in range(6)]
    keys = {p.communicate(timeout=60)[0].strip() for p in procs}
    assert len(keys) == 1 and len(keys.pop()) == 2 * diskcache.KEY_SIZE


# -- size -----------------------------------------------------------------------------------

def names(cache: Path) -> list[str]:
    return sorted(p.name for p in cache.iterdir())


def test_the_cache_stays_under_its_cap_least_recently_used_first_out(cache, monkeypatch):
    monkeypatch.setenv("JARGON_CACHE_MAX_MB", "0.05")           # 50,000 bytes
    blob = os.urandom(14_000)
    made = [f"lexicon-{i:032x}.pickle" for i in range(6)]
    for i, name in enumerate(made[:3]):
        assert diskcache.store(name, blob)
        os.utime(cache / name, (1_000_000 + i, 1_000_000 + i))   # 0 oldest, then 1, 2
    notes = cache / "notes.txt"
    notes.write_bytes(b"x" * 100_000)                              # not a cache file: never touched
    assert diskcache.load(made[0]) == blob                          # a hit makes 0 the most recent
    assert diskcache.store(made[3], blob)                           # 4 x 14 KB > 50 KB: the oldest goes
    assert names(cache) == sorted([made[0], made[2], made[3], "notes.txt"])
    assert diskcache.store(made[4], blob) and diskcache.store(made[5], blob)
    files = [p for p in cache.iterdir() if diskcache.CACHE_FILE.fullmatch(p.name)]
    assert sum(p.stat().st_size for p in files) <= 50_000 and len(files) == 3
    assert (cache / made[5]).exists() and notes.stat().st_size == 100_000
    assert diskcache.store("lexicon-" + "f" * 32 + ".pickle", os.urandom(60_000)) is False   # over the cap alone


def test_stale_temporary_files_are_removed_and_fresh_ones_kept(cache):
    assert diskcache.store(NAME, 1)
    stale, fresh = cache / f".{NAME}.abcd1234.tmp", cache / f".{NAME}.0123abcd.tmp"
    for p in (stale, fresh):
        p.write_bytes(b"half")
    old = time.time() - 2 * diskcache.STALE_TEMP_SECONDS
    os.utime(stale, (old, old))
    diskcache.store("lexicon-" + "a" * 32 + ".pickle", 2)
    assert not stale.exists() and fresh.exists()


def test_a_bad_size_cap_is_said_once_and_the_default_is_used(cache, monkeypatch, capsys):
    monkeypatch.setenv("JARGON_CACHE_MAX_MB", "lots")
    assert diskcache.max_bytes() == diskcache.max_bytes() == diskcache.DEFAULT_MAX_MB * 1_000_000
    assert diskcache.store(NAME, 1) is True
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "JARGON_CACHE_MAX_MB='lots'" in err[0]
    monkeypatch.setenv("JARGON_CACHE_MAX_MB", "0")
    assert diskcache.store("lexicon-" + "b" * 32 + ".pickle", 1) is False
