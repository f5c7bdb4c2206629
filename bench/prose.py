#!/usr/bin/env python3
"""Ordinary prose for counting false alarms: Debian's fortunes and man pages as plain text.

    python bench/prose.py ru OUT.txt      # fortunes-ru + manpages-ru
    python bench/prose.py en OUT.txt      # fortunes (English) + the English man pages

The packages (`apt-get install fortunes-ru manpages-ru fortunes fortunes-min manpages`)
put their files under /usr/share; this turns them into one UTF-8 text with one fortune or
one man-page paragraph per block (roff requests dropped, man pages rendered by `man -l`
when it is installed, else stripped of roff markup). Nothing of these texts is committed:
the packages' licences differ, and the files are read where apt put them.
"""
from __future__ import annotations

import gzip
import re
import shutil
import subprocess
import sys
from pathlib import Path

FORTUNES = {"ru": [Path("/usr/share/games/fortunes/ru")], "en": [Path("/usr/share/games/fortunes")]}
MANPAGES = {"ru": [Path("/usr/share/man/ru")], "en": [Path("/usr/share/man")]}
_ROFF_REQUEST = re.compile(r"^[.'][A-Za-z\\\"]{1,3}.*$", re.M)
_ROFF_ESCAPE = re.compile(r"\\(?:f[BIRP]|f\(..|s[-+]?\d|\(..|\*.|e|&|-|c|\^|\||0|~| )")


def fortunes(root: Path) -> list[str]:
    out = []
    for f in sorted(root.iterdir()):
        if f.is_dir() or f.suffix in (".dat", ".u8") or f.is_symlink():
            continue
        text = f.read_text(encoding="utf-8", errors="replace")
        out.extend(part.strip() for part in text.split("\n%\n") if part.strip())
    return out


def _render(path: Path) -> str:
    raw = gzip.open(path).read() if path.suffix == ".gz" else path.read_bytes()
    if shutil.which("man"):
        proc = subprocess.run(["man", "-l", "-"], input=raw, capture_output=True,
                              env={"MANWIDTH": "100", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"})
        if proc.returncode == 0 and proc.stdout:
            return re.sub(r".\x08", "", proc.stdout.decode("utf-8", "replace"))
    text = raw.decode("utf-8", "replace")
    return _ROFF_ESCAPE.sub("", _ROFF_REQUEST.sub("", text))


def manpages(root: Path, english: bool) -> list[str]:
    out = []
    for section in sorted(root.glob("man[1-8]")):
        for page in sorted(section.iterdir()):
            if page.is_symlink() or not page.is_file():
                continue
            out.extend(p.strip() for p in re.split(r"\n\s*\n", _render(page)) if p.strip())
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in FORTUNES:
        print(__doc__, file=sys.stderr)
        return 2
    lang, target = argv
    blocks: list[str] = []
    for root in FORTUNES[lang]:
        if root.is_dir():
            blocks += fortunes(root)
    for root in MANPAGES[lang]:
        if root.is_dir():
            blocks += manpages(root, lang == "en")
    if not blocks:
        print(f"no prose found: install the packages ({__doc__.splitlines()[5].strip()})", file=sys.stderr)
        return 2
    Path(target).write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    words = sum(len(re.findall(r"\w+", b)) for b in blocks)
    print(f"{target}: {len(blocks)} blocks, {words} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
