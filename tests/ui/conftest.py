"""GUI fixtures: an application context over a reviewed demo clinic, signed in as a chosen role."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import keyring
import pytest

from dermadesk.services.context import SYSTEM_ACTOR
from dermadesk.services.database import OpenedDatabase
from dermadesk.services.demo import DEMO_PASSWORD
from dermadesk.ui.app_context import AppContext
from dermadesk.ui.application import create_application
from dermadesk.ui.messages import error_text
from dermadesk.ui.tasks import TaskRunner
from tests.conftest import _SESSION_KEYRING, copy_database, make_workspace

ACCOUNTS = {"owner": "grace", "practitioner": "dr.hart", "receptionist": "lily"}


@pytest.fixture(scope="session")
def _reviewed_template(_demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small demo clinic with two monthly reviews and the alerts of 31 October."""
    keyring.set_keyring(_SESSION_KEYRING)
    path = copy_database(_demo_template, tmp_path_factory.mktemp("template") / "reviewed.db")
    opened = make_workspace().open(path)
    services = make_workspace().services(opened, SYSTEM_ACTOR)
    services.tiers.run_review(date(2026, 9, 30))
    summary = services.tiers.run_review(date(2026, 10, 31))
    services.alerts.run(date(2026, 10, 31), snapshot=summary.snapshot)
    opened.close()
    return path


@pytest.fixture
def reviewed_opened(_reviewed_template: Path, tmp_path: Path, clock) -> Iterator[OpenedDatabase]:  # type: ignore[no-untyped-def]
    opened = make_workspace(clock).open(copy_database(_reviewed_template, tmp_path / "reviewed.db"))
    yield opened
    opened.close()


@pytest.fixture
def make_ctx(qapp, reviewed_opened: OpenedDatabase, clock) -> Iterator[Callable[[str], AppContext]]:  # type: ignore[no-untyped-def]
    """make_ctx("owner" | "practitioner" | "receptionist") -> an AppContext signed in as that demo account."""
    create_application()
    runners: list[TaskRunner] = []

    def make(role: str = "owner") -> AppContext:
        services = make_workspace(clock).services(reviewed_opened, None)
        services.staff.sign_in(ACCOUNTS[role], DEMO_PASSWORD)
        errors: list[BaseException] = []
        runner = TaskRunner(errors.append)
        runner.errors = errors  # type: ignore[attr-defined]  # tests assert on background failures
        runners.append(runner)
        return AppContext(services, runner, clinic=services.clinic.settings())

    yield make
    for runner in runners:
        runner.wait()
        assert not runner.errors, [error_text(e) for e in runner.errors]  # type: ignore[attr-defined]
