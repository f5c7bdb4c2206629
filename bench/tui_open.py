"""How fast ``jargon tui`` opens a 3-hour (30,000-word) transcript, measured headlessly.

    python bench/tui_open.py [--words 30000] [--runs 3] [--file PATH]

Generates a speaker-labelled Russian interview transcript (realistic filler lines with
seed phrases mixed in), then, for each run, starts the app with ``App.run_test`` and
reports, from the moment the app object is created:

- ``shown``: the text is on screen and scrollable (the transcript view has its lines);
- ``scroll``: from pressing End (right after ``shown``, usually while decoding) until the
  view is at the last line (animations off, so this is the UI's response time);
- ``highlights``: decoding has finished and the matches are highlighted;
- ``scroll_idle``: from pressing Home, after decoding, until the view is at the top;
- ``decode``: the time spent in ``Decoder.decode_document`` alone;
- ``build``: the time spent building the decoder (first run only: it is cached).

The user folders are pointed at a temporary directory, so only the seed
dictionaries (and installed plugins unless JARGON_NO_PLUGINS=1) are used.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
from pathlib import Path
from time import perf_counter

SPEAKERS = ("Интервьюер", "Анна", "Сергей", "Ольга")
LINES = (
    "Ну, смотрите, у нас в команде сейчас примерно двенадцать человек, и половина работает удалённо.",
    "Я бы сказала, что самое сложное — это договориться о приоритетах между отделами.",
    "Когда пришёл новый руководитель, процессы поменялись почти полностью, и не все это приняли.",
    "Мы каждую неделю собираемся на планёрку, но решения там принимаются редко.",
    "Честно говоря, я не всегда понимаю, кто за что отвечает в этом проекте.",
    "Бывает, что задачу ставят в пятницу вечером, а ждут результат в понедельник утром.",
    "Обратная связь у нас в основном письменная, в чатах, лично почти не разговариваем.",
    "Расскажите, пожалуйста, как выглядит ваш обычный рабочий день.",
    "А что помогает вам не выгорать, когда сроки горят?",
    "Я стараюсь закрывать ноутбук в семь, но получается не всегда.",
    "Мне кажется, люди устали от бесконечных созвонов без повестки.",
    "Если честно, то отчётность занимает больше времени, чем сама работа.",
)
SEEDS = (
    "Коллеги, какова адженда?",
    "У меня сейчас большой загруз, давайте на следующей неделе.",
    "Это в планах, вернёмся к этому позже.",
    "Забрал, вернусь.",
    "Пришлете фоллоуап?",
    "Верхнеуровнево всё понятно.",
    "Мы с Васей решили идти в эту историю.",
)


def make_transcript(words: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    out, count, turn = [], 0, 0
    while count < words:
        speaker = SPEAKERS[turn % len(SPEAKERS)]
        sentences = [rng.choice(LINES) for _ in range(rng.randint(1, 4))]
        if rng.random() < 0.3:
            sentences.insert(rng.randint(0, len(sentences)), rng.choice(SEEDS))
        line = " ".join(sentences)
        out.append(f"{speaker}: {line}")
        count += len(line.split()) + 1
        turn += 1
    return "\n".join(out) + "\n"


def _send_key(app, events, key: str) -> None:
    event = events.Key(key, None)
    event.set_sender(app)
    app._driver.send_message(event)


async def one_run(path: Path, size: tuple[int, int]) -> dict[str, float]:
    from textual import events

    from jargon.tui.app import JargonApp

    t0 = perf_counter()
    app = JargonApp(str(path))
    app.animation_level = "none"        # scroll at once: measure the response, not the animation
    result: dict[str, float] = {}
    async with app.run_test(size=size):
        while app.view.lines is None or app.view.document is None:
            await asyncio.sleep(0.002)
        result["shown"] = app.timings["shown"] - t0
        lines = len(app.view.lines)
        t1 = perf_counter()
        app.view.focus()
        # Post the key like the terminal driver does: Pilot.press would wait until the
        # process is idle, i.e. until decoding is over, which is not what a user sees.
        _send_key(app, events, "end")
        while app.view.scroll_y < lines - app.view.size.height - 1:
            await asyncio.sleep(0.001)
            if perf_counter() - t1 > 10:
                raise SystemExit(f"no scroll: y={app.view.scroll_y} max={app.view.max_scroll_y} "
                                 f"lines={lines} now={len(app.view.lines)} h={app.view.size.height} "
                                 f"focused={app.focused}")
        result["scroll"] = perf_counter() - t1
        result["busy_during_scroll"] = "highlighted" not in app.timings
        while "highlighted" not in app.timings:
            await asyncio.sleep(0.005)
        result["highlights"] = perf_counter() - t0
        t2 = perf_counter()
        _send_key(app, events, "home")
        while app.view.scroll_y > 0:
            await asyncio.sleep(0.001)
        result["scroll_idle"] = perf_counter() - t2
        result["decode"] = app.timings.get("decode", 0.0)
        result["build"] = app.timings.get("decoder_build", 0.0)
        result["matches"] = len(app.matches)
        result["lines"] = lines
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=30_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--file", type=Path, help="a transcript to open instead of a generated one")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="jargon-bench-"))
    os.environ["JARGON_DATA_DIR"] = str(tmp / "data")
    os.environ["JARGON_CONFIG_DIR"] = str(tmp / "config")
    path = args.file
    if path is None:
        path = tmp / "interview.txt"
        path.write_text(make_transcript(args.words), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    print(f"{path.name}: {len(text.split())} words, {len(text):,} characters, {text.count(chr(10))} lines")
    runs = []
    for i in range(args.runs):
        from jargon.plugins import reset_plugin_manager

        reset_plugin_manager()          # each run starts the way a fresh `jargon tui` does
        r = asyncio.run(one_run(path, (120, 40)))
        runs.append(r)
        print(f"run {i + 1}: shown {r['shown']:.3f}s  scroll-to-end {r['scroll']:.3f}s  "
              f"highlights {r['highlights']:.3f}s  scroll-home-when-idle {r['scroll_idle']:.3f}s  "
              f"(decoder build {r['build']:.3f}s, decode {r['decode']:.3f}s; "
              f"{r['matches']:.0f} matches, {r['lines']:.0f} visual lines; "
              f"{'scrolled while decoding' if r['busy_during_scroll'] else 'decoding was done before the scroll'})")
    for key in ("shown", "highlights", "decode"):
        values = [r[key] for r in runs]
        print(f"median {key}: {statistics.median(values):.3f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
