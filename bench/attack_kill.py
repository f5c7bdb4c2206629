"""Issue 11: ``kill -9`` during ``jargon dict add``, repeated: what a killed writer leaves behind.

Each try starts ``jargon dict add`` on a user dictionary of ``--entries`` entries and kills
it (SIGKILL) after a random delay within the time a whole run takes (measured first).
After every try it checks that ``user.toml`` still loads with all the entries it had (plus
at most the new one), that ``user.toml.bak`` (when there) is a whole dictionary, and counts
the tries after which temporary files were in the folder, and those left after one more
whole write (which is expected to clean them). Run from the repository root:
``python bench/attack_kill.py [--tries 200] [--entries 2000]``.
"""
from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _seed(path: Path, entries: int) -> None:
    from jargon.dictionary import save_dictionary
    from jargon.model import Dictionary, Entry

    d = Dictionary(name="user", title="user dictionary", language="ru", version="0.1.0", entries=tuple(
        Entry(id=f"e{i}", phrase=f"слово{i} фраза{i}", meaning=f"значение {i}") for i in range(entries)))
    path.parent.mkdir(parents=True, exist_ok=True)
    save_dictionary(d, path)


def _add(env: dict, n: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "jargon", "dict", "add", f"новая фраза {n}",
                             "--meaning", "m"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _temps(folder: Path) -> int:
    return sum(1 for p in folder.iterdir() if p.name.endswith(".tmp"))


def main() -> None:
    from jargon.dictionary import load_dictionary
    from jargon.errors import JargonError

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tries", type=int, default=200)
    ap.add_argument("--entries", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = dict(os.environ, JARGON_DATA_DIR=str(home / "data"), JARGON_CONFIG_DIR=str(home / "config"),
                   JARGON_CACHE_DIR="off", JARGON_NO_PLUGINS="1")
        user = home / "data" / "dictionaries" / "user.toml"
        bak = user.with_name(user.name + ".bak")
        _seed(user, args.entries)
        t0 = time.perf_counter()
        _add(env, -1).wait()
        whole = time.perf_counter() - t0
        corrupt = lost = empty_bak = bad_bak = killed_mid = 0
        tries_with_temps = most_temps = 0
        for n in range(args.tries):
            before = len(load_dictionary(user).entries)
            p = _add(env, n)
            time.sleep(rng.uniform(0, whole))
            p.send_signal(signal.SIGKILL)
            killed_mid += p.wait() == -signal.SIGKILL
            try:
                after = len(load_dictionary(user).entries)
                lost += not before <= after <= before + 1
            except JargonError:
                corrupt += 1
                _seed(user, args.entries)
            if bak.exists():
                if bak.stat().st_size == 0:
                    empty_bak += 1
                else:
                    try:
                        load_dictionary(bak)
                    except JargonError:
                        bad_bak += 1
            temps = _temps(user.parent)
            tries_with_temps += temps > 0
            most_temps = max(most_temps, temps)
        _add(env, args.tries).wait()      # one whole write after the last kill
        temps_left = _temps(user.parent)
    print(f"kill -9 during dict add: {args.tries} tries ({killed_mid} killed mid-run, a whole run takes "
          f"{whole:.2f} s, {args.entries} entries)")
    print(f"  user.toml corrupt: {corrupt}, entries lost: {lost}")
    print(f"  user.toml.bak empty: {empty_bak}, broken: {bad_bak}")
    print(f"  temp files in the folder after a kill: after {tries_with_temps} tries (at most {most_temps} at "
          f"once); left after the next whole write: {temps_left}")


if __name__ == "__main__":
    main()
