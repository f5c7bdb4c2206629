"""jargon dict check DICT --prose FILE: false alarms per entry per 100,000 words of ordinary prose."""
from __future__ import annotations

import json

import pytest

from jargon.text.tokens import words

pytestmark = pytest.mark.usefixtures("plugins_on")

DICT = """
    [dictionary]
    name = "probe"
    language = "en"

    [[entries]]
    id = "circle-back"
    phrase = "circle back"
    meaning = "talk about it later, or never"

    [[entries]]
    id = "deep-dive"
    phrase = "deep dive"
    meaning = "a long meeting"

    [[entries]]
    id = "bandwidth"
    phrase = "no bandwidth"
    meaning = "no"
"""

PROSE = """The hawks circle back over the field at dusk.
Divers take a deep dive near the reef, and the birds circle back again.
Nothing else here is jargon at all, just an ordinary sentence about the weather.
"""


def test_rates_per_entry_worst_first_with_contexts(cli, write):
    d = write("probe.toml", DICT)
    prose = write("prose.txt", PROSE)
    result = cli("dict", "check", d, "--prose", prose, "-f", "json")
    assert result.rc == 0, result.err
    data = json.loads(result.out)
    total = len(words(PROSE))
    assert data["words"] == total
    (probe,) = data["dictionaries"]
    assert probe["name"] == "probe" and probe["hits"] == 3
    assert probe["rate"] == round(3 * 100_000 / total, 2)
    assert [(e["id"], e["hits"]) for e in probe["entries"]] == [("circle-back", 2), ("deep-dive", 1)]
    first = probe["entries"][0]["examples"][0]
    assert first["line"] == 1 and first["text"] == "circle back"
    assert "hawks [circle back] over" in first["context"]
    assert probe["entries"][0]["examples"][1]["line"] == 2

    text = cli("dict", "check", d, "--prose", prose)
    assert text.rc == 0
    lines = text.out.splitlines()
    assert lines[0].startswith(f"probe: 3 hits in {total} words of 1 file:")
    assert lines[1].split()[1:3] == ["2", "circle"] and lines[1].split()[0] == f"{2 * 100_000 / total:.1f}"
    assert any("prose.txt:1:" in line and "[circle back]" in line for line in lines)


def test_max_rate_fails_a_noisy_dictionary(cli, write):
    d = write("probe.toml", DICT)
    prose = write("prose.txt", PROSE)
    rate = 3 * 100_000 / len(words(PROSE))
    assert cli("dict", "check", d, "--prose", prose, "--max-rate", str(rate + 1)).rc == 0
    over = cli("dict", "check", d, "--prose", prose, "--max-rate", str(rate - 1))
    assert over.rc == 1
    assert over.err_lines == [f"jargon: probe: {rate:.1f} hits per 100,000 words, above --max-rate {rate - 1:g}"]


def test_each_dictionary_counts_alone_and_by_name(cli, write):
    d = write("probe.toml", DICT)
    prose = write("prose.txt", PROSE + "Коллеги, добрый день!\n")
    data = json.loads(cli("dict", "check", d, "ru-corporate", "--prose", prose, "-f", "json").out)
    hits = {r["name"]: r["hits"] for r in data["dictionaries"]}
    assert hits == {"probe": 3, "ru-corporate": 1}


def test_quiet_prose_gives_zero(cli, write):
    d = write("probe.toml", DICT)
    prose = write("prose.txt", "Nothing to see here.\n")
    result = cli("dict", "check", d, "--prose", prose, "--max-rate", "0", "-f", "json")
    assert result.rc == 0
    assert json.loads(result.out)["dictionaries"][0]["hits"] == 0


def test_bad_input_is_one_line_and_exit_2(cli, write, tmp_path):
    d = write("probe.toml", DICT)
    prose = write("prose.txt", PROSE)
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    missing = cli("dict", "check", d, "--prose", tmp_path / "nope.txt")
    assert missing.rc == 2 and len(missing.err_lines) == 2 and "nope.txt" in missing.err_lines[0]
    # a bad file among good ones: reported, the others checked, exit 2
    mixed = cli("dict", "check", d, "--prose", binary, prose, "-f", "json")
    assert mixed.rc == 2 and mixed.err_lines == [f"jargon: cannot read {binary}: not UTF-8 text; skipped"]
    assert json.loads(mixed.out)["dictionaries"][0]["hits"] == 3
    unknown = cli("dict", "check", "no-such-dict", "--prose", prose)
    assert unknown.rc == 2 and len(unknown.err_lines) == 1 and "unknown dictionary" in unknown.err
    assert cli("dict", "check", d, "--prose", prose, "--max-rate", "-1").rc == 2
