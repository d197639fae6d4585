"""One form per timeline event kind: its fields, each with its message label, read into a TimelineEvent."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dermadesk.domain.alerts import AlertOutcome
from dermadesk.domain.catalogue import TreatmentType
from dermadesk.domain.errors import FieldProblem
from dermadesk.domain.money import Money
from dermadesk.domain.patients import SKIN_CONCERNS, PatientSummary
from dermadesk.domain.timeline import (
    MESSAGE_CHANNELS,
    ConsultationOutcome,
    Direction,
    EventKind,
    Severity,
    TimelineEvent,
)
from dermadesk.ui.i18n import WORDS
from dermadesk.ui.models.timeline_model import money_input_text, parse_money
from dermadesk.ui.widgets.field_errors import FieldErrors


def _tr(text: str) -> str:
    return QCoreApplication.translate(WORDS, text)


@dataclass
class FormChoices:
    """What the pickers offer; loaded by the dialog before the form is used."""

    currency: str = "GBP"
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    practitioners: Sequence[tuple[int, str]] = ()
    me: int | None = None  # the signed-in practitioner, the default for clinical entries
    treatments: Sequence[TreatmentType] = ()
    sessions: Sequence[tuple[int, str]] = ()  # this patient's reading sessions
    alerts: Sequence[tuple[int, str]] = ()  # this patient's alerts
    search_patients: Any = None  # a PatientPicker factory (referrals): () -> QWidget with .chosen()


FORMS: dict[EventKind, type[EventForm]] = {}  # filled as each form class below is defined


class EventForm(QWidget):
    """A form for one kind. Subclasses add their rows in _setup_fields(), read them in _values(), fill them in
    _load(). Every row has a message label registered under the field name the service reports."""

    kind: EventKind

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        FORMS[cls.kind] = cls  # a subclass for the same kind (CallForm after ContactForm) takes its place

    def __init__(self, choices: FormChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices
        self.fields: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self._form = QFormLayout(self)
        self._form.setContentsMargins(0, 0, 0, 0)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.when = self._add("occurred_at", _tr("&When:"), QDateTimeEdit(calendarPopup=True))
        self.when.setDisplayFormat(QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat))
        self.when.setDateTime(_local(choices.now))
        self._setup_fields()

    # -- building rows -------------------------------------------------------------------------
    def _setup_fields(self) -> None:
        raise NotImplementedError

    def _add(self, name: str, label: str, widget: QWidget, buddy: QWidget | None = None) -> Any:
        """A row: the field, and under it its (hidden) message."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        message = FieldErrors.make_label()
        column.addWidget(message)
        self._form.addRow(label, holder)
        caption = self._form.labelForField(holder)
        if isinstance(caption, QLabel):
            caption.setBuddy(buddy or widget)
        self.fields[name], self.error_labels[name] = buddy or widget, message
        (buddy or widget).setObjectName(name)
        return widget

    def _combo(
        self, name: str, label: str, items: Sequence[tuple[Any, str]], placeholder: str | None = None
    ) -> QComboBox:
        combo = QComboBox()
        if placeholder is not None:
            combo.addItem(placeholder, None)
        for data, text in items:
            combo.addItem(text, data)
        return self._add(name, label, combo)

    def _line(self, name: str, label: str, placeholder: str = "") -> QLineEdit:
        return self._add(name, label, QLineEdit(placeholderText=placeholder))

    def _text(self, name: str, label: str, placeholder: str = "") -> QPlainTextEdit:
        edit = QPlainTextEdit(placeholderText=placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(72)
        return self._add(name, label, edit)

    def _amount(self, label: str | None = None) -> QLineEdit:
        edit = QLineEdit(placeholderText="0" + QLocale().decimalPoint() + "00")
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        row = QWidget()
        inner = QHBoxLayout(row)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(edit, 1)
        inner.addWidget(QLabel(self.choices.currency))
        self._add("amount", label or _tr("&Amount paid:"), row, buddy=edit)
        return edit

    def _spin(self, name: str, label: str, low: int, high: int, value: int) -> QSpinBox:
        spin = QSpinBox(minimum=low, maximum=high, value=value)
        return self._add(name, label, spin)

    def _practitioner(self) -> QComboBox:
        combo = self._combo("practitioner", _tr("&Practitioner:"), self.choices.practitioners, _tr("— choose —"))
        if self.choices.me is not None:
            _select(combo, self.choices.me)
        return combo

    # -- reading and loading ---------------------------------------------------------------------
    def register(self, errors: FieldErrors) -> None:
        for name, label in self.error_labels.items():
            errors.register(name, label)

    def read_event(self, base: TimelineEvent) -> tuple[TimelineEvent, list[FieldProblem]]:
        """The entry as typed, and any problem found before asking the service (text that is not a number)."""
        problems: list[FieldProblem] = []
        values = self._values(problems)
        details = {k: v for k, v in {**base.details, **values.pop("details", {})}.items() if v not in (None, "")}
        occurred = self.when.dateTime().toPython().astimezone(UTC)
        return dataclasses.replace(base, occurred_at=occurred, details=details, **values), problems

    def load(self, event: TimelineEvent) -> None:
        self.when.setDateTime(_local(event.occurred_at))
        self._load(event)

    def _values(self, problems: list[FieldProblem]) -> dict[str, Any]:
        raise NotImplementedError

    def _load(self, event: TimelineEvent) -> None:
        raise NotImplementedError

    def _money(self, edit: QLineEdit, problems: list[FieldProblem]) -> Money | None:
        if not edit.text().strip():
            return None
        try:
            return parse_money(edit.text(), self.choices.currency)
        except ValueError:
            problems.append(FieldProblem("amount", "not_a_number"))
            return None

    @staticmethod
    def _int(edit: QLineEdit, name: str, problems: list[FieldProblem]) -> int | None:
        text = edit.text().strip()
        if not text:
            return None
        try:
            return int(text)
        except ValueError:
            problems.append(FieldProblem(name, "not_a_number"))
            return None


def _local(at: datetime) -> datetime:
    return at.astimezone().replace(tzinfo=None)


def _select(combo: QComboBox, data: Any) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)


