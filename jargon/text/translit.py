"""Transliteration between Cyrillic and Latin (Russian).

``to_cyrillic`` reads Russian written in Latin letters ("u menya seychas zagruz",
"vernus'") back into Cyrillic candidates; ``to_latin`` makes ASCII ids.
"""
from __future__ import annotations

import re
from itertools import product

_LAT2CYR = [
    ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ch", "ч"), ("sh", "ш"), ("ts", "ц"),
    ("yu", "ю"), ("ya", "я"), ("yo", "ё"), ("ye", "е"), ("ju", "ю"), ("ja", "я"), ("jo", "ё"),
    ("iy", "ий"), ("yy", "ый"), ("ay", "ай"), ("ey", "ей"), ("oy", "ой"), ("uy", "уй"),
    ("a", "а"), ("b", "б"), ("v", "в"), ("w", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"),
    ("i", "и"), ("j", "й"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"),
    ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("c", "к"), ("y", "ы"),
    ("x", "кс"), ("q", "к"), ("'", "ь"), ("’", "ь"),
]
_LAT_RE = re.compile("|".join(re.escape(a) for a, _ in sorted(_LAT2CYR, key=lambda p: -len(p[0]))))
_LAT_MAP = dict(_LAT2CYR)

_CYR2LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "yu", "я": "ya",
}

LATIN_WORD = re.compile(r"^[a-z'’-]+$")
# Latin letters that look like Cyrillic ones: copy-paste and OCR mix them into Russian words
_HOMOGLYPHS = str.maketrans("aeopcxykmthb", "аеорсхукмтнв")
_MIXED_SCRIPT = re.compile(r"(?=.*[a-z])(?=.*[а-яё])")


def fold_homoglyphs(word: str) -> str | None:
    """A lower-case word mixing Latin look-alikes into Cyrillic ("pришлете"), in Cyrillic; else None."""
    if not any(map(_MIXED_SCRIPT.match, word.split("-"))):
        return None       # each part in one script: an abbreviation and a word ("po-файл", "it-отдел")
    folded = word.translate(_HOMOGLYPHS)
    return None if re.search(r"[a-z]", folded) else folded


def read_mixed(word: str) -> list[str]:
    """A lower-case word with Latin letters run into Cyrillic ones, not look-alikes
    ("koncептуально"): the readings with each Latin run read as Cyrillic, or [] for a word of
    parts in one script each ("po-файл") or with no Cyrillic letter."""
    if "-" in word or "'" in word or not re.search(r"[а-яё]", word):
        return []
    runs = re.split(r"([a-z]+)", word)
    if len(runs) == 1 or len(runs) > 5:      # (two Latin runs at most)
        return []
    options = [_run_readings(run) if k % 2 else [run] for k, run in enumerate(runs)]
    return ["".join(parts) for parts in product(*options)]


def _run_readings(run: str) -> list[str]:
    """A Latin run inside a word read as Cyrillic: "c" is "ц" or "к" ("konc" -> "конц", "конк")."""
    return list(dict.fromkeys([_letters(run), _letters(re.sub(r"c(?!h)", "ц", run))]))


def _letters(latin: str) -> str:
    """``latin`` read letter group by letter group into Cyrillic (the likeliest reading)."""
    return _LAT_RE.sub(lambda m: _LAT_MAP[m.group(0)], latin)


_SOFT_ENDS = frozenset("тсзлнрдмпвчшбф")    # consonants a word may end in with a soft sign after


def to_cyrillic(word: str) -> list[str]:
    """Cyrillic readings of a lower-case Latin word, most likely first ("eto" -> ["ето", "это"])."""
    base = _letters(word)
    out = [base]
    if base.startswith("е"):
        out.append("э" + base[1:])
    if base.endswith("ы") and len(base) > 2:  # "-y" at the end is often "-й"
        out.append(base[:-1] + "й")
    if len(base) > 3 and base[-1] in _SOFT_ENDS:   # Latin letters drop a final soft sign: "vernus", "podsvetit"
        out.append(base + "ь")
    return out


def to_latin(text: str) -> str:
    return "".join(_CYR2LAT.get(ch, ch) for ch in text)
