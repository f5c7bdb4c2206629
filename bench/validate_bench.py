#!/usr/bin/env python3
"""How `jargon dict validate` scales: generated dictionaries of 1,000 / 10,000 / 50,000 entries.

    python bench/validate_bench.py [--sizes 1000 10000 50000] [--repeat 3] [--before DIR] [--baseline-up-to N]

For each size, bench/synthdict.py writes a dictionary (seed 1) to a temporary folder;
then this times the whole command (`jargon dict validate FILE`, a child process: wall,
CPU and peak memory from wait4), the fastest of --repeat runs, cold (caches off,
`JARGON_CACHE_DIR=off`) and warm (a cache folder that one run before filled: the parsed
dictionary and the compiled decoder are read back). In this process it times the search
for similar pairs alone (jargon.similar_pairs, every headword against every headword and
variant). Up to --baseline-up-to entries it also runs the full comparison that search
replaced (rapidfuzz `process.extract` over all forms) and says whether both find the same
pairs. Prints a Markdown table (the one in bench/validate_results.md). With --before DIR, the
command of another checkout (DIR holds its jargon/) is timed too, the two taking turns.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
SEED = HERE.parent / "dictionaries" / "ru-corporate.toml"


def _forms(path: Path) -> tuple[list[str], list[str]]:
    from jargon.dictionary import load_dictionary
    from jargon.validate import normalise

    d = load_dictionary(path)
    heads = [normalise(e.phrase) for e in d.entries]
    return heads, heads + [normalise(v) for e in d.entries for v in e.variants]


def _timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def _baseline(heads: list[str], forms: list[str], similarity: float) -> set[tuple[int, int]]:
    from rapidfuzz import fuzz, process

    return {(i, k) for i, h in enumerate(heads)
            for _, _, k in process.extract(h, forms, scorer=fuzz.ratio, score_cutoff=similarity, limit=None)}


def _command(path: Path, cache: str, checkout: str | None = None) -> tuple[float, float, int, int]:
    """Wall s, CPU s, peak RSS MB and exit status of ``jargon dict validate path`` (the jargon
    of ``checkout`` when given: it goes first on PYTHONPATH)."""
    env = dict(os.environ, JARGON_CACHE_DIR=cache)
    if checkout:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, (checkout, env.get("PYTHONPATH"))))
    start = time.perf_counter()
    # run beside the dictionary: from a checkout, `python -m` would import the jargon/ there first
    proc = subprocess.Popen([sys.executable, "-m", "jargon", "dict", "validate", str(path)], cwd=path.parent,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024, os.waitstatus_to_exitcode(status)


def _fastest(path: Path, caches: list[str], checkouts: list[str | None],
             repeat: int) -> list[tuple[float, float, int]]:
    """For each checkout (with its cache folder): the least wall s, CPU s and peak RSS MB of
    ``repeat`` runs, the checkouts taking turns (a shared machine slows them alike)."""
    runs: list[list[tuple[float, float, int, int]]] = [[] for _ in checkouts]
    for _ in range(repeat):
        for n, checkout in enumerate(checkouts):
            runs[n].append(_command(path, caches[n], checkout))
    return [(min(r[0] for r in rs), min(r[1] for r in rs), min(r[2] for r in rs)) for rs in runs]


def main(argv: list[str]) -> int:
    import synthdict

    from jargon.similar_pairs import similar_pairs
    from jargon.validate import DEFAULT_SIMILARITY

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    p.add_argument("--repeat", type=int, default=3, metavar="N", help="runs of the command per figure (default: 3)")
    p.add_argument("--before", metavar="DIR",
                   help="another checkout (a folder holding its jargon/) timed in turns with this one")
    p.add_argument("--baseline-up-to", type=int, default=10000, metavar="N",
                   help="run the full comparison for dictionaries of up to N entries (default: 10000)")
    args = p.parse_args(argv)
    checkouts: list[str | None] = [args.before, None] if args.before else [None]
    names = ["before", "after"] if args.before else ["this checkout"]
    rows = [("| entries | jargon | cold wall s | cold CPU s | cold peak RSS MB | warm wall s | warm CPU s | "
             "similar-pairs search CPU s | pairs >= 90 (with itself) | full comparison CPU s | same pairs |"),
            "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = Path(tmp) / f"synthetic-{size}.toml"
            path.write_text(synthdict.build(SEED, size, 1), encoding="utf-8")
            cold = _fastest(path, ["off"] * len(checkouts), checkouts, args.repeat)
            caches = [str(Path(tmp) / f"cache-{size}-{n}") for n in range(len(checkouts))]
            for cache, checkout in zip(caches, checkouts, strict=True):
                _command(path, cache, checkout)           # fills the cache
            warm = _fastest(path, caches, checkouts, args.repeat)
            heads, forms = _forms(path)
            pairs, _, fuzzy_cpu = _timed(lambda h=heads, f=forms: {(i, k) for i, k, _ in similar_pairs(
                h, f, DEFAULT_SIMILARITY)})
            full, same = "-", "-"
            if size <= args.baseline_up_to:
                expected, _, full_cpu = _timed(lambda h=heads, f=forms: _baseline(h, f, DEFAULT_SIMILARITY))
                full, same = f"{full_cpu:.2f}", "yes" if expected == pairs else f"no ({len(expected ^ pairs)} differ)"
            for n, name in enumerate(names):
                search = (f"{fuzzy_cpu:.2f} | {len(pairs):,} | {full} | {same}" if n == len(names) - 1
                          else "- | - | - | -")
                rows.append(f"| {size:,} | {name} | {cold[n][0]:.2f} | {cold[n][1]:.2f} | {cold[n][2]} | "
                            f"{warm[n][0]:.2f} | {warm[n][1]:.2f} | {search} |")
                print(rows[-1], file=sys.stderr)
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
