#!/usr/bin/env python3
"""Generate the benchmark data (deterministic for a given seed and pymorphy3 dictionary).

    python bench/generate.py [--words 1000000] [--entries 10000] [--seed 42] [--out bench/out]

Writes to the output folder:

- ``corpus.txt``: the interview-transcript corpus (UTF-8, LF);
- ``planted.jsonl``: one object per planted seed phrase: ``start``/``end`` (code-point
  offsets into corpus.txt, ``text[start:end] == text``), ``entry`` (seed entry id),
  ``kind`` (exact, or the modifications joined with "+"), ``text``, ``line``;
- ``literals.jsonl``: sentences that use jargon words literally (hard negatives);
- ``synthetic-<N>.toml``: the N-entry dictionary with the 12 seed entries inside;
- ``meta.json``: the parameters, counts and versions, used by run.py to reuse the data.

Planted variants follow the seed dictionary as it is now (a variant dropped from
dictionaries/ru-corporate.toml is no longer planted), so the data is regenerated
when that file changes.

The default output folder is ``bench/out/<words>w-<entries>e-s<seed>/`` (git-ignored).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SEED_DICT = REPO / "dictionaries" / "ru-corporate.toml"
DEFAULT_OUT = HERE / "out"
GENERATOR_VERSION = 3


def data_dir(words: int, entries: int, seed: int) -> Path:
    return DEFAULT_OUT / f"{words}w-{entries}e-s{seed}"


def wanted_meta(words: int, entries: int, seed: int) -> dict:
    return {"generator": GENERATOR_VERSION, "words": words, "entries": entries, "seed": seed,
            "seed_dictionary_sha256": hashlib.sha256(SEED_DICT.read_bytes()).hexdigest()}


def is_current(out: Path, words: int, entries: int, seed: int) -> bool:
    """Whether ``out`` holds data generated with these parameters."""
    try:
        meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    want = wanted_meta(words, entries, seed)
    files = ["corpus.txt", "planted.jsonl", "literals.jsonl", f"synthetic-{entries}.toml"]
    return all(meta.get(k) == v for k, v in want.items()) and all((out / f).exists() for f in files)


def generate(out: Path, words: int, entries: int, seed: int, log=print) -> dict:
    sys.path.insert(0, str(HERE))
    import corpus as C
    import synthdict

    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    import tomllib

    seed_entries = tomllib.loads(SEED_DICT.read_text(encoding="utf-8"))["entries"]
    corpus = C.generate(seed, words, seed_entries)
    (out / "corpus.txt").write_text(corpus.text, encoding="utf-8", newline="\n")
    with open(out / "planted.jsonl", "w", encoding="utf-8") as f:
        for rec in corpus.planted:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(out / "literals.jsonl", "w", encoding="utf-8") as f:
        for rec in corpus.literals:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    t1 = time.perf_counter()
    log(f"corpus: {corpus.words:,} words, {len(corpus.planted):,} planted phrases, "
        f"{len(corpus.literals):,} literal-use sentences ({t1 - t0:.1f} s)")

    toml_text = synthdict.build(SEED_DICT, entries, seed)
    path = out / f"synthetic-{entries}.toml"
    path.write_text(toml_text, encoding="utf-8", newline="\n")
    _validate(path, entries)
    log(f"dictionary: {entries:,} entries -> {path} ({time.perf_counter() - t1:.1f} s)")

    import re
    tokens = re.findall(r"\w+", corpus.text.lower())
    meta = wanted_meta(words, entries, seed) | {
        "corpus_chars": len(corpus.text), "corpus_words": corpus.words, "tokens": len(tokens),
        "distinct_word_forms": len(set(tokens)), "planted": len(corpus.planted), "literals": len(corpus.literals),
        "pymorphy3": metadata.version("pymorphy3"), "pymorphy3-dicts-ru": metadata.version("pymorphy3-dicts-ru"),
    }
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    log(f"distinct word forms: {meta['distinct_word_forms']:,}")
    return meta


def _validate(path: Path, entries: int) -> None:
    """Load the dictionary with jargon's own loader when jargon is importable."""
    try:
        from jargon.dictionary import load_dictionary
    except ImportError:
        return
    d = load_dictionary(path)
    if len(d.entries) != entries:
        raise SystemExit(f"generate: {path} has {len(d.entries)} entries, expected {entries}")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--words", type=int, default=1_000_000, help="corpus size in words (default: 1,000,000)")
    p.add_argument("--entries", type=int, default=10_000, help="synthetic dictionary size (default: 10,000)")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--out", type=Path, help="output folder (default: bench/out/<words>w-<entries>e-s<seed>)")
    p.add_argument("--force", action="store_true", help="regenerate even when the data is current")
    args = p.parse_args(argv)
    if args.words < 1000 or args.entries < 12:
        p.error("--words must be at least 1000 and --entries at least 12")
    args.out = args.out or data_dir(args.words, args.entries, args.seed)
    if not args.force and is_current(args.out, args.words, args.entries, args.seed):
        print(f"{args.out}: data is current (use --force to regenerate)")
        return 0
    generate(args.out, args.words, args.entries, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
