"""Patient search results as a table: name, phone, tier badge, segment, stage, last visit, next booking, flags."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QT_TR_NOOP,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView

from dermadesk.domain.patients import PatientSummary
from dermadesk.domain.tiers import TierDefinition
from dermadesk.ui.i18n import WORDS
from dermadesk.ui.models.row_table_model import OBJECT_ROLE, SORT_ROLE, RowTableModel
from dermadesk.ui.models.timeline_model import local_text

COL_NAME, COL_PHONE, COL_TIER, COL_SEGMENT, COL_STAGE, COL_LAST_VISIT, COL_NEXT_BOOKING, COL_FLAGS = range(8)

TIER_COLOURS = {
    "bronze": "#b87333",
    "silver": "#9ea3a8",
    "gold": "#c9a227",
    "platinum": "#6d8a96",
    "diamond": "#3a8fd6",
}
FLAG_RED = "#b00020"
_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate(WORDS, text)


SEGMENT_LABELS = {
    "champions": QT_TR_NOOP("Champions"),
    "loyal": QT_TR_NOOP("Loyal"),
    "potential_loyalist": QT_TR_NOOP("Potential loyalist"),
    "new": QT_TR_NOOP("New"),
    "promising": QT_TR_NOOP("Promising"),
    "need_attention": QT_TR_NOOP("Need attention"),
    "about_to_sleep": QT_TR_NOOP("About to sleep"),
    "at_risk": QT_TR_NOOP("At risk"),
    "cant_lose": QT_TR_NOOP("Can't lose them"),
    "hibernating": QT_TR_NOOP("Hibernating"),
    "lost": QT_TR_NOOP("Lost"),
    "important_value": QT_TR_NOOP("Important value"),
    "important_develop": QT_TR_NOOP("Important develop"),
    "important_keep": QT_TR_NOOP("Important keep"),
    "important_retain": QT_TR_NOOP("Important retain"),
    "general_value": QT_TR_NOOP("General value"),
    "general_develop": QT_TR_NOOP("General develop"),
    "general_keep": QT_TR_NOOP("General keep"),
    "general_retain": QT_TR_NOOP("General retain"),
}
STAGE_LABELS = {
    "prospect": QT_TR_NOOP("Prospect"),
    "new": QT_TR_NOOP("New"),
    "active": QT_TR_NOOP("Active"),
    "silent": QT_TR_NOOP("Silent"),
    "dormant": QT_TR_NOOP("Dormant"),
    "lost": QT_TR_NOOP("Lost"),
}


def segment_text(code: str | None) -> str:
    return _tr(SEGMENT_LABELS.get(code, code.replace("_", " ").capitalize())) if code else ""


def stage_text(code: str | None) -> str:
    return _tr(STAGE_LABELS.get(code, code.capitalize())) if code else ""


def tier_text(code: str | None, definitions: Sequence[TierDefinition] = ()) -> str:
    if not code:
        return ""
    name = next((t.name for t in definitions if t.code == code), code.capitalize())
    return _tr(name)


def tier_colour(code: str | None) -> QColor:
    return QColor(TIER_COLOURS.get(code or "", "#8a8f98"))


def tier_icon(code: str | None, size: int = 12) -> QIcon:
    """A filled dot in the tier's colour: the badge in tables and headers."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(tier_colour(code))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def flag_text(flags: Sequence[str]) -> str:
    words = {"allergy": _tr("Allergy"), "contraindication": _tr("Contraindication")}
    return " · ".join(words.get(f, f) for f in flags)


class PatientTableModel(RowTableModel[PatientSummary]):
    """Rows pushed in with set_rows(); the object role gives the PatientSummary."""

    HEADERS = (
        QT_TR_NOOP("Name"),
        QT_TR_NOOP("Phone"),
        QT_TR_NOOP("Tier"),
        QT_TR_NOOP("Segment"),
        QT_TR_NOOP("Stage"),
        QT_TR_NOOP("Last visit"),
        QT_TR_NOOP("Next booking"),
        QT_TR_NOOP("Flags"),
    )

    def __init__(self, tiers: Sequence[TierDefinition] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._tiers = tuple(tiers)
        self._icons: dict[str | None, QIcon] = {}
        self._locale = QLocale()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == SORT_ROLE:
            return self._sort_key(row, col)
        if role == OBJECT_ROLE:
            return row
        if role == Qt.ItemDataRole.DecorationRole and col == COL_TIER and row.tier:
            return self._icons.setdefault(row.tier, tier_icon(row.tier))
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_FLAGS:
            return QBrush(QColor(FLAG_RED))
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_NAME and row.email:
            return row.email
        return None

    def _display(self, row: PatientSummary, col: int) -> str:
        values = {
            COL_NAME: lambda: row.display_name,
            COL_PHONE: lambda: row.phone,
            COL_TIER: lambda: tier_text(row.tier, self._tiers),
            COL_SEGMENT: lambda: segment_text(row.segment),
            COL_STAGE: lambda: stage_text(row.stage),
            COL_LAST_VISIT: lambda: self._date(row.last_visit),
            COL_NEXT_BOOKING: lambda: self._date(row.next_booking),
            COL_FLAGS: lambda: flag_text(row.flags),
        }
        return values[col]()

    def _date(self, value: date | datetime | None) -> str:
        if value is None:
            return ""
        if isinstance(value, datetime):
            return local_text(value, self._locale)
        return self._locale.toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)

    def _sort_key(self, row: PatientSummary, col: int) -> Any:
        if col == COL_TIER:
            return next((t.rank for t in self._tiers if t.code == row.tier), -1)
        if col == COL_LAST_VISIT:
            return row.last_visit.toordinal() if row.last_visit else 0
        if col == COL_NEXT_BOOKING:
            return row.next_booking.timestamp() if row.next_booking else float("inf")
        if col == COL_NAME and row.sort_name:
            return row.sort_name
        return self._display(row, col).casefold()


class PatientProxyModel(QSortFilterProxyModel):
    """Sorts by the model's sort role; search order (relevance) stays until a header is clicked."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)


def selected_summary(view: QAbstractItemView) -> PatientSummary | None:
    """The summary of the view's current row, read through its proxy."""
    index = view.currentIndex()
    return index.siblingAtColumn(COL_NAME).data(OBJECT_ROLE) if index.isValid() else None
