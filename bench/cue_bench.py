#!/usr/bin/env python3
"""WebVTT cue parsing with many unclosed tags in one cue: the time must grow linearly.

    python bench/cue_bench.py [--tags 10000,20000,40000,80000]

One cue holding N copies of ``<v x`` (a voice tag that is never closed) is read by the
vtt reader's parsing (jargon.transcript.cues: parse_cues, to_cues, build_document) for
each N; seconds and seconds per 10,000 tags are printed (flat when linear; with tag
patterns that scan to the end of the cue it was quadratic: 186 s for 80,000).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jargon.transcript.cues import build_document, parse_cues, to_cues  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tags", default="10000,20000,40000,80000")
    ap.add_argument("--tag", default="<v x", help="the unclosed tag to repeat")
    args = ap.parse_args()
    print(f"{'tags':>8} {'seconds':>9} {'s/10k tags':>11}")
    for n in (int(v) for v in args.tags.split(",")):
        source = "WEBVTT\n\n00:01.000 --> 00:02.000\n" + args.tag * n + "\n"
        t0 = time.perf_counter()
        build_document(to_cues(parse_cues(source, "bench.vtt")))
        dt = time.perf_counter() - t0
        print(f"{n:>8} {dt:>9.3f} {dt / n * 10_000:>11.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
