#!/usr/bin/env python3
"""Batch decoding speed: files/s and words/s over a folder of generated transcripts.

    python bench/batch_bench.py [--files 500] [--words 1500] [--jobs 1,2,0] [--rounds 1] [--seed 7] [--keep DIR]
    python bench/batch_bench.py --files 1 --words 10000000 --jobs 1,2 --rounds 3     # one large file

Writes ``--files`` transcripts (a third each as plain text ``[00:12:31] Name: ...``,
Teams WebVTT with ``<v Name>`` tags, and SRT with ``Name:`` labels) of about ``--words``
words each, with the seed dictionary's headwords sprinkled in, into a temporary folder.
Then decodes the folder the way ``jargon decode -r --jobs N`` does (jargon.batch:
expand_inputs + decode_files, the installed dictionaries) once per value of ``--jobs``
(0 = one worker per CPU), and prints wall seconds, CPU seconds (this process and the
workers), files/s, words/s and matches for each. Decoder
construction is timed separately; every run pays the workers' start-up (they are part of
what a user waits for). With ``--rounds N`` the --jobs values are measured in turn N times
(interleaved, so that a change in the machine's load hits every value alike), and the
median of each is printed with its speed-up over the first value. With ``--files 1`` the
one file is plain text (the kind a large transcript is), which batch splits across workers.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jargon.batch import decode_files, expand_inputs  # noqa: E402
from jargon.catalog import load_dictionaries  # noqa: E402
from jargon.engine.decoder import Decoder  # noqa: E402
from jargon.plugins import get_plugin_manager  # noqa: E402
from jargon.stats import count_words  # noqa: E402

SPEAKERS = ["Анна Петрова", "Борис Ким", "Ольга", "Интервьюер", "Дмитрий Соколов"]
FILLER = [
    "Мы обсуждали это на прошлой неделе с командой продаж.",
    "Честно говоря, я не уверен, что понимаю задачу до конца.",
    "В целом процесс работает, но согласования занимают много времени.",
    "Руководитель отдела попросил подготовить отчёт к пятнице.",
    "У нас в команде восемь человек, двое на удалёнке.",
    "Клиенты жалуются на сроки, и это всех беспокоит.",
    "Я думаю, что нужно поговорить с финансовым отделом.",
    "Давайте посмотрим на цифры за прошлый квартал.",
    "Это решение принимали ещё до моего прихода в компанию.",
    "Мне кажется, проблема в том, как мы ставим задачи.",
]


def sentences(rng: random.Random, phrases: list[str], words: int) -> list[str]:
    out, n = [], 0
    while n < words:
        s = rng.choice(phrases) + "." if rng.random() < 0.08 else rng.choice(FILLER)
        out.append(s)
        n += count_words(s)
    return out


def turns(rng, phrases, words):
    sents = sentences(rng, phrases, words)
    i, t = 0, 0.0
    while i < len(sents):
        k = rng.randint(1, 4)
        yield rng.choice(SPEAKERS), t, t + 4.0 * k, " ".join(sents[i:i + k])
        i, t = i + k, t + 4.0 * k + rng.random()


def ts(seconds: float, sep: str = ".") -> str:
    ms = int(seconds * 1000)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}{sep}{ms % 1000:03d}"


def write_corpus(folder: Path, files: int, words: int, phrases: list[str], seed: int) -> None:
    rng = random.Random(seed)
    for i in range(files):
        kind = ("txt", "vtt", "srt")[i % 3] if files > 1 else "txt"
        rows = list(turns(rng, phrases, words))
        if kind == "txt":
            body = "".join(f"[{ts(a)[:8]}] {who}: {text}\n" for who, a, b, text in rows)
        elif kind == "vtt":
            body = "WEBVTT\n\n" + "".join(f"{n}-0\n{ts(a)} --> {ts(b)}\n<v {who}>{text}</v>\n\n"
                                          for n, (who, a, b, text) in enumerate(rows))
        else:
            body = "".join(f"{n}\n{ts(a, ',')} --> {ts(b, ',')}\n{who}: {text}\n\n"
                           for n, (who, a, b, text) in enumerate(rows, 1))
        (folder / f"interview-{i:04d}.{kind}").write_text(body, encoding="utf-8")


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process, and of its finished children (the pool's workers, once joined)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def free_cores(workers: int = 2, n: int = 5_000_000) -> float:
    """How much faster ``workers`` processes burn pure-Python CPU than one doing the same work
    (``workers`` on an idle machine, 1.0 when no second core is free): read --jobs figures by it."""
    from concurrent.futures import ProcessPoolExecutor

    t0 = time.perf_counter()
    for _ in range(workers):
        _burn(n)
    serial = time.perf_counter() - t0
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(_burn, [1] * workers))
        t0 = time.perf_counter()
        list(pool.map(_burn, [n] * workers))
        parallel = time.perf_counter() - t0
    return serial / parallel


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=500)
    ap.add_argument("--words", type=int, default=1500, help="words per transcript (about)")
    ap.add_argument("--jobs", default="1,2,0", help="comma-separated --jobs values to measure (0: one per CPU)")
    ap.add_argument("--rounds", type=int, default=1, help="measure every --jobs value this many times, in turn")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", metavar="DIR", help="write the transcripts to DIR and keep them")
    args = ap.parse_args()

    pm = get_plugin_manager()
    dictionaries = load_dictionaries(None, pm)
    phrases = [e.phrase.rstrip("?!.") for d in dictionaries for e in d.entries]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep) if args.keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        write_corpus(folder, args.files, args.words, phrases, args.seed)
        print(f"corpus: {args.files} files in {folder} ({time.perf_counter() - t0:.1f} s to write)")
        t0 = time.perf_counter()
        decoder = Decoder(dictionaries, languages=pm.languages())
        decoder.decode("прогрев")            # build any lazy index before timing
        print(f"decoder: {sum(len(d.entries) for d in dictionaries)} entries, built in "
              f"{time.perf_counter() - t0:.2f} s")
        readers = pm.input_readers()
        names = expand_inputs([str(folder)], readers, recursive=True)
        print(f"load average before: {os.getloadavg()[0]:.2f} (other work on the machine slows --jobs runs); "
              f"2 processes of pure Python run {free_cores():.2f}x as fast as one (2.00: two idle cores)")
        print(f"{'jobs':>6} {'workers':>7} {'seconds':>8} {'cpu s':>7} {'main s':>7} {'files/s':>8} {'words/s':>10} "
              f"{'matches':>8} {'cpu-bound':>9}")
        values = [int(v) for v in args.jobs.split(",")]
        times: dict[int, list[float]] = {v: [] for v in values}
        cpu_times: dict[int, list[float]] = {v: [] for v in values}
        bounds: dict[int, list[float]] = {v: [] for v in values}
        words = 0
        for _ in range(args.rounds):
            for value in values:
                workers = value or os.cpu_count() or 1
                own0, kids0 = _cpu()
                t0 = time.perf_counter()
                decoded = decode_files(names, decoder, readers, jobs=value, progress=False)
                dt = time.perf_counter() - t0
                own1, kids1 = _cpu()
                own, kids = own1 - own0, kids1 - kids0
                cpu = own + kids
                words = sum(count_words(d.document.text[s.start:s.end]) for d in decoded
                            for s in d.document.segments)
                found = sum(len(d.matches) for d in decoded)
                times[value].append(dt)
                cpu_times[value].append(cpu)
                # seconds on idle cores, if the workers share their CPU time evenly and the main
                # process's own work (reading large files, rebuilding results) does not overlap them
                bound = own + kids / workers if kids else own
                print(f"{value:>6} {workers:>7} {dt:>8.2f} {cpu:>7.2f} {own:>7.2f} {len(decoded) / dt:>8.1f} "
                      f"{words / dt:>10,.0f} {found:>8} {bound:>8.2f}s")
                bounds[value].append(bound)
                del decoded
        if args.rounds > 1:
            base, base_bound = statistics.median(times[values[0]]), statistics.median(bounds[values[0]])
            print(f"medians over {args.rounds} interleaved rounds (speed-up: measured; cpu-bound: on idle cores):")
            for value in values:
                m, b = statistics.median(times[value]), statistics.median(bounds[value])
                print(f"{value:>6} {m:>8.2f} s {len(names) / m:>8.1f} files/s {words / m:>10,.0f} words/s "
                      f"{base / m:>5.2f}x  cpu {statistics.median(cpu_times[value]):.2f} s  "
                      f"cpu-bound {base_bound / b:>5.2f}x")
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
