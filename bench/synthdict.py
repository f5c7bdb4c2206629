"""A synthetic N-entry dictionary in the format of dictionaries/ru-corporate.toml.

Entries are corporate-sounding phrases of 2-5 words built from the CORP_* word
lists of wordlists.py with real agreement (pymorphy3): "согласовать ключевые
договорённости", "фидбек по релизу", "эскалировать блокер в рамках спринта".
About a third have variants (the other word order, or another verb), a few have a
"Вася" placeholder. The seed file's 12 entries are copied in verbatim (same ids,
phrases, variants, placeholders ...) at spread positions, together with its
[spellings], [synonyms] and [sets] tables, so phrases planted from the seed dictionary can still be found.
"""
from __future__ import annotations

import json
import random
import re
import tomllib
from pathlib import Path

import vocab as V
import wordlists as W


def _key(phrase: str) -> str:
    """The loader's duplicate-headword key (jargon.dictionary._phrase_key)."""
    return " ".join(re.findall(r"\w+", phrase.lower().replace("ё", "е")))


def _s(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)   # a JSON string is a valid TOML basic string


def _list(values) -> str:
    return "[" + ", ".join(_s(v) for v in values) + "]"


class PhraseMaker:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.nouns = [n for n in map(V.noun, W.CORP_NOUNS + W.NOUNS[:120]) if n]
        self.adjectives = [a for a in map(V.adjective, W.CORP_ADJECTIVES + W.ADJECTIVES[:40]) if a]
        self.verbs = [v for v in dict.fromkeys(W.CORP_VERBS) if not v.endswith(("ся", "сь"))]   # take an object
        self.any_verbs = list(dict.fromkeys(W.CORP_VERBS))

    def _np(self, case: str, adj: bool) -> str:
        n = self.rng.choice(self.nouns)
        number = "plur" if self.rng.random() < 0.35 and (case, "plur") in n.forms else "sing"
        if (case, number) not in n.forms:
            number = "plur"
        word = n.forms[(case, number)]
        if adj:
            a = self.rng.choice(self.adjectives)
            form = a.forms.get((case, number, n.gender if number == "sing" else None))
            if form:
                word = f"{form} {word}"
        return word

    def make(self) -> tuple[str, list[str], list[str]]:
        """(phrase, variants, placeholders)."""
        rng = self.rng
        r = rng.random()
        verb = rng.choice(self.verbs)
        placeholders: list[str] = []
        if r < 0.25:
            obj = self._np("accs", False)
            phrase, swap = f"{verb} {obj}", f"{obj} {verb}"
        elif r < 0.45:
            obj = self._np("accs", True)
            phrase, swap = f"{verb} {obj}", f"{obj} {verb}"
        elif r < 0.62:
            obj = self._np("accs", rng.random() < 0.3)
            tail = rng.choice(W.CORP_TAILS)
            phrase, swap = f"{verb} {obj} {tail}", f"{tail} {verb} {obj}"
        elif r < 0.74:
            head = self._np("nomn", True)
            phrase, swap = f"{head} {self._np('gent', False)}", None
        elif r < 0.84:
            verb = rng.choice(self.any_verbs)
            np = self._np("ablt", rng.random() < 0.4)
            prep = "со" if re.match(r"[сзшщ][бвгджзклмнпрстфхцчшщ]|мн", np) else "с"
            phrase = f"{verb} {prep} {np}"
            swap = None
        elif r < 0.94:
            phrase = f"{self._np('nomn', False)} по {self._np('datv', rng.random() < 0.3)}"
            swap = None
        else:
            phrase = f"{verb} Васе {self._np('accs', False)}"
            swap = None
            placeholders = ["Вася"]
        variants = []
        if rng.random() < 0.33:
            if swap and rng.random() < 0.6:
                variants.append(swap)
            elif phrase.split()[0] == verb:
                variants.append(rng.choice(self.verbs) + phrase[len(verb):])
        phrase = phrase[0].upper() + phrase[1:]
        return phrase, [v for v in variants if _key(v) != _key(phrase)], placeholders


def seed_blocks(seed_text: str) -> tuple[str, list[str]]:
    """The seed file's tables other than [dictionary] ([spellings], [synonyms], [sets] ...: the
    entries need them) as one text, and its [[entries]] blocks, verbatim."""
    lines = seed_text.splitlines(keepends=True)
    blocks: list[list[str]] = []
    tables: list[str] = []
    section = None
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("[[entries]]"):
            blocks.append([])
            section = "entry"
        elif stripped.startswith("[dictionary]"):
            section = None
        elif stripped.startswith("[") and not stripped.startswith("[["):
            section = "tables"
        if section == "entry":
            blocks[-1].append(line)
        elif section == "tables":
            tables.append(line)
    return "".join(tables).rstrip() + "\n", ["".join(b).rstrip() + "\n" for b in blocks]


def build(seed_path: Path, size: int, seed: int) -> str:
    """The TOML text of a ``size``-entry dictionary that includes the seed file's entries."""
    rng = random.Random(seed)
    seed_text = seed_path.read_text(encoding="utf-8")
    seed_data = tomllib.loads(seed_text)
    tables, blocks = seed_blocks(seed_text)
    taken = {_key(e["phrase"]) for e in seed_data["entries"]}
    taken |= {_key(v) for e in seed_data["entries"] for v in e.get("variants", [])}
    maker = PhraseMaker(rng)
    synthetic = size - len(blocks)
    seed_at = {round((i + 0.5) * size / len(blocks)): b for i, b in enumerate(blocks)}
    out = [
        "# Synthetic benchmark dictionary: generated by bench/generate.py, do not edit.\n",
        "[dictionary]\n",
        'name = "bench-synthetic"\n',
        f"title = {_s(f'Синтетический словарь на {size} статей (бенчмарк)')}\n",
        'language = "ru"\n',
        'version = "0.0.1"\n',
        'license = "CC0-1.0"\n',
        f"description = {_s(f'Generated with seed {seed}; includes the 12 entries of ru-corporate.')}\n\n",
        tables, "\n",
    ]
    n = made = 0
    while made < synthetic or seed_at:
        if n in seed_at:
            out.append(seed_at.pop(n) + "\n")
            n += 1
            continue
        if made >= synthetic:
            n += 1
            continue
        phrase, variants, placeholders = maker.make()
        keys = [_key(phrase)] + [_key(v) for v in variants]
        if any(k in taken for k in keys):
            continue
        taken.update(keys)
        made += 1
        n += 1
        lines = ["[[entries]]\n", f'id = "syn-{made:05d}"\n', f"phrase = {_s(phrase)}\n",
                 f"meaning = {_s(rng.choice(W.MEANING_PARTS_A) + ', ' + rng.choice(W.MEANING_PARTS_B))}\n"]
        if variants:
            lines.append(f"variants = {_list(variants)}\n")
        if placeholders:
            lines.append(f"placeholders = {_list(placeholders)}\n")
        lines.append(f"tags = {_list(sorted(set(rng.sample(W.TAGS, rng.randint(1, 2)))))}\n")
        if rng.random() < 0.01:
            lines.append("explicit = true\n")
            lines.append(f"clean_meaning = {_s('Грубо говоря, ' + rng.choice(W.MEANING_PARTS_A).lower() + '.')}\n")
        out.append("".join(lines) + "\n")
    return "".join(out)
