"""Mutation runner: does the test suite notice when the engine's behaviour changes? (issue 9, item 3)

Each mutation is one change to the engine: every numeric constant of jargon/engine/tuning.py
moved by +25% and by -25% (integers rounded away from the original: MAX_GAP 4 -> 5 and 3),
the numbers inside ``max_typo_distance`` too, and issue 9's list (ORDER_PENALTY 0.2 -> 0,
MIN_COVERAGE 0.75 -> 0.6, MAX_GAP 4 -> 8, STEM_SIM 0.9 -> 0, SLOT_WEIGHT 0.6 -> 1.0, an anchor
index that keeps only a phrase's first pair). For each, ``jargon/``, ``tests/`` and
``dictionaries/`` are copied into a temporary folder (the shared folder beside it is a link),
the copy is mutated, and a fast selection of the engine tests runs there with PYTHONPATH
pointing at the copy. A mutation no test notices *survived*. The worktree is never edited
(a digest of jargon/ is compared before and after the run).

Speed-only constants (MAX_PAIR_SET, MAX_PIECE) must not change what is
found: they are expected to survive the tests, and a probe corpus (the labelled sets, every
entry's headword, variants and examples, each headword less one word, and each language's
texts again as one long line) is decoded with the mutated copy and compared with the unmutated one.

    python bench/mutate.py                 # all mutations, 2 at a time (~5 min on 2 cores)
    python bench/mutate.py --only MAX_GAP  # the mutations whose name holds MAX_GAP
    python bench/mutate.py --list          # the mutations, without running them
    python bench/mutate.py --all           # every test of each mutation: how many fail

Exit status 0 when every behaviour mutation was killed and every speed-only one gave
identical results; 1 otherwise.
"""
from __future__ import annotations

import argparse
import ast
import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TUNING = "jargon/engine/tuning.py"
SPEED_ONLY = {"MAX_PAIR_SET", "MAX_PIECE"}
# the engine's tests: fast (seconds), and together they pin every stage
TESTS = ["tests/test_scoring.py", "tests/test_engine_rules.py", "tests/test_lexicon.py", "tests/test_anchors.py",
         "tests/test_engine.py", "tests/test_explain.py", "tests/test_quality.py", "tests/test_properties.py",
         "tests/test_en_corporate_phrasing.py", "tests/test_context_guard.py"]
COPIED = ["jargon", "tests", "dictionaries", "pyproject.toml"]
# issue 9's list: (constant, new value)
ISSUE_VALUES = [("ORDER_PENALTY", "0.0"), ("MIN_COVERAGE", "0.6"), ("MAX_GAP", "8"), ("STEM_SIM", "0.0"),
                ("SLOT_WEIGHT", "1.0")]
# an anchor index that keeps only a phrase's first pair: patched onto the compiled module, so
# it applies however the lexicon's code around it is written
FIRST_PAIR_ONLY = """

_mutated_anchor_pairs = anchor_pairs


def anchor_pairs(pat, order):
    return _mutated_anchor_pairs(pat, order)[:1]
"""


@dataclass(frozen=True)
class Mutation:
    name: str
    path: str                         # the file it changes, relative to the repository
    apply: Callable[[str], str]       # the file's source -> the mutated source
    speed_only: bool = False


# -- the mutations -------------------------------------------------------------------

def _moved(value: float) -> tuple[str, str]:
    """``value`` moved by +25% and -25% (integers rounded away from it), as source text."""
    if isinstance(value, int):
        return str(max(math.ceil(value * 1.25), value + 1)), str(min(math.floor(value * 0.75), value - 1))
    return repr(round(value * 1.25, 6)), repr(round(value * 0.75, 6))


def _replace_at(source: str, node: ast.expr, new: str) -> Callable[[str], str]:
    """A function replacing the source text of ``node`` (as found in ``source``) by ``new``."""
    lines = source.splitlines(keepends=True)
    start = sum(map(len, lines[:node.lineno - 1])) + node.col_offset
    end = sum(map(len, lines[:node.end_lineno - 1])) + node.end_col_offset
    old = source[start:end]

    def apply(text: str) -> str:
        if text[start:end] != old:
            raise ValueError(f"{old!r} is no longer where it was")
        return text[:start] + new + text[end:]

    return apply


