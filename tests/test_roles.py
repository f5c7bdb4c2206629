"""Speaker selection (--speaker/--exclude-speaker), roles files (--roles) and per-role/per-group stats."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from jargon.model import DecodedDocument, Document, Entry, Match, Segment
from jargon.roles import Roles, RolesError, SelectedDocument, SpeakerSelection, label_keys, load_roles
from jargon.stats import document_stats

DICT = Path(__file__).parent / "fixtures" / "transcripts-dict.toml"
TRANSCRIPT = ("Интервьюер (И.): Концептуально, расскажите?\n"
              "Респондент (Ольга К.): Концептуально всё хорошо, большой загруз.\n"
              "Интервьюер (И.): А верхнеуровнево?\n"
              "Борис: Верхнеуровнево да.\n")
ROLES = ('[roles]\ninterviewer = ["Интервьюер", "И."]\nrespondent = ["Респондент", "Борис"]\n\n'
         '[groups]\n"Финансы" = ["Ольга К."]\n"Продажи" = ["борис"]\n')


@pytest.fixture
def study(tmp_path):
    (tmp_path / "a.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (tmp_path / "roles.toml").write_text(ROLES, encoding="utf-8")
    return tmp_path


def test_label_keys_split_a_parenthesised_label():
    assert label_keys("Респондент (Ольга  К.)") == ("респондент (ольга к.)", "респондент", "ольга к.")
    assert label_keys("Анна") == ("анна",)


def test_roles_and_groups_by_whole_label_or_its_parts(study):
    roles = load_roles(study / "roles.toml")
    assert roles.role_of("Интервьюер (И.)") == "interviewer"
    assert roles.role_of("И.") == "interviewer"
    assert roles.role_of("Респондент (Ольга К.)") == "respondent"
    assert roles.group_of("Респондент (Ольга К.)") == "Финансы"
    assert roles.group_of("БОРИС") == "Продажи"
    assert roles.role_of("Анна") is None and roles.role_of(None) is None


@pytest.mark.parametrize("text,message", [
    ("[roles]\nx = 3\n", "must be a list of speaker labels"),
    ("[people]\n", "unknown key 'people'"),
    ("[roles\n", "invalid TOML"),
])
def test_a_bad_roles_file_is_one_line(cli, study, text, message):
    (study / "roles.toml").write_text(text, encoding="utf-8")
    with pytest.raises(RolesError, match=message):
        load_roles(study / "roles.toml")
    r = cli("stats", "-d", DICT, "--roles", study / "roles.toml", study / "a.txt")
    assert r.rc == 2 and len(r.err_lines) == 1 and message in r.err


def test_selection_keeps_and_leaves_out_speakers_roles_and_groups():
    roles = Roles({"interviewer": ("интервьюер",)}, {"финансы": ("ольга к.",)})
    exclude = SpeakerSelection(exclude=("INTERVIEWER",), roles=roles)
    assert not exclude.keeps("Интервьюер (И.)") and exclude.keeps("Борис") and exclude.keeps(None)
    include = SpeakerSelection(include=("Финансы", "борис"), roles=roles)
    assert include.keeps("Респондент (Ольга К.)") and include.keeps("Борис")
    assert not include.keeps("Анна") and not include.keeps(None)


def _decoded() -> DecodedDocument:
    e = Entry("k", "Концептуально", "m")
    text = "И: Концептуально?\nО: Концептуально.\n"
    segs = [Segment(3, 17, "И"), Segment(21, 35, "О")]
    return DecodedDocument(Document(text, "t.txt", segs), [Match(3, 16, "Концептуально", e, "d", 100.0),
                                                          Match(21, 34, "Концептуально", e, "d", 100.0)])


def test_a_selected_document_counts_only_the_kept_speakers():
    only_o = SpeakerSelection(include=("о",)).apply(_decoded())
    assert isinstance(only_o.document, SelectedDocument)
    assert [m.start for m in only_o.matches] == [21]
    stats = document_stats(only_o)
    assert (stats.total.words, stats.total.matches, list(stats.speakers)) == (1, 1, ["О"])
    nobody = SpeakerSelection(include=("никто",)).apply(_decoded())
    assert document_stats(nobody).total.words == 0 and nobody.matches == []
    assert SpeakerSelection().apply(_decoded()).document.__class__ is Document


def test_decode_exclude_speaker_by_role(cli, study):
    r = cli("decode", "-d", DICT, "-f", "jsonl", "--roles", study / "roles.toml", "--exclude-speaker", "interviewer",
            study / "a.txt")
    assert r.rc == 0, r.err
    assert [(x["speaker"], x["text"]) for x in map(json.loads, r.out.splitlines())] == [
        ("Респондент (Ольга К.)", "Концептуально"), ("Респондент (Ольга К.)", "большой загруз"),
        ("Борис", "Верхнеуровнево")]


def test_decode_speaker_is_repeatable_and_case_insensitive(cli, study):
    r = cli("decode", "-d", DICT, "-f", "jsonl", "--speaker", "ольга к.", "--speaker", "БОРИС", study / "a.txt")
    assert [x["speaker"] for x in map(json.loads, r.out.splitlines())] == [
        "Респондент (Ольга К.)", "Респондент (Ольга К.)", "Борис"]


def test_reports_leave_the_excluded_speaker_out(cli, study):
    r = cli("decode", "-d", DICT, "-f", "markdown", "--exclude-speaker", "Интервьюер", study / "a.txt")
    assert r.rc == 0, r.err
    assert "| Интервьюер" not in r.out and "Борис" in r.out
    assert "Концептуально, расскажите" in r.out and "**Концептуально**, расскажите" not in r.out   # not highlighted
    assert r.out.count("**Концептуально**[^") == 1                                           # the respondent's


def test_stats_exclude_speaker(cli, study):
    full = json.loads(cli("stats", "-d", DICT, "--format", "json", study / "a.txt").out)
    r = cli("stats", "-d", DICT, "--format", "json", "--exclude-speaker", "и.", study / "a.txt")
    assert r.rc == 0, r.err
    doc = json.loads(r.out)["documents"][0]
    assert [s["speaker"] for s in doc["speakers"]] == ["Респондент (Ольга К.)", "Борис"]
    interviewer = [s for s in full["documents"][0]["speakers"] if s["speaker"] == "Интервьюер (И.)"]
    assert doc["words"] == full["documents"][0]["words"] - sum(s["words"] for s in interviewer)
    assert doc["matches"] == full["documents"][0]["matches"] - sum(s["matches"] for s in interviewer) == 3


def test_stats_per_role_and_group(cli, study):
    r = cli("stats", "-d", DICT, "--format", "json", "--roles", study / "roles.toml", study / "a.txt")
    data = json.loads(r.out)
    assert [(x["role"], x["words"], x["matches"]) for x in data["roles"]] == [("interviewer", 4, 2),
                                                                             ("respondent", 7, 3)]
    assert [(x["group"], x["matches"]) for x in data["groups"]] == [(None, 2), ("Финансы", 2), ("Продажи", 1)]
    speakers = data["documents"][0]["speakers"]
    assert [(s["speaker"], s["role"], s["group"]) for s in speakers] == [
        ("Интервьюер (И.)", "interviewer", None), ("Респондент (Ольга К.)", "respondent", "Финансы"),
        ("Борис", "respondent", "Продажи")]
    rows = list(csv.DictReader(io.StringIO(
        cli("stats", "-d", DICT, "--format", "csv", "--roles", study / "roles.toml", study / "a.txt").out)))
    assert [(x["role"], x["group"], x["matches"]) for x in rows if not x["file"]] == [
        ("interviewer", "", "2"), ("respondent", "", "3"), ("", "(no group)", "2"), ("", "Финансы", "2"),
        ("", "Продажи", "1"), ("", "", "5")]
    table = cli("stats", "-d", DICT, "--roles", study / "roles.toml", study / "a.txt").out
    assert "By role" in table and "By group" in table and "Финансы" in table
