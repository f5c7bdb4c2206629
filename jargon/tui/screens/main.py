"""The main screen: the transcript, the match panel, a status line and the footer.

Its key bindings call the App's actions (the state lives in the App), so they are
active only here, not in dialogs or the other screens.
"""
from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ..keys import bindings
from ..widgets import MatchPanel, TranscriptView

NARROW = 110      # under this many columns the match panel sits below the text and the footer is compact


class MainScreen(Screen):
    BINDINGS = bindings()  # type: ignore[assignment]  # list[Binding] is a Screen's binding list; list is invariant
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW, "-wide")]

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

    def on_resize(self, event: events.Resize) -> None:
        footer = self.query_one(Footer)
        footer.show_command_palette = event.size.width >= NARROW

    def on_transcript_view_match_clicked(self, event: TranscriptView.MatchClicked) -> None:
        self.app.focus_match(event.index)   # type: ignore[attr-defined]

    def on_match_panel_jump(self, event: MatchPanel.Jump) -> None:
        self.app.focus_match(event.index)   # type: ignore[attr-defined]
        self.query_one(TranscriptView).focus()