def tuning_mutations(source: str) -> list[Mutation]:
    """Every numeric constant of tuning.py by +-25%, plus issue 9's values for named ones."""
    out: list[Mutation] = []
    tree = ast.parse(source)
    issue = dict(ISSUE_VALUES)
    for node in tree.body:
        target = node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else \
            node.target if isinstance(node, ast.AnnAssign) else None
        value = getattr(node, "value", None)
        if isinstance(target, ast.Name) and _number(value):
            name, old = target.id, value.value
            news = list(_moved(old)) + ([issue[name]] if name in issue else [])
            for new in news:
                out.append(Mutation(f"{name} {old!r} -> {new}", TUNING, _replace_at(source, value, new),
                                    name in SPEED_ONLY))
        elif isinstance(node, ast.FunctionDef):
            out.extend(_function_mutations(source, node))
    return out


def _number(node) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) in (int, float)


def _function_mutations(source: str, fn: ast.FunctionDef) -> list[Mutation]:
    """The numbers inside a function of tuning.py (max_typo_distance's length bands and the
    edits it allows), each by +-25%; a 0 stays (it has no quarter)."""
    out = []
    for node in ast.walk(fn):
        parts = ([(c, node) for c in node.comparators] if isinstance(node, ast.Compare) else
                 [(node.body, node)] + ([(node.orelse, node)] if _number(node.orelse) else [])
                 if isinstance(node, ast.IfExp) else [])
        for const, context in parts:
            if not _number(const) or const.value == 0:
                continue
            if isinstance(context, ast.Compare):
                label = ast.get_source_segment(source, context)
            elif const is context.body:
                label = f"{const.value!r} if {ast.get_source_segment(source, context.test)}"
            else:
                label = f"else {const.value!r}"
            for new in _moved(const.value):
                out.append(Mutation(f"{fn.name}: {label} ({const.value!r} -> {new})", TUNING,
                                    _replace_at(source, const, new)))
    return out


def all_mutations() -> list[Mutation]:
    source = (REPO / TUNING).read_text(encoding="utf-8")
    out = tuning_mutations(source)
    out.append(Mutation("anchor index keeps only a phrase's first pair", "jargon/engine/anchors.py",
                        lambda text: text + FIRST_PAIR_ONLY))
    return out


# -- running ------------------------------------------------------------------------

@dataclass
class Outcome:
    mutation: Mutation | None
    killed: bool
    detail: str            # the first failing test, or why it could not run
    seconds: float
    identical: bool | None = None   # speed-only: the probe decoded the same
    probe: str = ""                 # what the probe decoded (speed-only mutations and the baseline)


def _copy(shared: Path | None) -> Path:
    tmp = Path(tempfile.mkdtemp(prefix="jargon-mutant-"))
    repo = tmp / "repo"
    repo.mkdir()
    for name in COPIED:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, repo / name, ignore=shutil.ignore_patterns("__pycache__", ".hypothesis"))
        elif src.exists():
            shutil.copy2(src, repo / name)
    if shared is not None:
        (tmp / "shared").symlink_to(shared.resolve(), target_is_directory=True)
    return repo


