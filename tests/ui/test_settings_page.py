"""The Settings page: each section saves through its service, shows a field's message and keeps the input when a
save is refused, reverts, and does not lose unsaved changes silently."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from dermadesk.ui.app_context import AppContext
from dermadesk.ui.pages.settings_page import SettingsPage


class Questions:
    """Stands in for QMessageBox.question: records each question and gives the next prepared answer."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.answers: list[QMessageBox.StandardButton] = []

    def __call__(self, parent, title, text, *args):  # type: ignore[no-untyped-def]
        self.asked.append(text)
        return self.answers.pop(0) if self.answers else QMessageBox.StandardButton.Cancel


@pytest.fixture(autouse=True)
def questions(monkeypatch) -> Questions:  # type: ignore[no-untyped-def]
    answers = Questions()
    monkeypatch.setattr(QMessageBox, "question", answers)
    return answers


@pytest.fixture
def page(qtbot, make_ctx) -> SettingsPage:  # type: ignore[no-untyped-def]
    page = SettingsPage(make_ctx("owner"))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.loads == 1, timeout=10_000)
    return page


def save(qtbot, page: SettingsPage, section) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(section.isEnabled, timeout=10_000)


def stored(page: SettingsPage):  # type: ignore[no-untyped-def]
    page.ctx.runner.wait()
    return page.ctx.services.clinic.settings()


def test_the_sections_show_the_clinic_as_stored(page: SettingsPage) -> None:
    assert page.clinic_section.name.text() == "Harbour Skin Clinic"
    assert page.clinic_section.phone.text() == "020 7946 0000", "phones are shown the national way"
    assert page.tiers_section.table.rowCount() == 5
    assert page.tiers_section.table.item(1, 0).text() == "Silver"
    assert page.staff_section.table.rowCount() == 6
    assert "Botulinum toxin" in [r.name for r in page.treatments_section.records()]
    assert page.tabs.tabText(0) == "Clinic details"


def test_saving_clinic_details_stores_them_and_tells_the_other_pages(qtbot, page: SettingsPage) -> None:  # type: ignore[no-untyped-def]
    section = page.clinic_section
    section.name.clear()
    qtbot.keyClicks(section.name, "Harbour Skin & Laser")
    section.idle_minutes.setValue(5)
    assert page.tabs.tabText(0).endswith("•"), "the tab shows unsaved changes"
    with qtbot.waitSignal(page.ctx.signals.settings_changed, timeout=10_000):
        qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    settings = stored(page)
    assert (settings.name, settings.idle_lock_minutes) == ("Harbour Skin & Laser", 5)
    assert settings.rules == page.alerts_section._loaded.rules, "only this section's fields changed"
    assert page.ctx.clinic.name == "Harbour Skin & Laser"
    assert page.tabs.tabText(0) == "Clinic details" and "Saved at" in section.status.text()


def test_a_refused_save_shows_the_fields_message_and_keeps_the_input(qtbot, page: SettingsPage) -> None:  # type: ignore[no-untyped-def]
    section = page.clinic_section
    section.name.clear()
    section.phone.clear()
    qtbot.keyClicks(section.phone, "12")
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    assert section._messages["phone"].text() == "Is not a phone number."
    assert section._messages["clinic_name"].text() == "Is required.", "every problem is named at once"
    section.phone.setText("020 7946 0001")
    save(qtbot, page, section)
    assert section._messages["clinic_name"].text() == "Is required."
    assert section._messages["phone"].isHidden()
    assert section.name.text() == "" and section.phone.text() == "020 7946 0001"
    assert section.is_dirty()
    assert stored(page).name == "Harbour Skin Clinic"


def test_revert_puts_back_what_was_saved(qtbot, page: SettingsPage) -> None:  # type: ignore[no-untyped-def]
    section = page.clinic_section
    qtbot.keyClicks(section.website, "/new")
    qtbot.mouseClick(section.revert_button, Qt.MouseButton.LeftButton)
    assert section.website.text() == "harbourskin.example"
    assert not section.is_dirty() and not section.save_button.isEnabled()


