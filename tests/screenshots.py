"""Screenshots of every screen on a demo clinic, offscreen, for README and for looking at what we built.

    uv run python tests/screenshots.py [--out docs/screenshots] [--patients 800] [--language zh_CN]

Builds (once, in the temp folder) a demo clinic with two monthly reviews and the alerts of its last day,
signs in as the owner and saves one PNG per screen."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.update(
    {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "DERMADESK_PASSPHRASE": "screenshots passphrase"}
)
END = date(2026, 10, 31)


def demo_clinic(patients: int) -> Path:
    from dermadesk.services.context import SYSTEM_ACTOR
    from dermadesk.services.demo import DEMO_SETTINGS, DemoSpec
    from dermadesk.services.vault import Vault
    from dermadesk.services.workspace import Workspace
    from dermadesk.system.secrets import KeyringSecretStore

    path = Path(tempfile.gettempdir()) / "dermadesk-screens" / f"demo-{patients}.db"
    if path.exists():
        return path
    path.parent.mkdir(exist_ok=True)
    workspace = Workspace(Vault(KeyringSecretStore()))
    opened = workspace.open(path, create=True, settings=DEMO_SETTINGS)
    services = workspace.services(opened, SYSTEM_ACTOR)
    services.demo.generate(DemoSpec(patients, seed=21, end=END))
    services.tiers.run_review(date(2026, 9, 30))
    summary = services.tiers.run_review(END)
    services.alerts.run(END, snapshot=summary.snapshot)
    opened.close()
    return path


def settle(app, until: Callable[[], bool] = lambda: False, seconds: float = 3.0) -> None:  # type: ignore[no-untyped-def]
    """Let background loads land: process events until `until()` or the time is up."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not until():
        app.processEvents()
        time.sleep(0.02)
    app.processEvents()


def richest_patient(services, language: str = "en") -> int:  # type: ignore[no-untyped-def]
    """A patient with readings and a long history: the profile worth showing (in Chinese, a patient whose
    own language is Chinese)."""
    from dermadesk.domain.timeline import EventKind

    best, best_count = 1, -1
    for pid in range(1, 300):
        if language != "en" and services.patients.get(pid).preferred_language != language:
            continue
        counts = services.timeline.kinds_count(pid)
        score = sum(counts.values()) + 10 * counts.get(EventKind.SKIN_TEST, 0)
        if score > best_count:
            best, best_count = pid, score
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--patients", type=int, default=800)
    parser.add_argument("--language", default="en")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    path = demo_clinic(args.patients)

    from dermadesk.services.demo import DEMO_PASSWORD
    from dermadesk.services.vault import Vault
    from dermadesk.services.workspace import Workspace
    from dermadesk.system.secrets import KeyringSecretStore
    from dermadesk.ui import i18n
    from dermadesk.ui.app_context import AppContext
    from dermadesk.ui.application import create_application
    from dermadesk.ui.main_window import MainWindow
    from dermadesk.ui.tasks import TaskRunner

    app = create_application()
    i18n.apply_language(args.language)  # this run only: the workstation's own choice is left alone
    opened = Workspace(Vault(KeyringSecretStore())).open(path)
    services = Workspace(Vault(KeyringSecretStore())).services(opened, None)
    services.staff.sign_in("grace", DEMO_PASSWORD)
    window = MainWindow()
    window.resize(1280, 800)
    ctx = AppContext(services, TaskRunner(lambda e: print("error:", e)), clinic=services.clinic.settings())
    window.show_pages(ctx)
    window.show()
    suffix = "" if args.language == "en" else f"-{args.language}"
    for index, page in enumerate(window.pages):
        window.show_page(index)
        settle(app)
        window.grab().save(str(args.out / f"{page.page_id}{suffix}.png"))
    ctx.signals.patient_open_requested.emit(richest_patient(services, args.language))
    settle(app, seconds=4)
    window.grab().save(str(args.out / f"profile{suffix}.png"))
    tabs = getattr(window.profile, "tabs", None)
    for index in range(tabs.count() if tabs is not None else 0):
        tabs.setCurrentIndex(index)
        settle(app, seconds=2)
        window.grab().save(str(args.out / f"profile-tab{index}{suffix}.png"))
    ctx.runner.wait()
    opened.close()
    print(f"screenshots in {args.out}")


if __name__ == "__main__":
    main()
