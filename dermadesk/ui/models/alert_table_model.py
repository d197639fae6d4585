"""The alerts inbox as a table: value at stake, patient, phone, rule, reason in plain words, dates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QT_TR_NOOP,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView

from dermadesk.domain.alert_text import RULE_NAMES, describe_reason
from dermadesk.domain.alerts import AlertRule
from dermadesk.domain.money import Money
from dermadesk.services.alerts import AlertView
from dermadesk.services.phones import national
from dermadesk.ui.i18n import WORDS
from dermadesk.ui.models.row_table_model import OBJECT_ROLE, SORT_ROLE, RowTableModel

COL_VALUE, COL_PATIENT, COL_PHONE, COL_RULE, COL_REASON, COL_RAISED, COL_SNOOZED = range(7)
_Index = QModelIndex | QPersistentModelIndex
CURRENCY_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$", "JPY": "¥", "CNY": "¥", "INR": "₹", "KRW": "₩"}


def _tr(text: str) -> str:
    return QCoreApplication.translate(WORDS, text)


def display_locale() -> QLocale:
    """The user's locale; the bare "C" locale (a server without LANG) reads badly, so English stands in."""
    locale = QLocale()
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom) if locale.name() == "C" else locale


def date_edit_format() -> str:
    """The display format for date fields, in the same locale as the tables ('dd/MM/yyyy' in the UK)."""
    return display_locale().dateFormat(QLocale.FormatType.ShortFormat)


def money_text(minor: int, currency: str, locale: QLocale | None = None, decimals: bool = True) -> str:
    """Integer minor units shown as the clinic's money in the user's format ('£3,947.00')."""
    locale = locale or display_locale()
    amount = Money(int(minor), currency).to_decimal()
    iso = locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)
    symbol = locale.currencySymbol() if iso == currency else CURRENCY_SYMBOLS.get(currency, currency + " ")
    places = -amount.as_tuple().exponent if decimals else 0  # type: ignore[operator]
    rounded = amount if decimals else amount.quantize(Decimal(1))
    return locale.toCurrencyString(float(rounded), symbol, max(int(places), 0))


def rule_text(rule: AlertRule) -> str:
    return QCoreApplication.translate(WORDS, RULE_NAMES[rule])


def reason_text(view: AlertView) -> str:
    """The alert's reason in plain words, each template passed through the translator."""
    text = describe_reason(view.alert.rule, view.alert.reason, lambda t: QCoreApplication.translate(WORDS, t))
    return text[:1].upper() + text[1:]


class AlertTableModel(RowTableModel[AlertView]):
    """Rows pushed in with set_rows(), already ranked by the service; the object role gives the AlertView."""

    HEADERS = (
        QT_TR_NOOP("At stake"),
        QT_TR_NOOP("Patient"),
        QT_TR_NOOP("Phone"),
        QT_TR_NOOP("Alert"),
        QT_TR_NOOP("Reason"),
        QT_TR_NOOP("Raised"),
        QT_TR_NOOP("Snoozed until"),
    )

    def __init__(self, currency: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._currency = currency
        self._locale = display_locale()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(WORDS, self.HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_VALUE:
            return _tr("Value at stake: expected value, ranked higher for top tiers and at-risk segments")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        view, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(view, col)
        if role == SORT_ROLE:
            return self._sort_key(view, index.row(), col)
        if role == OBJECT_ROLE:
            return view
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_REASON, COL_RULE):
            return reason_text(view)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, view: AlertView, col: int) -> str:
        alert = view.alert
        if col == COL_VALUE:
            return money_text(alert.value_at_stake_minor, self._currency, self._locale, decimals=False)
        if col == COL_PATIENT:
            return view.patient.display_name
        if col == COL_PHONE:
            return national(view.patient.phone) if view.patient.phone else ""
        if col == COL_RULE:
            return rule_text(alert.rule)
        if col == COL_REASON:
            return reason_text(view)
        return self._date(alert.raised_on if col == COL_RAISED else alert.snoozed_until)

    def _date(self, day: date | None) -> str:
        return self._locale.toString(day, QLocale.FormatType.ShortFormat) if day else ""

    def _sort_key(self, view: AlertView, row: int, col: int) -> Any:
        alert = view.alert
        if col == COL_VALUE:  # the service's ranking (value lifted by tier and segment), then its order
            return (alert.rank, alert.value_at_stake_minor, -row)
        if col in (COL_RAISED, COL_SNOOZED):
            day = alert.raised_on if col == COL_RAISED else alert.snoozed_until
            return day.toordinal() if day else 0
        return self._display(view, col).casefold()


class AlertProxyModel(QSortFilterProxyModel):
    """Sorts by the sort role compared as Python values (the value column's key is a tuple)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: _Index, right: _Index) -> bool:  # noqa: N802 — Qt's name
        return bool(left.data(SORT_ROLE) < right.data(SORT_ROLE))


def selected_alert(view: QAbstractItemView) -> AlertView | None:
    """The AlertView of the view's current row, read through its proxy."""
    index = view.currentIndex()
    return index.siblingAtColumn(COL_VALUE).data(OBJECT_ROLE) if index.isValid() else None
