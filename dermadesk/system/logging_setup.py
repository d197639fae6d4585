"""Logging to a rotating file in the data folder; log lines never carry patient data."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path


def configure_logging(folder: Path, level: int = logging.INFO) -> None:
    handler = logging.handlers.RotatingFileHandler(
        folder / "dermadesk.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(level)
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
