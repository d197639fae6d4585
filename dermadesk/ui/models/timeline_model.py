"""A patient's timeline as a list, newest first, filled a page at a time as the view scrolls."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from dermadesk.domain.money import Money, currency_exponent
from dermadesk.domain.timeline import CLINICAL_KINDS, CONTACT_KINDS, PAID_KINDS, EventKind, TimelineEvent
from dermadesk.ui.i18n import WORDS

COL_WHEN, COL_KIND, COL_WHAT, COL_AMOUNT, COL_BY = range(5)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex
_DISPLAY, _TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
_FOREGROUND, _ALIGNMENT = Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole

KIND_LABELS = {
    EventKind.CONSULTATION: QT_TR_NOOP("Consultation"),
    EventKind.TREATMENT: QT_TR_NOOP("Treatment"),
    EventKind.PURCHASE: QT_TR_NOOP("Purchase"),
    EventKind.PACKAGE: QT_TR_NOOP("Package / membership"),
    EventKind.REFUND: QT_TR_NOOP("Refund"),
    EventKind.CALL: QT_TR_NOOP("Call"),
    EventKind.MESSAGE: QT_TR_NOOP("Message"),
    EventKind.EMAIL: QT_TR_NOOP("E-mail"),
    EventKind.SURVEY: QT_TR_NOOP("Survey"),
    EventKind.COMPLAINT: QT_TR_NOOP("Complaint"),
    EventKind.REFERRAL: QT_TR_NOOP("Referral"),
    EventKind.SKIN_TEST: QT_TR_NOOP("Skin test"),
    EventKind.PACKET_PRINTED: QT_TR_NOOP("Packet printed"),
    EventKind.ALERT_HANDLED: QT_TR_NOOP("Alert handled"),
    EventKind.NOTE: QT_TR_NOOP("Note"),
    EventKind.NO_SHOW: QT_TR_NOOP("No-show"),
    EventKind.CANCELLATION: QT_TR_NOOP("Cancellation"),
}
_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$", "JPY": "¥", "CNY": "¥", "KRW": "₩", "INR": "₹", "PLN": "zł"}


def _tr(text: str) -> str:
    return QCoreApplication.translate(WORDS, text)


def kind_text(kind: EventKind) -> str:
    return _tr(KIND_LABELS[kind])


def kind_colour(kind: EventKind) -> QColor:
    if kind is EventKind.COMPLAINT or kind is EventKind.NO_SHOW:
        return QColor("#b00020")
    if kind in PAID_KINDS:
        return QColor("#1b7f3b")
    if kind in CLINICAL_KINDS:
        return QColor("#1f5fa8")
    return QColor("#555b63") if kind in CONTACT_KINDS else QColor("#333333")


def money_text(money: Money, locale: QLocale | None = None) -> str:
    """Minor units shown as major units in the clinic's currency, the way the user's locale writes money."""
    locale = locale or QLocale()
    symbol = _SYMBOLS.get(money.currency, money.currency + " ")
    return locale.toCurrencyString(float(money.to_decimal()), symbol, currency_exponent(money.currency))


def parse_money(text: str, currency: str, locale: QLocale | None = None) -> Money:
    """What the user typed, in their locale's way of writing numbers; ValueError if it is not an amount."""
    locale = locale or QLocale()
    cleaned = text.strip().replace(locale.groupSeparator(), "").replace(locale.decimalPoint(), ".")
    return Money.parse(cleaned, currency)


