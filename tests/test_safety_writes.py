"""Issue 11, data loss: each attack of the battery as a test (the heavy repetitions are in
bench/attack_concurrency.py and bench/attack_kill.py).

Concurrent writers of a user dictionary or a sidecar all keep their change; writes follow
symlinks; new files follow the umask; a killed writer's temporary files are cleaned; ``-o``
never overwrites an input, a sidecar or a dictionary in use; special files are written in
place, never renamed over.
"""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time

import pytest
from conftest import subprocess_env

from jargon.atomic import atomic_write_bytes, atomic_write_text, remove_stale_temps
from jargon.decisions import CONFIRMED, DISMISSED, Decisions, load_decisions, save_decisions, sidecar_path
from jargon.dictionary import load_dictionary, save_dictionary
from jargon.errors import JargonError
from jargon.model import Dictionary, Entry, Match
from jargon.userdict import add_user_entry, user_dictionary_path

TEXT = "Коллеги, какова адженда на сегодня? Давайте синкнемся после обеда.\n"

TRIAGE = r"""
import sys, time
from jargon.decisions import DISMISSED, Decisions, load_decisions, save_decisions, sidecar_path
from jargon.model import Entry, Match
side, n, start = sidecar_path(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
while time.time() < start:
    time.sleep(0.001)
d = load_decisions(side) if side.exists() else Decisions(path=side, transcript="t.txt")
d.set(Match(n * 10, n * 10 + 5, "слово", Entry(id=f"e{n}", phrase="p", meaning="m"), "d", 100.0), DISMISSED)
save_decisions(d)
"""


def match(n: int, entry: str | None = None) -> Match:
    return Match(n * 10, n * 10 + 5, "слово", Entry(id=entry or f"e{n}", phrase="p", meaning="m"), "d", 100.0)


