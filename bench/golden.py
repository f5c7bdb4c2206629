"""Regenerate tests/data/golden_scores.jsonl: the exact scores of probe sentences through the seed decoder.

**Regenerate only when a scoring change is intended.** The file pins what the engine
does with each way of saying a phrase (a full phrase, an inserted filler, another word
order, a typo of each length band, a stem, a prefix, a transliteration, a synonym, a
person slot...): tests/test_scoring.py decodes every probe and compares the matches, their
scores and the rule of each aligned word with this file. After an intended change, run

    python bench/golden.py            # rewrites the file
    git diff tests/data/golden_scores.jsonl

and read the diff: every changed score should be one the change meant to move.
``--check`` only compares (exit 1 on a difference), as the test does.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "data" / "golden_scores.jsonl"

# (what the probe tries, the text): each a way of saying a seed phrase
PROBES = [
    ("full phrase", "Коллеги, какова адженда?"),
    ("full phrase, light words", "Это в планах."),
    ("full phrase with a person slot", "Подсвечу Диме точки роста"),
    ("inserted filler", "Это, ну, в планах."),
    ("inserted interjection", "Коллеги, ой, какова адженда?"),
    ("inserted pronoun and preposition", "Это у нас в планах."),
    ("inserted content word", "Забрал задачу в работу, вернусь."),
    ("inserted content word and preposition", "Мы с Димой из маркетинга решили идти в эту историю."),
    ("inserted content word, under the threshold", "Забрал документы и вернусь."),
    ("another word order", "В планах это."),
    ("another word order with a slot", "Гипотезы его челленджить бесполезно."),
    ("another word order, address last", "Адженда какова, коллеги?"),
    ("missing light word in a long phrase", "Коллеги, я без камеры, приболел."),
    ("missing content word in a long phrase", "Мы с Васей решили в эту историю."),
    ("missing preposition and slot in a long phrase", "Мы решили идти в эту историю."),
    ("missing person slot", "Надо подсветить точки роста."),
    ("missing possessive slot", "Челленджить гипотезы"),
    ("typo, 5 letters, 1 edit", "Подсвечу Диме точки рошта"),
    ("typo, 7 letters, 1 edit", "Это в планахх."),
    ("typo, 6-11 letters, 2 edits", "Калеги, подскажите"),
    ("typo, 6-11 letters, 1 edit", "Пришлете фолоуап?"),
    ("typo, 12+ letters, 1 edit", "верхнеуравнево глянул"),
    ("typo, 12+ letters, 3 edits", "вирхниуравнево глянул"),
    ("stem only", "Верхнеуровневость плана"),
    ("derived", "Почелленджил Петины гипотезы"),
    ("prefix", "Переподсветил Диме точки роста"),
    ("translit", "u menya seychas bolshoy zagruz"),
    ("translit, short phrase", "Eto v planakh."),
    ("listed spelling", "Пришлете follow-up?"),
    ("synonym", "У меня сейчас дикая загруженность"),
    ("synonym of one word", "Взял задачу, вернусь."),
    ("person slot: name and patronymic", "Мы с Андреем Викторовичем решили идти в эту историю."),
    ("person slot: a pronoun", "Руководитель любит подсветить мне точки роста."),
    ("joined words", "ну это впланах да"),
    ("split word and a typo", "ок за брал вирнусь"),
    ("literal use", "Концептуальная модель данных готова."),
    ("address refused", "Коллеги меня поддержали."),
]


def compute() -> list[dict]:
    """Each probe's matches: entry, matched text, score and the rule of each pattern word."""
    sys.path.insert(0, str(ROOT / "tests"))
    from engine_helpers import RU, seed_dictionary

    from jargon.engine.decoder import Decoder

    decoder = Decoder([seed_dictionary()], languages=RU, explain=True)
    out = []
    for case, text in PROBES:
        matches = [{"entry": m.entry.id, "text": m.text, "score": m.score,
                    "rules": [w["rule"] for w in m.explain["words"]]} for m in decoder.decode(text)]
        out.append({"case": case, "text": text, "matches": matches})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Regenerate (or --check) tests/data/golden_scores.jsonl.")
    ap.add_argument("--check", action="store_true", help="compare only; exit 1 on a difference")
    args = ap.parse_args(argv)
    text = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in compute())
    if args.check:
        same = GOLDEN.exists() and GOLDEN.read_text(encoding="utf-8") == text
        print("golden scores unchanged" if same else f"{GOLDEN} differs: run bench/golden.py to see the diff")
        return 0 if same else 1
    tmp = GOLDEN.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(GOLDEN)
    print(f"wrote {GOLDEN.relative_to(ROOT)} ({len(PROBES)} probes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