def test_changing_the_currency_asks_first(qtbot, page: SettingsPage, questions: Questions) -> None:  # type: ignore[no-untyped-def]
    section = page.clinic_section
    section.currency.set_code("EUR")
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)  # the answer is Cancel: nothing saved
    assert "from GBP to EUR" in questions.asked[0]
    assert stored(page).currency == "GBP" and section.is_dirty()
    questions.answers = [QMessageBox.StandardButton.Yes]
    save(qtbot, page, section)
    assert stored(page).currency == "EUR"
    assert "(EUR)" in page.tiers_section.table.horizontalHeaderItem(1).text()


def test_tier_floors_are_saved_as_money_and_a_wrong_amount_is_named(qtbot, page: SettingsPage) -> None:  # type: ignore[no-untyped-def]
    section = page.tiers_section
    section.table.item(1, 1).setText("abc")
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    assert "spend floor is an amount" in section._messages["tiers"].text()
    section.table.item(1, 1).setText("750")
    section.table.item(1, 3).setText("7% off treatments.")
    section.grace.setValue(3)
    save(qtbot, page, section)
    tiers = stored(page).rules.tiers
    silver = next(t for t in tiers.tiers if t.code == "silver")
    assert (silver.spend_floor_minor, silver.benefits, tiers.grace_reviews) == (75_000, "7% off treatments.", 3)


def test_tiers_out_of_order_are_refused(qtbot, page: SettingsPage) -> None:  # type: ignore[no-untyped-def]
    section = page.tiers_section
    section.table.item(2, 1).setText("100")  # Gold below Silver
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    assert "at least those of the tier above" in section._messages["tiers"].text()
    assert section.table.currentRow() == 2


def test_alert_rules_are_switched_and_tuned(qtbot, page: SettingsPage) -> None:  # type: ignore[no-untyped-def]
    from dermadesk.domain.alerts import AlertRule

    section = page.alerts_section
    section.enabled[AlertRule.PROBABLY_GONE].setChecked(False)
    assert not section.editors["gone_p_alive"].isEnabled(), "a rule that is off greys out its thresholds"
    section.editors["overdue_grace"].setValue(30)
    section.editors["cool_down_days"].setValue(21)
    save(qtbot, page, section)
    alerts = stored(page).rules.alerts
    assert (alerts.gone_enabled, alerts.overdue_grace, alerts.cool_down_days) == (False, 0.3, 21)


