"""The tiers dashboard: the stored review's figures, the movement matrix, running a review; owners only."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.staff import Permission
from dermadesk.ui.pages.tiers_page import TiersPage, default_as_of


def _page(qtbot, ctx) -> TiersPage:  # type: ignore[no-untyped-def]
    page = TiersPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 740)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.dashboard is not None, timeout=10_000)
    return page


def _shown(page: TiersPage) -> dict[str, int]:
    return {label: int(value) for label, value in page.charts.tier.bars() if value}


def _expected(page: TiersPage, month: str) -> dict[str, int]:
    counts = Counter(r.tier or "none" for r in page.ctx.services.tiers.results(month))
    return {page.tier_label(code): n for code, n in counts.items()}


def test_the_dashboard_shows_the_stored_reviews_figures(qtbot, make_ctx) -> None:
    ctx = make_ctx("owner")
    page = _page(qtbot, ctx)
    assert [page.month_combo.itemData(i) for i in range(page.month_combo.count())] == ["2026-10", "2026-09"]
    assert page.month_combo.currentText() == "October 2026", "the latest review first"
    assert _shown(page) == _expected(page, "2026-10")
    october = ctx.services.tiers.results("2026-10")
    september = {r.patient_id: r.tier or "none" for r in ctx.services.tiers.results("2026-09")}
    revenue = sum(r.clv_12m_minor for r in october)
    assert sum(v for _, v in page.charts.revenue.bars()) == revenue
    gold = page.tier_label("gold")
    moved = sum(1 for r in october if r.tier == "gold" and september.get(r.patient_id) == "silver")
    assert page.matrix.count(page.tier_label("silver"), gold) == moved
    assert sum(v for _, v in page.charts.stage.bars()) == len(october), "every patient has a lifecycle stage"
    tip = page.at_risk_value.parentWidget().toolTip()
    assert "Silent, Dormant" in tip and "Can't lose them" in tip, "the at-risk value says what it counts"
    page.month_combo.setCurrentIndex(page.month_combo.findData("2026-09"))
    qtbot.waitUntil(lambda: page.dashboard.figures.review.month == "2026-09", timeout=10_000)  # type: ignore[union-attr]
    assert _shown(page) == _expected(page, "2026-09")
    assert "first review" in page.caption.text()


def test_running_a_review_shows_progress_and_adds_the_month(qtbot, make_ctx, monkeypatch) -> None:
    ctx = make_ctx("owner")
    page = _page(qtbot, ctx)
    assert page.as_of_edit.date().toPython() == date(2026, 10, 31) == default_as_of(date(2026, 11, 2))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    started: list[object] = []
    runner_database = ctx.runner.database
    ctx.runner.database = lambda fn, **kw: started.append(kw.get("progress")) or runner_database(fn, **kw)
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    assert started == [], "October has a review: replacing it needs a yes"
    page.as_of_edit.setDate(QDate(2025, 6, 30))
    with qtbot.waitSignal(ctx.signals.review_finished, timeout=30_000):
        qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
        assert not page.run_button.isEnabled(), "one review at a time"
    assert started[0] == "Running the tier review…"
    qtbot.waitUntil(lambda: page.dashboard.figures.review.month == "2025-06", timeout=10_000)  # type: ignore[union-attr]
    assert page.month_combo.currentData() == "2025-06"
    assert "Review of June 2025 done" in page.notice.text()
    assert _shown(page) == _expected(page, "2025-06")


def test_a_receptionist_gets_no_tiers_page_and_the_services_refuse(make_ctx) -> None:
    ctx = make_ctx("receptionist")
    assert TiersPage.required_permission is Permission.RUN_REPORTS
    assert not ctx.may(TiersPage.required_permission), "the main window leaves the page out"
    for call in (
        ctx.services.tiers.reviews,
        lambda: ctx.services.tiers.results("2026-10"),
        lambda: ctx.services.tiers.run_review(date(2026, 10, 31)),
    ):
        with pytest.raises(DermaDeskError) as refused:
            call()
        assert refused.value.code is ErrorCode.PERMISSION_DENIED


def test_a_cancelled_review_leaves_the_stored_ones_as_they_were(qtbot, make_ctx) -> None:
    ctx = make_ctx("owner")
    page = _page(qtbot, ctx)
    page.as_of_edit.setDate(QDate(2025, 3, 31))
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    page.review_task.progress.cancel()  # type: ignore[union-attr]  # what the dialog's Cancel button does
    qtbot.waitUntil(page.run_button.isEnabled, timeout=30_000)
    assert "Cancelled" in page.notice.text() and "unchanged" in page.notice.text()
    assert [r.month for r in ctx.services.tiers.reviews()] == ["2026-09", "2026-10"]