def _env(repo: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(PYTHONPATH=str(repo), PYTHONDONTWRITEBYTECODE="1", JARGON_CACHE_DIR=str(repo.parent / "cache"),
               PYTHONHASHSEED="0")
    return env


def run_one(m: Mutation | None, tests: list[str], shared: Path | None, timeout: float,
            probe_baseline: str | None, first: bool = True) -> Outcome:
    """Copy, mutate (``m`` None: the unmutated baseline), run the tests; for a speed-only
    mutation (or the baseline) also decode the probe corpus."""
    t0 = time.monotonic()
    repo = _copy(shared)
    try:
        if m is not None:
            path = repo / m.path
            try:
                text = m.apply(path.read_text(encoding="utf-8"))
            except ValueError as exc:
                return Outcome(m, False, f"does not apply: {exc}", 0.0)
            path.write_text(text, encoding="utf-8")
        env = _env(repo)
        check = subprocess.run([sys.executable, "-c", "import jargon.engine.tuning as t; print(t.__file__)"],
                               cwd=repo, env=env, capture_output=True, text=True, check=False)
        if not check.stdout.strip().startswith(str(repo)):
            return Outcome(m, False, f"the copy is not what gets imported: {check.stdout.strip()}", 0.0)
        cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *(["-x"] if first else []),
               *[t for t in tests if (repo / t).exists()]]
        try:
            proc = subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, timeout=timeout, check=False)
            failed = [line for line in proc.stdout.splitlines() if line.startswith(("FAILED ", "ERROR "))]
            killed = proc.returncode != 0
            detail = ((_test_id(failed[0]) if first else f"{len(failed)}: {_test_id(failed[0])}") if failed else
                      f"pytest exit {proc.returncode}: {proc.stdout.strip().splitlines()[-1:]}") if killed else ""
        except subprocess.TimeoutExpired:
            killed, detail = True, f"timeout after {timeout:g} s"
        identical, probe_out = None, ""
        if m is None or m.speed_only:
            out = repo.parent / "probe.json"
            subprocess.run([sys.executable, str(Path(__file__).resolve()), "--probe", str(out)], cwd=repo, env=env,
                           check=True, capture_output=True, timeout=timeout)
            probe_out = out.read_text(encoding="utf-8")
            identical = probe_out == probe_baseline if probe_baseline is not None else None
        return Outcome(m, killed, detail, time.monotonic() - t0, identical, probe_out)
    finally:
        shutil.rmtree(repo.parent, ignore_errors=True)


def _test_id(line: str) -> str:
    """The test named on a pytest summary line, its parameters readable and cut short."""
    test = line.split(" - ")[0].split(" ", 1)[1]
    if test.isascii():
        test = test.encode().decode("unicode_escape")
    return test if len(test) <= 100 else test[:99] + "…"


# -- the probe corpus (run inside the copy) -------------------------------------------

def probe(out: Path) -> None:
    """Decode the probe corpus with the jargon on PYTHONPATH; write every match as JSON."""
    import importlib.util

    from jargon.dictionary import load_dictionary
    from jargon.engine.decoder import Decoder

    root = Path.cwd()
    paths = [root / "dictionaries" / "ru-corporate.toml"]
    for pkg, name in (("jargon_ru_extended", "ru-extended.toml"), ("jargon_en_corporate", "en-corporate.toml")):
        spec = importlib.util.find_spec(pkg)
        if spec is not None and spec.origin:
            paths.append(Path(spec.origin).parent / name)
    dictionaries = [load_dictionary(p) for p in paths if p.exists()]
    texts: list[str] = []
    by_language: dict[str, list[str]] = {"ru": []}
    for labelled in (root.parent / "shared" / "eval" / "dev.jsonl", root / "tests" / "data" / "heldout.jsonl"):
        if labelled.exists():
            by_language["ru"] += [json.loads(line)["text"] for line in labelled.read_text(encoding="utf-8").splitlines()
                                  if line]
    for d in dictionaries:
        own = by_language.setdefault(d.language, [])
        for e in d.entries:
            own += [e.phrase, *e.variants, *e.examples]
            words = e.phrase.split()
            own += [" ".join(words[:k] + words[k + 1:]) for k in range(len(words))] if len(words) > 1 else []
    for own in by_language.values():
        texts += own
    # each language's texts again as one long line, cut into pieces (one language a line: which
    # script a piece is mostly in decides whether a one-word phrase of the other counts)
    texts += [" ".join(t.rstrip(".!?") + "." for t in own) for own in by_language.values()]
    decoder = Decoder(dictionaries)
    found = [[k, m.start, m.end, m.entry.id, m.score] for k, t in enumerate(texts) for m in decoder.decode(t)]
    out.write_text(json.dumps({"texts": len(texts), "matches": found}), encoding="utf-8")


# -- the report ---------------------------------------------------------------------

def _digest() -> str:
    h = hashlib.sha256()
    for p in sorted((REPO / "jargon").rglob("*.py")):
        h.update(str(p.relative_to(REPO)).encode() + p.read_bytes())
    return h.hexdigest()


