"""Issue 11: two TUI sessions on one transcript merge their triage decisions (none is lost)."""
from __future__ import annotations

import asyncio

from tui_helpers import TEST_DICT, drive, make_app, recorded_notifications, settle

from jargon.decisions import load_decisions, sidecar_path


def test_two_sessions_on_one_transcript_keep_every_decision(transcript):
    a, b = make_app(transcript), make_app(transcript)

    async def main():
        async with a.run_test(size=(110, 32)) as pa, b.run_test(size=(110, 32)) as pb:
            await settle(pa)
            await settle(pb)
            n = len(a.matches)
            assert n >= 4 and len(b.matches) == n
            # alternate: a decides the even matches, b the odd ones, each from its own view
            await pa.press("n")
            await pb.press("n", "n")
            for i in range(n):
                pilot, key = (pa, "d") if i % 2 == 0 else (pb, "c")
                await pilot.press(key, "n", "n")
            await pa.press("p", "p")              # back on match 2k: a clears one of its own
            cleared = a.focused_match
            await pa.press("d")                   # dismissing a dismissed match undoes it
            await settle(pa)
            await settle(pb)
            return cleared, [(m.entry.id, m.start, m.end, m.text) for m in a.matches], list(a.statuses)

    cleared, keys, shown = asyncio.run(main())
    on_disk = {d.key: d.status for d in load_decisions(sidecar_path(transcript))}
    expected = {k: ("dismissed" if i % 2 == 0 else "confirmed") for i, k in enumerate(keys) if i != cleared}
    assert on_disk == expected
    assert shown == [expected.get(k) for k in keys]      # a shows b's decisions too, after its last save


def test_export_never_overwrites_the_transcript_its_sidecar_or_a_dictionary(transcript, tmp_path):
    sidecar = sidecar_path(transcript)
    dictionary = tmp_path / "dict.toml"
    dictionary.write_bytes(TEST_DICT.read_bytes())
    app = make_app(transcript, dict_selectors=[str(dictionary)])
    seen = recorded_notifications(app)

    async def script(pilot):
        await pilot.press("n", "d")                      # a sidecar now exists
        before = {p: p.read_bytes() for p in (transcript, sidecar, dictionary)}
        for target in (transcript, sidecar, dictionary):
            app.export("json", str(target))
            await settle(pilot)
        return before

    before = drive(app, script)
    assert {p: p.read_bytes() for p in before} == before
    errors = [m for m, kw in seen if kw.get("severity") == "error"]
    assert len(errors) == 3 and all("refusing to overwrite it" in m for m in errors)
    assert "the input" in errors[0] and "decisions file" in errors[1] and "the dictionary" in errors[2]
