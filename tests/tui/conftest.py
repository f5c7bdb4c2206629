"""Fixtures for the TUI tests: isolated user folders, a small transcript and dictionary."""
from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import TRANSCRIPT


@pytest.fixture(autouse=True)
def tui_home(tmp_path, monkeypatch):
    """Own user data/config folders, no third-party plugins, a fresh plugin manager."""
    from jargon.plugins import reset_plugin_manager

    home = tmp_path / "home"
    monkeypatch.setenv("JARGON_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("JARGON_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("JARGON_NO_PLUGINS", "1")
    monkeypatch.delenv("JARGON_PLUGINS", raising=False)
    reset_plugin_manager()
    yield home
    reset_plugin_manager()


@pytest.fixture
def transcript(tmp_path) -> Path:
    path = tmp_path / "interview.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    return path
