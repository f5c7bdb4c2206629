"""jargon discover: planted anglicisms, coinages and formulas found and ranked; forms grouped;
covered words, names and ordinary words kept out or down; outputs; draft dictionary; errors."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("wordfreq")

DATA = Path(__file__).parent / "data" / "discover"
SET_A = sorted((DATA / "set-a").glob("*.txt"))
PLANTED = json.loads((DATA / "set-a.planted.json").read_text(encoding="utf-8"))["planted"]


@pytest.fixture(scope="module")
def ranked():
    """Candidates of set-a with the seed dictionary only (computed once: wordfreq loads in seconds)."""
    from jargon.batch import read_input
    from jargon.contributions import ReadOptions
    from jargon.discover.finder import find_candidates
    from jargon.session import Session

    session = Session(no_plugins=True)
    readers = session.plugins.input_readers()
    docs = [session.decoder.decode_document(read_input(str(p), readers, ReadOptions(), None)) for p in SET_A]
    return find_candidates(docs)


def _by_lemma(ranked):
    return {c.lemma: c for c in ranked}


def test_most_planted_items_are_in_the_top_30(ranked):
    top = [c.lemma for c in ranked[:30]]
    found = [p for p in PLANTED if any(_same(p, t) for t in top)]
    assert len(found) >= 0.8 * len(PLANTED), sorted(set(PLANTED) - set(found))
    precision = sum(any(_same(p, t) for p in PLANTED) for t in top[:15]) / 15
    assert precision >= 0.9, top[:15]


def _same(planted: str, lemma: str) -> bool:
    """A planted item and a candidate's lemma: equal, or the same words up to their endings."""
    a, b = planted.replace("ё", "е").split(), lemma.replace("ё", "е").split()
    return len(a) == len(b) and all(_stem_eq(x, y) for x, y in zip(a, b, strict=True))


def _stem_eq(x: str, y: str) -> bool:
    """The same word up to an ending of at most two letters (полку, полка; руку, рука)."""
    n = max(3, len(x) - 2)
    return abs(len(x) - len(y)) <= 2 and x[:n] == y[:n]


def test_anglicism_forms_are_grouped_under_one_lemma_with_the_english_root(ranked):
    merge = _by_lemma(ranked)["замерджить"]
    assert merge.kind == "anglicism" and "merge" in merge.english.split("/")
    assert {"замерджил", "замерджить", "замерджу", "замерджим"} <= set(merge.forms)
    track = _by_lemma(ranked)["трекать"]
    assert {"трекаю", "трекаешь", "трекать"} <= set(track.forms)


def test_formula_groups_inflections_and_both_aspects(ranked):
    clocks = _by_lemma(ranked)["сверить часы"]
    assert clocks.kind == "formula"
    assert {"сверим часы", "сверяем часы", "сверили часы"} <= set(clocks.forms)
    assert len(clocks.speakers) >= 2 and len(clocks.documents) >= 2


def test_covered_words_are_never_candidates(ranked):
    lemmas = " ".join(c.lemma for c in ranked)
    for covered in ("верхнеуровнево", "концептуально", "загруз", "адженда"):
        assert covered not in lemmas


def test_ordinary_domain_words_and_product_names_rank_below_the_planted_terms(ranked):
    rank = {c.lemma: n for n, c in enumerate(ranked)}
    worst_planted = max(rank[c] for c in ("самоварка", "пятничник", "мухобойка", "кубышка"))
    for ordinary in ("договор", "поставка", "смена", "клиент", "jira", "slack", "битрикс"):
        assert rank.get(ordinary, len(ranked)) > worst_planted, ordinary
    # a word said almost only inside a formula is left to the formula
    assert "флажок" not in rank and "поднять флажок" in rank


def test_counts_and_contexts(ranked):
    cand = _by_lemma(ranked)["пятничник"]
    assert sum(cand.documents.values()) == cand.count == sum(cand.speakers.values())
    assert "Интервьюер" not in cand.speakers
    assert 1 <= len(cand.contexts) <= 3
    assert all(c.keyword.lower().startswith("пятничник") for c in cand.contexts)
    assert all(c.keyword in c.sentence for c in cand.contexts)


