"""Triage decisions: the sidecar file, keys that survive re-decoding, applying them."""
from __future__ import annotations

import pytest

from jargon.decisions import (
    CONFIRMED,
    DISMISSED,
    Decision,
    Decisions,
    DecisionsError,
    TriagedMatch,
    apply_decisions,
    find_decisions,
    load_decisions,
    match_status,
    save_decisions,
    sidecar_path,
)
from jargon.model import DecodedDocument, Document, Entry, Match

TEXT = "Коллеги, какова адженда? Забрал, вернусь. Потом: коллеги, какова адженда?"


def decode(text: str = TEXT) -> DecodedDocument:
    """Matches at every occurrence of two phrases (what any decoder would return for this text)."""
    entries = {"Коллеги, какова адженда": Entry("agenda", "Коллеги, какова адженда?", "зачем мы здесь?"),
               "Забрал, вернусь": Entry("zabral", "Забрал, вернусь", "забуду.")}
    matches = []
    low = text.lower()
    for surface, e in entries.items():
        i = low.find(surface.lower())
        while i != -1:
            matches.append(Match(i, i + len(surface), text[i:i + len(surface)], e, "test", 100.0))
            i = low.find(surface.lower(), i + 1)
    return DecodedDocument(Document(text), sorted(matches, key=lambda m: m.start))


def test_sidecar_path_sits_beside_the_transcript(tmp_path):
    assert sidecar_path(tmp_path / "interview.txt") == tmp_path / "interview.jargon.toml"
    assert sidecar_path(tmp_path / "notes") == tmp_path / "notes.jargon.toml"
    assert find_decisions(tmp_path / "interview.txt") is None
    (tmp_path / "interview.jargon.toml").write_text("", encoding="utf-8")
    assert find_decisions(tmp_path / "interview.txt") == tmp_path / "interview.jargon.toml"
    assert find_decisions("-") is None and find_decisions(None) is None


def test_round_trip_and_apply(tmp_path):
    decoded = decode()
    first, second, third = decoded.matches
    decisions = Decisions(path=sidecar_path(tmp_path / "a.txt"), transcript="a.txt")
    decisions.set(first, DISMISSED)
    decisions.set(third, CONFIRMED, note="asked for real")
    path = save_decisions(decisions)
    loaded = load_decisions(path)
    assert loaded.transcript == "a.txt"
    assert [(d.entry, d.start, d.end, d.text, d.status) for d in loaded] == [
        ("agenda", first.start, first.end, first.text, DISMISSED),
        ("agenda", third.start, third.end, third.text, CONFIRMED)]

    applied = apply_decisions(decode(), loaded)          # a fresh decoding: equal, not identical, matches
    assert [m.text for m in applied.matches] == [second.text, third.text]
    assert match_status(applied.matches[0]) is None
    assert isinstance(applied.matches[1], TriagedMatch)
    assert match_status(applied.matches[1]) == CONFIRMED and applied.matches[1].note == "asked for real"
    assert applied.matches[1].start == third.start and applied.matches[1].entry == third.entry


def test_a_decision_follows_its_match_when_the_text_moved():
    decoded = decode()
    decisions = Decisions()
    decisions.set(decoded.matches[0], DISMISSED)
    moved = decode("Здравствуйте. " + TEXT)              # every offset shifted by 14
    applied = apply_decisions(moved, decisions)
    assert len(applied.matches) == len(moved.matches) - 1
    assert applied.matches[0].text == "Забрал, вернусь"   # the first "Коллеги…" was the dismissed one


def test_a_decision_for_another_text_is_not_applied():
    decisions = Decisions([Decision("agenda", 0, 23, "something else", DISMISSED)])
    assert len(apply_decisions(decode(), decisions).matches) == 3
    assert apply_decisions(decode(), None).matches == decode().matches


def test_clear_and_remove():
    decoded = decode()
    decisions = Decisions()
    d = decisions.set(decoded.matches[1], DISMISSED)
    assert decisions.get(decoded.matches[1]) == d
    assert decisions.clear(decoded.matches[1]) and len(decisions) == 0
    decisions.set(decoded.matches[1], CONFIRMED)
    assert decisions.remove(decisions.get(decoded.matches[1])) and not decisions.remove(d)
    with pytest.raises(ValueError):
        decisions.set(decoded.matches[0], "maybe")


@pytest.mark.parametrize("body, message", [
    ("[[decisions]\n", "invalid TOML"),
    ('[[decisions]]\nentry = "a"\nstart = 0\nend = 3\ntext = "abc"\nstatus = "maybe"\n', "status must be one of"),
    ('[[decisions]]\nentry = "a"\nstart = 0\nend = 3\nstatus = "dismissed"\n', "missing 'text'"),
    ('[[decisions]]\nentry = "a"\nstart = "0"\nend = 3\ntext = "abc"\nstatus = "dismissed"\n',
     "'start' must be an integer"),
    ('[[decisions]]\nentry = "a"\nstart = 5\nend = 3\ntext = "abc"\nstatus = "dismissed"\n', "start <= end"),
    ('colour = "red"\n', "unknown top-level key"),
    ('[transcript]\nversion = 99\n', "newer than this jargon reads"),
])
def test_broken_sidecars_are_one_clear_error_with_file_and_line(tmp_path, body, message):
    path = tmp_path / "x.jargon.toml"
    path.write_text("# comment\n" + body, encoding="utf-8")
    with pytest.raises(DecisionsError) as err:
        load_decisions(path)
    text = str(err.value)
    assert message in text and str(path) in text and "\n" not in text
    if body.startswith("[[decisions]]\n"):
        assert f"{path}:2:" in text                      # the line of the [[decisions]] table


def test_saving_is_atomic_and_leaves_no_temporary_files(tmp_path):
    decisions = Decisions(path=tmp_path / "t.jargon.toml")
    decisions.set(decode().matches[0], DISMISSED)
    save_decisions(decisions)
    save_decisions(decisions)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".t.jargon.toml.lock", "t.jargon.toml"]   # lock stays
    with pytest.raises(DecisionsError):
        save_decisions(Decisions())                    # nowhere to write


def test_apply_sidecars_explicit_automatic_or_off(tmp_path):
    from dataclasses import replace

    from jargon.decisions import apply_sidecars

    transcript = tmp_path / "talk.txt"
    decoded = decode()
    decoded.document = replace(decoded.document, path=transcript, name=str(transcript))
    decisions = Decisions(path=sidecar_path(transcript))
    decisions.set(decoded.matches[0], DISMISSED)
    save_decisions(decisions)

    assert len(apply_sidecars([decoded])[0].matches) == 2                    # found beside the input
    assert len(apply_sidecars([decoded], auto=False)[0].matches) == 3        # --no-decisions
    other = tmp_path / "elsewhere.toml"
    save_decisions(Decisions(), other)
    assert len(apply_sidecars([decoded], explicit=other)[0].matches) == 3    # --decisions wins
    with pytest.raises(DecisionsError, match="exactly one input"):
        apply_sidecars([decoded, decode()], explicit=other)
    assert apply_sidecars([decode()])[0].matches == decode().matches          # stdin: no sidecar
