"""Shared fixtures: isolated user folders, running the CLI in-process or as a subprocess,
and (once per session) a temporary site folder with real plugin packages installed by pip."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def jargon_home(tmp_path, monkeypatch):
    """Every test gets its own (empty) user data, config and cache folders and a fresh plugin manager.

    ``JARGON_PLUGINS`` is cleared; ``JARGON_NO_PLUGINS`` is left as the environment has it.
    """
    from jargon.plugins import reset_plugin_manager

    home = tmp_path / "jargon-home"
    monkeypatch.setenv("JARGON_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("JARGON_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("JARGON_CACHE_DIR", str(home / "cache"))
    monkeypatch.delenv("JARGON_PLUGINS", raising=False)
    reset_plugin_manager()
    yield home
    reset_plugin_manager()


@pytest.fixture
def plugins_on(monkeypatch):
    """Entry points and local plugin folders enabled, whatever JARGON_NO_PLUGINS the environment sets."""
    monkeypatch.delenv("JARGON_NO_PLUGINS", raising=False)


@dataclass
class Result:
    rc: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


@pytest.fixture
def cli(capsys):
    """Run ``jargon ARGS...`` in this process: ``cli("dict", "list") -> Result(rc, out, err)``."""
    from jargon.cli import main
    from jargon.plugins import reset_plugin_manager

    def run(*argv: str) -> Result:
        capsys.readouterr()
        reset_plugin_manager()
        rc = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return Result(rc, captured.out, captured.err)

    return run


def subprocess_env(**extra: str | None) -> dict[str, str]:
    """The current environment (with the test's JARGON_* folders) plus ``extra`` (None removes)."""
    env = dict(os.environ)
    env.pop("JARGON_NO_PLUGINS", None)
    env["PYTHONIOENCODING"] = "utf-8"
    for key, value in extra.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


@pytest.fixture
def run_jargon():
    """Run ``python -m jargon ARGS...`` in a subprocess; keyword arguments set environment variables."""

    def run(*argv: str, input: str | None = None, cwd: str | Path | None = None, **env: str | None) -> Result:
        proc = subprocess.run([sys.executable, "-m", "jargon", *map(str, argv)], input=input,
                              capture_output=True, text=True, encoding="utf-8", cwd=cwd,
                              env=subprocess_env(**env), timeout=120)
        return Result(proc.returncode, proc.stdout, proc.stderr)

    return run


@pytest.fixture
def write(tmp_path):
    """Write a (dedented) text file under tmp_path: ``write("a/b.toml", text) -> Path``."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write


@dataclass
class InstalledPlugins:
    site: Path          # a folder to put on PYTHONPATH: the packages and their .dist-info
    probe_root: Path    # the source of the scaffolded "jargon-probe" plugin


def pip_install_target(target: Path, *projects: Path) -> None:
    """``pip install --no-deps --target`` the projects (offline when the build backend is importable)."""
    cmd = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps",
           "--target", str(target)]
    if importlib.util.find_spec("hatchling") is not None:
        cmd.append("--no-build-isolation")
    proc = subprocess.run(cmd + [str(p) for p in projects], capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        raise RuntimeError(f"pip install failed:\n{proc.stdout}\n{proc.stderr}")


@pytest.fixture(scope="session")
def installed_plugins(tmp_path_factory) -> InstalledPlugins:
    """A plugin scaffolded by ``jargon plugin new probe`` and plugins/jargon-xlsx, installed by pip
    into a temporary site folder (not into the test environment)."""
    base = tmp_path_factory.mktemp("installed-plugins")
    env = subprocess_env(JARGON_DATA_DIR=str(base / "data"), JARGON_CONFIG_DIR=str(base / "config"),
                         JARGON_PLUGINS=None)
    proc = subprocess.run([sys.executable, "-m", "jargon", "plugin", "new", "probe", "--dir", str(base / "src")],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    probe = base / "src" / "jargon-probe"
    site = base / "site"
    pip_install_target(site, probe, REPO / "plugins" / "jargon-xlsx")
    return InstalledPlugins(site=site, probe_root=probe)
