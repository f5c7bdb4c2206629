"""The transcript view: a Line-API widget that wraps, highlights and scrolls long transcripts.

Only the visible lines are rendered, so a 30,000-word transcript scrolls as fast as a
short one. The text shows at once (:meth:`show`); highlights arrive later
(:meth:`set_matches`) when the decoding worker is done. Mouse selection uses Textual's
own text selection (and so can be copied); :meth:`selected_range` maps it back to
document offsets for "add entry".
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from jargon.model import Document, Match

from ..display import DisplayText, Layout, layout, plain_display, translated_display

TAG_COLOURS = 6
SCORE_BANDS = ((90.0, "high"), (80.0, "mid"), (0.0, "low"))


class TranscriptView(ScrollView, can_focus=True):
    """Shows a document with its matches highlighted and the focused match marked."""

    COMPONENT_CLASSES = {
        "transcript--speaker", "transcript--focused", "transcript--dismissed", "transcript--confirmed",
        "transcript--score-high", "transcript--score-mid", "transcript--score-low", "transcript--placeholder",
        *(f"transcript--tag-{i}" for i in range(TAG_COLOURS)),
    }

    class MatchClicked(Message):
        def __init__(self, index: int) -> None:
            self.index = index
            super().__init__()

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.document: Document | None = None
        self.placeholder = ""
        self.matches: list[Match] = []
        self.statuses: Sequence[str | None] = []
        self.focused_index: int | None = None
        self.translate = False
        self.clean = False
        self.colour_by = "tag"          # or "score"
        self.tag_order: dict[str, int] = {}
        self.shown: DisplayText | None = None
        self.lines: Layout | None = None
        self._cache: dict[int, Strip] = {}

    # -- feeding ----------------------------------------------------------
    def show(self, document: Document | None, placeholder: str = "") -> None:
        """Show a new document (no highlights yet) from the top."""
        self.document = document
        self.placeholder = placeholder
        self.matches, self.statuses, self.focused_index = [], [], None
        self._rebuild()
        self.scroll_to(0, 0, animate=False, immediate=True)

    def set_matches(self, matches: list[Match], statuses: Sequence[str | None], focused: int | None) -> None:
        self.matches, self.statuses, self.focused_index = matches, statuses, focused
        tags = sorted({(m.entry.tags or ("",))[0] for m in matches})
        self.tag_order = {t: i % TAG_COLOURS for i, t in enumerate(tags)}
        self._rebuild()

    def tag_legend(self) -> dict[str, Style]:
        """The highlight style of each first tag (what colour-by-tag means), for the legend."""
        return {tag: self.get_component_rich_style(f"transcript--tag-{i}", partial=True)
                for tag, i in self.tag_order.items()}

    def set_statuses(self, statuses: Sequence[str | None]) -> None:
        self.statuses = statuses
        if self.translate:       # dismissed matches are not translated
            self._rebuild()
        else:
            self._invalidate()

    def set_focused(self, index: int | None, scroll: bool = True) -> None:
        self.focused_index = index
        self._invalidate()
        if scroll and index is not None:
            self.scroll_to_match(index)

    def set_mode(self, *, translate: bool | None = None, clean: bool | None = None,
                 colour_by: str | None = None) -> None:
        top_doc = self.document_offset_at_top()
        if translate is not None:
            self.translate = translate
        if clean is not None:
            self.clean = clean
        if colour_by is not None:
            self.colour_by = colour_by
        self._rebuild()
        if top_doc is not None and self.shown is not None and self.lines is not None:
            self.scroll_to(y=self.lines.line_of(self.shown.to_display(top_doc)), animate=False, immediate=True)

    # -- geometry -----------------------------------------------------------
    def _rebuild(self) -> None:
        doc = self.document
        if doc is None:
            self.shown = DisplayText(self.placeholder, [], [], [])
        else:
            pairs = [(i, m) for i, m in enumerate(self.matches)]
            if self.translate:
                pairs = [(i, m) for i, m in pairs if not self._status(i) == "dismissed"]
                self.shown = translated_display(doc, pairs, self.clean)
            else:
                self.shown = plain_display(doc, pairs)
        self._relayout()

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width or self.size.width or 80
        if self.shown is None:
            return
        self.lines = layout(self.shown, width)
        self.virtual_size = Size(width, len(self.lines))
        self._invalidate()

    def on_resize(self, event: events.Resize) -> None:
        if self.shown is not None and (self.lines is None or self.lines.width + self.lines.gutter
                                       != self.scrollable_content_region.width):
            top = self.document_offset_at_top()
            self._relayout()
            if top is not None and self.shown is not None and self.lines is not None:
                self.scroll_to(y=self.lines.line_of(self.shown.to_display(top)), animate=False, immediate=True)

    def _invalidate(self) -> None:
        self._cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def document_offset_at_top(self) -> int | None:
        if self.lines is None or self.shown is None or not len(self.lines) or self.document is None:
            return None
        k = min(int(self.scroll_y), len(self.lines) - 1)
        return self.shown.to_document(self.lines.starts[k])

    def line_of_match(self, index: int) -> int | None:
        if self.lines is None or self.shown is None or not 0 <= index < len(self.matches):
            return None
        m = self.matches[index]
        return self.lines.line_of(self.shown.to_display(m.start))

    def scroll_to_match(self, index: int) -> None:
        y = self.line_of_match(index)
        if y is None:
            return
        height = self.scrollable_content_region.height or self.size.height or 1
        if not self.scroll_y <= y < self.scroll_y + height:
            self.scroll_to(y=max(0, y - height // 3), animate=False, immediate=True)

    # -- rendering -------------------------------------------------------------
    def _status(self, index: int) -> str | None:
        return self.statuses[index] if 0 <= index < len(self.statuses) else None

    def _span_style(self, index: int) -> Style:
        m = self.matches[index]
        if self.colour_by == "score":
            band = next(name for limit, name in SCORE_BANDS if m.score >= limit)
            style = self.get_component_rich_style(f"transcript--score-{band}", partial=True)
        else:
            tag = (m.entry.tags or ("",))[0]
            style = self.get_component_rich_style(f"transcript--tag-{self.tag_order.get(tag, 0)}", partial=True)
        status = self._status(index)
        if status == "dismissed":
            style = self.get_component_rich_style("transcript--dismissed", partial=True)
        elif status == "confirmed":
            style += self.get_component_rich_style("transcript--confirmed", partial=True)
        if index == self.focused_index:
            style += self.get_component_rich_style("transcript--focused", partial=True)
        return style

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        k = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if self.lines is None or k >= len(self.lines):
            return Strip.blank(width, base)
        strip = self._cache.get(k)
        if strip is None:
            strip = self._render_visual_line(k, base)
            if self.text_selection is None:
                self._cache[k] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base).apply_offsets(scroll_x, k)

    def _render_visual_line(self, k: int, base: Style) -> Strip:
        assert self.lines is not None and self.shown is not None
        lines, shown = self.lines, self.shown
        a, b = lines.starts[k], lines.ends[k]
        line = Text(no_wrap=True, end="")
        if lines.gutter:
            label = lines.labels.get(k, "")
            if len(label) > lines.gutter - 2:
                label = label[: lines.gutter - 3] + "…"
            line.append(label.ljust(lines.gutter - 1) + " ",
                        self.get_component_rich_style("transcript--speaker", partial=True) if label else None)
        offset = lines.gutter
        line.append(shown.text[a:b])
        if self.document is None:
            line.stylize(self.get_component_rich_style("transcript--placeholder", partial=True), offset)
        i = bisect.bisect_right(shown.span_ends, a)
        while i < len(shown.span_starts) and shown.span_starts[i] < b:
            s, e = max(a, shown.span_starts[i]), min(b, shown.span_ends[i])
            line.stylize(self._span_style(shown.span_index[i]), offset + s - a, offset + e - a)
            i += 1
        selection = self.text_selection
        if selection is not None and (span := selection.get_span(k)) is not None:
            start, end = span
            if end == -1:
                end = len(line)
            line.stylize(self.screen.get_component_rich_style("screen--selection"), start, end)
        line.stylize_before(base)
        return Strip(line.render(self.app.console), cell_len(line.plain))

    # -- selection and clicks ------------------------------------------------------
    def selection_updated(self, selection: Selection | None) -> None:
        self._cache.clear()
        self.refresh()

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        rng = self.selected_range(selection)
        if rng is None or self.shown is None:
            return None
        a, b = rng
        if self.translate or self.document is None:
            return self.shown.text[a:b], "\n"
        return self.document.text[a:b], "\n"

    def _cell_to_offset(self, k: int, x: int) -> int:
        assert self.lines is not None and self.shown is not None
        a, b = self.lines.starts[k], self.lines.ends[k]
        x -= self.lines.gutter
        if x <= 0:
            return a
        text = self.shown.text
        pos, cells = a, 0
        while pos < b and cells < x:
            cells += cell_len(text[pos])
            pos += 1
        return pos

    def selected_range(self, selection: Selection | None = None) -> tuple[int, int] | None:
        """The selection as (start, end) display offsets (document offsets outside translate mode)."""
        selection = selection if selection is not None else self.text_selection
        if selection is None or self.lines is None or not len(self.lines):
            return None
        last = len(self.lines) - 1
        start = (0, 0) if selection.start is None else (min(selection.start.y, last), selection.start.x)
        end = (last, 10 ** 9) if selection.end is None else (min(selection.end.y, last), selection.end.x)
        a = self._cell_to_offset(start[0], start[1])
        b = self._cell_to_offset(end[0], end[1])
        if end[0] > last or (selection.end is not None and selection.end.y > last):
            b = self.lines.ends[last]
        return (a, b) if b > a else None

    def offset_at(self, x: int, y: int) -> int | None:
        """The display offset under widget cell (x, y), or None past the text."""
        if self.lines is None:
            return None
        k = int(self.scroll_y) + y
        if not 0 <= k < len(self.lines) or x < self.lines.gutter:
            return None
        return self._cell_to_offset(k, x)

    def on_click(self, event: events.Click) -> None:
        if self.shown is None:
            return
        where = event.get_content_offset(self)
        if where is None:
            return
        offset = self.offset_at(where.x, where.y)
        if offset is None:
            return
        index = self.shown.span_at(offset)
        if index is not None:
            self.post_message(self.MatchClicked(index))
