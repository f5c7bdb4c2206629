#!/usr/bin/env python3
"""The baseline passes, each run by run.py as a separate process (start-up included).

    python bench/tasks.py tokenize CORPUS
    python bench/tasks.py aho --dict TOML CORPUS -o MATCHES.jsonl
    python bench/tasks.py naive --dict TOML CORPUS -o MATCHES.jsonl [--sample N] [--threshold 75]

``tokenize`` is the floor for any token-level matcher: one pass of ``\\w+`` with
offsets. ``aho`` finds every headword and variant exactly (lower-cased, ё -> е,
whole words) with pyahocorasick. ``naive`` scores every entry's headword against
every sentence with rapidfuzz ``fuzz.partial_ratio``; with ``--sample N`` it scores
only N evenly spread sentences and extrapolates the time to all of them.
Each prints one JSON line of figures on stdout; matches go to ``-o`` as JSON Lines.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import tomllib

WORD = re.compile(r"\w+")
SENTENCE = re.compile(r"[^.!?…\n]+[.!?…]*")


def read(path: str) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def entries(path: str) -> list[dict]:
    with open(path, "rb") as f:
        return tomllib.load(f)["entries"]


def normalize(text: str) -> str:
    """Same length as ``text``: offsets into it are offsets into the original."""
    return text.lower().replace("ё", "е")


def tokenize(args) -> dict:
    text = read(args.corpus)
    n = checksum = 0
    for m in WORD.finditer(text):
        start, end, word = m.start(), m.end(), m.group()
        n += 1
        checksum += end - start + len(word)
    return {"tokens": n, "checksum": checksum}


def aho(args) -> dict:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    patterns = 0
    for e in entries(args.dict):
        for form in [e["phrase"], *e.get("variants", [])]:
            key = normalize(form).strip(" \t!?.,:;…")
            if key and key not in automaton:
                automaton.add_word(key, (len(key), e["id"]))
                patterns += 1
    automaton.make_automaton()
    text = normalize(read(args.corpus))
    found = 0
    with open(args.output, "w", encoding="utf-8") as out:
        for end, (length, entry) in automaton.iter(text):
            start, stop = end - length + 1, end + 1
            if (start > 0 and text[start - 1].isalnum()) or (stop < len(text) and text[stop].isalnum()):
                continue   # whole words only
            found += 1
            out.write(f'{{"start": {start}, "end": {stop}, "entry": "{entry}"}}\n')
    return {"patterns": patterns, "matches": found}


def naive(args) -> dict:
    from rapidfuzz import fuzz

    t0 = time.perf_counter()
    phrases = [(e["id"], normalize(e["phrase"]).strip(" !?.")) for e in entries(args.dict)]
    text = read(args.corpus)
    sentences = [(m.start(), m.end(), normalize(m.group())) for m in SENTENCE.finditer(text) if m.group().strip()]
    chosen = sentences
    if args.sample and args.sample < len(sentences):
        step = len(sentences) / args.sample
        chosen = [sentences[int(i * step)] for i in range(args.sample)]
    setup = time.perf_counter() - t0
    t1 = time.perf_counter()
    found = 0
    partial_ratio = fuzz.partial_ratio
    threshold = args.threshold
    with open(args.output, "w", encoding="utf-8") as out:
        for start, end, sentence in chosen:
            for entry, phrase in phrases:
                score = partial_ratio(phrase, sentence)
                if score >= threshold:
                    found += 1
                    out.write(f'{{"start": {start}, "end": {end}, "entry": "{entry}", "score": {score:.1f}}}\n')
    scoring = time.perf_counter() - t1
    return {"sentences": len(sentences), "scored_sentences": len(chosen), "entries": len(phrases),
            "matches": found, "setup_seconds": setup, "scoring_seconds": scoring,
            "extrapolated_scoring_seconds": scoring * len(sentences) / max(1, len(chosen))}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="task", required=True)
    t = sub.add_parser("tokenize")
    t.add_argument("corpus")
    for name in ("aho", "naive"):
        s = sub.add_parser(name)
        s.add_argument("corpus")
        s.add_argument("--dict", required=True)
        s.add_argument("-o", "--output", required=True)
        if name == "naive":
            s.add_argument("--sample", type=int, default=0, help="score only N evenly spread sentences")
            s.add_argument("--threshold", type=float, default=75.0)
    args = p.parse_args(argv)
    result = {"tokenize": tokenize, "aho": aho, "naive": naive}[args.task](args)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
