"""The TUI driven with Pilot: every action, asserting on widget state and on files written."""
from __future__ import annotations

import json

from tui_helpers import TRANSCRIPT, drive, make_app, recorded_notifications, select_text, settle

from jargon.decisions import load_decisions, sidecar_path


def surfaces(app) -> list[str]:
    return [m.text for m in app.matches]


def test_open_shows_text_speakers_and_highlights(transcript):
    app = make_app(transcript)

    async def script(pilot):
        view = app.view
        assert view.document is not None and view.document.text == TRANSCRIPT
        assert app.sub_title == "interview.txt"
        found = surfaces(app)
        assert found.count("Коллеги, какова адженда") == 2
        assert "У меня сейчас большой загруз" in found and "Забрал, вернусь" in found
        # the view's spans are the matches, at the document's offsets
        spans = zip(view.shown.span_starts, view.shown.span_ends, strict=True)
        assert [view.shown.text[s:e] for s, e in spans] == found
        assert app.statuses == [None] * len(found)
        assert "threshold 75" in str(app.main_screen.query_one("#status").render())
        # every speaker turn starts a visual line
        starts = [view.shown.text[s:s + 6] for s in view.lines.starts]
        assert sum(1 for s in starts if s.startswith(("Иван:", "Мария:"))) == 4

    drive(app, script)


def test_open_through_the_file_dialog(transcript):
    app = make_app()

    async def script(pilot):
        assert app.document is None
        await pilot.press("o")
        dialog = app.screen
        dialog.query_one("#open-path").value = str(transcript)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is app.main_screen
        assert app.document is not None and app.document.path == transcript
        assert "Забрал, вернусь" in surfaces(app)

    drive(app, script)


def test_unreadable_file_is_a_notification_not_a_crash(tmp_path):
    app = make_app(tmp_path / "missing.txt")
    notes = recorded_notifications(app)

    async def script(pilot):
        await settle(pilot)
        assert app.document is None
        assert any("missing.txt: no such file" in message and kw.get("severity") == "error"
                   for message, kw in notes)
        await pilot.press("n")          # still alive and answering keys
        assert app.is_running

    drive(app, script)


def test_paste_text(transcript):
    app = make_app()

    async def script(pilot):
        await pilot.press("O")
        app.screen.query_one("#paste-text").text = "Забрал, вернусь. Обсудим потом."
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.document is not None and app.document.name == "<pasted>"
        assert surfaces(app) == ["Забрал, вернусь"]

    drive(app, script)


def test_next_and_previous_match_move_focus_and_fill_the_panel(transcript):
    app = make_app(transcript)

    async def script(pilot):
        n = len(app.matches)
        assert app.focused_match is None
        await pilot.press("n")
        assert app.focused_match == 0 and app.view.focused_index == 0
        details = str(app.panel.query_one("#match-details").render())
        assert "Коллеги, какова адженда?" in details and "кто-нибудь понимает" in details and "Иван" in details
        assert app.panel.query_one("#occurrences").option_count == 2    # the same entry, twice
        await pilot.press("n")
        assert app.focused_match == 1
        await pilot.press("p", "p")
        assert app.focused_match == n - 1          # wraps around
        assert f"match {n}/{n}" in str(app.main_screen.query_one("#status").render())

    drive(app, script)


def test_dismiss_and_confirm_are_saved_beside_the_transcript_and_reloaded(transcript):
    app = make_app(transcript)
    sidecar = sidecar_path(transcript)

    async def script(pilot):
        await pilot.press("n", "d")              # first match: not jargon here
        await pilot.press("n", "c")              # second: confirmed
        assert app.statuses[:2] == ["dismissed", "confirmed"]
        return [(m.entry.id, m.start, m.end, m.text) for m in app.matches[:2]]

    keys = drive(app, script)
    assert sidecar.name == "interview.jargon.toml" and sidecar.exists()
    saved = {d.key: d.status for d in load_decisions(sidecar)}
    assert saved == {keys[0]: "dismissed", keys[1]: "confirmed"}

    again = make_app(transcript)

    async def reopen(pilot):
        assert again.statuses[:2] == ["dismissed", "confirmed"]
        await pilot.press("n", "d")              # dismissing a dismissed match undoes it
        assert again.statuses[0] is None

    drive(again, reopen)
    assert {d.key: d.status for d in load_decisions(sidecar)} == {keys[1]: "confirmed"}


