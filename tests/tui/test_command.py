"""``jargon tui``: argument checks, and Textual stays out of everything else."""
from __future__ import annotations

import subprocess
import sys


def run_cli(*argv: str, env_home) -> subprocess.CompletedProcess:
    import os

    env = dict(os.environ, JARGON_DATA_DIR=str(env_home / "data"), JARGON_CONFIG_DIR=str(env_home / "config"),
               JARGON_NO_PLUGINS="1")
    return subprocess.run([sys.executable, "-m", "jargon", *argv], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=60)


def test_tui_without_a_terminal_is_one_clear_line(transcript, tui_home):
    result = run_cli("tui", str(transcript), env_home=tui_home)
    assert result.returncode == 2
    assert result.stderr.strip() == "jargon: jargon tui needs a terminal (use 'jargon decode' in pipes and scripts)"


def test_tui_rejects_a_bad_threshold(transcript, tui_home):
    result = run_cli("tui", "-t", "120", str(transcript), env_home=tui_home)
    assert result.returncode == 2 and "threshold" in result.stderr and "Traceback" not in result.stderr


def test_decode_and_the_parser_never_import_textual(transcript, tui_home):
    code = (
        "import sys, io, contextlib\n"
        "from jargon.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    rc = main(['decode', {str(transcript)!r}])\n"
        "assert rc == 0, rc\n"
        "assert 'загруз' in out.getvalue()\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] == 'textual' or m.startswith('jargon.tui'))\n"
        "print(heavy)\n"
    )
    import os

    env = dict(os.environ, JARGON_DATA_DIR=str(tui_home / "data"), JARGON_CONFIG_DIR=str(tui_home / "config"),
               JARGON_NO_PLUGINS="1")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
