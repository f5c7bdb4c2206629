"""Helpers for the TUI tests (imported by the test modules)."""
from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data"
TEST_DICT = DATA / "tui-test.toml"
TRANSCRIPT = (
    "Иван: Коллеги, какова адженда? Я не понял, зачем мы собрались.\n"
    "Мария: У меня сейчас большой загруз, давайте позже.\n"
    "Иван: Забрал, вернусь. Коллеги, какова адженда? Повторю вопрос.\n"
    "Мария: У меня большой загруз, но отчёт будет. Всё верхнеуровнево.\n"
)


def make_app(path=None, **kwargs):
    from jargon.tui.app import JargonApp

    kwargs.setdefault("dict_selectors", [str(TEST_DICT)])
    return JargonApp(str(path) if path is not None else None, **kwargs)


async def settle(pilot) -> None:
    """Wait until every worker (reading, decoding, exporting) is done and the UI caught up."""
    app = pilot.app
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


def recorded_notifications(app) -> list[tuple[str, dict]]:
    """Replace ``app.notify`` with a recorder (it still shows the toast)."""
    seen: list[tuple[str, dict]] = []
    original = app.notify

    def notify(message, **kwargs):
        seen.append((str(message), kwargs))
        return original(message, **kwargs)

    app.notify = notify
    return seen


def drive(app, script, size=(110, 32)):
    """Run ``app`` headless, wait for it to settle, then ``await script(pilot)`` (no async plugin needed)."""
    import asyncio

    async def main():
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            return await script(pilot)

    return asyncio.run(main())


def select_text(app, start: int, end: int) -> None:
    """Select document offsets start..end in the transcript view, as a mouse drag would."""
    from textual.geometry import Offset
    from textual.selection import Selection

    view = app.view
    lines = view.lines
    a, b = lines.line_of(start), lines.line_of(end)
    first = Offset(lines.gutter + start - lines.starts[a], a)
    last = Offset(lines.gutter + end - lines.starts[b], b)
    app.main_screen.selections = {view: Selection(first, last)}