def probe_diff(baseline: str, mutated: str) -> str:
    """How a speed-only mutation's probe differs from the baseline's: matches lost and gained."""
    if not mutated:
        return "not decoded"
    if mutated == baseline:
        return "identical"
    a = {tuple(m) for m in json.loads(baseline)["matches"]}
    b = {tuple(m) for m in json.loads(mutated)["matches"]}
    example = sorted(a ^ b)[:2]
    return f"**different**: {len(a - b)} matches lost, {len(b - a)} gained, e.g. {example}"


def table(outcomes: list[Outcome], baseline: str) -> str:
    behaviour = [o for o in outcomes if not o.mutation.speed_only]
    speed = [o for o in outcomes if o.mutation.speed_only]
    lines = ["| mutation | result | first failing test (with --all: how many fail, the first) | s |",
             "|---|---|---|---|"]
    for o in behaviour:
        result = "killed" if o.killed else "**survived**" if not o.detail else "**error**"
        lines.append(f"| {o.mutation.name} | {result} | {o.detail or ''} | {o.seconds:.0f} |")
    lines += ["", "Speed-only constants (must survive the tests and find exactly the same):", "",
              "| mutation | tests | probe corpus vs unmutated | s |", "|---|---|---|---|"]
    for o in speed:
        lines.append(f"| {o.mutation.name} | {'fail: ' + o.detail if o.killed else 'pass'} | "
                     f"{probe_diff(baseline, o.probe)} | {o.seconds:.0f} |")
    killed = sum(o.killed for o in behaviour)
    lines += ["", (f"{killed} of {len(behaviour)} behaviour mutations killed; "
                   f"{sum(bool(o.identical) for o in speed)} of {len(speed)} speed-only mutations identical.")]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", action="append", default=[], help="run the mutations whose name holds this (repeatable)")
    ap.add_argument("--list", action="store_true", help="list the mutations and stop")
    ap.add_argument("--jobs", type=int, default=2, help="mutations run at a time (default 2)")
    ap.add_argument("--tests", nargs="+", default=TESTS, help="test files to run (default: the engine's)")
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                    help="the shared folder holding eval/dev.jsonl (default: beside the repository)")
    ap.add_argument("--all", action="store_true",
                    help="run every test of each mutation and count the failures (default: stop at the first, -x)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per mutation (default 300)")
    ap.add_argument("--probe", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.probe:
        probe(args.probe)
        return 0
    mutations = [m for m in all_mutations() if not args.only or any(s in m.name for s in args.only)]
    if args.list:
        print("\n".join(f"{'speed ' if m.speed_only else ''}{m.name}" for m in mutations))
        return 0
    shared = args.shared if (args.shared / "eval" / "dev.jsonl").exists() else None
    if shared is None:
        print(f"note: {args.shared}/eval/dev.jsonl is not there: the development set is not scored",
              file=sys.stderr)
    before = _digest()
    t0 = time.monotonic()
    base = run_one(None, args.tests, shared, args.timeout, None, not args.all)
    if base.killed:
        print(f"the unmutated engine fails its tests ({base.detail}): fix that first", file=sys.stderr)
        return 1
    baseline = base.probe
    print(f"baseline passes ({base.seconds:.0f} s); {len(mutations)} mutations, {args.jobs} at a time",
          file=sys.stderr)

    def one(m: Mutation) -> Outcome:
        o = run_one(m, args.tests, shared, args.timeout, baseline, not args.all)
        state = "killed" if o.killed else "SURVIVED" if not o.detail else "ERROR"
        print(f"  {state:8} {o.seconds:5.0f} s  {m.name}  {o.detail}", file=sys.stderr)
        return o

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        outcomes = list(pool.map(one, mutations))
    print(table(outcomes, baseline))
    print(f"\n{time.monotonic() - t0:.0f} s in all.")
    if _digest() != before:
        print("jargon/ in the worktree changed during the run!", file=sys.stderr)
        return 1
    bad = [o for o in outcomes if (o.mutation.speed_only and not o.identical)
           or (not o.mutation.speed_only and not o.killed)]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
