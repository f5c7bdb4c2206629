"""Plugins cannot take the run down (issue 11, item 6): one line naming the plugin, exit 2, clean stdout.

Every plugin here is a temporary single-file plugin in a folder named by ``JARGON_PLUGINS``
(as in tests/test_plugins.py).
"""
from __future__ import annotations

import json
import pickle

import pytest

from jargon import plugins as plugins_module
from jargon.cli import COMMANDS, build_parser

TEXT = "Коллеги, какая адженда?\n"

READER = '''
from jargon.contributions import InputReader
from jargon.hookspecs import hookimpl


def read(data, name, options):
    {read}


def sniff(head):
    {sniff}


@hookimpl
def jargon_input_readers():
    return [InputReader("evil", "raises", ("evil",), read, sniff)]
'''

FORMAT = '''
import sys

from jargon.contributions import OutputFormat
from jargon.hookspecs import hookimpl


def write(out, docs, options):
    {body}


@hookimpl
def jargon_output_formats():
    return [OutputFormat("evil", "raises", "txt", write)]
'''

LANGUAGE = '''
from jargon.contributions import Language
from jargon.hookspecs import hookimpl
from jargon.model import Dictionary, Entry
from jargon.text.analyzer import Analyzer


class Piggy(Analyzer):
    language = "xx"

    def normalize(self, word):
        {normalize}


@hookimpl
def jargon_languages():
    return [Language("xx", "Pig Latin", Piggy)]


@hookimpl
def jargon_dictionaries():
    return [Dictionary("piggy", (Entry("oink", "oink oink", "hello"),), language="xx")]
'''


@pytest.fixture
def plugin_folder(tmp_path, monkeypatch, plugins_on):
    """``plugin_folder(name, source)`` writes a single-file plugin into a folder on ``JARGON_PLUGINS``."""
    folder = tmp_path / "plugins"
    folder.mkdir()
    monkeypatch.setenv("JARGON_PLUGINS", str(folder))

    def add(name: str, source: str):
        (folder / f"{name}.py").write_text(source, encoding="utf-8")
        return folder

    return add


@pytest.fixture
def transcript(tmp_path):
    def make(name: str = "talk.txt", text: str = TEXT):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return make


def failure_line(result, plugin: str, *details: str) -> str:
    assert "Traceback" not in result.err
    mine = [line for line in result.err_lines if f"'{plugin}'" in line]
    assert len(mine) == 1, result.err_lines
    assert mine[0].startswith("jargon: ") and all(d in mine[0] for d in details), mine[0]
    return mine[0]


# -- readers ------------------------------------------------------------------------

def test_a_reader_that_raises_is_one_line_and_exit_2(cli, plugin_folder, transcript):
    plugin_folder("bad_reader", READER.format(read="raise ValueError('boom in read')", sniff="return False"))
    result = cli("decode", "--fail-on-match", transcript("talk.evil"))
    assert result.rc == 2 and result.out == ""
    failure_line(result, "bad_reader", "input reader 'evil'", "ValueError: boom in read")


def test_a_reader_sniff_that_raises_is_one_line_and_exit_2(cli, plugin_folder, transcript):
    plugin_folder("bad_sniff", READER.format(read="raise AssertionError", sniff="raise KeyError('sniffing')"))
    result = cli("decode", transcript("talk.unknown"))
    assert result.rc == 2
    failure_line(result, "bad_sniff", "(sniff)", "KeyError")


def test_a_reader_that_exits_is_a_failure_not_an_exit(cli, plugin_folder, transcript):
    plugin_folder("exiting_reader", READER.format(read="raise SystemExit(0)", sniff="return False"))
    result = cli("decode", transcript("talk.evil"))
    assert result.rc == 2
    failure_line(result, "exiting_reader", "SystemExit")


def test_a_reader_that_raises_in_a_worker_is_one_line_too(run_jargon, plugin_folder, transcript):
    folder = plugin_folder("bad_reader", READER.format(read="raise ValueError('boom in read')", sniff="return False"))
    files = [transcript(f"t{i}.evil") for i in range(4)]
    result = run_jargon("decode", "-j", "2", *files, JARGON_PLUGINS=str(folder))
    # a batch: each file is one skipped line naming the plugin, then the summary; exit 3
    assert result.rc == 3 and "Traceback" not in result.err
    assert sum("bad_reader" in line and "ValueError: boom in read" in line for line in result.err_lines) == 4


# -- formats ------------------------------------------------------------------------