def test_search_dictionaries_as_you_type_and_jump(transcript):
    app = make_app(transcript)

    async def script(pilot):
        await pilot.press("slash")
        screen = app.screen
        assert type(screen).__name__ == "SearchScreen"
        results = screen.query_one("#search-results")
        assert results.option_count == 4                 # empty query: every entry
        await pilot.press(*"загруз")
        assert results.get_option_at_index(0).id == "tui-test:bolshoy-zagruz"
        assert "In this transcript (2)" in str(screen.query_one("#search-detail").render())
        await pilot.press("enter", "enter")              # to the results, then pick the first
        await pilot.pause()
        assert app.screen is app.main_screen
        focused = app.matches[app.focused_match]
        assert focused.entry.id == "bolshoy-zagruz"

    drive(app, script)


def test_add_entry_from_selected_text(transcript, tui_home):
    app = make_app(transcript)
    phrase = "Повторю вопрос"

    async def script(pilot):
        assert phrase not in surfaces(app)
        start = TRANSCRIPT.index(phrase)
        select_text(app, start, start + len(phrase))
        await pilot.press("a")
        dialog = app.screen
        assert dialog.query_one("#entry-phrase").value == phrase
        dialog.query_one("#entry-meaning").value = "я не слушал."
        dialog.query_one("#entry-tags").value = "meetings, listening"
        await pilot.click("#ok")
        await settle(pilot)
        assert app.screen is app.main_screen
        assert phrase in surfaces(app)                   # decoded again at once

    drive(app, script)
    user = tui_home / "data" / "dictionaries" / "user.toml"
    text = user.read_text(encoding="utf-8")
    assert phrase in text and "я не слушал." in text and "listening" in text


def test_threshold_changes_the_highlights(transcript):
    app = make_app(transcript)

    async def script(pilot):
        at_default = list(app.matches)
        assert any(m.score < 100 for m in at_default)    # "У меня большой загруз": a word short
        await pilot.press("ctrl+t")
        field = app.screen.query_one("#threshold-input")
        field.value = "100"
        await pilot.press("enter")
        await settle(pilot)
        assert app.threshold == 100 and app.decoder.threshold == 100
        assert app.matches and all(m.score >= 100 for m in app.matches)
        assert len(app.matches) < len(at_default)
        assert len(app.view.shown.span_starts) == len(app.matches)
        await pilot.press("minus", "minus", "minus", "minus", "minus")
        await settle(pilot)
        assert app.threshold == 75
        assert surfaces(app) == [m.text for m in at_default]

    drive(app, script)


def test_export_json_leaves_out_dismissed_matches(transcript, tmp_path):
    app = make_app(transcript)
    out = tmp_path / "out.json"

    async def script(pilot):
        total = len(app.matches)
        await pilot.press("n", "d")
        await pilot.press("e")
        dialog = app.screen
        assert dialog.query_one("#export-format").value == "html"          # the report by default
        assert dialog.query_one("#export-path").value.endswith("interview.decoded.html")
        dialog.query_one("#export-path").value = str(out)
        await pilot.pause()
        assert dialog.query_one("#export-format").value == "json"          # the extension picks the format
        await pilot.click("#ok")
        await settle(pilot)
        return total

    total = drive(app, script)
    data = json.loads(out.read_text(encoding="utf-8"))
    exported = data["documents"][0]["matches"]
    assert len(exported) == total - 1
    assert exported[0]["text"] == "У меня сейчас большой загруз"


