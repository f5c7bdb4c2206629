#!/usr/bin/env python3
"""The heavy part of the hostile-input battery (issue 11): time and peak memory of refusing it.

    .venv/bin/python bench/hostile.py               # a 200 MB .docx bomb, TOML 100,000 deep
    .venv/bin/python bench/hostile.py --docx-mb 1000

Each case runs ``jargon`` as a child process (bench/measure.py: wall time and peak RSS from
wait4) and must end in seconds with exit 2 and one line on stderr, no traceback. The fast
versions of the same attacks are tests (tests/test_safety_input.py).
"""
from __future__ import annotations

import argparse
import io
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from measure import run  # noqa: E402

GOAL_SECONDS = 10.0
DEPTH = 100_000


def docx_bomb(path: Path, megabytes: int) -> None:
    """A small .docx whose word/document.xml inflates to ``megabytes`` MB of tiny paragraphs."""
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    para = b"<w:p><w:r><w:t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</w:t></w:r></w:p>"
    head, tail = src.read("word/document.xml").split(b"<w:body>")
    xml = head + b"<w:body>" + para * (megabytes * 2**20 // len(para)) + tail
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info.filename, xml if info.filename == "word/document.xml" else src.read(info.filename))


def deep_toml(path: Path) -> None:
    path.write_text('[dictionary]\nname = "deep"\n\n[[entries]]\nid = "a"\nphrase = "b"\nmeaning = "c"\n'
                    f'x = {"[" * DEPTH}{"]" * DEPTH}\n', encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docx-mb", type=int, default=200, help="uncompressed size of the bomb's document.xml")
    ap.add_argument("--jargon", default=f"{sys.executable} -m jargon", help="the command to run")
    args = ap.parse_args()
    jargon = args.jargon.split()
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bomb, deep, text = folder / "bomb.docx", folder / "deep.toml", folder / "a.txt"
        docx_bomb(bomb, args.docx_mb)
        deep_toml(deep)
        text.write_text("Коллеги, какая адженда?\n", encoding="utf-8")
        cases = [
            (f".docx bomb ({bomb.stat().st_size / 2**20:.1f} MB -> {args.docx_mb} MB)", ["decode", str(bomb)]),
            (f"TOML {DEPTH:,} deep: decode -d", ["decode", "-d", str(deep), str(text)]),
            (f"TOML {DEPTH:,} deep: dict validate", ["dict", "validate", str(deep)]),
        ]
        print("| case | seconds | peak MB | exit | stderr |\n|---|---:|---:|---:|---|")
        for label, argv in cases:
            r = run(jargon + ["--no-plugins"] + argv)
            lines = [line for line in r.stderr.splitlines() if line.strip()]
            ok = r.returncode == 2 and len(lines) == 1 and r.wall < GOAL_SECONDS and "Traceback" not in r.stderr
            failed += not ok
            print(f"| {label} | {r.wall:.2f} | {r.max_rss_mb:.0f} | {r.returncode} | {lines[0][:90] if lines else ''}"
                  f"{'' if ok else ' **FAILED**'} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
