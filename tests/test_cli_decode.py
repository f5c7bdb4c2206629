"""`jargon decode` and `jargon lookup` as a user runs them: real processes, real pipes."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from engine_helpers import ROOT, SEED

PHRASEBOOK = ROOT.parent / "shared" / "seed" / "phrasebook.md"
EXAMPLE = ROOT / "examples" / "interview-ru.txt"


@pytest.fixture
def env(tmp_path):
    e = dict(os.environ, JARGON_NO_PLUGINS="1", JARGON_DATA_DIR=str(tmp_path / "data"),
             JARGON_CONFIG_DIR=str(tmp_path / "config"), PYTHONIOENCODING="utf-8")
    e.pop("NO_COLOR", None)
    return e


def jargon(args, env, input=None, **kw):
    data = input.encode("utf-8") if isinstance(input, str) else input
    return subprocess.run([sys.executable, "-m", "jargon", *args], input=data, capture_output=True, env=env,
                          timeout=120, **kw)


def out(p) -> str:
    return p.stdout.decode("utf-8")


def err(p) -> str:
    return p.stderr.decode("utf-8")


def test_stdin_jsonl_has_every_field_and_exact_offsets(env):
    text = "Привет.\nКоллеги, какова адженда?\nПодсвечу Диме точки роста.\n"
    p = jargon(["decode", "--format", "jsonl"], env, text)
    assert p.returncode == 0, err(p)
    rows = [json.loads(line) for line in out(p).splitlines()]
    assert [r["entry"] for r in rows] == ["kakova-agenda", "podsvetit-tochki-rosta"]
    for r in rows:
        assert {"start", "end", "line", "column", "text", "entry", "phrase", "meaning", "score",
                "dictionary"} <= r.keys()
        assert text[r["start"]:r["end"]] == r["text"]
        assert r["file"] is None and r["speaker"] is None and r["time"] is None     # stdin: unknown, not left out
    assert (rows[1]["line"], rows[1]["column"]) == (3, 1)


def test_files_json_and_output_file(env, tmp_path):
    target = tmp_path / "out.json"
    p = jargon(["decode", "-f", "json", "-o", str(target), str(EXAMPLE)], env)
    assert p.returncode == 0 and out(p) == ""
    doc = json.loads(target.read_text(encoding="utf-8"))
    matches = doc["documents"][0]["matches"]
    assert len(matches) == 12 and all(m["file"] == str(EXAMPLE) for m in matches)


def test_phrasebook_post_finds_all_twelve_headwords(env):
    if not PHRASEBOOK.exists():
        pytest.skip("shared/seed/phrasebook.md is not beside the repository")
    p = jargon(["decode", "-f", "jsonl", "-d", "ru-corporate", str(PHRASEBOOK)], env)
    assert p.returncode == 0, err(p)
    entries = {json.loads(line)["entry"] for line in out(p).splitlines()}
    from jargon.dictionary import load_dictionary
    assert entries >= {e.id for e in load_dictionary(SEED).entries}


def test_text_format_is_plain_in_a_pipe(env):
    p = jargon(["decode"], env, "Это в планах.\n")
    assert p.returncode == 0
    assert out(p).startswith("1:1  Это в планах  → Это в планах — никогда.")
    assert "\x1b[" not in out(p)


def test_clean_and_translate(env):
    p = jargon(["decode", "--translate", "--clean"], env, "Я верхнеуровнево глянул. Это в планах.\n")
    assert out(p) == "Я [кое-как, лишь бы отстали] глянул. [никогда].\n"
    p = jargon(["decode", "-f", "jsonl"], env, "Верхнеуровнево.")
    assert json.loads(out(p))["meaning"] == "на отъебись."


def test_threshold_and_dict_selection(env, tmp_path):
    text = "Коллеги, а какова у нас сегодня адженда?"
    loose = [json.loads(x)["entry"] for x in out(jargon(["decode", "-f", "jsonl"], env, text)).splitlines()]
    strict = [json.loads(x)["entry"] for x in
              out(jargon(["decode", "-f", "jsonl", "-t", "99"], env, text)).splitlines()]
    assert loose == ["kakova-agenda"] and "kakova-agenda" not in strict
    mine = tmp_path / "mine.toml"
    mine.write_text('[dictionary]\nname = "mine"\n\n[[entries]]\nid = "sinergiya"\nphrase = "Синергия"\n'
                    'meaning = "никто не знает зачем"\n', encoding="utf-8")
    p = jargon(["decode", "-f", "jsonl", "--dict", str(mine)], env, "Тут нужна синергия. Это в планах.")
    assert [json.loads(x)["dictionary"] for x in out(p).splitlines()] == ["mine"]


def test_fail_on_match_exit_codes(env):
    assert jargon(["decode", "--fail-on-match"], env, "Это в планах.").returncode == 1
    assert jargon(["decode", "--fail-on-match"], env, "Всё хорошо.").returncode == 0
    assert jargon(["decode"], env, "Всё хорошо.").returncode == 0


@pytest.mark.parametrize("args, message", [
    (["decode", "-f", "nope"], "unknown format 'nope' (available:"),
    (["decode", "no-such-file.txt"], "no-such-file.txt: no such file"),
    (["decode", "--dict", "nosuchdict"], "unknown dictionary 'nosuchdict'"),
    (["decode", "-t", "150"], "--threshold must be between 0 and 100"),
])
def test_bad_usage_is_one_line_and_exit_2(env, args, message):
    p = jargon(args, env, "")
    assert p.returncode == 2
    assert message in err(p) and len(err(p).strip().splitlines()) == 1 and "Traceback" not in err(p)


def test_broken_dictionary_names_file_and_line(env, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[dictionary]\nname = "bad"\n\n[[entries]]\nid = "x"\nphrase = "X\n', encoding="utf-8")
    p = jargon(["decode", "--dict", str(bad)], env, "text")
    assert p.returncode == 2
    assert err(p).strip().startswith(f"jargon: {bad}:6: invalid TOML")


def test_invalid_utf8_names_file_and_byte(env, tmp_path):
    f = tmp_path / "t.txt"
    f.write_bytes("Это в планах.\n".encode() + b"\xff\xfe oops\n")
    p = jargon(["decode", str(f)], env)
    assert p.returncode == 2
    assert f"{f}: invalid UTF-8 at byte 24 (line 2)" in err(p)
    p = jargon(["decode", "--errors", "replace", "-f", "jsonl", str(f)], env)
    assert p.returncode == 0 and json.loads(out(p).splitlines()[0])["entry"] == "eto-v-planakh"
    p = jargon(["decode", "-f", "jsonl"], env, b"\xd0")
    assert p.returncode == 2 and "<stdin>: invalid UTF-8 at byte 0" in err(p)


def test_unreadable_file(env, tmp_path):
    if os.geteuid() == 0:
        assert "is a directory" in err(jargon(["decode", str(tmp_path)], env))
        return
    f = tmp_path / "secret.txt"
    f.write_text("x")
    f.chmod(0)
    assert "permission denied" in err(jargon(["decode", str(f)], env))


def test_pipe_closed_early_ends_quietly(env, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Коллеги, какова адженда? Это в планах.\n" * 20000, encoding="utf-8")
    cmd = f"{sys.executable} -m jargon decode {big} | head -n 2"
    p = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True, env=env, timeout=300)
    assert len(out(p).splitlines()) == 2
    assert err(p) == "" and p.returncode == 0


def test_python_m_and_console_script_agree(env):
    script = Path(sys.executable).with_name("jargon")
    if not script.exists():
        pytest.skip("console script not installed")
    a = subprocess.run([str(script), "decode", "-f", "jsonl"], input="Это в планах.".encode(), capture_output=True,
                       env=env).stdout
    assert a == jargon(["decode", "-f", "jsonl"], env, "Это в планах.").stdout


def test_lookup(env):
    p = jargon(["lookup", "фолоуап"], env)
    assert p.returncode == 0 and out(p).splitlines()[0].split("  ", 1)[1].startswith("Пришлете фоллоуап?")
    rows = json.loads(out(jargon(["lookup", "--json", "мне лень"], env)))
    assert {r["entry"] for r in rows[:2]} == {"bolshoy-zagruz", "prishlete-followup"}
    assert all(r["score"] >= 70 for r in rows)


def test_decode_respects_triage_decisions_beside_the_input(env, tmp_path):
    from engine_helpers import seed_decoder

    from jargon.decisions import DISMISSED, Decisions, save_decisions, sidecar_path

    text = "Это в планах. Коллеги, какова адженда?\n"
    transcript = tmp_path / "interview.txt"
    transcript.write_text(text, encoding="utf-8")
    first = seed_decoder().decode(text)[0]
    decisions = Decisions()
    decisions.set(first, DISMISSED)
    save_decisions(decisions, sidecar_path(transcript))

    def entries(*extra):
        p = jargon(["decode", "-f", "jsonl", *extra, str(transcript)], env)
        assert p.returncode == 0, err(p)
        return [json.loads(x)["entry"] for x in out(p).splitlines()]

    assert entries() == ["kakova-agenda"]
    assert entries("--no-decisions") == ["eto-v-planakh", "kakova-agenda"]


def test_threshold_help_names_the_real_default():
    from jargon.cli import build_parser
    from jargon.engine.decoder import DEFAULT_THRESHOLD

    parser, _ = build_parser()
    sub = parser._subparsers._group_actions[0].choices["decode"]
    action = next(a for a in sub._actions if "--threshold" in a.option_strings)
    assert f"default: {DEFAULT_THRESHOLD:g}" in action.help
