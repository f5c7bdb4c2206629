"""jargon plugin new: names, files, and a scaffolded package that passes its own tests once installed."""
from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import tomllib
import zipfile

import pytest
from conftest import REPO, subprocess_env

from jargon.dictionary import load_dictionary
from jargon.scaffold import ScaffoldError, plugin_names

pytestmark = pytest.mark.usefixtures("plugins_on")


@pytest.mark.parametrize("given, slug, distribution, module", [
    ("sales", "sales", "jargon-sales", "jargon_sales"),
    ("jargon-en-sales", "en-sales", "jargon-en-sales", "jargon_en_sales"),
    ("  Sales EN  ", "sales-en", "jargon-sales-en", "jargon_sales_en"),
    ("jargon_HR_speak", "hr-speak", "jargon-hr-speak", "jargon_hr_speak"),
])
def test_plugin_names(given, slug, distribution, module):
    names = plugin_names(given)
    assert (names.slug, names.distribution, names.module) == (slug, distribution, module)


@pytest.mark.parametrize("bad", ["", "!!!", "jargon", "jargon-", "Ёлки"])
def test_plugin_names_refuses_what_cannot_be_a_package(bad):
    with pytest.raises(ScaffoldError):
        plugin_names(bad)


def test_plugin_new_creates_an_installable_package(cli, tmp_path):
    result = cli("plugin", "new", "en-sales", "--dir", tmp_path, "--language", "en", "--author", 'Ann "A" Lee')
    assert result.rc == 0, result.err
    root = tmp_path / "jargon-en-sales"
    assert str(root) in result.out and "pip install -e" in result.out
    files = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
    assert files == ["README.md", "jargon_en_sales/__init__.py", "jargon_en_sales/en-sales.toml",
                     "pyproject.toml", "tests/test_jargon_en_sales.py"]
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["name"] == "jargon-en-sales"
    assert project["project"]["authors"] == [{"name": 'Ann "A" Lee'}]
    assert project["project"]["entry-points"]["jargon"] == {"en-sales": "jargon_en_sales"}
    assert project["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"] == ["jargon_en_sales"]
    d = load_dictionary(root / "jargon_en_sales" / "en-sales.toml")
    assert d.name == "en-sales" and d.language == "en" and len(d.entries) == 2
    assert all(e.examples for e in d.entries)
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "pip install jargon-en-sales" in readme and d.entries[0].examples[0] in readme
    for path in root.rglob("*"):     # every placeholder was filled
        if path.is_file():
            assert not re.search(r"\$[a-z_]+|__module__|__slug__", path.read_text(encoding="utf-8")), path
    assert cli("dict", "validate", root / "jargon_en_sales" / "en-sales.toml").rc == 0


def test_plugin_new_refuses_a_non_empty_folder_and_bad_names(cli, tmp_path):
    (tmp_path / "jargon-taken").mkdir()
    (tmp_path / "jargon-taken" / "keep.txt").write_text("mine")
    result = cli("plugin", "new", "taken", "--dir", tmp_path)
    assert result.rc == 2 and len(result.err_lines) == 1 and "not empty" in result.err
    assert sorted(p.name for p in (tmp_path / "jargon-taken").iterdir()) == ["keep.txt"]
    bad = cli("plugin", "new", "???", "--dir", tmp_path)
    assert bad.rc == 2 and len(bad.err_lines) == 1 and "plugin name" in bad.err


def test_scaffolded_plugin_passes_its_own_tests_once_installed(installed_plugins):
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider"],
                          cwd=installed_plugins.probe_root, capture_output=True, text=True, timeout=300,
                          env=subprocess_env(PYTHONPATH=str(installed_plugins.site)))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    summary = proc.stdout.strip().splitlines()[-1]
    assert re.match(r"\d+ passed in ", summary), summary          # nothing skipped, nothing failed
    assert int(summary.split()[0]) >= 4


def test_templates_ship_in_the_wheel(tmp_path):
    cmd = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--disable-pip-version-check",
           str(REPO), "-w", str(tmp_path)]
    if importlib.util.find_spec("hatchling") is not None:
        cmd.append("--no-build-isolation")      # offline and fast; otherwise pip fetches hatchling
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    (wheel,) = tmp_path.glob("*.whl")
    shipped = set(zipfile.ZipFile(wheel).namelist())
    source = REPO / "jargon" / "scaffold"
    expected = {f"jargon/scaffold/{p.relative_to(source).as_posix()}" for p in source.rglob("*")
                if p.is_file() and "__pycache__" not in p.parts}
    assert len(expected) >= 8 and expected <= shipped
