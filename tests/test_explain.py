"""--explain and --near-misses: the alignment, the rule of each word, the score parts, the guards."""
from __future__ import annotations

import json
from functools import lru_cache

import pytest
from engine_helpers import RU, seed_dictionary

from jargon.engine.decoder import Decoder
from jargon.engine.explain import explain_lines


@lru_cache(maxsize=1)
def explaining() -> Decoder:
    return Decoder([seed_dictionary()], languages=RU, explain=True)


def only(text: str):
    (m,) = explaining().decode(text)
    return m


def words(m) -> list[tuple[str | None, str, str]]:
    return [(w["text"], w["pattern"], w["rule"]) for w in m.explain["words"]]


@pytest.mark.parametrize("text, aligned", [
    ("Коллеги, какова адженда?", [("Коллеги", "коллеги", "exact"), ("какова", "какова", "exact"),
                                  ("адженда", "адженда", "exact")]),
    ("Подсвечу Диме точки роста", [("Подсвечу", "подсветить", "inflection"), ("Диме", "васе", "person slot"),
                                   ("точки", "точки", "exact"), ("роста", "роста", "exact")]),
    ("У меня сейчас дикая загруженность", [("У", "у", "exact"), ("меня", "меня", "exact"),
                                           ("сейчас", "сейчас", "exact"), ("дикая", "большой", "synonym"),
                                           ("загруженность", "загруз", "synonym")]),
    ("Пришлете follow-up?", [("Пришлете", "пришлете", "exact"), ("follow-up", "фоллоуап", "spelling")]),
    ("u menya seychas bolshoy zagruz", [("u", "у", "translit"), ("menya", "меня", "translit"),
                                        ("seychas", "сейчас", "translit"), ("bolshoy", "большой", "translit"),
                                        ("zagruz", "загруз", "spelling")]),   # listed in [spellings]
    ("Есть концептуальное согласие", [("концептуальное", "концептуальный", "inflection")]),
    ("Верхнеуровневость плана", [("Верхнеуровневость", "верхнеуровнево", "stem")]),
    # по- + the borrowed root
    ("Почелленджил Петины гипотезы", [("Почелленджил", "челленджить", "derived"), ("Петины", "васины", "person slot"),
                                      ("гипотезы", "гипотезы", "exact")]),
])
def test_each_word_says_by_which_rule_it_matched(text, aligned):
    assert words(only(text)) == aligned


def test_a_typo_gives_its_edit_distance():
    m = only("калеги, подскажите")
    (w,) = m.explain["words"]
    assert (w["rule"], w["distance"], w["pattern"]) == ("typo", 2, "коллеги")
    assert 0.8 <= w["similarity"] < 1.0


def test_score_parts_make_the_score():
    m = only("Коллеги, а адженда-то какая будет?")
    sc = m.explain["score"]
    assert sc["dice"] == pytest.approx(2 * sc["matched"] / (sc["pattern"] + sc["matched"] + sc["inserted"]), abs=1e-3)
    assert sc["score"] == pytest.approx(100 * sc["dice"] * sc["order"], abs=0.2)
    assert sc["score"] == m.score and sc["threshold"] == 75
    assert sc["order"] < 1.0          # "адженда ... какая" is said in another order than "какая адженда"
    assert sc["inserted"] > 0         # "а", "-то" are fillers: they cost a little


def test_guards_checked_are_listed():
    m = only("Верхнеуровнево всё ок")
    guards = {g["guard"]: g for g in m.explain["guards"]}
    assert guards["literal"]["passed"] and "верхнеуровневый {tech}" in guards["literal"]["checked"]
    address = only("Коллеги, кто знает?").explain["guards"]
    assert [g["guard"] for g in address] == ["address", "script"] and all(g["passed"] for g in address)


@pytest.mark.parametrize("text, reason", [
    ("Коллеги меня поддержали.", "not an address here"),
    ("В верхнеуровневом меню четыре пункта.", "a literal use: 'верхнеуровневый {tech}'"),
    ("Коллеги, please check the report before the call", "a one-word phrase in text of another script"),
    ("забрал документы и вернусь", "score under the threshold 75"),
])
def test_near_misses_say_why_they_were_rejected(text, reason):
    near: list = []
    assert explaining().decode(text, near) == []
    assert reason in [m.explain["rejected"] for m in near]


def test_a_near_miss_is_listed_once_with_its_best_wording():
    near: list = []
    explaining().decode("Это у нас пока в дальних планах", near)
    assert [(n.entry.id, n.score) for n in near] == [("eto-v-planakh", 69.2)]   # "дальних" modifies "планах"


def test_other_wordings_of_a_matched_entry_are_not_near_misses():
    near: list = []
    (m,) = explaining().decode("Коллеги, какова адженда?", near)
    assert all(n.entry.id != m.entry.id for n in near)
    assert [n.entry.id for n in near] == ["kollegi"]      # the bare address, inside the longer phrase


def test_without_explain_matches_carry_nothing():
    from engine_helpers import seed_decoder

    (m,) = seed_decoder().decode("Коллеги, какова адженда?")
    assert m.explain is None


def test_readable_lines():
    lines = explain_lines(only("калеги, подскажите").explain)
    assert lines[0] == "pattern  'Коллеги!' (headword)"
    assert lines[1] == "words    калеги=коллеги (typo, 2 edits, 0.80)"
    assert lines[2].startswith("score    100 x Dice(matched 0.80, pattern 1.00, inserted 0.00)")
    assert lines[3].startswith("guard    address: passed")


def test_cli_explain_in_every_format(tmp_path, cli):
    path = tmp_path / "a.txt"
    path.write_text("Коллеги меня поддержали. Коллеги, а адженда-то какая будет?\n", encoding="utf-8")

    def run_cli(argv: list[str], _text: str) -> str:
        r = cli(*argv, str(path))
        assert r.rc == 0, r.err
        return r.out

    text = ""
    out = run_cli(["decode", "-d", "ru-corporate", "--explain", "--near-misses"], text)
    assert "    words    Коллеги=коллеги (exact, 1.00) · какая=какая (exact, 1.00)" in out
    assert "-- near misses (2): candidates that were rejected" in out
    assert "a.txt:1:1  Коллеги  ✗ Коллеги!  (100): not an address here" in out
    records = [json.loads(line) for line in run_cli(["decode", "-d", "ru-corporate", "--explain", "--near-misses",
                                                      "-f", "jsonl"], text).splitlines()]
    assert [(r["entry"], r.get("near_miss", False)) for r in records] == [
        ("kakova-agenda", False), ("kollegi", True), ("kollegi", True)]
    assert records[0]["explain"]["words"][0]["rule"] == "exact"
    assert records[1]["explain"]["rejected"] == "not an address here"
    doc = json.loads(run_cli(["decode", "-d", "ru-corporate", "--near-misses", "-f", "json"], text))["documents"][0]
    assert [m["explain"]["rejected"] for m in doc["near_misses"]] == ["not an address here",
                                                                      "overlapped by a better match"]
    plain = [json.loads(line) for line in run_cli(["decode", "-d", "ru-corporate", "-f", "jsonl"], text).splitlines()]
    assert "explain" not in plain[0] and len(plain) == 1
