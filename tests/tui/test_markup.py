"""No user text can break the UI: markup-looking headwords, meanings, tags, speakers and file names
are shown as written on every screen, never parsed (a ``MarkupError`` or vanished text would fail here)."""
from __future__ import annotations

from pathlib import Path

from tui_helpers import DATA, make_app, recorded_notifications, settle

HOSTILE_DICT = DATA / "hostile.toml"
VTT = ("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v [bold]Иван[/] $var>Коллеги, какова адженда? [/]\n\n"
       "00:00:05.000 --> 00:00:08.000\n<v Мария [/]>большой загруз $var, [link=x]да[/link].\n")
NAME = "interview [final] [b] $var.vtt"


def screen_text(app) -> str:
    """What the current screen shows, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def toasts(app) -> str:
    """The notifications shown, as their toasts render them (markup off, or parsed)."""
    from textual.content import Content

    return "\n".join(str(Content.from_markup(n.message) if n.markup else Content(n.message))
                     for n in app._notifications)


def cells(table) -> str:
    """Every cell of a DataTable as it renders (a str cell would be parsed as markup)."""
    from rich.text import Text

    out = []
    for key in table.rows:
        for cell in table.get_row(key):
            out.append(cell.plain if isinstance(cell, Text) else str(Text.from_markup(str(cell))))
    return "\n".join(out)


def panel_text(app) -> str:
    """The match panel's details as rendered (wrapping aside)."""
    return str(app.panel.query_one("#match-details").render())


def hostile_transcript(tmp_path: Path) -> Path:
    path = tmp_path / NAME
    path.write_text(VTT, encoding="utf-8")
    return path


def run(app, script, size=(160, 48)):
    import asyncio

    async def main():
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await script(pilot)

    asyncio.run(main())


def test_main_screen_panel_status_and_notifications(tmp_path):
    app = make_app(hostile_transcript(tmp_path), dict_selectors=[str(HOSTILE_DICT)])

    async def script(pilot):
        assert len(app.matches) == 2
        shown = screen_text(app)
        assert "[bold]Иван[/] $var" in shown          # the speaker in the gutter
        assert "[link=x]да[/link]" in shown            # the transcript text
        await pilot.press("n")
        shown = panel_text(app)
        assert "адженда [/]" in shown and "адженда [/]" in screen_text(app)
        assert "повестка [/] [link=https://example.com]клик[/link] $var [red]" in shown
        assert "[bold]tag[/], $var" in shown and "note [/]" in shown and "пример [i]x[/i] [/]" in shown
        await pilot.press("n")
        assert "лень [/bold]" in panel_text(app) and "лень [/bold]" in screen_text(app)
        app.notify("interview [final].txt [/] was read")     # messages keep square brackets
        await pilot.pause()
        assert "interview [final].txt [/] was read" in toasts(app)

    run(app, script)


def test_matches_search_help_and_threshold_screens(tmp_path):
    app = make_app(hostile_transcript(tmp_path), dict_selectors=[str(HOSTILE_DICT)])

    async def script(pilot):
        await pilot.press("m")
        await pilot.pause()
        screen = app.screen
        assert f"Matches in {NAME}" in screen_text(app)
        shown = cells(screen.query_one("#matches-table"))
        assert "адженда [/]" in shown and "загруз $var" in shown and "[bold]Иван[/] $var" in shown
        await pilot.press("d")                         # triage from the table, with hostile text
        await pilot.pause()
        assert "dismissed" in cells(screen.query_one("#matches-table"))
        shown = cells(screen.query_one("#summary-entries")) + cells(screen.query_one("#summary-tags"))
        assert "загруз $var" in shown and "[/]" in shown
        assert "Мария [/]" in cells(screen.query_one("#summary-speakers"))
        screen.query_one("#matches-tabs").active = "tab-summary"
        await pilot.pause()
        screen_text(app)
        await pilot.press("escape", "slash", *"адженда")
        await pilot.pause()
        shown = str(app.screen.query_one("#search-detail").render())
        assert "адженда [/]" in shown and "повестка [/] [link=https://example.com]клик[/link] $var [red]" in shown
        assert "[link=https://example.com]повестка[/link]" in shown
        options = app.screen.query_one("#search-results")
        assert "адженда [/]" in str(options.get_option_at_index(0).prompt)
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert "u" in screen_text(app)
        await pilot.press("escape", "ctrl+t", "ctrl+a", "backspace")
        await pilot.pause()

    run(app, script)


def test_add_entry_with_markup_and_open_dialog(tmp_path):
    path = hostile_transcript(tmp_path)
    (tmp_path / "other [b] $x.txt").write_text("Иван: просто текст\n", encoding="utf-8")
    app = make_app(path, dict_selectors=[str(HOSTILE_DICT)])
    seen = recorded_notifications(app)

    async def script(pilot):
        await pilot.press("n", "a")
        await pilot.pause()
        dialog = app.screen
        assert dialog.query_one("#entry-phrase").value == "адженда"     # the focused match, trimmed
        dialog.query_one("#entry-phrase").value = "[bold]Коллеги[/]"
        dialog.query_one("#entry-meaning").value = "[/] $var [link=x]y"
        dialog.query_one("#entry-tags").value = "[b], $t"
        dialog.submit()
        await settle(pilot)
        added = [m for m, _ in seen if m.startswith("Added")]
        assert added and "«[bold]Коллеги[/]»" in added[0]
        assert "«[bold]Коллеги[/]»" in toasts(app)
        await pilot.press("o")
        await pilot.pause(0.5)         # (not settle: the tree's loader worker never completes)
        tree = app.screen.query_one("#open-tree")
        assert "other [b] $x.txt" in [str(node.label) for node in tree.root.children]
        await pilot.press("escape")

    run(app, script)


def test_export_dialog_with_markup_names(tmp_path):
    path = hostile_transcript(tmp_path)
    app = make_app(path, dict_selectors=[str(HOSTILE_DICT)])

    async def script(pilot):
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#export-path").value.endswith("interview [final] [b] $var.decoded.html")
        screen_text(app)
        await pilot.press("escape")

    run(app, script)
