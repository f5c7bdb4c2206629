"""Run one command as a child process and measure it; score matches against the planted phrases."""
from __future__ import annotations

import bisect
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Run:
    cmd: list[str]
    wall: float                 # seconds, start-up included
    cpu: float                  # user + system seconds of the child (and its waited-for children)
    max_rss_mb: float           # peak resident set of the command (or of a process it waited for)
    tree_peak_mb: float         # largest sum of RSS over the child's process tree (sampled every 20 ms)
    processes: int              # most processes seen in the tree at once
    returncode: int
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def json(self) -> dict:
        try:
            return json.loads(self.stdout.strip().splitlines()[-1])
        except (ValueError, IndexError):
            return {}


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for tid in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{tid}/children", encoding="ascii") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return out


LAUNCH = Path(__file__).resolve().with_name("launch.py")


def run(cmd: list[str], env: dict | None = None, cwd: str | None = None) -> Run:
    """Run ``cmd`` to completion through launch.py; wall, CPU and peak memory come from wait4()."""
    peak = {"kb": 0, "procs": 0}
    done = threading.Event()
    fd, result = tempfile.mkstemp(prefix="jargon-bench-", suffix=".json")
    os.close(fd)
    try:
        proc = subprocess.Popen([sys.executable, "-S", str(LAUNCH), result, *cmd], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=env, cwd=cwd)
    except OSError as exc:
        os.unlink(result)
        return Run(cmd, 0.0, 0.0, 0.0, 0.0, 0, 127, "", f"cannot run {sys.executable}: {exc.strerror or exc}")
    bufs: dict[str, bytes] = {}

    def drain(name, stream):
        bufs[name] = stream.read()

    def sample():
        while not done.wait(0.02):
            pids = _tree(proc.pid)[1:]          # the command and its children, not the launcher
            peak["kb"] = max(peak["kb"], sum(_rss_kb(p) for p in pids))
            peak["procs"] = max(peak["procs"], len(pids))

    threads = [threading.Thread(target=drain, args=("out", proc.stdout), daemon=True),
               threading.Thread(target=drain, args=("err", proc.stderr), daemon=True),
               threading.Thread(target=sample, daemon=True)]
    for t in threads:
        t.start()
    proc.wait()
    done.set()
    for t in threads:
        t.join()
    try:
        with open(result, encoding="utf-8") as f:
            info = json.load(f)
    except (OSError, ValueError):
        info = {"wall": 0.0, "cpu": 0.0, "max_rss_kb": 0, "returncode": proc.returncode or 1}
    finally:
        os.unlink(result)
    return Run(cmd, info["wall"], info["cpu"], info["max_rss_kb"] / 1024, peak["kb"] / 1024,
               max(1, peak["procs"]), info["returncode"], bufs.get("out", b"").decode("utf-8", "replace"),
               bufs.get("err", b"").decode("utf-8", "replace"))


# -- scoring --------------------------------------------------------------------------

@dataclass
class Score:
    matches: int
    found: int
    planted: int
    stray: int                   # matches overlapping no planted phrase
    stray_on_literals: int       # ... of which inside a literal-use sentence
    stray_seed_entries: int      # ... of which of a seed entry (the rest: synthetic entries)
    misaligned: int = 0          # matches whose offsets did not slice the corpus to their text
    by_kind: dict = field(default_factory=dict)   # modification -> (found, planted)
    missed: list = field(default_factory=list)    # planted records not found
    strays: list = field(default_factory=list)    # (match record, (start, end)) overlapping no planted phrase

    @property
    def recall(self) -> float:
        return self.found / self.planted if self.planted else 0.0


def load_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class Truth:
    def __init__(self, text: str, planted: list[dict], literals: list[dict], seed_ids: set[str]):
        self.text = text
        self.planted = sorted(planted, key=lambda r: r["start"])
        self.starts = [r["start"] for r in self.planted]
        self.literals = sorted(literals, key=lambda r: r["start"])
        self.literal_starts = [r["start"] for r in self.literals]
        self.seed_ids = seed_ids
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    @staticmethod
    def _overlapping(spans, starts, start, end):
        """Indices of spans (sorted, non-overlapping) that overlap [start, end)."""
        i = max(0, bisect.bisect_right(starts, start) - 1)
        out = []
        while i < len(spans) and spans[i]["start"] < end:
            if spans[i]["end"] > start:
                out.append(i)
            i += 1
        return out

    def align(self, rec: dict) -> tuple[int, int] | None:
        """Offsets of a decode record in the corpus: its own, or found on its line by its surface text."""
        start, end, surface = rec.get("start"), rec.get("end"), rec.get("text")
        if surface is None or (isinstance(start, int) and self.text[start:end] == surface):
            return start, end
        line = rec.get("line")
        if not isinstance(line, int) or not 1 <= line <= len(self.line_starts):
            return None
        lo = self.line_starts[line - 1]
        hi = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        pos = self.text.find(surface, lo, hi)
        return (pos, pos + len(surface)) if pos != -1 else None

    def score(self, matches: list[dict], words: int) -> Score:
        found: set[int] = set()
        stray = on_literals = seed = misaligned = 0
        strays = []
        for rec in matches:
            span = self.align(rec)
            if span is None:
                misaligned += 1
                continue
            if span != (rec.get("start"), rec.get("end")):
                misaligned += 1
            start, end = span
            hits = self._overlapping(self.planted, self.starts, start, end)
            for i in hits:
                if self.planted[i]["entry"] == rec["entry"]:
                    found.add(i)
            if not hits:
                stray += 1
                strays.append((rec, span))
                seed += rec["entry"] in self.seed_ids
                on_literals += bool(self._overlapping(self.literals, self.literal_starts, start, end))
        by_kind: dict[str, list[int]] = {}
        for i, p in enumerate(self.planted):
            for k in p["kind"].split("+"):
                counts = by_kind.setdefault(k, [0, 0])
                counts[0] += i in found
                counts[1] += 1
        missed = [p for i, p in enumerate(self.planted) if i not in found]
        return Score(len(matches), len(found), len(self.planted), stray, on_literals, seed, misaligned,
                     {k: tuple(v) for k, v in by_kind.items()}, missed, strays)

    def context(self, start: int, end: int) -> str:
        """The line around a span, with the span in [[ ]]."""
        lo = self.text.rfind("\n", 0, start) + 1
        hi = self.text.find("\n", end)
        hi = len(self.text) if hi == -1 else hi
        lo, hi = max(lo, start - 150), min(hi, end + 150)
        return f"{self.text[lo:start]}[[{self.text[start:end]}]]{self.text[end:hi]}"

    def write_details(self, path: Path, score: Score, title: str) -> None:
        """Missed planted phrases and stray matches, for a person to read."""
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"# {title}\n\n## Missed planted phrases ({len(score.missed)})\n\n")
            for p in score.missed:
                f.write(f"- {p['entry']} [{p['kind']}] line {p['line']}: {self.context(p['start'], p['end'])}\n")
            f.write(f"\n## Matches overlapping no planted phrase ({len(score.strays)})\n\n")
            for rec, (start, end) in score.strays:
                f.write(f"- {rec['entry']} ({rec.get('phrase', '')}; score {rec.get('score', '?')}): "
                        f"{self.context(start, end)}\n")
