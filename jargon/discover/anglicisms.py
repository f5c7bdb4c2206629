"""Anglicisms in Russian morphology: заасайнить, зарезолвил, отревьюим.

A word is one when pymorphy3 does not know it as Russian, it splits into an optional Russian
prefix, a root and a Russian derivational ending (the Russian analyser's derivation patterns,
:meth:`RussianAnalyzer.derived_ending`), and the root, read back into Latin letters, sounds like
a word of the English list (:func:`jargon.text.english.english_words`).

"Sounds like" is a shared key: both spellings are reduced to their consonants, with every
run of vowels (and й, y, a w after a vowel) as one ``V``, doubled letters once, and the
spelling rules that Russian borrowings follow (English c before e/i and s, z -> с/з; g before
e/i and j -> дж; ch -> ч; sh -> ш; x -> кс; silent final e, gh, the g of gn, the k of kn).
"асайн" and "assign" are both ``VsVn``, "резолв" and "resolve" ``rVsVlv``, "ревью" and
"review" ``rVvV``.
"""
from __future__ import annotations

import re

# multi-letter prefixes first, then none, then the one-letter ones (скейлить is "scale", not с-кейл)
PREFIXES = ("пере", "раз", "рас", "под", "при", "про", "вы", "до", "за", "на", "об", "от", "по", "из", "", "с", "у")
MIN_ROOT = 3            # letters of the root
MIN_CONSONANTS = 2      # of the root's key: shorter keys sound like too many English words

_CYR = str.maketrans({"а": "V", "е": "V", "ё": "V", "и": "V", "о": "V", "у": "V", "ы": "V", "э": "V", "ю": "V",
                      "я": "V", "й": "V", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "j", "з": "s", "к": "k",
                      "л": "l", "м": "m", "н": "n", "п": "p", "р": "r", "с": "s", "т": "t", "ф": "f", "х": "",
                      "ц": "ts", "ч": "C", "ш": "S", "щ": "S", "ь": "", "ъ": ""})
# English spellings and their Russian sounds, longest first; vowels (and a w after them) are one V
_EN_SOUNDS = {"tion": "Sn", "sion": "Sn", "tch": "C", "ck": "k", "ph": "f", "th": "t", "sh": "S", "ch": "C",
              "gh": "", "gn": "n", "qu": "kv", "x": "ks", "dg": "j", "ce": "sV", "ci": "sV", "cy": "sV", "c": "k",
              "ge": "jV", "gi": "jV", "gy": "jV", "z": "s", "w": "v", "h": ""}
_EN_RE = re.compile("[aeiouy]+w?|" + "|".join(sorted(_EN_SOUNDS, key=len, reverse=True)))
_RUNS = re.compile(r"(.)\1+")
_LATIN_WORD = re.compile(r"^[a-z]{3,}$")


def _sound(m: re.Match) -> str:
    text = m.group()
    return _EN_SOUNDS.get(text, "V")


def english_key(word: str) -> str:
    """The sound key of a lower-case English word."""
    if word.endswith(("ge", "ce")):
        word = word[:-2] + ("j" if word[-2] == "g" else "s")
    elif len(word) > 3 and word.endswith("e"):
        word = word[:-1]                    # silent final e
    if word.startswith(("kn", "wr")):
        word = word[1:]
    if word.endswith("mb"):
        word = word[:-1]
    return _RUNS.sub(r"\1", _EN_RE.sub(_sound, word))


def russian_key(root: str) -> str:
    """The sound key of a Cyrillic root ("дж" is one sound)."""
    return _RUNS.sub(r"\1", root.replace("дж", "ж").translate(_CYR))


def english_index() -> dict[str, tuple[str, ...]]:
    """Sound key -> the English words that have it (pyspellchecker's list; kept in the disk cache)."""
    if not _index:
        _index.append(_load_index())
    return _index[0]


_index: list[dict[str, tuple[str, ...]]] = []


def _load_index() -> dict[str, tuple[str, ...]]:
    import hashlib

    from jargon import diskcache
    words = _counts()
    digest = hashlib.sha256(repr((len(words), sorted(_EN_SOUNDS.items()), 3)).encode()).hexdigest()[:32]
    name = f"anglicisms-{digest}.pickle"
    cached = diskcache.load(name)
    if isinstance(cached, dict):
        return cached
    index: dict[str, list[str]] = {}
    for word in sorted(words, key=words.__getitem__, reverse=True):    # the most frequent first
        if _LATIN_WORD.match(word):
            index.setdefault(english_key(word), []).append(word)
    out = {k: tuple(v[:20]) for k, v in index.items()}
    if words:
        diskcache.store(name, out)
    return out


def _counts() -> dict[str, int]:
    """pyspellchecker's English words with their counts (those of :func:`english_words`)."""
    import json

    from jargon.text.english import MIN_COUNT, _read_text

    try:
        counts = json.loads(_read_text() or "{}")
    except ValueError:
        return {}
    return {w: n for w, n in counts.items() if isinstance(n, int) and n >= MIN_COUNT}


# a root's last consonant alternates before Russian suffixes: фидбэк -> отфидбечить, факап -> факапчик
_ALTERNATED = {"C": "k", "j": "g", "S": "s"}


def _keys(root: str) -> list[str]:
    """The sound keys of a root: as spelled, and with its last consonant before the alternation."""
    key = russian_key(root)
    keys = [key]
    if key[-1:] in _ALTERNATED:
        keys.append(key[:-1] + _ALTERNATED[key[-1]])
    return keys


def _consonants(key: str) -> int:
    return sum(ch != "V" for ch in key)


def english_root(word: str, analyzer) -> tuple[str, str, str] | None:
    """``(prefix, root, English words)`` when ``word`` is an English root in Russian morphology, else None.

    ``word`` is a lower-case Cyrillic word that pymorphy3 does not know. Prefixes are tried in
    :data:`PREFIXES` order; for each, of the roots that sound English the one with most consonants
    (the whole root, not a piece of it), the shortest of those (without the verb's vowel)."""
    index = english_index()
    for prefix in PREFIXES:
        if not word.startswith(prefix):
            continue
        body = word[len(prefix):]
        best: tuple[int, str, str] | None = None
        for cut in range(MIN_ROOT, len(body) + 1):
            root, rest = body[:cut], body[cut:]
            if not rest:
                continue          # Russian morphology: an ending after the root
            if rest in ("ь", "й") or (rest and not analyzer.derived_ending(rest)):
                continue          # "-ь" alone ends a verb's suffix ("скейлит-ь"), never a root
            for key in _keys(root):
                consonants = _consonants(key)
                if consonants >= MIN_CONSONANTS and key in index and (best is None or consonants > best[0]):
                    best = (consonants, root, key)
        if best is not None:
            return prefix, best[1], _closest(index[best[2]])
    return None


def _closest(words: tuple[str, ...], n: int = 3) -> str:
    """The English words a root may be built on, the most frequent first, joined with "/": the
    sound key cannot tell "assign" from "asian" or "ocean", the researcher can."""
    return "/".join(words[:n])
