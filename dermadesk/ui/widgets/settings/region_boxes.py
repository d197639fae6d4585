"""Pickers for the clinic's currency (ISO 4217 code) and country (ISO 3166 code, the default phone region)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QWidget

# the currencies of most clinics; any other ISO code can be typed
COMMON_CURRENCIES = (
    ("GBP", "British pound"),
    ("EUR", "Euro"),
    ("USD", "US dollar"),
    ("CAD", "Canadian dollar"),
    ("AUD", "Australian dollar"),
    ("NZD", "New Zealand dollar"),
    ("CHF", "Swiss franc"),
    ("SEK", "Swedish krona"),
    ("NOK", "Norwegian krone"),
    ("DKK", "Danish krone"),
    ("PLN", "Polish złoty"),
    ("CZK", "Czech koruna"),
    ("HUF", "Hungarian forint"),
    ("TRY", "Turkish lira"),
    ("AED", "UAE dirham"),
    ("SAR", "Saudi riyal"),
    ("ILS", "Israeli shekel"),
    ("ZAR", "South African rand"),
    ("INR", "Indian rupee"),
    ("SGD", "Singapore dollar"),
    ("HKD", "Hong Kong dollar"),
    ("CNY", "Chinese yuan"),
    ("TWD", "New Taiwan dollar"),
    ("JPY", "Japanese yen"),
    ("KRW", "South Korean won"),
    ("THB", "Thai baht"),
    ("MYR", "Malaysian ringgit"),
    ("BRL", "Brazilian real"),
    ("MXN", "Mexican peso"),
)


class CurrencyBox(QComboBox):
    """Shows 'GBP — British pound'; code() reads the three letters, whatever was typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for code, name in COMMON_CURRENCIES:
            self.addItem(f"{code} — {QCoreApplication.translate('currencies', name)}", code)
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