def start_together(commands: list[list[str]]) -> list[subprocess.CompletedProcess]:
    env = subprocess_env(JARGON_NO_PLUGINS="1", JARGON_CACHE_DIR="off")
    procs = [subprocess.Popen(c, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for c in commands]
    return [subprocess.CompletedProcess(p.args, p.wait(timeout=180), *p.communicate()) for p in procs]


# -- concurrent writers -------------------------------------------------------------------------

def test_twenty_parallel_dict_adds_keep_all_twenty_entries():
    done = start_together([[sys.executable, "-m", "jargon", "dict", "add", f"фраза номер {i}",
                            "--meaning", f"значение {i}"] for i in range(20)])
    assert [p.returncode for p in done] == [0] * 20, [p.stderr for p in done if p.returncode]
    d = load_dictionary(user_dictionary_path())
    assert sorted(e.phrase for e in d.entries) == sorted(f"фраза номер {i}" for i in range(20))
    assert len({e.id for e in d.entries}) == 20


def test_parallel_triage_writers_keep_every_decision(tmp_path):
    transcript = tmp_path / "t.txt"
    transcript.write_text(TEXT, encoding="utf-8")
    start = time.time() + 1.0
    done = start_together([[sys.executable, "-c", TRIAGE, str(transcript), str(i), str(start)] for i in range(12)])
    assert [p.returncode for p in done] == [0] * 12, [p.stderr for p in done if p.returncode]
    assert sorted(d.entry for d in load_decisions(sidecar_path(transcript))) == sorted(f"e{i}" for i in range(12))


def test_two_sessions_on_one_sidecar_merge_additions_changes_and_removals(tmp_path):
    side = tmp_path / "t.jargon.toml"
    first = Decisions(path=side, transcript="t.txt")
    first.set(match(0), DISMISSED)
    first.set(match(1), DISMISSED)
    save_decisions(first)
    a, b = load_decisions(side), load_decisions(side)
    a.set(match(2), DISMISSED)
    save_decisions(a)
    b.set(match(3), CONFIRMED)
    b.remove(next(d for d in b if d.entry == "e0"))        # b clears a decision both had read
    save_decisions(b)
    a.set(match(1), CONFIRMED)                              # a changes one: its change wins, b's stay
    save_decisions(a)
    on_disk = {d.entry: d.status for d in load_decisions(side)}
    assert on_disk == {"e1": CONFIRMED, "e2": DISMISSED, "e3": CONFIRMED}
    assert {d.entry: d.status for d in a} == on_disk         # the session holds the merged whole
    assert load_decisions(side).transcript == "t.txt"


def test_a_broken_sidecar_is_never_overwritten_by_a_save(tmp_path):
    side = tmp_path / "t.jargon.toml"
    side.write_text("[[decisions]\nbroken", encoding="utf-8")
    d = Decisions(path=side)
    d.set(match(0), DISMISSED)
    with pytest.raises(JargonError, match="invalid TOML"):
        save_decisions(d)
    assert side.read_text(encoding="utf-8") == "[[decisions]\nbroken"


def test_a_writer_that_cannot_get_the_lock_says_so_in_one_line(tmp_path, monkeypatch):
    from filelock import FileLock

    from jargon import locking

    path = tmp_path / "user.toml"
    monkeypatch.setattr(locking, "LOCK_TIMEOUT", 0.2)
    with FileLock(locking.lock_path(path)):
        with pytest.raises(JargonError, match="another jargon is writing it") as err:
            add_user_entry("фраза", "смысл", dict_path=path)
    assert "\n" not in str(err.value) and not path.exists()
    add_user_entry("фраза", "смысл", dict_path=path)          # free again
    assert [e.phrase for e in load_dictionary(path).entries] == ["фраза"]


# -- symlinks, modes, backups, stale temporary files --------------------------------------------

def test_a_symlinked_user_dictionary_writes_the_team_file_and_keeps_the_link(tmp_path):
    team = tmp_path / "shared" / "team.toml"
    team.parent.mkdir()
    add_user_entry("общая фраза", "общий смысл", dict_path=team)
    user = user_dictionary_path()
    user.parent.mkdir(parents=True)
    user.symlink_to(team)
    add_user_entry("моя фраза", "мой смысл")
    assert user.is_symlink() and os.readlink(user) == str(team)
    assert [e.phrase for e in load_dictionary(team).entries] == ["общая фраза", "моя фраза"]
    assert (team.parent / "team.toml.bak").is_file() and not (user.parent / "user.toml.bak").exists()
    assert sorted(p.name for p in user.parent.iterdir()) == ["user.toml"]


def test_a_symlinked_sidecar_and_output_are_written_through(tmp_path):
    real = tmp_path / "real.toml"
    link = tmp_path / "t.jargon.toml"
    link.symlink_to(real)
    d = Decisions(path=link)
    d.set(match(0), DISMISSED)
    save_decisions(d)
    assert link.is_symlink() and len(load_decisions(real)) == 1
    out_link = tmp_path / "out.txt"
    out_link.symlink_to("target.txt")                     # dangling: the target is created
    atomic_write_bytes(out_link, b"data")
    assert out_link.is_symlink() and (tmp_path / "target.txt").read_bytes() == b"data"


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_new_files_follow_the_umask_and_existing_files_keep_their_mode(tmp_path, umask):
    old = os.umask(umask)
    try:
        add_user_entry("фраза", "смысл")
        side = tmp_path / "t.jargon.toml"
        d = Decisions(path=side)
        d.set(match(0), DISMISSED)
        save_decisions(d)
        out = tmp_path / "out.csv"
        atomic_write_bytes(out, b"x")
        for path in (user_dictionary_path(), side, out):
            assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask, path
        user = user_dictionary_path()
        os.chmod(user, 0o640)
        add_user_entry("другая фраза", "смысл")
        assert stat.S_IMODE(user.stat().st_mode) == 0o640
        assert stat.S_IMODE((user.parent / "user.toml.bak").stat().st_mode) == 0o640   # a new .bak: like the file
    finally:
        os.umask(old)


def test_the_backup_is_the_previous_version_and_a_failed_backup_leaves_it_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "d.toml"
    for phrase in ("один", "два"):
        add_user_entry(phrase, "смысл", dict_path=path)
    bak = tmp_path / "d.toml.bak"
    assert [e.phrase for e in load_dictionary(bak).entries] == ["один"]
    before, before_bak = path.read_bytes(), bak.read_bytes()

    def fail(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fail)               # the very first fsync: the new .bak's
    with pytest.raises(OSError):
        add_user_entry("три", "смысл", dict_path=path)
    assert path.read_bytes() == before and bak.read_bytes() == before_bak
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_temporary_files_of_a_killed_writer_are_removed_by_the_next_write(tmp_path):
    path = tmp_path / "user.toml"
    add_user_entry("один", "смысл", dict_path=path)
    stale = [tmp_path / ".user.toml.abcd1234.tmp", tmp_path / ".user.toml.x_9k2m7q.tmp",   # ours, mkstemp's
             tmp_path / ".user.toml.bak.0123abcd.tmp"]                                       # the .bak's
    kept = [tmp_path / ".other.toml.abcd1234.tmp", tmp_path / ".user.toml.notes.tmp", tmp_path / "user.toml.tmp"]
    for p in stale + kept:
        p.write_text("half a file")
    add_user_entry("два", "смысл", dict_path=path)
    assert not any(p.exists() for p in stale) and all(p.exists() for p in kept)
    assert remove_stale_temps(path) == 0


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_kill_9_during_dict_add_never_leaves_a_broken_dictionary_or_backup():
    import signal

    path = user_dictionary_path()
    save_dictionary(Dictionary(name="user", entries=tuple(
        Entry(id=f"e{i}", phrase=f"слово{i} фраза{i}", meaning="m") for i in range(800))), path)
    env = subprocess_env(JARGON_NO_PLUGINS="1", JARGON_CACHE_DIR="off")
    for n, delay in enumerate((0.05, 0.15, 0.25, 0.35, 0.45)):
        p = subprocess.Popen([sys.executable, "-m", "jargon", "dict", "add", f"новая {n}", "--meaning", "m"],
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        p.send_signal(signal.SIGKILL)
        p.wait()
        assert len(load_dictionary(path).entries) >= 800
        bak = path.with_name("user.toml.bak")
        if bak.exists():
            assert len(load_dictionary(bak).entries) >= 800
    add_user_entry("последняя", "m")
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


# -- outputs never destroy inputs ---------------------------------------------------------------

@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("output, what", [
    ("a.txt", "the input a.txt"),
    ("./a.txt", "the input a.txt"),
    ("ABS/a.txt", "the input a.txt"),
    ("sub/../a.txt", "the input a.txt"),
    ("link.txt", "the input a.txt"),                     # a symlink to the input
    ("hard.txt", "the input a.txt"),                     # a hard link to it
    ("a.jargon.toml", "the decisions file of a.txt"),    # the sidecar, not there yet
])
@pytest.mark.parametrize("translate", [False, True])
def test_output_onto_an_input_or_its_sidecar_is_refused_and_the_input_is_untouched(cli, workdir, output, what,
                                                                                   translate):
    (workdir / "sub").mkdir()
    (workdir / "link.txt").symlink_to("a.txt")
    os.link(workdir / "a.txt", workdir / "hard.txt")
    before = (workdir / "a.txt").read_bytes()
    output = output.replace("ABS", str(workdir))
    result = cli("decode", "a.txt", "-o", output, *(["--translate"] if translate else []))
    assert result.rc == 2 and len(result.err_lines) == 1
    assert f"jargon: {output} is {what}: refusing to overwrite it" in result.err and "Traceback" not in result.err
    assert (workdir / "a.txt").read_bytes() == before
    assert not (workdir / "a.jargon.toml").exists()


def test_output_onto_an_existing_sidecar_decisions_file_or_dictionary_in_use_is_refused(cli, workdir):
    side = workdir / "a.jargon.toml"
    d = Decisions(path=side)
    d.set(match(0), DISMISSED)
    save_decisions(d)
    other = workdir / "other.toml"
    other.write_bytes(side.read_bytes())
    dictionary = workdir / "mine.toml"
    add_user_entry("адженда", "повестка", dict_path=dictionary)
    add_user_entry("синкнемся", "созвонимся")                  # the user dictionary, installed
    files = {p: p.read_bytes() for p in (side, other, dictionary)}
    for args, what in ((["-o", "a.jargon.toml"], "the decisions file of a.txt"),
                       (["--decisions", "other.toml", "-o", "other.toml"], "the decisions file"),
                       (["-d", "mine.toml", "-o", "mine.toml", "-f", "csv"], "the dictionary 'mine'")):
        result = cli("decode", "a.txt", *args)
        assert result.rc == 2 and len(result.err_lines) == 1 and what in result.err, result.err
    user = user_dictionary_path()
    files[user] = user.read_bytes()
    result = cli("decode", "a.txt", "-o", str(user))
    assert result.rc == 2 and "the dictionary 'user'" in result.err
    assert {p: p.read_bytes() for p in files} == files


def test_output_beside_the_input_is_written_and_old_temporary_files_of_killed_outputs_go(cli, workdir):
    stale, fresh = workdir / ".a.csv.abcd1234.tmp", workdir / ".a.csv.0123abcd.tmp"
    for p in (stale, fresh):
        p.write_text("half")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    result = cli("decode", "a.txt", "-f", "csv", "-o", "a.csv")
    assert result.rc == 0 and (workdir / "a.csv").read_text(encoding="utf-8").startswith("file,")
    assert not stale.exists() and fresh.exists()          # a writer at work now is left alone


@pytest.fixture
def no_rename_into_dev(monkeypatch):
    """Should the code regress, a rename over a file in /dev fails instead of replacing it (as root it
    would turn /dev/null into a regular file for the whole machine)."""
    real = os.replace

    def guarded(src, dst, *args, **kwargs):
        if os.path.abspath(dst).startswith("/dev/"):
            raise OSError(1, "test guard: rename into /dev refused", dst)
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", guarded)
    monkeypatch.setattr(os, "rename", guarded)


def test_dev_null_stays_a_character_device(cli, workdir, no_rename_into_dev):
    before = os.stat("/dev/null")
    assert cli("decode", "a.txt", "-o", "/dev/null").rc == 0
    assert cli("decode", "a.txt", "--translate", "-o", "/dev/null").rc == 0
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev and after.st_ino == before.st_ino


def test_a_character_device_of_our_own_is_written_in_place(cli, workdir):
    device = workdir / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))    # what /dev/null is
    except (PermissionError, AttributeError):
        pytest.skip("cannot create a device here (not root)")
    assert cli("decode", "a.txt", "-f", "csv", "-o", str(device)).rc == 0
    assert stat.S_ISCHR(device.lstat().st_mode) and device.stat().st_rdev == os.makedev(1, 3)
    assert sorted(p.name for p in workdir.iterdir() if p.name != "jargon-home") == ["a.txt", "null"]   # the test HOME


