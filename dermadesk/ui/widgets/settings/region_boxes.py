"""Pickers for the clinic's currency (ISO 4217 code) and country (ISO 3166 code, the default phone region)."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QLocale, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QWidget

from dermadesk.ui.i18n import WORDS

# the currencies of most clinics; any other ISO code can be typed
COMMON_CURRENCIES = (
    ("GBP", QT_TR_NOOP("British pound")),
    ("EUR", QT_TR_NOOP("Euro")),
    ("USD", QT_TR_NOOP("US dollar")),
    ("CAD", QT_TR_NOOP("Canadian dollar")),
    ("AUD", QT_TR_NOOP("Australian dollar")),
    ("NZD", QT_TR_NOOP("New Zealand dollar")),
    ("CHF", QT_TR_NOOP("Swiss franc")),
    ("SEK", QT_TR_NOOP("Swedish krona")),
    ("NOK", QT_TR_NOOP("Norwegian krone")),
    ("DKK", QT_TR_NOOP("Danish krone")),
    ("PLN", QT_TR_NOOP("Polish złoty")),
    ("CZK", QT_TR_NOOP("Czech koruna")),
    ("HUF", QT_TR_NOOP("Hungarian forint")),
    ("TRY", QT_TR_NOOP("Turkish lira")),
    ("AED", QT_TR_NOOP("UAE dirham")),
    ("SAR", QT_TR_NOOP("Saudi riyal")),
    ("ILS", QT_TR_NOOP("Israeli shekel")),
    ("ZAR", QT_TR_NOOP("South African rand")),
    ("INR", QT_TR_NOOP("Indian rupee")),
    ("SGD", QT_TR_NOOP("Singapore dollar")),
    ("HKD", QT_TR_NOOP("Hong Kong dollar")),
    ("CNY", QT_TR_NOOP("Chinese yuan")),
    ("TWD", QT_TR_NOOP("New Taiwan dollar")),
    ("JPY", QT_TR_NOOP("Japanese yen")),
    ("KRW", QT_TR_NOOP("South Korean won")),
    ("THB", QT_TR_NOOP("Thai baht")),
    ("MYR", QT_TR_NOOP("Malaysian ringgit")),
    ("BRL", QT_TR_NOOP("Brazilian real")),
    ("MXN", QT_TR_NOOP("Mexican peso")),
)


class CurrencyBox(QComboBox):
    """Shows 'GBP — British pound'; code() reads the three letters, whatever was typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for code, name in COMMON_CURRENCIES:
            self.addItem(f"{code} — {QCoreApplication.translate(WORDS, name)}", code)
        pattern = QRegularExpression(r"[A-Za-z]{0,3}( — .*)?")
        self.lineEdit().setValidator(QRegularExpressionValidator(pattern, self))

    def code(self) -> str:
        return self.currentText().strip()[:3].upper()

    def set_code(self, code: str) -> None:
        index = self.findData(code.upper())
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(code.upper())


class CountryBox(QComboBox):
    """Every territory Qt knows, by name; code() is its two-letter ISO code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        entries = {
            QLocale.territoryToCode(t): QLocale.territoryToString(t)
            for t in QLocale.Country
            if t is not QLocale.Country.AnyTerritory
        }
        for code, name in sorted(entries.items(), key=lambda item: item[1].casefold()):
            if len(code) == 2:
                self.addItem(f"{name} ({code})", code)
        self.setMaxVisibleItems(20)  # typing the first letters of a name jumps to it

    def code(self) -> str:
        return str(self.currentData() or "")

    def set_code(self, code: str) -> None:
        index = self.findData(code.upper())
        if index >= 0:
            self.setCurrentIndex(index)


def system_currency() -> str:
    """The currency of the computer's locale, or '' (e.g. the C locale of a test machine)."""
    return QLocale.system().currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)


def system_country() -> str:
    territory = QLocale.system().territory()
    return "" if territory is QLocale.Country.AnyTerritory else QLocale.territoryToCode(territory)
