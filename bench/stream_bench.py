#!/usr/bin/env python3
"""Peak memory and time of ``jargon decode`` on large inputs (issue 11: memory stays flat).

    python bench/stream_bench.py [--sizes 100,500] [--matches 1000000] [--jargon CMD] [--out DIR]

Inputs, made once in ``bench/out/stream/`` (git-ignored; about 1.1 GB with the defaults):

- ``corpus-<N>mb.txt``: the generated interview corpus of bench/generate.py (1,000,000
  words, speaker turns with timestamps) repeated to N MB;
- ``matches-<N>.txt``: N matches of the seed dictionary, two per line;
- ``line-50mb.txt``: the corpus as one 50 MB line (``--line``; its labels are mid-line, so
  no speaker turns).

Each input is decoded with the seed dictionary (``dictionaries/ru-corporate.toml``) twice:
``-f jsonl -o out.jsonl`` and the text format to stdout (redirected to a file). Peak memory
(maximum resident set) and wall time come from ``/usr/bin/time -v``. ``--jargon`` names the
command to measure, e.g. ``--jargon /work/venv/bin/jargon`` for another checkout (the
"before" figures). The goal: under 300 MB for 500 MB with a streaming format.
"""
from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SEED = REPO / "dictionaries" / "ru-corporate.toml"
GOAL_MB = 300
MB = 1 << 20


def corpus_text() -> str:
    """The 1,000,000-word corpus of bench/generate.py (generated once)."""
    sys.path.insert(0, str(HERE))
    import generate as G

    data = G.data_dir(1_000_000, 10_000, 42)
    if not G.is_current(data, 1_000_000, 10_000, 42):
        G.generate(data, 1_000_000, 10_000, 42, log=lambda *a: print(*a, file=sys.stderr))
    return (data / "corpus.txt").read_text(encoding="utf-8")


def repeated(path: Path, unit: str, size: int) -> Path:
    """``path`` holding ``unit`` repeated until it reaches ``size`` bytes (made once)."""
    if path.exists() and path.stat().st_size >= size:
        return path
    data = unit.encode("utf-8")
    tmp = path.with_suffix(".part")
    with open(tmp, "wb") as f:
        written = 0
        while written < size:
            f.write(data)
            written += len(data)
    tmp.replace(path)
    return path


def measure(cmd: str, env: dict) -> tuple[float, float, int]:
    """``(peak MB, wall seconds, exit status)`` of shell command ``cmd`` under /usr/bin/time -v."""
    proc = subprocess.run(["/usr/bin/time", "-v", "sh", "-c", f"exec {cmd}"], capture_output=True, text=True,
                          env=env)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", proc.stderr)
    seconds = (int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))) if wall else 0.0
    if proc.returncode not in (0, 1):
        print(proc.stderr.strip().splitlines()[0] if proc.stderr.strip() else "failed", file=sys.stderr)
    return (int(rss.group(1)) / 1024 if rss else 0.0), seconds, proc.returncode


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="100,500", help="corpus sizes in MB (default: 100,500)")
    p.add_argument("--matches", type=int, default=1_000_000, help="matches in the match-heavy input (0: none)")
    p.add_argument("--line", action="store_true", help="also one 50 MB line")
    p.add_argument("--jargon", default=str(Path(sys.executable).with_name("jargon")), help="the jargon command")
    p.add_argument("--how", default="jsonl,text", help="outputs to measure: jsonl (-o out.jsonl), text (stdout)")
    p.add_argument("--out", type=Path, default=HERE / "out" / "stream", help="where inputs and outputs go")
    args = p.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    inputs: list[tuple[str, Path]] = []
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if sizes or args.line:
        text = corpus_text()
        for size in sizes:
            inputs.append((f"{size} MB corpus", repeated(args.out / f"corpus-{size}mb.txt", text, size * MB)))
        if args.line:
            one_line = "— " + text.replace("\n", " ")
            inputs.append(("the corpus as one line", repeated(args.out / "line-50mb.txt", one_line, 50 * MB)))
        del text
    if args.matches:
        unit = "Верхнеуровнево всё ясно, это в планах.\n" * 1000
        lines = args.matches // 2
        path = repeated(args.out / f"matches-{args.matches}.txt", unit, lines * len(unit.encode()) // 1000)
        inputs.append((f"{args.matches:,} matches", path))
    env = dict(os.environ, JARGON_CACHE_DIR=str(args.out / "cache"))
    jargon = shlex.quote(args.jargon)
    measure(f"{jargon} decode -d {shlex.quote(str(SEED))} /dev/null", env)      # the dictionary cache, warm
    outputs = {"jsonl": f"-f jsonl -o {shlex.quote(str(args.out / 'out.jsonl'))}",
               "text": f"-f text > {shlex.quote(str(args.out / 'out.txt'))}"}
    hows = [h for h in args.how.split(",") if h in outputs]
    titles = {"jsonl": "-f jsonl -o out.jsonl", "text": "text to stdout"}
    print(f"| input | {' | '.join(titles[h] for h in hows)} |\n|---|{'---|' * len(hows)}")
    worst = 0.0
    for label, path in inputs:
        cells = []
        for how in (outputs[h] for h in hows):
            rss, wall, rc = measure(f"{jargon} decode -d {shlex.quote(str(SEED))} {shlex.quote(str(path))} {how}",
                                    env)
            worst = max(worst, rss)
            cells.append(f"{rss:,.0f} MB, {wall:.1f} s" + ("" if rc in (0, 1) else f" (exit {rc})"))
        print(f"| {label} ({path.stat().st_size / MB:,.0f} MB) | {' | '.join(cells)} |", flush=True)
    print(f"\npeak {worst:,.0f} MB (goal: under {GOAL_MB} MB for 500 MB with a streaming format)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
