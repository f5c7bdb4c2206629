"""All matches in a table (selecting one jumps to it) and a summary of the counts."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from jargon.model import DecodedDocument, Document, Match
from jargon.render import LineIndex
from jargon.stats import NO_SPEAKER, document_stats


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
        self.title = f"Matches in {self.doc.path.name if self.doc.path else self.doc.name}"
        self.sub_title = ""
        lines = LineIndex(self.doc.text)
        table = self.query_one("#matches-table", DataTable)
        table.add_columns("line", "speaker", "said", "headword", "score", "triage")
        for i, m in enumerate(self.matches):
            seg = self.doc.segment_at(m.start) if self.doc.segments else None
            table.add_row(str(lines.position(m.start)[0]), (seg.speaker or "") if seg else "", m.text,
                          m.entry.phrase, f"{m.score:.0f}", self.statuses[i] or "", key=str(i))
        counted = [m for i, m in enumerate(self.matches) if self.statuses[i] != "dismissed"]
        stats = document_stats(DecodedDocument(self.doc, counted))
        total = stats.total
        self.query_one("#summary-overall", Static).update(
            f"{total.matches} matches (dismissed ones left out) in {total.words} words: "
            f"{total.per_1000:.1f} per 1,000 words")
        entries = self.query_one("#summary-entries", DataTable)
        entries.add_columns("headword", "dictionary", "count", "per 1,000 words")
        for (dictionary, _), count in total.entries.most_common():
            phrase = total.phrases[(dictionary, _)]
            per = count * 1000 / total.words if total.words else 0.0
            entries.add_row(phrase, dictionary, str(count), f"{per:.1f}")
        speakers = self.query_one("#summary-speakers", DataTable)
        speakers.display = bool(stats.speakers)
        speakers.add_columns("speaker", "matches", "words", "per 1,000 words")
        for name, tally in sorted(stats.speakers.items(), key=lambda kv: (-kv[1].matches, kv[0] or "")):
            speakers.add_row(name or NO_SPEAKER, str(tally.matches), str(tally.words), f"{tally.per_1000:.1f}")
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "matches-table" and event.row_key.value is not None:
            self.dismiss(int(event.row_key.value))

    def action_close(self) -> None:
        self.dismiss(None)
