"""Snapshot tests (pytest-textual-snapshot): the main screen and the dictionary search.

Update after a deliberate change of the look: ``pytest tests/tui/test_snapshots.py --snapshot-update``.
"""
from __future__ import annotations

from tui_helpers import make_app, settle


def test_main_screen(snap_compare, transcript):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("n", "n", "n")        # focus the third match: the panel shows it
        await pilot.press("d")                  # ... and dismiss it (struck through)
        await pilot.pause()

    assert snap_compare(make_app(transcript), terminal_size=(110, 30), run_before=run_before)


def test_dictionary_search(snap_compare, transcript):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("slash", *"адженда")
        await pilot.pause()

    assert snap_compare(make_app(transcript), terminal_size=(110, 30), run_before=run_before)


def test_main_screen_80x24(snap_compare, transcript):
    """At 80 columns the panel sits below the text and the footer keeps the keys that matter."""
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(make_app(transcript), terminal_size=(80, 24), run_before=run_before)


def test_main_screen_160x48(snap_compare, transcript):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("n", "n")
        await pilot.pause()

    assert snap_compare(make_app(transcript), terminal_size=(160, 48), run_before=run_before)


def test_matches_80x24(snap_compare, transcript):
    """The matches table at 80 columns: score and triage stay visible."""
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("m", "down", "d")
        await pilot.pause()

    assert snap_compare(make_app(transcript), terminal_size=(80, 24), run_before=run_before)
