"""The PyInstaller spec, run with stand-ins for PyInstaller's build steps: every file it bundles exists, resources
and migrations land where system/resources.py looks for them, and no test or dev tool ships."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "installer" / "dermadesk.spec"


class Recorder:
    """Stands in for Analysis, PYZ, EXE, COLLECT and BUNDLE: keeps what the spec passed."""

    def __init__(self, calls: dict[str, Any], name: str) -> None:
        self.calls, self.name = calls, name

    def __call__(self, *args: Any, **kwargs: Any) -> SimpleNamespace:
        self.calls[self.name] = SimpleNamespace(args=args, **kwargs)
        return SimpleNamespace(binaries=[], datas=[], pure=[], scripts=[], zipfiles=[])


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    calls: dict[str, Any] = {}
    names = ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")
    stand_ins = {name: Recorder(calls, name) for name in names}
    runpy.run_path(str(SPEC), init_globals={"SPECPATH": str(SPEC.parent), **stand_ins})
    return calls


@pytest.mark.slow
def test_every_bundled_source_file_exists(spec: dict[str, Any]) -> None:
    analysis = spec["Analysis"]
    assert all(Path(script).is_file() for script in analysis.args[0])
    assert all(Path(source).exists() for source, _ in analysis.datas)
    assert Path(spec["EXE"].icon).is_file() if spec["EXE"].icon else sys.platform.startswith("linux")


@pytest.mark.slow
def test_resources_and_migrations_sit_at_the_bundle_root_as_resources_py_expects(spec: dict[str, Any]) -> None:
    placed = {
        (Path(source).relative_to(REPO).as_posix(), dest)
        for source, dest in spec["Analysis"].datas
        if Path(source).is_relative_to(REPO)
    }
    for font in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "wqy-microhei.ttc"):
        assert (f"resources/fonts/{font}", "resources/fonts") in placed
    assert ("resources/icons/dermadesk.png", "resources/icons") in placed
    assert ("resources/aftercare/ipl.zh_CN.json", "resources/aftercare") in placed
    assert ("migrations/env.py", "migrations") in placed
    assert ("migrations/versions/0001_baseline.py", "migrations/versions") in placed
    assert not any("__pycache__" in source for source, _ in placed)


@pytest.mark.slow
def test_no_test_or_dev_package_ships_and_the_keyring_backends_do(spec: dict[str, Any]) -> None:
    analysis = spec["Analysis"]
    for dev in ("pytest", "hypothesis", "duckdb", "PyInstaller", "importlinter", "pytestqt"):
        assert dev in analysis.excludes
    assert {"keyring.backends.SecretService", "keyring.backends.Windows", "keyring.backends.macOS"} <= set(
        analysis.hiddenimports
    )
    assert "sqlcipher3.dbapi2" in analysis.hiddenimports
