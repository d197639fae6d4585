"""`dermadesk --self-test`: run as a user would run it (its own process, no display), it passes and leaves the
user's data and settings folders alone; a broken installation fails naming what is missing."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dermadesk.ui.self_test import run_self_test

CHECKS = (
    "bundled files",
    "keyring backend",
    "churn model",
    "Qt application",
    "encrypted database",
    "packet PDF",
    "main window",
)


@pytest.mark.slow
def test_self_test_passes_offscreen_without_touching_the_users_folders(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "DERMADESK_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path / "home"),
        "TMPDIR": str(tmp_path / "tmp"),
    }
    (tmp_path / "tmp").mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "dermadesk", "--self-test"], env=env, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "self-test passed"
    assert [line.split(":")[0].split(maxsplit=1)[1] for line in lines[:-1]] == list(CHECKS)
    assert all(line.startswith("ok ") for line in lines[:-1])
    assert "page(s) rendered by PDFium" in done.stdout
    assert "DejaVu Sans" in done.stdout and "WenQuanYi" in done.stdout
    # no data folder, no settings, no log; the scratch clinic was removed
    assert not (tmp_path / "data").exists()
    assert not (tmp_path / "config").exists()
    assert list((tmp_path / "tmp").iterdir()) == []


def test_a_broken_installation_fails_and_says_what_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "resources" / "fonts").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    out = io.StringIO()
    assert run_self_test(out) == 1
    report = out.getvalue()
    assert "FAILED bundled files" in report and "DejaVuSans.ttf" in report and "env.py" in report
    assert report.rstrip().endswith("self-test FAILED")