def _plain(edit: QPlainTextEdit) -> str:
    return edit.toPlainText().strip()


# -- clinical --------------------------------------------------------------------------------------------
class ConsultationForm(EventForm):
    kind = EventKind.CONSULTATION

    def _setup_fields(self) -> None:
        self.practitioner = self._practitioner()
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        self.concerns = {c: QCheckBox(_tr(c.replace("_", " ").capitalize())) for c in SKIN_CONCERNS}
        for i, box in enumerate(self.concerns.values()):
            grid.addWidget(box, i // 3, i % 3)
        self._add("concerns", _tr("Concerns:"), holder)
        outcomes = [(o.value, _tr(o.value.capitalize())) for o in ConsultationOutcome]
        self.outcome = self._combo("outcome", _tr("&Outcome:"), outcomes, _tr("— choose —"))
        self.notes = self._text("summary", _tr("&Notes:"))

    def _values(self, problems: list[FieldProblem]) -> dict[str, Any]:
        concerns = [c for c, box in self.concerns.items() if box.isChecked()]
        return {
            "practitioner_id": self.practitioner.currentData(),
            "summary": _plain(self.notes),
            "details": {"outcome": self.outcome.currentData(), "concerns": concerns or None},
        }

    def _load(self, event: TimelineEvent) -> None:
        _select(self.practitioner, event.practitioner_id)
        _select(self.outcome, event.details.get("outcome"))
        for concern in event.details.get("concerns", ()):
            if concern in self.concerns:
                self.concerns[concern].setChecked(True)
        self.notes.setPlainText(event.summary)


class TreatmentForm(EventForm):
    kind = EventKind.TREATMENT

    def _setup_fields(self) -> None:
        items = [(t.id, t.name) for t in self.choices.treatments]
        self.treatment = self._combo("treatment", _tr("&Treatment:"), items, _tr("— choose —"))
        self.practitioner = self._practitioner()
        self.area = self._line("area", _tr("A&rea:"), _tr("e.g. forehead, glabella"))
        self.product = self._line("product", _tr("Pro&duct:"))
        self.units = self._line("units", _tr("&Units or shots:"), _tr("optional"))
        self.lot = self._line("lot_number", _tr("&Lot / batch:"), _tr("so a recall can find who received it"))
        self.amount = self._amount(_tr("&Price paid:"))
        self.notes = self._text("notes", _tr("&Notes:"))
        self.treatment.currentIndexChanged.connect(self._on_treatment_current_index_changed)
        self._suggested = ""

    def _on_treatment_current_index_changed(self, _index: int) -> None:
        """The catalogue price as a start, unless a price was typed by hand."""
        chosen = next((t for t in self.choices.treatments if t.id == self.treatment.currentData()), None)
        if chosen is None or self.amount.text() not in ("", self._suggested):
            return
        self._suggested = money_input_text(Money(chosen.default_price_minor, self.choices.currency))
        self.amount.setText(self._suggested)

    def _values(self, problems: list[FieldProblem]) -> dict[str, Any]:
        units: float | int | None = None
        text = self.units.text().strip()
        if text:
            try:
                number = Decimal(text.replace(QLocale().decimalPoint(), "."))
                units = int(number) if number == number.to_integral_value() else float(number)
            except ArithmeticError:
                problems.append(FieldProblem("units", "not_a_number"))
        name = self.treatment.currentText() if self.treatment.currentData() is not None else ""
        return {
            "treatment_type_id": self.treatment.currentData(),
            "practitioner_id": self.practitioner.currentData(),
            "amount": self._money(self.amount, problems),
            "lot_number": self.lot.text().strip(),
            # the summary is what the timeline's word filter searches: the treatment's name and the notes
            "summary": " — ".join(x for x in (name, _plain(self.notes)) if x),
            "details": {
                "area": self.area.text().strip(),
                "product": self.product.text().strip(),
                "units": units,
                "notes": _plain(self.notes),
            },
        }

    def _load(self, event: TimelineEvent) -> None:
        _select(self.treatment, event.treatment_type_id)
        _select(self.practitioner, event.practitioner_id)
        d = event.details
        self.area.setText(str(d.get("area", "")))
        self.product.setText(str(d.get("product", "")))
        self.units.setText("" if d.get("units") is None else str(d["units"]))
        self.lot.setText(event.lot_number)
        self.amount.setText(money_input_text(event.amount) if event.amount else "")
        self.notes.setPlainText(str(d.get("notes", "")))


class SkinTestForm(EventForm):
    kind = EventKind.SKIN_TEST

    def _setup_fields(self) -> None:
        self.session = self._combo(
            "reading_session", _tr("&Reading session:"), self.choices.sessions, _tr("— choose a session —")
        )
        self.practitioner = self._practitioner()
        self.note = self._line("summary", _tr("&Note:"))

    def _values(self, problems: list[FieldProblem]) -> dict[str, Any]:
        return {
            "reading_session_id": self.session.currentData(),
            "practitioner_id": self.practitioner.currentData(),
            "summary": self.note.text().strip(),
        }

    def _load(self, event: TimelineEvent) -> None:
        _select(self.session, event.reading_session_id)
        _select(self.practitioner, event.practitioner_id)
        self.note.setText(event.summary)


# -- paid --------------------------------------------------------------------------------------------------
class PurchaseForm(EventForm):
    kind = EventKind.PURCHASE

    def _setup_fields(self) -> None:
        self.product = self._line("product", _tr("&Product:"), _tr("e.g. SPF 50 sunscreen"))
        self.quantity = self._spin("quantity", _tr("&Quantity:"), 1, 10_000, 1)
        self.amount = self._amount()

    def _values(self, problems: list[FieldProblem]) -> dict[str, Any]:
        product = self.product.text().strip()
        return {
            "amount": self._money(self.amount, problems),
            "summary": product,
            "details": {"product": product, "quantity": self.quantity.value()},
        }

    def _load(self, event: TimelineEvent) -> None:
        self.product.setText(str(event.details.get("product", "")))
        self.quantity.setValue(int(event.details.get("quantity", 1)))
        self.amount.setText(money_input_text(event.amount) if event.amount else "")


class PackageForm(EventForm):
    kind = EventKind.PACKAGE

    def _setup_fields(self) -> None:
        self.item = self._line("item", _tr("&What was bought:"), _tr("e.g. Peel course of 6, Gold membership"))
        self.sessions = self._spin("sessions", _tr("&Sessions included:"), 0, 1000, 1)
        self.amount = self._amount()

    def _values(self, problems: list[FieldProblem]) -> dict[str, Any]:
        item = self.item.text().strip()
        return {
            "amount": self._money(self.amount, problems),
            "summary": item,
            "details": {"item": item, "sessions": self.sessions.value()},
        }

    def _load(self, event: TimelineEvent) -> None:
        self.item.setText(str(event.details.get("item", "")))
        self.sessions.setValue(int(event.details.get("sessions", 0)))
        self.amount.setText(money_input_text(event.amount) if event.amount else "")


class RefundForm(EventForm):
    kind = EventKind.REFUND

    def _setup_fields(self) -> None:
        self.amount = self._amount(_tr("&Amount refunded:"))
        self.reason = self._line("summary", _tr("&Reason:"), _tr("e.g. unopened product returned"))

    def _values(self, problems: list[FieldProblem]) -> dict[str, Any]:
        amount = self._money(self.amount, problems)
        if amount is not None and amount.minor <= 0:
            problems.append(FieldProblem("amount", "must_be_positive"))
        # typed as a positive sum; stored negative so it reduces the patient's spend
        stored = Money(-amount.minor, amount.currency) if amount is not None and amount.minor > 0 else amount
        reason = self.reason.text().strip()
        return {"amount": stored, "summary": reason, "details": {"reason": reason}}

    def _load(self, event: TimelineEvent) -> None:
        self.amount.setText(money_input_text(event.amount) if event.amount else "")
        self.reason.setText(event.summary or str(event.details.get("reason", "")))


# -- contact ---------------------------------------------------------------------------------------------
class ContactForm(EventForm):
    """Calls, messages and e-mails: direction, (channel for messages), what was said."""

    kind = EventKind.CALL

    def _setup_fields(self) -> None:
        directions = [
            (Direction.OUTBOUND.value, _tr("Outgoing (we contacted them)")),
            (Direction.INBOUND.value, _tr("Incoming (they contacted us)")),
        ]
        self.direction = self._combo("direction", _tr("&Direction:"), directions)
        self.channel: QComboBox | None = None
        if self.kind is EventKind.MESSAGE:
            names = {
                "sms": QT_TR_NOOP("SMS"),
                "messaging_app": QT_TR_NOOP("Messaging app"),
                "letter": QT_TR_NOOP("Letter"),
                "social": QT_TR_NOOP("Social media"),
            }
            self.channel = self._combo("channel", _tr("C&hannel:"), [(c, _tr(names[c])) for c in MESSAGE_CHANNELS])
        self.summary = self._text("summary", _tr("&Summary:"), _tr("What was said or agreed"))

    def _values(self, problems: list[FieldProblem]) -> dict[str, Any]:
        details = {"direction": self.direction.currentData()}
        if self.channel is not None:
            details["channel"] = self.channel.currentData()
        return {"summary": _plain(self.summary), "details": details}

    def _load(self, event: TimelineEvent) -> None:
        _select(self.direction, event.details.get("direction"))
        if self.channel is not None:
            _select(self.channel, event.details.get("channel"))
        self.summary.setPlainText(event.summary)


class CallForm(ContactForm):
    kind = EventKind.CALL


class MessageForm(ContactForm):
    kind = EventKind.MESSAGE


class EmailForm(ContactForm):
    kind = EventKind.EMAIL


class SurveyForm(EventForm):
    kind = EventKind.SURVEY
    SCALES = (
        ("nps", QT_TR_NOOP("&NPS (0–10):")),
        ("csat", QT_TR_NOOP("&CSAT (1–5):")),
        ("satisfaction", QT_TR_NOOP("&Satisfaction after treatment (0–10):")),
    )

    def _setup_fields(self) -> None:
        self.scores = {key: self._line(key, _tr(label), _tr("leave empty if not asked")) for key, label in self.SCALES}
        self.comment = self._text("comment", _tr("C&omment:"))

    def _values(self, problems: list[FieldProblem]) -> dict[str, Any]:
        details: dict[str, Any] = {k: self._int(edit, k, problems) for k, edit in self.scores.items()}
        details["comment"] = _plain(self.comment)
        return {"details": details}

    def _load(self, event: TimelineEvent) -> None:
        for key, edit in self.scores.items():
            value = event.details.get(key)
            edit.setText("" if value is None else str(value))
        self.comment.setPlainText(str(event.details.get("comment", "")))


class ComplaintForm(EventForm):
    kind = EventKind.COMPLAINT

    def _setup_fields(self) -> None:
        severities = [(s.value, _tr(s.value.capitalize())) for s in Severity]
        self.severity = self._combo("severity", _tr("S&everity:"), severities, _tr("— choose —"))
        self.summary = self._text("summary", _tr("&Complaint:"), _tr("What the patient is unhappy about"))
        self.resolution = self._text("resolution", _tr("&Resolution:"), _tr("What was done or offered"))

    def _values(self, problems: list[FieldProblem]) -> dict[str, Any]:
        return {
            "summary": _plain(self.summary),
            "details": {"severity": self.severity.currentData(), "resolution": _plain(self.resolution)},
        }

    def _load(self, event: TimelineEvent) -> None:
        _select(self.severity, event.details.get("severity"))
        self.summary.setPlainText(event.summary)
        self.resolution.setPlainText(str(event.details.get("resolution", "")))


class ReferralForm(EventForm):
    kind = EventKind.REFERRAL

    def _setup_fields(self) -> None:
        factory = self.choices.search_patients
        self.picker = self._add("referred_patient", _tr("&Referred:"), factory() if factory else QLineEdit())
        self.note = self._line("summary", _tr("&Note:"))
        self._loaded_id: int | None = None

    def _values(self, problems: list[FieldProblem]) -> dict[str, Any]:
        chosen: PatientSummary | None = self.picker.chosen() if hasattr(self.picker, "chosen") else None
        related = chosen.id if chosen else self._loaded_id
        note = self.note.text().strip()
        summary = note or (_tr("Referred {name}").format(name=chosen.display_name) if chosen else "")
        return {"related_patient_id": related, "summary": summary}

    def _load(self, event: TimelineEvent) -> None:
        self._loaded_id = event.related_patient_id
        self.note.setText(event.summary)


# -- records of other work ---------------------------------------------------------------------------
class PacketForm(EventForm):
    kind = EventKind.PACKET_PRINTED
    PACKETS = (
        ("aftercare", QT_TR_NOOP("After-care")),
        ("onboarding", QT_TR_NOOP("Onboarding")),
        ("other", QT_TR_NOOP("Other")),
    )
    HOW = (
        ("printed", QT_TR_NOOP("Printed")),
        ("saved", QT_TR_NOOP("Saved as PDF")),
        ("handed", QT_TR_NOOP("Handed over")),
    )

    def _setup_fields(self) -> None:
        packets = [(code, _tr(name)) for code, name in self.PACKETS]
        self.packet = self._combo("packet", _tr("&Packet:"), packets, _tr("— choose —"))
        self.how = self._combo("how", _tr("&How:"), [(code, _tr(name)) for code, name in self.HOW])
        self.note = self._line("summary", _tr("&Note:"))

    def _values(self, problems: list[FieldProblem]) -> dict[str, Any]:
        return {
            "summary": self.note.text().strip(),
            "details": {"packet": self.packet.currentData(), "how": self.how.currentData()},
        }

    def _load(self, event: TimelineEvent) -> None:
        packet = event.details.get("packet")
        if packet and self.packet.findData(packet) < 0:
            self.packet.addItem(str(packet).replace("_", " ").capitalize(), packet)
        _select(self.packet, packet)
        _select(self.how, event.details.get("how"))
        self.note.setText(event.summary)


class AlertHandledForm(EventForm):
    kind = EventKind.ALERT_HANDLED

    def _setup_fields(self) -> None:
        self.alert = self._combo("alert", _tr("&Alert:"), self.choices.alerts, _tr("— choose —"))
        outcomes = [(o.value, _tr(o.value.replace("_", " ").capitalize())) for o in AlertOutcome]
        self.outcome = self._combo("outcome", _tr("&Outcome:"), [*outcomes, ("dismissed", _tr("Dismissed"))])
        self.note = self._line("summary", _tr("&Note:"))

    def _values(self, problems: list[FieldProblem]) -> dict[str, Any]:
        return {
            "alert_id": self.alert.currentData(),
            "summary": self.note.text().strip(),
            "details": {"outcome": self.outcome.currentData()},
        }

    def _load(self, event: TimelineEvent) -> None:
        _select(self.alert, event.alert_id)
        _select(self.outcome, event.details.get("outcome"))
        self.note.setText(event.summary)


class NoteForm(EventForm):
    kind = EventKind.NOTE

    def _setup_fields(self) -> None:
        self.text = self._text("summary", _tr("&Note:"))
        self.text.setFixedHeight(120)

    def _values(self, problems: list[FieldProblem]) -> dict[str, Any]:
        return {"summary": _plain(self.text)}

    def _load(self, event: TimelineEvent) -> None:
        self.text.setPlainText(event.summary)


class MissedForm(EventForm):
    """No-shows and cancellations: which appointment, and why if known."""

    kind = EventKind.NO_SHOW

    def _setup_fields(self) -> None:
        self.day = self._add("appointment_date", _tr("A&ppointment date:"), QDateEdit(calendarPopup=True))
        self.day.setDate(QDate(_local(self.choices.now).date()))
        self.reason = self._line("summary", _tr("&Reason:"), _tr("if the patient gave one"))

    def _values(self, problems: list[FieldProblem]) -> dict[str, Any]:
        day: date = self.day.date().toPython()
        return {"summary": self.reason.text().strip(), "details": {"appointment_date": day.isoformat()}}

    def _load(self, event: TimelineEvent) -> None:
        text = event.details.get("appointment_date")
        if text:
            self.day.setDate(QDate.fromString(str(text), Qt.DateFormat.ISODate))
        self.reason.setText(event.summary)


class NoShowForm(MissedForm):
    kind = EventKind.NO_SHOW


class CancellationForm(MissedForm):
    kind = EventKind.CANCELLATION