def test_a_new_treatment_is_added_and_a_bad_interval_is_named(qtbot, page: SettingsPage) -> None:  # type: ignore[no-untyped-def]
    section = page.treatments_section
    qtbot.mouseClick(section.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(section.name, "Polynucleotides")
    section.price.edit.setText("280")
    section.follow_min.setValue(60)
    section.follow_max.setValue(30)
    save(qtbot, page, section)
    assert "cannot be below the first" in section._messages["follow_up"].text()
    assert section.name.text() == "Polynucleotides"
    section.follow_max.setValue(90)
    save(qtbot, page, section)
    page.ctx.runner.wait()
    saved = next(t for t in page.ctx.services.catalogue.treatments() if t.name == "Polynucleotides")
    assert (saved.default_price_minor, saved.follow_up_min_days, saved.follow_up_max_days) == (28_000, 60, 90)
    assert section.table.item(section.table.currentRow(), 0).text() == "Polynucleotides"


def test_a_metric_threshold_is_edited(qtbot, page: SettingsPage) -> None:  # type: ignore[no-untyped-def]
    section = page.metrics_section
    section.table.setCurrentCell(0, 0)
    section.threshold.setText("x")
    section._on_edited()
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    assert section._messages["threshold"].text() == "Is not a number."
    section.threshold.setText("32.5")
    save(qtbot, page, section)
    page.ctx.runner.wait()
    assert page.ctx.services.catalogue.metrics()[0].threshold == 32.5


def test_staff_accounts_are_added_and_an_owner_cannot_demote_themselves(qtbot, page: SettingsPage, make_ctx) -> None:  # type: ignore[no-untyped-def]
    section = page.staff_section
    qtbot.mouseClick(section.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(section.display_name, "Mia Novak")
    qtbot.keyClicks(section.username, "mia")
    qtbot.keyClicks(section.password, "front desk 1")
    qtbot.keyClicks(section.password_again, "front desk 1")
    save(qtbot, page, section)
    page.ctx.runner.wait()
    assert page.ctx.services.staff.sign_in("mia", "front desk 1").username == "mia"
    page.ctx.services.staff.sign_in("grace", "demo-clinic")
    grace = next(i for i, r in enumerate(section.records()) if r.username == "grace")
    section.table.setCurrentCell(grace, 0)
    assert section.table.item(grace, 0).text() == "Grace Whitfield (you)"
    section.role.setCurrentIndex(section.role.findText("Receptionist"))
    save(qtbot, page, section)
    assert section._messages["role"].text() == "Cannot take owner access from your own account."
    assert section.role.currentText() == "Receptionist", "the choice is kept to correct"


def test_leaving_a_changed_record_asks_and_keeps_it_on_cancel(qtbot, page: SettingsPage, questions: Questions) -> None:  # type: ignore[no-untyped-def]
    section = page.staff_section
    section.table.setCurrentCell(0, 0)
    qtbot.keyClicks(section.display_name, " Jr")
    section.table.setCurrentCell(1, 0)  # the answer is Cancel
    assert questions.asked and section.table.currentRow() == 0
    assert section.display_name.text().endswith(" Jr")
    assert not page.may_leave(), "leaving the page with unsaved changes asks too"
    assert page.tabs.currentWidget().widget() is section
    questions.answers = [QMessageBox.StandardButton.Discard]
    assert page.may_leave() and not page.has_unsaved_changes()


def test_reloading_never_overwrites_unsaved_edits(qtbot, page: SettingsPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(page.clinic_section.opening_hours, "; Sun closed")
    page.activate()
    qtbot.waitUntil(lambda: page.loads == 2, timeout=10_000)
    assert page.clinic_section.opening_hours.text().endswith("; Sun closed")


def test_ctrl_s_saves_the_open_section(qtbot, page: SettingsPage) -> None:  # type: ignore[no-untyped-def]
    page.tabs.setCurrentIndex(0)
    page.clinic_section.email.setFocus()
    page.clinic_section.email.setText("desk@harbourskin.example")
    page.clinic_section._on_edited()
    with qtbot.waitSignal(page.ctx.signals.settings_changed, timeout=10_000):
        qtbot.keySequence(page.clinic_section.email, QKeySequence(QKeySequence.StandardKey.Save))
    assert stored(page).email == "desk@harbourskin.example"


def test_the_page_is_for_owners(make_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx: AppContext = make_ctx("receptionist")
    assert not ctx.may(SettingsPage.required_permission)  # type: ignore[arg-type]


def test_an_edited_aftercare_template_prints(qtbot, page: SettingsPage, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from dermadesk.domain.timeline import EventKind
    from tests.documents.pdf_reading import pdf_text

    section = page.templates_section
    section.template_box.setCurrentIndex(section.template_box.findData("botulinum_toxin"))
    assert '"title"' in section.editor.toPlainText()
    section.editor.setPlainText(
        section.editor.toPlainText().replace("Stay upright for 4 hours", "Our own words: stay upright for 4 hours")
    )
    save(qtbot, page, section)
    services = page.ctx.services
    botox = next(t.id for t in services.catalogue.treatments() if t.code == "botox")
    pid = next(
        p
        for p in range(1, 300)
        if any(e.treatment_type_id == botox for e in services.timeline.page(p, kinds=[EventKind.TREATMENT]))
    )
    event = next(e for e in services.timeline.page(pid, kinds=[EventKind.TREATMENT]) if e.treatment_type_id == botox)
    (tmp_path / "p.pdf").write_bytes(services.packets.aftercare(event.id, "en").pdf)
    assert "Our own words" in pdf_text(tmp_path / "p.pdf")
    section.editor.setPlainText("{ not json")
    save(qtbot, page, section)
    assert section.is_dirty(), "a broken template is refused and the text kept"
    assert "{ not json" in section.editor.toPlainText()
