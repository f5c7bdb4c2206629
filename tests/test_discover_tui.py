"""The TUI's Discover view: candidates of the open transcript; accept (prefilled add-entry form,
the entry decoded at once), reject (never comes back), skip."""
from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

pytest.importorskip("wordfreq")
pytest.importorskip("textual")

SET_A = Path(__file__).parent / "data" / "discover" / "set-a"


@pytest.fixture
def transcript(tmp_path, monkeypatch):
    monkeypatch.setenv("JARGON_NO_PLUGINS", "1")
    path = tmp_path / "interview.txt"
    # one long transcript: three interviews of set-a one after the other
    path.write_text("\n".join(p.read_text(encoding="utf-8") for p in sorted(SET_A.glob("*.txt"))[:3]),
                    encoding="utf-8")
    return path


async def _settle(pilot) -> None:
    for _ in range(4):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def _drive(app, script) -> None:
    async def main():
        async with app.run_test(size=(120, 40)) as pilot:
            await _settle(pilot)
            await script(pilot)

    asyncio.run(main())


def _app(path):
    from jargon.tui.app import JargonApp

    return JargonApp(str(path))


def test_discover_lists_candidates_and_reject_remembers(transcript, jargon_home):
    from jargon.discover.rejected import load_rejected
    from jargon.tui.discover_view import DiscoverScreen

    app = _app(transcript)
    seen: dict = {}

    async def script(pilot):
        await pilot.press("D")
        await _settle(pilot)
        screen = app.screen
        assert isinstance(screen, DiscoverScreen)
        seen["lemmas"] = [c.lemma for c in screen.candidates]
        assert screen.candidates and screen.query_one("#discover-table").row_count == len(screen.candidates)
        first = screen.candidates[0]
        await pilot.press("s")                      # skip: the next one is highlighted, nothing written
        assert screen.current is screen.candidates[1 % len(screen.candidates)]
        screen.query_one("#discover-table").move_cursor(row=0)
        await pilot.press("x")
        seen["rejected"] = first.key
        assert first not in screen.candidates
        await pilot.press("escape")
        await pilot.press("D")                      # opened again: the rejected one does not come back
        await _settle(pilot)
        assert first.lemma not in [c.lemma for c in app.screen.candidates]

    _drive(app, script)
    assert seen["rejected"] in load_rejected()
    assert {"зашипить", "отинвойсить", "пятничник"} <= set(seen["lemmas"])


def test_accept_adds_the_entry_with_variants_and_example_and_decodes_it(transcript, jargon_home):
    app = _app(transcript)
    seen: dict = {}

    async def script(pilot):
        await pilot.press("D")
        await _settle(pilot)
        screen = app.screen
        cand = next(c for c in screen.candidates if c.kind == "anglicism" and len(c.forms) > 1)
        screen.query_one("#discover-table").move_cursor(row=screen.candidates.index(cand))
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert dialog.query_one("#entry-phrase").value == cand.lemma
        variants = dialog.query_one("#entry-variants").value
        assert variants and all(v.strip() in cand.forms for v in variants.split(","))
        assert dialog.query_one("#entry-example").value == cand.contexts[0].sentence
        dialog.query_one("#entry-meaning").value = "своё значение"
        await pilot.click("#ok")
        await _settle(pilot)
        assert cand not in screen.candidates
        seen["cand"] = cand
        seen["found"] = [m.entry.phrase for m in app.matches]

    _drive(app, script)
    cand = seen["cand"]
    assert cand.lemma in seen["found"]                   # decoded again at once
    user = (jargon_home / "data" / "dictionaries" / "user.toml").read_text(encoding="utf-8")
    assert cand.lemma in user and "своё значение" in user and cand.contexts[0].sentence in user
