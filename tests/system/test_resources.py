"""Bundled files are found from the source tree and from inside a PyInstaller bundle (sys.frozen, sys._MEIPASS)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from dermadesk.services.self_test import SelfTestFailed, check_bundled_files
from dermadesk.system import resources

REPO = Path(__file__).resolve().parents[2]


def test_from_the_source_tree_resources_and_migrations_are_the_repositorys() -> None:
    assert resources.root() == REPO
    assert resources.resource("fonts", "wqy-microhei.ttc").is_file()
    assert resources.resource("icons", "dermadesk.ico").is_file()
    assert (resources.migrations_dir() / "env.py").is_file()
    assert list((resources.migrations_dir() / "versions").glob("0001_*.py"))


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of resources/ and migrations/ laid out as PyInstaller lays them out, and this process 'frozen'."""
    for folder in ("resources", "migrations"):
        shutil.copytree(REPO / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    return tmp_path


def test_when_frozen_resources_and_migrations_come_from_the_bundle(bundle: Path) -> None:
    assert resources.root() == bundle
    assert resources.resource("fonts", "DejaVuSans.ttf") == bundle / "resources" / "fonts" / "DejaVuSans.ttf"
    assert resources.resource("aftercare", "ipl.json").is_file()
    assert resources.migrations_dir() == bundle / "migrations"
    assert (resources.migrations_dir() / "env.py").is_file()
    assert "resources and migrations under" in check_bundled_files()


def test_a_bundle_without_its_cjk_font_fails_the_self_test_naming_the_file(bundle: Path) -> None:
    (bundle / "resources" / "fonts" / "wqy-microhei.ttc").unlink()
    with pytest.raises(SelfTestFailed, match=r"wqy-microhei\.ttc"):
        check_bundled_files()


def test_a_freezer_without_meipass_finds_the_data_beside_the_executable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "dermadesk"))
    assert resources.migrations_dir() == tmp_path.resolve() / "migrations"
