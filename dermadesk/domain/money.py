"""Money as integer minor units with a currency; never a float."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

# ISO 4217 exponents that differ from 2 (the common ones for clinics).
_EXPONENTS = {"JPY": 0, "KRW": 0, "VND": 0, "ISK": 0, "CLP": 0, "HUF": 2, "KWD": 3, "BHD": 3}


def currency_exponent(currency: str) -> int:
    return _EXPONENTS.get(currency.upper(), 2)


@dataclass(frozen=True, order=True)
class Money:
    minor: int
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.minor, int) or isinstance(self.minor, bool):
            raise TypeError(f"Money needs integer minor units, got {type(self.minor).__name__}")

    @classmethod
    def parse(cls, text: str, currency: str) -> Money:
        """'1,234.50' or '1234.5' in major units; raises ValueError on anything else."""
        cleaned = text.strip().replace(",", "").replace(" ", "")
        try:
            amount = Decimal(cleaned)
        except InvalidOperation as exc:
            raise ValueError(text) from exc
        if not amount.is_finite():
            raise ValueError(text)
        scale = Decimal(10) ** currency_exponent(currency)
        return cls(int((amount * scale).to_integral_value(ROUND_HALF_EVEN)), currency.upper())

    def to_decimal(self) -> Decimal:
        return Decimal(self.minor) / (Decimal(10) ** currency_exponent(self.currency))

    def __add__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.minor - other.minor, self.currency)

    def _same_currency(self, other: Money) -> None:
        if other.currency != self.currency:
            raise ValueError(f"cannot mix {self.currency} and {other.currency}")

    def format_plain(self) -> str:
        """'1234.50' — the machine-readable form for CSV and JSON."""
        exp = currency_exponent(self.currency)
        return f"{self.to_decimal():.{exp}f}"

    def __str__(self) -> str:
        return f"{self.format_plain()} {self.currency}"