def test_a_fifo_is_written_in_place_not_renamed_over(cli, workdir):
    fifo = workdir / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = cli("decode", "a.txt", "-f", "jsonl", "-o", str(fifo))
    reader.join(timeout=30)
    assert result.rc == 0 and stat.S_ISFIFO(fifo.lstat().st_mode)
    assert b'"entry"' in got[0]
    assert sorted(p.name for p in workdir.iterdir() if p.name != "jargon-home") == ["a.txt", "pipe"]


def test_dev_stdout_redirected_to_a_file_is_written_through_the_descriptor(workdir):
    out = workdir / "out.csv"
    with open(out, "wb") as f:
        f.write(b"kept\n")
    with open(out, "ab") as f:                            # like `>> out.csv`
        proc = subprocess.run([sys.executable, "-m", "jargon", "decode", "a.txt", "-f", "csv", "-o", "/dev/stdout"],
                              stdout=f, stderr=subprocess.PIPE, text=True, env=subprocess_env(JARGON_NO_PLUGINS="1"),
                              cwd=workdir, timeout=120)
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("kept\nfile,") and "адженда" in text


def test_atomic_write_text_onto_a_folder_fails_cleanly(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(OSError):
        atomic_write_text(folder, "x")
    assert folder.is_dir() and list(folder.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "jargon-home") == ["out"]



def test_dev_stdout_that_is_a_socket_is_written_through_the_descriptor(workdir):
    import socket

    ours, theirs = socket.socketpair()
    with ours, theirs:
        proc = subprocess.run([sys.executable, "-m", "jargon", "decode", "a.txt", "-f", "jsonl", "-o", "/dev/stdout"],
                              stdout=theirs.fileno(), stderr=subprocess.PIPE, text=True, cwd=workdir, timeout=120,
                              env=subprocess_env(JARGON_NO_PLUGINS="1"))
        theirs.close()
        ours.settimeout(10)
        got = ours.recv(1 << 20)
    assert proc.returncode == 0, proc.stderr
    assert b'"entry"' in got and proc.stderr == ""


def test_dev_stdout_into_a_closed_pipe_is_quiet(workdir):
    proc = subprocess.run(f"{sys.executable} -m jargon decode a.txt a.txt a.txt -o /dev/stdout | true", shell=True,
                          stderr=subprocess.PIPE, text=True, cwd=workdir, timeout=120,
                          env=subprocess_env(JARGON_NO_PLUGINS="1"))
    assert "Traceback" not in proc.stderr and "cannot write" not in proc.stderr