def test_rejected_candidates_do_not_come_back(ranked, tmp_path):
    from jargon.discover.candidates import rank
    from jargon.discover.rejected import add_rejected, load_rejected

    path = tmp_path / "rejected.toml"
    add_rejected("term:кубышка", path)
    add_rejected("formula:сверить часы", path)
    assert load_rejected(path) == {"term:кубышка", "formula:сверить часы"}
    kept = {c.lemma for c in rank(ranked, load_rejected(path))}
    assert "кубышка" not in kept and "сверить часы" not in kept and "пятничник" in kept


def test_broken_rejected_file_is_an_error_and_is_kept(tmp_path):
    from jargon.discover.rejected import add_rejected, load_rejected
    from jargon.errors import JargonError

    path = tmp_path / "rejected.toml"
    path.write_text("rejected = [1, 2", encoding="utf-8")
    with pytest.raises(JargonError, match="not valid TOML"):
        load_rejected(path)
    with pytest.raises(JargonError):
        add_rejected("term:x", path)
    assert path.read_text(encoding="utf-8") == "rejected = [1, 2"


def test_english_and_russian_sound_keys_meet():
    from jargon.discover.anglicisms import english_key, russian_key

    for ru, en in (("асайн", "assign"), ("резолв", "resolve"), ("ревью", "review"), ("мердж", "merge"),
                   ("скейл", "scale"), ("инвойс", "invoice"), ("шип", "ship"), ("коммит", "commit")):
        assert russian_key(ru) == english_key(en), (ru, en)
    assert russian_key("договор") != english_key("dogger")


def test_english_root_needs_russian_morphology():
    from jargon.builtin.russian import _analyzer
    from jargon.discover.anglicisms import english_root

    analyzer = _analyzer()
    assert english_root("заасайнить", analyzer)[:2] == ("за", "асайн")
    assert english_root("заскейлили", analyzer)[:2] == ("за", "скейл")
    assert english_root("отревьюим", analyzer)[:2] == ("от", "ревью")
    assert english_root("переподписать", analyzer) is None
    # the root's last consonant alternates: фидбэк -> отфидбечить
    prefix, root, english = english_root("отфидбечить", analyzer)
    assert (prefix, root) == ("от", "фидбеч") and "feedback" in english.split("/")


# -- the command ------------------------------------------------------------------------

def test_cli_table_json_jsonl_csv(cli):
    args = ["--no-plugins", "discover", *SET_A, "-n", "10"]
    table = cli(*args)
    assert table.rc == 0 and "lemma (forms)" in table.out and "трекать" in table.out
    data = json.loads(cli(*args, "-f", "json").out)["candidates"]
    assert len(data) == 10 and data[0]["rank"] == 1
    assert {"lemma", "kind", "score", "forms", "documents", "speakers", "contexts"} <= set(data[0])
    lines = cli(*args, "-f", "jsonl").out.splitlines()
    assert [json.loads(line)["lemma"] for line in lines] == [d["lemma"] for d in data]
    rows = list(csv.reader(io.StringIO(cli(*args, "-f", "csv").out)))
    assert rows[0][:3] == ["rank", "lemma", "kind"] and len(rows) == 11


def test_cli_kind_and_top(cli):
    data = json.loads(cli("--no-plugins", "discover", *SET_A, "--kind", "formula", "-n", "3", "-f", "json").out)
    assert len(data["candidates"]) == 3 and {c["kind"] for c in data["candidates"]} == {"formula"}
    assert cli("--no-plugins", "discover", *SET_A, "-n", "-1").rc == 2


