"""All matches in a table (selecting one jumps to it) and a summary of the counts."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from jargon.model import Document, Match
from jargon.render import LineIndex

from ..summary import summarize


class MatchesScreen(Screen[int | None]):
    """Returns the index of the chosen match, or None."""

    BINDINGS = [Binding("escape,q,m", "close", "Back")]

    def __init__(self, doc: Document, matches: list[Match], statuses: list[str | None]) -> None:
        super().__init__()
        self.doc, self.matches, self.statuses = doc, matches, statuses

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="matches-tabs"):
            with TabPane("Matches", id="tab-matches"):
                yield DataTable(id="matches-table", cursor_type="row", zebra_stripes=True)
            with TabPane("Summary", id="tab-summary"):
                yield Static(id="summary-overall")
                yield DataTable(id="summary-entries", cursor_type="row")
                yield DataTable(id="summary-speakers", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"Matches in {self.doc.name}"
        lines = LineIndex(self.doc.text)
        table = self.query_one("#matches-table", DataTable)
        table.add_columns("line", "speaker", "said", "headword", "score", "triage")
        for i, m in enumerate(self.matches):
            seg = self.doc.segment_at(m.start) if self.doc.segments else None
            table.add_row(str(lines.position(m.start)[0]), (seg.speaker or "") if seg else "", m.text,
                          m.entry.phrase, f"{m.score:.0f}", self.statuses[i] or "", key=str(i))
        counted = [m for i, m in enumerate(self.matches) if self.statuses[i] != "dismissed"]
        summary = summarize(self.doc, counted)
        self.query_one("#summary-overall", Static).update(
            f"{summary.matches} matches (dismissed ones left out) in {summary.words} words: "
            f"{summary.per_1000:.1f} per 1,000 words")
        entries = self.query_one("#summary-entries", DataTable)
        entries.add_columns("headword", "dictionary", "count")
        for e in summary.entries:
            entries.add_row(e.phrase, e.dictionary, str(e.count))
        speakers = self.query_one("#summary-speakers", DataTable)
        speakers.display = bool(summary.speakers)
        speakers.add_columns("speaker", "matches", "words", "per 1,000 words")
        for s in summary.speakers:
            speakers.add_row(s.speaker, str(s.matches), str(s.words), f"{s.per_1000:.1f}")
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "matches-table" and event.row_key.value is not None:
            self.dismiss(int(event.row_key.value))

    def action_close(self) -> None:
        self.dismiss(None)
