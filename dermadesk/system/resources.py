"""One resolver for bundled files, from the source tree or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def root() -> Path:
    """The folder holding resources/ and migrations/: the bundle's data folder when frozen, else the source tree."""
    if getattr(sys, "frozen", False):
        # PyInstaller unpacks (one-file) or places (one-folder, .app) the data at sys._MEIPASS; other freezers
        # put it beside the executable.
        bundle = getattr(sys, "_MEIPASS", None)
        return Path(bundle) if bundle else Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parents[2]


def resource(*parts: str) -> Path:
    return root().joinpath("resources", *parts)


def migrations_dir() -> Path:
    return root() / "migrations"