def test_export_asks_before_replacing_a_file(transcript, tmp_path):
    app = make_app(transcript)
    out = tmp_path / "report.html"
    out.write_text("keep me", encoding="utf-8")

    async def script(pilot):
        await pilot.press("e")
        app.screen.query_one("#export-path").value = str(out)
        await pilot.click("#ok")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmDialog"
        await pilot.click("#cancel")                  # No: the file is kept, the export dialog stays
        await settle(pilot)
        assert out.read_text(encoding="utf-8") == "keep me"
        assert type(app.screen).__name__ == "ExportDialog"
        await pilot.click("#ok")
        await pilot.pause()
        await pilot.click("#ok")                      # Replace
        await settle(pilot)

    drive(app, script)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_export_refuses_the_transcript_and_missing_folders(transcript, tmp_path):
    app = make_app(transcript)
    before = transcript.read_bytes()
    seen = recorded_notifications(app)

    async def script(pilot):
        await pilot.press("e")
        dialog = app.screen
        dialog.query_one("#export-path").value = str(transcript)
        await pilot.click("#ok")
        await pilot.pause()
        assert app.screen is dialog and "is the transcript itself" in seen[-1][0]
        dialog.query_one("#export-path").value = str(tmp_path / "typo-folder" / "out.html")
        dialog.submit()
        await pilot.pause()
        assert app.screen is dialog and "There is no folder" in seen[-1][0]

    drive(app, script)
    assert transcript.read_bytes() == before and not (tmp_path / "typo-folder").exists()


def test_export_translated_text(transcript, tmp_path):
    app = make_app(transcript)
    out = tmp_path / "translated.txt"

    async def script(pilot):
        app.export("translated", str(out))
        await settle(pilot)

    drive(app, script)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("Иван: [кто-нибудь понимает зачем мы собрались]?")    # the text's "?" only
    assert "[мне лень]" in text


def test_translate_and_clean_toggles(transcript):
    app = make_app(transcript)

    async def script(pilot):
        await pilot.press("t")
        shown = app.view.shown
        assert shown.translated and "[мне лень]" in shown.text and "загруз" not in shown.text
        assert "[на отъебись]" in shown.text
        await pilot.press("v")
        assert "[кое-как, лишь бы отстали]" in app.view.shown.text
        await pilot.press("t")
        assert app.view.shown.text == TRANSCRIPT

    drive(app, script)


def test_matches_table_jumps_and_summary_counts(transcript):
    app = make_app(transcript)

    async def script(pilot):
        await pilot.press("m")
        screen = app.screen
        table = screen.query_one("#matches-table")
        assert table.row_count == len(app.matches)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.screen is app.main_screen and app.focused_match == 2
        await pilot.press("m")
        overall = str(app.screen.query_one("#summary-overall").render())
        assert f"{len(app.matches)} matches" in overall and "per 1,000 words" in overall
        speakers = app.screen.query_one("#summary-speakers")
        assert speakers.row_count == 2                   # Иван and Мария

    drive(app, script)


def test_command_palette_runs_actions(transcript):
    app = make_app(transcript)

    async def script(pilot):
        await pilot.press("ctrl+p")
        await pilot.press(*"translate view")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.translate and app.view.shown.translated

    drive(app, script)


def test_help_screen_opens_and_closes(transcript):
    app = make_app(transcript)

    async def script(pilot):
        await pilot.press("question_mark")
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        assert app.screen is app.main_screen

    drive(app, script)


def test_broken_user_dictionary_is_a_notification(transcript, tui_home):
    user = tui_home / "data" / "dictionaries" / "user.toml"
    user.parent.mkdir(parents=True)
    user.write_text('[dictionary]\nname = "user"\n[[entries]\nid = "x"\n', encoding="utf-8")
    app = make_app(transcript, dict_selectors=())
    notes = recorded_notifications(app)

    async def script(pilot):
        assert any("user.toml" in message and "invalid TOML" in message for message, _ in notes)
        assert app.document is not None and app.matches     # the seed dictionary still decodes

    drive(app, script)


