"""jargon discover: precision of the top 30 and recall of the planted items in the top 60, and speed.

    python bench/discover_bench.py            # set-a (tuned on) and set-b (written after tuning)

Each set is tests/data/discover/SET/*.txt with SET.planted.json; decoded with the seed
dictionary only (no plugins). Speed: set-a copied to 100 interviews of about 1,500 words
(150,000 words), timed end to end in this process (reading, decoding, discovery), after one
warm-up run that fills the disk caches.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "discover"


def candidates(paths):
    from jargon.batch import read_input
    from jargon.contributions import ReadOptions
    from jargon.discover.finder import find_candidates
    from jargon.session import Session

    session = Session(no_plugins=True)
    readers = session.plugins.input_readers()
    docs = [session.decoder.decode_document(read_input(str(p), readers, ReadOptions(), None)) for p in paths]
    return find_candidates(docs)


def same(planted: str, lemma: str) -> bool:
    a, b = planted.replace("ё", "е").split(), lemma.replace("ё", "е").split()
    return len(a) == len(b) and all(_stem_eq(x, y) for x, y in zip(a, b, strict=True))


def _stem_eq(x: str, y: str) -> bool:
    """The same word up to an ending of at most two letters (полку, полка; руку, рука)."""
    n = max(3, len(x) - 2)
    return abs(len(x) - len(y)) <= 2 and x[:n] == y[:n]


def score(name: str) -> None:
    planted = json.loads((DATA / f"{name}.planted.json").read_text(encoding="utf-8"))["planted"]
    ranked = [c.lemma for c in candidates(sorted((DATA / name).glob("*.txt")))]
    top30 = ranked[:30]
    # each planted item counts once, however many candidates match it
    precision = len({p for p in planted if any(same(p, t) for t in top30)}) / max(len(top30), 1)
    last = max((min(n for n, t in enumerate(ranked) if same(p, t)) for p in planted
                if any(same(p, t) for t in ranked)), default=-1) + 1
    found = [p for p in planted if any(same(p, t) for t in ranked[:60])]
    best = min(len(planted), len(top30)) / max(len(top30), 1)
    missed = ", ".join(sorted(set(planted) - set(found))) or "-"
    print(f"{name}: {len(planted)} planted; precision@30 {precision:.2f} over {len(top30)} (at most {best:.2f}); "
          f"recall@60 {len(found) / len(planted):.2f}; the last planted item found at rank {last}; missed: {missed}")


def speed(tmp: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((DATA / "set-a").glob("*.txt"))]
    words = 0
    paths = []
    for n in range(100):
        body = "\n".join(texts[(n + k) % len(texts)] for k in range(5))
        words += len(body.split())
        path = tmp / f"interview-{n:03d}.txt"
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    candidates(paths[:2])
    start = time.perf_counter()
    candidates(paths)
    print(f"speed: {len(paths)} interviews, {words:,} words in {time.perf_counter() - start:.1f} s")


def main() -> int:
    import tempfile

    for name in sys.argv[1:] or ("set-a", "set-b"):
        if (DATA / f"{name}.planted.json").exists():
            score(name)
    with tempfile.TemporaryDirectory() as tmp:
        speed(Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
