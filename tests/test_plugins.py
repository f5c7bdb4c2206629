"""Plugin discovery (entry points, local folders, --plugin), isolation of broken plugins,
name clashes, `jargon plugins`, the hook reference, and what `jargon decode` imports."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, subprocess_env

from jargon import hookspecs
from jargon.contributions import ReadOptions
from jargon.plugins import PluginManager
from jargon.scaffold import write_dictionary

pytestmark = pytest.mark.usefixtures("plugins_on")

SAMPLE = "Коллеги, какова адженда?\n"

# a single-file plugin: an output format that shouts and a dictionary built in code
SHOUT_PLUGIN = '''
from jargon.contributions import OutputFormat
from jargon.hookspecs import hookimpl
from jargon.model import Dictionary, Entry

__version__ = "2.5"


def write(out, docs, options):
    for d in docs:
        for m in d.matches:
            out.write(m.text.upper() + "\\n")


@hookimpl
def jargon_output_formats():
    return [OutputFormat("shout", "upper-case surfaces", "txt", write)]


@hookimpl
def jargon_dictionaries():
    return [Dictionary("shouty", (Entry("touch-base", "touch base", "Talk without purpose."),), language="en")]
'''


def mentioning(result, *names: str) -> list[str]:
    """The stderr lines about these plugins (other installed plugins may have their own problems)."""
    return [line for line in result.err_lines if any(f"'{n}'" in line or n in line for n in names)]


def plugin_by_name(payload: dict, name: str) -> dict:
    found = [p for p in payload["plugins"] if p["name"] == name]
    assert found, f"{name!r} not in {[p['name'] for p in payload['plugins']]}"
    return found[0]


# -- discovery --------------------------------------------------------------

def test_installed_entry_points_are_discovered(installed_plugins, run_jargon):
    site = str(installed_plugins.site)
    result = run_jargon("plugins", "--json", PYTHONPATH=site)
    assert result.rc == 0, result.err
    payload = json.loads(result.out)
    probe = plugin_by_name(payload, "probe")
    assert probe["kind"] == "entrypoint" and probe["version"] == "0.1.0"
    assert "jargon-probe" in probe["origin"]
    assert probe["contributes"]["dictionaries"] == ["probe"]
    xlsx = plugin_by_name(payload, "xlsx")
    assert xlsx["kind"] == "entrypoint" and xlsx["contributes"]["formats"] == ["xlsx"]
    assert not [line for line in payload["problems"] if "probe" in line or "xlsx" in line]

    listed = json.loads(run_jargon("dict", "list", "--json", PYTHONPATH=site).out)["dictionaries"]
    assert {d["name"]: d["plugin"] for d in listed}["probe"] == "probe"

    # JARGON_NO_PLUGINS=1 turns entry points off (built-ins stay)
    off = json.loads(run_jargon("plugins", "--json", PYTHONPATH=site, JARGON_NO_PLUGINS="1").out)
    names = {p["name"] for p in off["plugins"]}
    assert "probe" not in names and "xlsx" not in names and "formats" in names


def test_local_folder_from_env(cli, write, monkeypatch):
    folder = write("myplugins/shout.py", SHOUT_PLUGIN).parent
    write("myplugins/_private.py", "raise RuntimeError('files starting with _ are not plugins')\n")
    monkeypatch.setenv("JARGON_PLUGINS", str(folder))
    result = cli("plugins", "--json")
    shout = plugin_by_name(json.loads(result.out), "shout")
    assert shout["kind"] == "local" and shout["version"] == "2.5"
    assert shout["contributes"] == {"dictionaries": ["shouty"], "formats": ["shout"], "readers": [], "languages": []}
    assert not mentioning(result, "shout")
    source = write("meeting.txt", "OK, let's touch base tomorrow.\n")
    decoded = cli("decode", "-f", "shout", "-d", "shouty", source)
    assert decoded.rc == 0 and decoded.out == "TOUCH BASE\n"


def test_local_folder_in_user_config_dir(cli, write, jargon_home):
    write(str(jargon_home / "config" / "plugins" / "shout.py"), SHOUT_PLUGIN)
    result = cli("plugins", "--json")
    assert plugin_by_name(json.loads(result.out), "shout")["kind"] == "local"


def test_plugin_option_loads_a_file_for_one_run(cli, write, monkeypatch):
    path = write("one-off/shout.py", SHOUT_PLUGIN)
    monkeypatch.setenv("JARGON_NO_PLUGINS", "1")       # --plugin still loads
    result = cli("--plugin", path, "plugins", "--json")
    shout = plugin_by_name(json.loads(result.out), "shout")
    assert shout["kind"] == "path" and shout["origin"] == str(path)
    assert "shout" not in {p["name"] for p in json.loads(cli("plugins", "--json").out)["plugins"]}

    missing = cli("--plugin", path.parent / "nope.py", "plugins")
    (line,) = mentioning(missing, "nope.py")
    assert missing.rc == 0 and line.startswith("jargon: ") and "does not exist" in line


def test_local_plugin_may_define_dataclasses(cli, write, monkeypatch):
    # dataclasses look their module up in sys.modules while the class is created
    path = write("dc/typed.py", """
        from __future__ import annotations
        from dataclasses import dataclass
        from jargon.contributions import OutputFormat
        from jargon.hookspecs import hookimpl

        @dataclass
        class Style:
            prefix: str = ">> "

        def write(out, docs, options):
            out.write(Style().prefix + str(sum(len(d.matches) for d in docs)) + "\\n")

        @hookimpl
        def jargon_output_formats():
            return [OutputFormat("count", "number of matches", "txt", write)]
    """)
    monkeypatch.setenv("JARGON_PLUGINS", str(path.parent))
    result = cli("decode", "-f", "count", "-d", "ru-corporate", input_file(write))
    assert not mentioning(result, "typed") and result.out == ">> 1\n"


def input_file(write) -> Path:
    return write("sample.txt", SAMPLE)


# -- isolation ---------------------------------------------------------------

def test_broken_plugins_are_reported_in_one_line_and_skipped(cli, write, monkeypatch):
    folder = write("broken/a_import_error.py", "import jargon_no_such_module_xyz\n").parent
    write("broken/b_raises.py", """
        from jargon.hookspecs import hookimpl

        @hookimpl
        def jargon_output_formats():
            raise RuntimeError("boom in formats")

        @hookimpl
        def jargon_dictionaries():
            raise ValueError("boom in dictionaries")
    """)
    write("broken/c_not_a_list.py", """
        from jargon.hookspecs import hookimpl

        @hookimpl
        def jargon_input_readers():
            return 42
    """)
    write("broken/d_bad_hook.py", """
        from jargon.hookspecs import hookimpl

        @hookimpl
        def jargon_no_such_hook():
            return []
    """)
    write("broken/shout.py", SHOUT_PLUGIN)
    monkeypatch.setenv("JARGON_PLUGINS", str(folder))
    result = cli("decode", "-d", "ru-corporate", input_file(write))
    assert result.rc == 0
    assert "адженда" in result.out.lower()                      # jargon kept working
    assert "Traceback" not in result.err
    lines = mentioning(result, "a_import_error", "b_raises", "c_not_a_list", "d_bad_hook", "shout")
    expected = [  # one line per plugin and failure, naming both
        ("a_import_error", "ModuleNotFoundError"),
        ("b_raises", "jargon_output_formats: RuntimeError: boom in formats"),
        ("b_raises", "jargon_dictionaries: ValueError: boom in dictionaries"),
        ("c_not_a_list", "jargon_input_readers"),
        ("d_bad_hook", "jargon_no_such_hook"),
    ]
    for plugin, detail in expected:
        mine = [line for line in lines if f"'{plugin}'" in line and detail in line]
        assert len(mine) == 1 and mine[0].startswith("jargon: "), (plugin, detail, lines)
    assert len(lines) == len(expected)
    assert "shouty" in {d["name"] for d in json.loads(cli("dict", "list", "--json").out)["dictionaries"]}
    # the good plugin in the same folder still works
    assert cli("decode", "-f", "shout", "-d", "ru-corporate", input_file(write)).out.strip()


def test_entry_point_that_fails_to_import(tmp_path, monkeypatch):
    dist = tmp_path / "site" / "jargon_broken_ep-0.3.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: jargon-broken-ep\nVersion: 0.3\n")
    (dist / "entry_points.txt").write_text("[jargon]\nbroken = jargon_broken_ep_missing_module\n")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    messages: list[str] = []
    pm = PluginManager(report=messages.append)
    assert len(messages) == 1
    assert "'broken'" in messages[0] and "jargon-broken-ep" in messages[0] and "ModuleNotFoundError" in messages[0]
    assert "broken" not in {i.name for i in pm.infos}
    assert "text" in pm.output_formats()


# -- name clashes ----------------------------------------------------------------

def clash_plugin(tag: str) -> str:
    return f"""
        from jargon.contributions import OutputFormat
        from jargon.hookspecs import hookimpl

        def write(out, docs, options):
            out.write("{tag}\\n")

        @hookimpl
        def jargon_output_formats():
            return [OutputFormat("report", "{tag}", "txt", write)]
    """


def test_two_plugins_with_the_same_format_name(cli, write, monkeypatch):
    folder = write("clash/a_first.py", clash_plugin("FIRST")).parent
    write("clash/b_second.py", clash_plugin("SECOND"))
    monkeypatch.setenv("JARGON_PLUGINS", str(folder))
    result = cli("decode", "-f", "report", "-d", "ru-corporate", input_file(write))
    assert result.rc == 0 and result.out == "FIRST\n"
    (line,) = mentioning(result, "report")
    assert "'report'" in line and "'a_first'" in line and "'b_second'" in line and "keeping 'a_first'" in line


def test_a_plugin_cannot_replace_a_builtin_format_or_dictionary(cli, write, monkeypatch):
    path = write("sneaky/sneaky.py", """
        from jargon.contributions import OutputFormat
        from jargon.hookspecs import hookimpl
        from jargon.model import Dictionary, Entry

        @hookimpl
        def jargon_output_formats():
            return [OutputFormat("json", "not json", "txt", lambda out, docs, options: out.write("nope"))]

        @hookimpl
        def jargon_dictionaries():
            return [Dictionary("ru-corporate", (Entry("x", "x", "x"),))]
    """)
    monkeypatch.setenv("JARGON_PLUGINS", str(path.parent))
    result = cli("dict", "list", "--json")
    ru = {d["name"]: d for d in json.loads(result.out)["dictionaries"]}["ru-corporate"]
    assert ru["plugin"] == "dictionaries" and ru["entries"] > 1
    assert any("'ru-corporate'" in line and "'sneaky'" in line and "keeping 'dictionaries'" in line
               for line in result.err_lines)
    decoded = cli("decode", "-f", "json", "-d", "ru-corporate", input_file(write))
    assert json.loads(decoded.out)["documents"][0]["matches"]
    assert any("'json'" in line and "'sneaky'" in line for line in decoded.err_lines)


def test_plugin_named_like_a_builtin_is_not_loaded(cli, write, monkeypatch):
    path = write("dup/formats.py", SHOUT_PLUGIN)
    monkeypatch.setenv("JARGON_PLUGINS", str(path.parent))
    result = cli("plugins", "--json")
    formats = [p for p in json.loads(result.out)["plugins"] if p["name"] == "formats"]
    assert len(formats) == 1 and formats[0]["kind"] == "builtin"
    assert any("'formats'" in line and "not loaded" in line for line in result.err_lines)


# -- jargon plugins ------------------------------------------------------------------

def test_plugins_table_lists_builtins_with_contributions(cli):
    result = cli("plugins")
    assert result.rc == 0
    rows = {line.split()[0]: line for line in result.out.splitlines()[1:]}
    from jargon.builtin import BUILTIN_PLUGINS

    for modname in BUILTIN_PLUGINS:
        name = modname.rsplit(".", 1)[-1]
        assert "builtin" in rows[name] and modname in rows[name]
    assert "formats: text, json, jsonl" in rows["formats"]
    assert "languages: ru" in rows["russian"]


# -- documentation and start-up costs ----------------------------------------------------

def hook_names() -> list[str]:
    return sorted(name for name in dir(hookspecs)
                  if name.startswith("jargon_") and hasattr(getattr(hookspecs, name), "jargon_spec"))


def test_every_hook_is_documented():
    names = hook_names()
    assert len(names) >= 4
    doc = (REPO / "docs" / "plugins.md").read_text(encoding="utf-8")
    for name in names:
        heading = re.search(rf"^#+ .*`{name}\(\)`.*$", doc, re.MULTILINE)
        assert heading, f"docs/plugins.md has no heading for {name}()"
        section = doc[heading.end():].split("\n#", 1)[0]
        assert "@hookimpl" in section and len(section.split()) > 40, f"{name}() needs an example and a description"


PROBE = """
import json, sys
from jargon.cli import main
try:
    rc = main(sys.argv[2:])