def money_input_text(money: Money, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    return locale.toString(float(abs(money.to_decimal())), "f", currency_exponent(money.currency))


def local_text(at: datetime, locale: QLocale | None = None) -> str:
    """An aware instant in the workstation's time, short format. Built from QDate and QTime: handing
    PySide a Python datetime costs ~0.2 ms, which a list repainting thirty rows notices."""
    local, locale = at.astimezone(), locale or QLocale()
    day = locale.toString(QDate(local.year, local.month, local.day), QLocale.FormatType.ShortFormat)
    return f"{day} {locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)}"


@dataclass(frozen=True)
class EventLookups:
    """Names for the ids an event carries; pushed in by the page (the model never queries)."""

    staff: Mapping[int, str] = field(default_factory=dict)
    treatments: Mapping[int, str] = field(default_factory=dict)


def describe_event(event: TimelineEvent, lookups: EventLookups) -> str:
    """One line saying what happened, from the kind's own fields."""
    d = event.details
    parts: list[str] = []
    if event.kind is EventKind.TREATMENT:
        name = lookups.treatments.get(event.treatment_type_id or 0)  # a default name in the UI's language
        parts.append(_tr(name) if name else event.summary or _tr("Treatment"))
        parts += [str(d[k]) for k in ("area", "product") if d.get(k)]
        if d.get("units"):
            parts.append(_tr("{n} units").format(n=d["units"]))
        if event.lot_number:
            parts.append(_tr("lot {lot}").format(lot=event.lot_number))
    elif event.kind is EventKind.PURCHASE:
        parts.append(f"{d.get('product', '')} × {d.get('quantity', 1)}")
    elif event.kind is EventKind.PACKAGE:
        item, sessions = str(d.get("item", "")), d.get("sessions", 0)
        with_count = _tr("{item}, {n} sessions").format(item=item, n=sessions)
        parts.append(item if not sessions or f"{sessions} sessions" in item else with_count)
    elif event.kind is EventKind.SURVEY:
        names = (("nps", "NPS"), ("csat", "CSAT"), ("satisfaction", _tr("satisfaction")))
        parts += [f"{name} {d[key]}" for key, name in names if d.get(key) is not None]
        parts += [str(d["comment"])] if d.get("comment") else []
    elif event.kind is EventKind.CONSULTATION and d.get("outcome"):
        parts.append(_tr("outcome: {o}").format(o=_tr(str(d["outcome"]))))
    elif event.kind is EventKind.COMPLAINT and d.get("severity"):
        parts.append(_tr("severity: {s}").format(s=_tr(str(d["severity"]))))
    elif event.kind in CONTACT_KINDS:
        parts.append(_tr("incoming") if d.get("direction") == "in" else _tr("outgoing"))
    elif event.kind in (EventKind.NO_SHOW, EventKind.CANCELLATION) and d.get("appointment_date"):
        parts.append(_tr("appointment of {day}").format(day=d["appointment_date"]))
    elif event.kind is EventKind.ALERT_HANDLED and d.get("outcome"):
        parts.append(_tr("outcome: {o}").format(o=_tr(str(d["outcome"]).replace("_", " "))))
    if event.summary and event.kind is not EventKind.TREATMENT and not any(event.summary in p for p in parts):
        parts.append(event.summary)  # purchases and packages often repeat their product as the summary
    if event.kind is EventKind.TREATMENT and d.get("notes"):
        parts.append(str(d["notes"]))
    return " · ".join(p for p in parts if p)


class TimelineModel(QAbstractTableModel):
    """Events newest first. Near the end the view calls fetch_more(); the model asks for the next page with
    fetch_requested(before) and the page answers with append()."""

    fetch_requested = Signal(object)  # (occurred_at, id) of the last row shown
    HEADERS = (QT_TR_NOOP("When"), QT_TR_NOOP("Kind"), QT_TR_NOOP("What"), QT_TR_NOOP("Amount"), QT_TR_NOOP("By"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[TimelineEvent] = []
        self._cells: list[tuple[str, ...] | None] = []  # each row's texts, made when first painted
        self._has_more = False
        self._loading = False
        self._lookups = EventLookups()
        self._locale = QLocale()
        self._brushes = {kind: QBrush(kind_colour(kind)) for kind in EventKind}

    # -- rows pushed in ------------------------------------------------------------------
    def set_lookups(self, lookups: EventLookups) -> None:
        self._lookups = lookups
        self._cells = [None] * len(self._rows)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COL_BY))

    def reset(self, events: Sequence[TimelineEvent], has_more: bool) -> None:
        self.beginResetModel()
        self._rows = list(events)
        self._cells = [None] * len(self._rows)
        self._has_more, self._loading = has_more, False
        self.endResetModel()

    def append(self, events: Sequence[TimelineEvent], has_more: bool) -> None:
        self._loading = False
        self._has_more = has_more
        if not events:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(events) - 1)
        self._rows.extend(events)
        self._cells.extend([None] * len(events))
        self.endInsertRows()

    def fetch_failed(self) -> None:
        self._loading = False

    def event_at(self, row: int) -> TimelineEvent:
        return self._rows[row]

    @property
    def has_more(self) -> bool:
        return self._has_more

    # -- lazy paging ---------------------------------------------------------------------------
    # Not Qt's canFetchMore/fetchMore: the view asks for those whenever it lays out, which would fetch
    # the second page the moment a patient opens. The timeline view asks when the user nears the end.
    def can_fetch_more(self) -> bool:
        return self._has_more and not self._loading and bool(self._rows)

    def fetch_more(self) -> None:
        if self.can_fetch_more():
            self._loading = True
            last = self._rows[-1]
            self.fetch_requested.emit((last.occurred_at, last.id))

    # -- Qt's model interface ------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section == COL_AMOUNT:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        # called for every role of every visible cell on each paint: the common answers come first and cheap
        if role == _DISPLAY or (role == _TOOLTIP and index.column() == COL_WHAT):
            row = index.row()
            cells = self._cells[row] or self._make_cells(row)
            return cells[index.column()]
        if role == _FOREGROUND and index.column() == COL_KIND:
            return self._brushes[self._rows[index.row()].kind]
        if role == _ALIGNMENT and index.column() == COL_AMOUNT:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == OBJECT_ROLE:
            return self._rows[index.row()]
        if role == SORT_ROLE:
            event = self._rows[index.row()]
            return (event.occurred_at, event.id or 0)
        return None

    def _make_cells(self, row: int) -> tuple[str, ...]:
        event = self._rows[row]
        who = event.practitioner_id if event.practitioner_id is not None else event.recorded_by
        cells = (
            local_text(event.occurred_at, self._locale),
            kind_text(event.kind) + (" ✎" if event.version > 1 else ""),
            describe_event(event, self._lookups),
            money_text(event.amount, self._locale) if event.amount is not None else "",
            self._lookups.staff.get(who, "") if who is not None else "",
        )
        self._cells[row] = cells
        return cells
