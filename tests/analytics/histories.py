"""Small hand-built paid histories shared by the analytics tests."""

from __future__ import annotations

from datetime import date

import numpy as np

AS_OF = date(2026, 10, 31).toordinal()


def events(*rows: tuple[int, int, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(patient, days before AS_OF, amount) rows -> patient, day, amount arrays (negative offset = future)."""
    if not rows:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64)
    p, back, amount = (np.array(c, dtype=np.int64) for c in zip(*rows, strict=True))
    return p, AS_OF - back, amount