@pytest.mark.parametrize("body, detail", [
    ("raise RuntimeError('boom in write')", "RuntimeError: boom in write"),
    ("sys.exit(0)", "SystemExit"),
    ("raise KeyboardInterrupt", "KeyboardInterrupt"),
])
def test_a_format_that_fails_is_one_line_and_exit_2(cli, plugin_folder, transcript, tmp_path, body, detail):
    plugin_folder("bad_format", FORMAT.format(body=body))
    for extra in ((), ("-o", tmp_path / "out.txt")):
        result = cli("decode", "-f", "evil", "--fail-on-match", transcript(), *extra)
        assert result.rc == 2, (extra, result)
        failure_line(result, "bad_format", "output format 'evil'", detail)


# -- hooks --------------------------------------------------------------------------

@pytest.mark.parametrize("raise_", ["sys.exit(0)", "raise KeyboardInterrupt", "raise SystemExit('bye')"])
def test_a_hook_that_exits_is_a_failure_of_that_plugin(cli, plugin_folder, transcript, raise_):
    plugin_folder("exiting_hook", f'''
import sys
from jargon.hookspecs import hookimpl


@hookimpl
def jargon_output_formats():
    {raise_}
''')
    result = cli("decode", "-d", "ru-corporate", "--fail-on-match", transcript())
    assert result.rc == 1                       # matches found: the hook did not turn this into exit 0
    assert "адженда" in result.out.lower()
    failure_line(result, "exiting_hook", "jargon_output_formats")


def test_a_plugin_that_exits_at_import_is_skipped(cli, plugin_folder, transcript):
    plugin_folder("exiting_import", "import sys\nsys.exit(3)\n")
    result = cli("decode", "-d", "ru-corporate", transcript())
    assert result.rc == 0 and result.out
    failure_line(result, "exiting_import", "failed to load", "SystemExit")


def test_a_hook_returning_a_dictionary_that_breaks_is_reported(cli, plugin_folder, transcript):
    plugin_folder("bad_dict", '''
from jargon.hookspecs import hookimpl


@hookimpl
def jargon_dictionaries():
    return ["/no/such/dictionary.toml"]
''')
    result = cli("dict", "list")
    assert result.rc == 0 and "ru-corporate" in result.out
    failure_line(result, "bad_dict", "dictionary skipped")


# -- analysers ----------------------------------------------------------------------

def test_an_analyser_that_raises_is_one_line_and_exit_2(cli, plugin_folder, transcript):
    plugin_folder("bad_language", LANGUAGE.format(normalize="raise ZeroDivisionError('in normalize')"))
    result = cli("decode", "-d", "piggy", transcript(text="oink oink\n"))
    assert result.rc == 2
    failure_line(result, "bad_language", "language 'xx' (normalize)", "ZeroDivisionError")


def test_an_analyser_factory_that_raises_is_one_line_and_exit_2(cli, plugin_folder, transcript):
    source = LANGUAGE.format(normalize="return word").replace(
        'Language("xx", "Pig Latin", Piggy)', 'Language("xx", "Pig Latin", lambda: 1 / 0)')
    plugin_folder("bad_factory", source)
    result = cli("decode", "-d", "piggy", transcript(text="oink oink\n"))
    assert result.rc == 2
    failure_line(result, "bad_factory", "language 'xx' (analyzer)", "ZeroDivisionError")


def test_a_guarded_analyser_still_works_and_pickles(cli, plugin_folder, transcript, run_jargon, tmp_path):
    folder = plugin_folder("good_language", LANGUAGE.format(normalize="return word.lower()"))
    assert "oink" in cli("decode", "-d", "piggy", transcript(text="Oink oink\n")).out.lower()
    pm = plugins_module.PluginManager()
    analyzer = pm.languages()["xx"].analyzer()
    assert isinstance(analyzer.normalize, plugins_module.Guarded)
    assert pickle.loads(pickle.dumps(analyzer)).normalize("OINK") == "oink"
    files = [transcript(f"t{i}.txt", "Oink oink\n") for i in range(4)]
    result = run_jargon("decode", "-j", "2", "-d", "piggy", *files, JARGON_PLUGINS=str(folder))
    assert result.rc == 0 and len(result.out.splitlines()) == 4, result.err


def test_builtin_contributions_are_not_wrapped():
    pm = plugins_module.PluginManager()
    assert not isinstance(pm.input_readers()["text"].read, plugins_module.Guarded)
    assert not isinstance(pm.output_formats()["json"].write, plugins_module.Guarded)


# -- stdout stays clean --------------------------------------------------------------

