"""Issue 11, data loss under concurrent use: how many of N parallel writes survive.

Three attacks, each repeated ``--trials`` times in fresh folders:

* ``dict add``: N ``jargon dict add`` processes on one user dictionary, started together;
* triage: N processes each load one transcript's sidecar, record one decision and save it
  (what ``jargon tui`` does on every keypress);
* two TUI sessions: two Decisions objects loaded from one sidecar, deciding alternately.

Prints the survivors of every trial (``20/20`` is the goal). Run from the repository root:
``python bench/attack_concurrency.py [--writers 20] [--trials 5]``.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TRIAGE = r"""
import sys, time
from jargon.decisions import Decisions, load_decisions, save_decisions, sidecar_path, DISMISSED
from jargon.model import Entry, Match
path, n, start = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
side = sidecar_path(path)
while time.time() < start:
    time.sleep(0.001)
d = load_decisions(side) if side.exists() else Decisions(path=side, transcript="t.txt")
e = Entry(id=f"e{n}", phrase="p", meaning="m")
d.set(Match(n * 10, n * 10 + 5, "text", e, "d", 100.0), DISMISSED)
save_decisions(d)
"""


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ, JARGON_DATA_DIR=str(home / "data"), JARGON_CONFIG_DIR=str(home / "config"),
               JARGON_CACHE_DIR="off", JARGON_NO_PLUGINS="1")
    return env


def dict_add(writers: int) -> int:
    """Survivors of ``writers`` parallel ``jargon dict add`` (entries in the file afterwards)."""
    from jargon.dictionary import load_dictionary

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = _env(home)
        procs = [subprocess.Popen([sys.executable, "-m", "jargon", "dict", "add", f"фраза номер {i}",
                                   "--meaning", f"значение {i}"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                 for i in range(writers)]
        failed = sum(p.wait() != 0 for p in procs)
        if failed:
            print(f"  {failed} writer(s) exited non-zero", file=sys.stderr)
        return len(load_dictionary(home / "data" / "dictionaries" / "user.toml").entries)


def triage(writers: int) -> int:
    """Survivors of ``writers`` parallel load-decide-save cycles on one sidecar."""
    from jargon.decisions import load_decisions, sidecar_path

    with tempfile.TemporaryDirectory() as tmp:
        transcript = Path(tmp) / "t.txt"
        transcript.write_text("text\n", encoding="utf-8")
        start = time.time() + 1.5
        procs = [subprocess.Popen([sys.executable, "-c", TRIAGE, str(transcript), str(i), str(start)],
                                  env=_env(Path(tmp)), stderr=subprocess.PIPE) for i in range(writers)]
        failed = sum(p.wait() != 0 for p in procs)
        if failed:
            print(f"  {failed} writer(s) exited non-zero", file=sys.stderr)
        return len(load_decisions(sidecar_path(transcript)))


def two_sessions(decisions: int) -> int:
    """Two sessions loaded from one sidecar, deciding alternately: decisions on disk afterwards."""
    from jargon.decisions import DISMISSED, Decisions, load_decisions, save_decisions, sidecar_path
    from jargon.model import Entry, Match

    with tempfile.TemporaryDirectory() as tmp:
        side = sidecar_path(Path(tmp) / "t.txt")
        save_decisions(Decisions(path=side))
        a, b = load_decisions(side), load_decisions(side)
        for n in range(decisions):
            session = a if n % 2 else b
            session.set(Match(n * 10, n * 10 + 5, "text", Entry(id=f"e{n}", phrase="p", meaning="m"), "d", 100.0),
                        DISMISSED)
            save_decisions(session)
        return len(load_decisions(side))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--writers", type=int, default=20)
    ap.add_argument("--decisions", type=int, default=12)
    ap.add_argument("--trials", type=int, default=5)
    args = ap.parse_args()
    for label, fn, n in (("dict add", dict_add, args.writers), ("triage", triage, args.decisions),
                         ("two sessions", two_sessions, args.decisions)):
        got = [fn(n) for _ in range(args.trials)]
        print(f"{label:>13}: survivors {', '.join(f'{g}/{n}' for g in got)}")


if __name__ == "__main__":
    main()
