"""Search the dictionaries as you type and see where a found entry occurs in the transcript."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from jargon.model import Dictionary, Document, Match
from jargon.render import LineIndex
from jargon.search import Hit, search_entries


class SearchScreen(Screen[int | None]):
    """Returns the index of a match to jump to, or None."""

    BINDINGS = [Binding("escape", "close", "Back")]

    def __init__(self, dictionaries: list[Dictionary], doc: Document | None, matches: list[Match],
                 query: str = "") -> None:
        super().__init__()
        self.dictionaries, self.doc, self.matches, self.initial = dictionaries, doc, matches, query
        self.hits: dict[str, Hit] = {}
        self._lines = LineIndex(doc.text) if doc is not None else None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(value=self.initial, placeholder="Search headwords, variants, meanings, tags…", id="search-input")
        with Horizontal(id="search-body"):
            yield OptionList(id="search-results")
            yield Static(id="search-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Search the dictionaries"
        self.sub_title = ""
        self.query_one("#search-input", Input).focus()
        self.refresh_results(self.initial)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.refresh_results(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        results = self.query_one("#search-results", OptionList)
        if results.option_count:
            results.focus()
            results.highlighted = 0

    @staticmethod
    def key(hit: Hit) -> str:
        return f"{hit.dictionary.name}:{hit.entry.id}"

    def find(self, query: str) -> list[Hit]:
        """Best hits for ``query``; an empty query lists every entry by headword."""
        if query.strip():
            return search_entries(self.dictionaries, query, limit=100)
        every = [Hit(0.0, d, e, "phrase", e.phrase) for d in self.dictionaries for e in d.entries]
        return sorted(every, key=lambda h: (h.entry.phrase.lower(), h.dictionary.name))

    def occurrences(self, hit: Hit) -> list[int]:
        return [i for i, m in enumerate(self.matches)
                if m.entry.id == hit.entry.id and m.dictionary == hit.dictionary.name]

    def refresh_results(self, query: str) -> None:
        found = self.find(query)
        self.hits = {self.key(h): h for h in found}
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        options = []
        for h in found:
            n = len(self.occurrences(h))
            prompt = Text(h.entry.phrase, style="bold")
            prompt.append(f"  {h.dictionary.name}", style="dim")
            if n:
                prompt.append(f"  ×{n} here", style="green")
            options.append(Option(prompt, id=self.key(h)))
        results.add_options(options)
        if options:
            results.highlighted = 0
            self.show_detail(found[0])
        else:
            self.query_one("#search-detail", Static).update(Text("Nothing found.", style="italic"))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        hit = self.hits.get(event.option.id or "")
        if hit is not None:
            self.show_detail(hit)

    def show_detail(self, hit: Hit) -> None:
        e = hit.entry
        t = Text()
        t.append(e.phrase + "\n", style="bold")
        t.append(e.meaning + "\n")
        if e.clean_meaning:
            t.append("clean: ", style="dim")
            t.append(e.clean_meaning + "\n")
        if e.variants:
            t.append("variants: ", style="dim")
            t.append("; ".join(e.variants) + "\n")
        if e.tags:
            t.append("tags: ", style="dim")
            t.append(", ".join(e.tags) + "\n")
        t.append("dictionary: ", style="dim")
        t.append(f"{hit.dictionary.name}   id: {e.id}\n")
        occ = self.occurrences(hit)
        if self.doc is None or self._lines is None:
            t.append("\nNo transcript open.", style="italic")
        elif not occ:
            t.append("\nNot found in this transcript.", style="italic")
        else:
            t.append(f"\nIn this transcript ({len(occ)}), Enter jumps to the first:\n", style="dim")
            for i in occ[:12]:
                m = self.matches[i]
                t.append(f" line {self._lines.position(m.start)[0]}: «{m.text}»\n")
        self.query_one("#search-detail", Static).update(t)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits.get(event.option.id or "")
        if hit is None:
            return
        occ = self.occurrences(hit)
        if occ:
            self.dismiss(occ[0])
        else:
            self.notify(f"«{hit.entry.phrase}» does not occur in this transcript.")

    def action_close(self) -> None:
        self.dismiss(None)