NOISY = '''
print("hello from import")
from jargon.contributions import InputReader
from jargon.hookspecs import hookimpl
from jargon.inputs import decode_bytes
from jargon.model import Document


def read(data, name, options):
    print("hello from read")
    return Document(text=decode_bytes(data, name, options), name=name)


def sniff(head):
    print("hello from sniff")
    return False


@hookimpl
def jargon_input_readers():
    print("hello from a hook")
    return [InputReader("noisy", "prints", ("noisy",), read, sniff)]
'''


def test_a_plugin_that_prints_keeps_stdout_valid_json(cli, plugin_folder, transcript):
    plugin_folder("noisy", NOISY)
    result = cli("decode", "-f", "json", "-d", "ru-corporate", transcript("a.noisy"), transcript("b.other"))
    assert result.rc == 0
    assert json.loads(result.out)["documents"][0]["matches"]
    for what in ("import", "read", "sniff", "a hook"):
        assert f"hello from {what}" in result.err


def test_a_plugin_that_prints_keeps_stdout_valid_with_workers(run_jargon, plugin_folder, transcript):
    folder = plugin_folder("noisy", NOISY)
    files = [transcript(f"t{i}.noisy") for i in range(4)]
    result = run_jargon("decode", "-f", "jsonl", "-j", "2", "-d", "ru-corporate", *files, JARGON_PLUGINS=str(folder))
    assert result.rc == 0, result.err
    assert [json.loads(line) for line in result.out.splitlines()]
    assert "hello from import" in result.err and "hello" not in result.out


def test_a_slow_import_is_reported(cli, plugin_folder, monkeypatch):
    monkeypatch.setattr(plugins_module, "SLOW_IMPORT_SECONDS", 0.2)
    plugin_folder("sleepy", "import time\ntime.sleep(0.6)\n")
    result = cli("plugins")
    assert result.rc == 0
    (line,) = [line for line in result.err_lines if "'sleepy'" in line]
    assert "taking more than 0.2 s to import" in line


def test_a_slow_import_is_reported_when_done_to_another_reporter(plugin_folder, monkeypatch):
    monkeypatch.setattr(plugins_module, "SLOW_IMPORT_SECONDS", 0.2)
    plugin_folder("sleepy", "import time\ntime.sleep(0.4)\n")
    messages: list[str] = []
    plugins_module.PluginManager(report=messages.append)
    assert [m for m in messages if "'sleepy'" in m and "s to import" in m]


# -- --no-plugins ----------------------------------------------------------------------

def test_no_plugins_loads_builtins_only(cli, plugin_folder, transcript):
    plugin_folder("bad_reader", READER.format(read="raise ValueError('boom')", sniff="return False"))
    plugin_folder("exiting_import", "import sys\nsys.exit(3)\n")
    for argv in (("--no-plugins", "plugins", "--json"), ("plugins", "--no-plugins", "--json")):
        result = cli(*argv)
        assert result.rc == 0 and result.err == ""
        kinds = {p["kind"] for p in json.loads(result.out)["plugins"]}
        assert kinds == {"builtin"}
    with_plugins = cli("plugins", "--json")
    assert {"bad_reader"} <= {p["name"] for p in json.loads(with_plugins.out)["plugins"]}
    decoded = cli("decode", "--no-plugins", "-d", "ru-corporate", transcript("talk.evil"))
    assert decoded.rc == 0 and "адженда" in decoded.out.lower() and decoded.err == ""


def test_no_plugins_reaches_batch_workers(run_jargon, plugin_folder, transcript):
    folder = plugin_folder("bad_reader", READER.format(read="raise ValueError('boom')", sniff="return False"))
    files = [transcript(f"t{i}.evil") for i in range(4)]
    result = run_jargon("decode", "--no-plugins", "-j", "2", "-d", "ru-corporate", *files, JARGON_PLUGINS=str(folder))
    assert result.rc == 0 and len(result.out.splitlines()) == 4, result.err


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_accepts_no_plugins(command):
    parser, _ = build_parser()
    minimal = {"decode": [], "discover": [], "lookup": ["x"], "stats": [], "dict": ["list"], "plugins": [],
               "plugin": ["new", "x"], "tui": []}[command]
    argv = [command, *minimal[:1], "--no-plugins", *minimal[1:]] if command in ("dict", "plugin") else \
        [command, "--no-plugins", *minimal]
    assert parser.parse_args(argv).no_plugins is True
    assert parser.parse_args(["--no-plugins", command, *minimal]).no_plugins is True
    assert parser.parse_args([command, *minimal]).no_plugins is False
