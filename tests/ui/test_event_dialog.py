"""Every kind of timeline entry can be added through its dialog: wrong input is refused with the field's own
message next to the field (and nothing typed is lost), then corrected input lands on the timeline."""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, Qt

from dermadesk.domain.patients import Patient
from dermadesk.domain.readings import ReadingSession
from dermadesk.domain.timeline import EventKind
from dermadesk.ui.dialogs.event_dialog import EventDialog
from dermadesk.ui.dialogs.event_forms import EventForm
from dermadesk.ui.models.timeline_model import OBJECT_ROLE
from dermadesk.ui.pages.patient_profile_page import PatientProfilePage


@pytest.fixture(autouse=True)
def _widgets_deleted_on_the_gui_thread():  # type: ignore[no-untyped-def]
    """Closed widgets are deleted here, on the GUI thread, rather than by a garbage collection that happens
    to run on the database thread during the next test."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


Fill = Callable[..., None]


def _pick(name: str, index: int = 1) -> Fill:
    return lambda qtbot, form: getattr(form, name).setCurrentIndex(index)


def _type(name: str, text: str) -> Fill:
    def fill(qtbot, form) -> None:  # type: ignore[no-untyped-def]
        widget = getattr(form, name)
        widget.clear()
        qtbot.keyClicks(widget, text)

    return fill


def _both(*fills: Fill) -> Fill:
    def fill(qtbot, form) -> None:  # type: ignore[no-untyped-def]
        for f in fills:
            f(qtbot, form)

    return fill


def _nothing(qtbot, form) -> None:  # type: ignore[no-untyped-def]
    pass


def _in_two_days(qtbot, form: EventForm) -> None:  # type: ignore[no-untyped-def]
    form.when.setDateTime(QDateTime(form.when.dateTime().toPython() + timedelta(days=2)))


def _two_days_back(qtbot, form: EventForm) -> None:  # type: ignore[no-untyped-def]
    form.when.setDateTime(QDateTime(form.when.dateTime().toPython() - timedelta(days=2)))


def _score(text: str) -> Fill:
    def fill(qtbot, form) -> None:  # type: ignore[no-untyped-def]
        form.scores["nps"].clear()
        qtbot.keyClicks(form.scores["nps"], text)

    return fill


def _referred(qtbot, form) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(form.picker.search, "referred fri")
    qtbot.waitUntil(lambda: form.picker.results.count() == 1, timeout=10_000)
    form.picker.results.setCurrentRow(0)


def _treatment_chosen(qtbot, form) -> None:  # type: ignore[no-untyped-def]
    _both(_pick("treatment"), _pick("practitioner"))(qtbot, form)
    assert form.amount.text(), "the catalogue price is offered"


_CONTACT = (_nothing, ("summary", "Is required."), _type("summary", "Booked a follow-up"))

# kind: (wrong input, (field, its message), the correction)
CASES: dict[EventKind, tuple[Fill, tuple[str, str], Fill]] = {
    EventKind.CONSULTATION: (_pick("practitioner"), ("outcome", "Is required."), _pick("outcome")),
    EventKind.TREATMENT: (
        _both(_treatment_chosen, _type("amount", "12x")),
        ("amount", "Is not a number."),
        _type("amount", "310.00"),
    ),
    EventKind.SKIN_TEST: (_nothing, ("reading_session", "Is required."), _pick("session")),
    EventKind.PURCHASE: (_type("amount", "24.00"), ("product", "Is required."), _type("product", "SPF 50")),
    EventKind.PACKAGE: (
        _both(_type("item", "Peel course of 6"), _type("amount", "-5")),
        ("amount", "Cannot be negative."),
        _type("amount", "600"),
    ),
    EventKind.REFUND: (_type("amount", "0"), ("amount", "Must be more than zero."), _type("amount", "24")),
    EventKind.CALL: _CONTACT,
    EventKind.MESSAGE: _CONTACT,
    EventKind.EMAIL: _CONTACT,
    EventKind.SURVEY: (_score("11"), ("nps", "Is out of range."), _score("9")),
    EventKind.COMPLAINT: (
        _type("summary", "Waited 40 minutes"),
        ("severity", "Is required."),
        _pick("severity"),
    ),
    EventKind.REFERRAL: (_nothing, ("referred_patient", "Is required."), _referred),
    EventKind.PACKET_PRINTED: (_nothing, ("packet", "Is required."), _pick("packet")),
    EventKind.ALERT_HANDLED: (_nothing, ("alert", "Is required."), _pick("alert")),
    EventKind.NOTE: (_nothing, ("summary", "Is required."), _type("text", "Prefers mornings")),
    EventKind.NO_SHOW: (_in_two_days, ("occurred_at", "Cannot be in the future."), _two_days_back),
    EventKind.CANCELLATION: (_in_two_days, ("occurred_at", "Cannot be in the future."), _two_days_back),
}


@pytest.fixture
def profile(qtbot, make_ctx):  # type: ignore[no-untyped-def]
    """The owner (who may log every kind) on the profile of a patient with an open alert and a skin reading."""
    ctx = make_ctx("owner")
    patient_id = ctx.services.alerts.inbox()[0].patient.id
    now = ctx.services.context.clock.now()
    ctx.services.readings.add_session(ReadingSession(patient_id, now - timedelta(days=1), {"hydration": 41.0}))
    ctx.services.patients.register(Patient("Referred", "Friend"))
    page = PatientProfilePage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.show_patient(patient_id)
    qtbot.waitUntil(lambda: page.profile is not None and page.timeline_model.rowCount() > 0, timeout=10_000)
    return page


def test_every_kind_has_a_form() -> None:
    assert set(CASES) == set(EventKind)


@pytest.mark.parametrize("kind", list(CASES), ids=lambda k: k.value)
def test_a_kind_is_refused_with_the_fields_message_then_added_to_the_timeline(qtbot, profile, kind) -> None:
    wrong, (field, message), correction = CASES[kind]
    dialog = profile.open_event_dialog(kind)
    assert isinstance(dialog, EventDialog)
    qtbot.waitUntil(lambda: dialog.form is not None and dialog.save_button.isEnabled(), timeout=10_000)
    form = dialog.form

    wrong(qtbot, form)
    typed = {name: w.text() for name, w in form.fields.items() if hasattr(w, "text") and callable(w.text)}
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    label = form.error_labels[field]
    qtbot.waitUntil(lambda: label.isVisible() and dialog.save_button.isEnabled(), timeout=10_000)
    assert label.text() == message
    assert dialog.isVisible(), "the dialog stays open"
    assert typed == {name: w.text() for name, w in form.fields.items() if hasattr(w, "text") and callable(w.text)}

    correction(qtbot, form)
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    added = saved.args[0]
    assert added.kind is kind

    def on_timeline() -> bool:
        model = profile.timeline_model
        return any(model.index(r, 0).data(OBJECT_ROLE).id == added.id for r in range(model.rowCount()))

    qtbot.waitUntil(on_timeline, timeout=10_000)
    assert profile.timeline.chips.chip(kind).isVisible()
