"""Amounts typed and shown in the clinic's currency, in major units, the way the computer's locale writes them."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from dermadesk.domain.money import Money, currency_exponent


def format_amount(minor: int, currency: str, locale: QLocale | None = None) -> str:
    """1500000 GBP minor units -> '15,000.00' (no symbol: the field or column names the currency)."""
    locale = locale or QLocale()
    exponent = currency_exponent(currency)
    whole, fraction = divmod(abs(minor), 10**exponent)
    text = ("-" if minor < 0 else "") + locale.toString(whole)
    return text + (f"{locale.decimalPoint()}{fraction:0{exponent}d}" if exponent else "")


def parse_amount(text: str, currency: str, locale: QLocale | None = None) -> int:
    """'15,000.00' (or '15000', or '15.000,00' in a German locale) -> minor units; ValueError if not an amount."""
    locale = locale or QLocale()
    cleaned = text.strip().replace(locale.groupSeparator(), "").replace("\u00a0", "").replace(" ", "")
    if locale.decimalPoint() != ".":
        cleaned = cleaned.replace(locale.decimalPoint(), ".")
    if not cleaned:
        raise ValueError(text)
    return Money.parse(cleaned, currency).minor


class MoneyEdit(QWidget):
    """An amount field with its currency code beside it."""

    def __init__(self, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(alignment=Qt.AlignmentFlag.AlignRight)
        self.edit.setMaximumWidth(160)
        self.code_label = QLabel(currency, styleSheet="color: #5f6b7a")
        layout.addWidget(self.edit)
        layout.addWidget(self.code_label)
        layout.addStretch(1)
        self.edited = self.edit.textEdited

    def set_currency(self, currency: str) -> None:
        self.currency = currency
        self.code_label.setText(currency)

    def set_minor(self, minor: int) -> None:
        self.edit.setText(format_amount(minor, self.currency))

    def minor(self) -> int:
        """Raises ValueError when the text is not an amount."""
        return parse_amount(self.edit.text(), self.currency)