except SystemExit as exc:
    rc = exc.code
plugins = sys.modules.get("jargon.plugins")   # not imported here: that would import pluggy
report = {"rc": rc, "modules": sorted(sys.modules),
          "manager": plugins is not None and plugins._default is not None}
open(sys.argv[1], "w").write(json.dumps(report))
"""


def probe(tmp_path, site, *argv) -> dict:
    out = tmp_path / "probe.json"
    proc = subprocess.run([sys.executable, "-c", PROBE, str(out), *argv], capture_output=True, text=True,
                          env=subprocess_env(PYTHONPATH=str(site)), timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(out.read_text())


def test_decode_imports_neither_textual_nor_openpyxl(tmp_path, installed_plugins):
    sample = tmp_path / "sample.txt"
    sample.write_text(SAMPLE, encoding="utf-8")
    report = probe(tmp_path, installed_plugins.site, "decode", str(sample))
    modules = set(report["modules"])
    assert report["rc"] == 0 and report["manager"]
    assert "jargon_xlsx" in modules                       # the plugin was loaded...
    assert not {m for m in modules if m.split(".")[0] in ("textual", "openpyxl")}   # ...its dependency was not
    # the same check sees openpyxl when the xlsx format is really used
    report = probe(tmp_path, installed_plugins.site, "decode", "-f", "xlsx", "-o", str(tmp_path / "o.xlsx"),
                   str(sample))
    assert report["rc"] == 0 and "openpyxl" in report["modules"]


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["dict", "--help"], ["plugin", "new", "--help"]])
def test_help_and_version_load_no_plugins(tmp_path, installed_plugins, argv):
    report = probe(tmp_path, installed_plugins.site, *argv)
    assert report["rc"] == 0
    assert report["manager"] is False
    loaded = set(report["modules"])
    assert not loaded & {"jargon_xlsx", "jargon_probe", "pluggy", "textual", "openpyxl", "rapidfuzz"}


def test_plugin_examples_in_the_docs_work(tmp_path, write):
    doc = (REPO / "docs" / "plugins.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```python\n(.*?)```", doc, re.DOTALL) if "@hookimpl" in b]
    assert len(blocks) >= 4
    paths = [write(f"doc_examples/example_{i}.py", block) for i, block in enumerate(blocks)]
    write_dictionary("en-standup", paths[0].parent, language="en")     # the file the first example ships
    messages: list[str] = []
    pm = PluginManager(extra_paths=tuple(map(str, paths)), autoload=False, report=messages.append)
    contributions = pm.contributions()
    assert not messages, messages
    for path in paths:
        assert any(contributions[path.stem].values()), f"{path.stem} contributes nothing"
    # the chat reader example really reads speakers
    chat = pm.input_readers()["chat"]
    read = chat.read(b"Anna: let's circle back\nBob: sure\n", "x.chat", ReadOptions())
    assert [(s.speaker, read.text[s.start:s.end]) for s in read.segments] == [("Anna", "let's circle back"),
                                                                               ("Bob", "sure")]
    assert "en-standup" in pm.dictionaries() and "de" in pm.languages()
