"""The main screen: the transcript, the match panel, a status line and the footer.

Its key bindings call the App's actions (the state lives in the App), so they are
active only here, not in dialogs or the other screens.
"""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ..widgets import MatchPanel, TranscriptView


class MainScreen(Screen):
    BINDINGS = [
        Binding("n", "app.next_match", "Next"),
        Binding("p", "app.prev_match", "Prev"),
        Binding("d", "app.dismiss_match", "Dismiss"),
        Binding("c", "app.confirm_match", "Confirm"),
        Binding("u", "app.clear_decision", "Undo triage", show=False),
        Binding("m", "app.show_matches", "Matches"),
        Binding("slash", "app.search", "Search"),
        Binding("a", "app.add_entry", "Add entry"),
        Binding("plus,equals_sign", "app.threshold_up", "Thr+", key_display="+"),
        Binding("minus", "app.threshold_down", "Thr-", key_display="-"),
        Binding("ctrl+t", "app.set_threshold", "Set threshold", show=False),
        Binding("t", "app.toggle_translate", "Translate"),
        Binding("v", "app.toggle_clean", "Clean/verbatim", show=False),
        Binding("b", "app.toggle_colour", "Colour by", show=False),
        Binding("e", "app.export", "Export"),
        Binding("o", "app.open_file", "Open"),
        Binding("O", "app.paste_text", "Paste text", show=False),
        Binding("r", "app.reload", "Reload dictionaries", show=False),
        Binding("question_mark,f1", "app.help", "Help"),
        Binding("q", "app.quit", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            yield TranscriptView(id="transcript")
            yield MatchPanel(id="panel")
        yield Static("", id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(TranscriptView).focus()
        self.app.start()   # type: ignore[attr-defined]

    def on_transcript_view_match_clicked(self, event: TranscriptView.MatchClicked) -> None:
        self.app.focus_match(event.index)   # type: ignore[attr-defined]

    def on_match_panel_jump(self, event: MatchPanel.Jump) -> None:
        self.app.focus_match(event.index)   # type: ignore[attr-defined]
        self.query_one(TranscriptView).focus()
