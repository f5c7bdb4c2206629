#!/usr/bin/env python3
"""Ordinary prose for counting false alarms: Debian's fortunes and man pages as plain text.

    python bench/prose.py ru OUT.txt [--max-words N]   # fortunes-ru + manpages-ru
    python bench/prose.py en OUT.txt [--max-words N]   # fortunes, fortunes-min + manpages

The packages (`apt-get install fortunes-ru manpages-ru fortunes fortunes-min manpages`)
put their files under /usr/share; this turns the files of those packages (as dpkg lists
them; without dpkg, the folders they install into) into one UTF-8 text with one fortune
or one man-page paragraph per block. Man pages are stripped of roff markup here, without
`man` (rendering each page with `man -l` took 25 minutes for English; this takes seconds):
requests are dropped, the text arguments of font and heading macros kept, escapes removed.
The text is not pretty, but its words are the pages' words.

--max-words N keeps about N words: every k-th block, spread evenly over all the files, so
the sample is the same on every machine with the same package versions. Nothing of these
texts is committed: the packages' licences differ, and the files are read where apt put them.
"""
from __future__ import annotations

import argparse
import gzip
import re
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGES = {"ru": ("fortunes-ru", "manpages-ru"), "en": ("fortunes-min", "fortunes", "manpages")}
FORTUNE_DIRS = {"ru": Path("/usr/share/games/fortunes/ru"), "en": Path("/usr/share/games/fortunes")}
MAN_DIRS = {"ru": Path("/usr/share/man/ru"), "en": Path("/usr/share/man")}
INSTALL = "apt-get install fortunes-ru manpages-ru fortunes fortunes-min manpages"

_WORD = re.compile(r"\w+")
# macros whose arguments are text to keep (fonts, headings, list tags)
_TEXT_MACROS = {"B", "I", "BR", "RB", "IR", "RI", "BI", "IB", "SM", "SB", "SH", "SS", "IP", "TP", "UR", "MT"}
# macros that end a paragraph
_BREAK_MACROS = {"PP", "LP", "P", "SH", "SS", "TP", "IP", "HP", "TH", "sp", "br"}
_ESCAPE = re.compile(r"\\(?:f(?:\[[^]]*\]|\(..|.)|s[-+]?\d+|s\(..|\*(?:\[[^]]*\]|\(..|.)|\(..|\[[^]]*\]|[nk]\S|"
                     r"[hvwlLNoDbxXZRSHYz]'[^']*'|[e&\-c^|0~ %:!{}/,)'`\"]|.)")
_QUOTED = re.compile(r'"([^"]*)"|(\S+)')


def package_files(package: str) -> list[Path] | None:
    """The files a Debian package installed (``dpkg-query -L``); None when dpkg cannot say."""
    if not shutil.which("dpkg-query"):
        return None
    proc = subprocess.run(["dpkg-query", "-L", package], check=False, capture_output=True, text=True)
    if proc.returncode != 0:
        return []
    return [Path(line) for line in proc.stdout.splitlines() if line.strip()]


def _listed_files(lang: str) -> list[Path] | None:
    files: list[Path] = []
    for package in PACKAGES[lang]:
        listed = package_files(package)
        if listed is None:
            return None
        files += listed
    return sorted({f for f in files if f.is_file() and not f.is_symlink()})


def _fallback_files(lang: str) -> list[Path]:
    found: list[Path] = []
    if FORTUNE_DIRS[lang].is_dir():
        found += [f for f in FORTUNE_DIRS[lang].iterdir() if f.is_file()]
    found += [p for section in MAN_DIRS[lang].glob("man[1-8]") for p in section.iterdir()]
    return sorted(f for f in found if f.is_file() and not f.is_symlink())


def is_fortune(path: Path, lang: str) -> bool:
    return path.parent == FORTUNE_DIRS[lang] and path.suffix not in (".dat", ".u8")


def is_manpage(path: Path, lang: str) -> bool:
    return (path.parent.parent == MAN_DIRS[lang] and re.fullmatch(r"man[1-8]", path.parent.name) is not None)


def fortunes(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    return [part.strip() for part in text.split("\n%\n") if part.strip()]


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: "-" if m.group(0) in ("\\-", "\\(hy") else "", text)


def roff_paragraphs(source: str) -> list[str]:
    """The paragraphs of a man page's roff source as plain text (markup dropped, words kept)."""
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = " ".join(current).strip()
        if text:
            paragraphs.append(re.sub(r"\s+", " ", text))
        current.clear()

    for line in source.splitlines():
        if line.startswith((".\\\"", "'\\\"", '.\\"')) or line.strip() in (".", "'"):
            continue
        if line.startswith((".", "'")):
            name, _, rest = line[1:].strip().partition(" ")
            if name in _BREAK_MACROS:
                flush()
            if name in _TEXT_MACROS and rest:
                args = [a or b for a, b in _QUOTED.findall(rest)]
                current.append(_unescape(" ".join(args)))
            continue
        if not line.strip():
            flush()
            continue
        current.append(_unescape(line))
    flush()
    return paragraphs


def manpage(path: Path) -> list[str]:
    if path.suffix == ".gz":
        with gzip.open(path) as f:
            raw = f.read()
    else:
        raw = path.read_bytes()
    return roff_paragraphs(raw.decode("utf-8", "replace"))


def blocks_for(lang: str) -> list[str]:
    """Every fortune and man-page paragraph of the language's packages, in file order."""
    files = _listed_files(lang)
    if files is None:
        files = _fallback_files(lang)
    out: list[str] = []
    for f in files:
        if is_fortune(f, lang):
            out += fortunes(f)
        elif is_manpage(f, lang):
            out += manpage(f)
    return out


def sample(blocks: list[str], max_words: int | None) -> list[str]:
    """About ``max_words`` words of ``blocks``: the same share of the blocks taken evenly from all files."""
    if not max_words:
        return blocks
    total = sum(len(_WORD.findall(b)) for b in blocks)
    if total <= max_words:
        return blocks
    share = max_words / total
    return [b for i, b in enumerate(blocks) if int((i + 1) * share) > int(i * share)]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lang", choices=sorted(PACKAGES))
    parser.add_argument("out", metavar="OUT.txt")
    parser.add_argument("--max-words", type=int, default=None, metavar="N", help="keep about N words")
    args = parser.parse_args(argv)
    blocks = sample(blocks_for(args.lang), args.max_words)
    if not blocks:
        print(f"no prose found: install the packages ({INSTALL})", file=sys.stderr)
        return 2
    Path(args.out).write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    words = sum(len(_WORD.findall(b)) for b in blocks)
    print(f"{args.out}: {len(blocks)} blocks, {words} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