def test_cli_speaker_selection_and_stdin(cli, monkeypatch):
    only = json.loads(cli("--no-plugins", "discover", *SET_A, "--exclude-speaker", "Интервьюер", "-f", "json").out)
    assert all("Интервьюер" not in c["speakers"] for c in only["candidates"])
    nobody = cli("--no-plugins", "discover", *SET_A, "--speaker", "Никто Никтович", "-f", "json")
    assert nobody.rc == 0 and json.loads(nobody.out)["candidates"] == []
    text = "\n".join(p.read_text(encoding="utf-8") for p in SET_A)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))
    piped = cli("--no-plugins", "discover", "-f", "jsonl")
    assert piped.rc == 0 and "пятничник" in piped.out


def test_cli_escapes_terminal_and_csv(cli, tmp_path):
    hostile = ("Анна: =HYPERLINK(1) кринжатор\x1b[31m кринжатор тут.\nБорис: опять кринжатор, и кринжатор.\n")
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(hostile, encoding="utf-8")
    b.write_text(hostile.replace("Анна", "Вера").replace("Борис", "Глеб"), encoding="utf-8")
    out = cli("--no-plugins", "discover", a, b).out
    assert "\x1b" not in out
    rows = list(csv.reader(io.StringIO(cli("--no-plugins", "discover", a, b, "-f", "csv").out)))
    assert all(not cell.startswith(("=", "+", "@")) for row in rows for cell in row)


def test_draft_dictionary_validates_once_meanings_are_written_and_finds_every_term(cli, tmp_path):
    draft = tmp_path / "draft.toml"
    res = cli("--no-plugins", "discover", *SET_A, "-n", "20", "-f", "toml", "-o", draft)
    assert res.rc == 0
    text = draft.read_text(encoding="utf-8")
    assert 'meaning = ""  # TODO' in text
    assert cli("dict", "validate", draft).rc != 0          # empty meanings are not accepted
    draft.write_text(text.replace('meaning = ""', 'meaning = "что-то своё"'), encoding="utf-8")
    res = cli("dict", "validate", draft)
    assert res.rc == 0, res.out + res.err
    from jargon.dictionary import load_dictionary

    entries = {e.id for e in load_dictionary(draft).entries}
    found = json.loads(cli("--no-plugins", "decode", "-d", draft, "-f", "json", *SET_A).out)
    hit = {m["entry"] for doc in found["documents"] for m in doc["matches"]} if isinstance(found, dict) else set()
    assert entries <= hit, entries - hit


def test_output_never_overwrites_an_input(cli, tmp_path):
    src = tmp_path / "in.txt"
    src.write_text(SET_A[0].read_text(encoding="utf-8"), encoding="utf-8")
    before = src.read_bytes()
    res = cli("--no-plugins", "discover", src, "-f", "json", "-o", src)
    assert res.rc == 2 and "refusing to overwrite" in res.err
    assert src.read_bytes() == before


def test_errors_are_one_line_exit_2(cli, tmp_path):
    res = cli("--no-plugins", "discover", *SET_A, "-f", "toml")
    assert res.rc == 2 and len(res.err_lines) == 1 and "-o" in res.err
    res = cli("--no-plugins", "discover", tmp_path / "missing.txt")
    assert res.rc == 2 and len(res.err_lines) == 1


def test_missing_wordfreq_is_one_line_exit_2(tmp_path):
    code = ("import sys; sys.modules['wordfreq'] = None\n"
            "from jargon.cli import main\n"
            f"sys.exit(main(['--no-plugins', 'discover', {str(SET_A[0])!r}]))")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0 and "jargon-decoder[discover]" in res.stderr


def test_decode_never_imports_wordfreq(tmp_path):
    src = tmp_path / "t.txt"
    src.write_text("Коллеги, какова адженда?\n", encoding="utf-8")
    code = ("import sys\nfrom jargon.cli import main\n"
            f"main(['--no-plugins', 'decode', {str(src)!r}])\n"
            "print('wordfreq' in sys.modules, sorted(m for m in sys.modules if m.startswith('jargon.discover.')))")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.stdout.strip().splitlines()[-1] == "False []", res.stdout + res.stderr