def test_failing_plugin_is_a_notification(transcript, tmp_path, monkeypatch):
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "broken.py").write_text("raise RuntimeError('boom at import')\n", encoding="utf-8")
    monkeypatch.delenv("JARGON_NO_PLUGINS")
    monkeypatch.setenv("JARGON_PLUGINS", str(plugins))
    app = make_app(transcript)
    notes = recorded_notifications(app)

    async def script(pilot):
        assert any("broken" in message and "boom at import" in message for message, _ in notes)
        assert app.document is not None and app.matches

    drive(app, script)


def test_clicking_a_highlight_focuses_its_match(transcript):
    app = make_app(transcript)

    async def script(pilot):
        view = app.view
        target = 2
        m = app.matches[target]
        k = view.lines.line_of(m.start)
        x = view.lines.gutter + (m.start - view.lines.starts[k]) + 2
        await pilot.click("#transcript", offset=(x + 1, k))      # +1: the view's left padding
        assert app.focused_match == target

    drive(app, script)


def test_triage_from_the_matches_table_is_saved(transcript):
    app = make_app(transcript)

    async def script(pilot):
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("d")                      # first row: dismissed
        await pilot.press("down", "c")              # second row: confirmed
        await pilot.press("down", "c", "u")         # third: confirmed, then undone
        await pilot.pause()
        assert app.statuses[:3] == ["dismissed", "confirmed", None]
        table = app.screen.query_one("#matches-table")
        assert [str(table.get_cell(str(i), "triage")) for i in range(3)] == ["dismissed", "confirmed", ""]
        assert "1 dismissed, 1 confirmed" in str(app.screen.query_one("#matches-summary-line").render())
        tags = app.screen.query_one("#summary-tags")            # the colour legend: each first tag's highlight
        legend = app.view.tag_legend()
        assert legend and all(style.bgcolor is not None for style in legend.values())
        for key in tags.rows:
            swatch, tag, _ = tags.get_row(key)
            assert swatch.style == legend.get(tag.plain, swatch.style) and tag.plain in legend

    drive(app, script)
    saved = load_decisions(sidecar_path(transcript))
    assert sorted(d.status for d in saved) == ["confirmed", "dismissed"]


def test_help_is_generated_from_the_key_table():
    from jargon.tui.keys import KEYS, help_table
    from jargon.tui.screens.help import HELP
    from jargon.tui.screens.main import MainScreen

    assert help_table() in HELP
    for key in KEYS:
        assert key.help in HELP
    assert "| `u` |" in HELP and "| `r` |" in HELP
    bound = {b.key: b.action for b in MainScreen.BINDINGS}
    assert bound["u"] == "app.clear_decision" and bound["r"] == "app.reload"


def test_a_cp1251_transcript_opens_and_says_its_encoding(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(TRANSCRIPT.encode("cp1251"))
    app = make_app(path)

    async def script(pilot):
        assert len(app.matches) >= 4
        assert "cp1251" in str(app.main_screen.query_one("#status").render())

    drive(app, script)


def test_a_binary_file_says_it_is_not_a_transcript(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    app = make_app(path)
    seen = recorded_notifications(app)

    async def script(pilot):
        await settle(pilot)
        assert app.document is None

    drive(app, script)
    assert any("not a transcript" in message for message, _ in seen)


def test_a_stray_bad_byte_is_replaced_with_a_warning(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(TRANSCRIPT.encode("utf-8") + b"\xff\n")
    app = make_app(path)
    seen = recorded_notifications(app)

    async def script(pilot):
        assert app.document is not None and app.document.text.endswith("\ufffd\n")
        assert "bad bytes replaced" in str(app.main_screen.query_one("#status").render())

    drive(app, script)
    assert any("invalid UTF-8" in message for message, _ in seen)


def test_an_empty_file_says_so(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    app = make_app(path)

    async def script(pilot):
        assert "The file is empty" in str(app.panel.query_one("#match-details").render())

    drive(app, script)


def test_pasted_text_finds_speakers():
    app = make_app(text=TRANSCRIPT)

    async def script(pilot):
        assert [s.speaker for s in app.document.segments][:2] == ["Иван", "Мария"]

    drive(app, script)
