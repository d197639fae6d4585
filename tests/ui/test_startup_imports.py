"""What a start loads: the heavy libraries only the first print, chart, fit, upgrade, Chinese name or server
needs stay out of the start-up path (each costs 0.2-0.7 s of every start on this machine)."""

from __future__ import annotations

import subprocess
import sys

LATE = ("reportlab", "pyqtgraph", "scipy", "alembic", "pypinyin", "psycopg")

PROBE = """
import sys
import dermadesk.bootstrap, dermadesk.ui.application, dermadesk.ui.main_window
from dermadesk.services.workspace import Services
print(" ".join(m for m in sys.argv[1:] if m in sys.modules))
"""


def test_the_start_up_path_leaves_the_heavy_libraries_for_later() -> None:
    loaded = subprocess.run(
        [sys.executable, "-c", PROBE, *LATE], capture_output=True, text=True, check=True
    ).stdout.split()
    assert loaded == [], f"imported at start: {loaded}"
