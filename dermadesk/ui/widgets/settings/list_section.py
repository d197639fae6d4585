"""A settings section over a list of records: the list on the left, the chosen one's form on the right."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dermadesk.ui.widgets.settings.section import SettingsSection

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1


class ListSection(SettingsSection):
    """Subclasses give the columns, how a record fills a row and the form, and how the form reads back.
    Save stores the record in the form (a new one when none is chosen)."""

    fills_height = True
    max_content_width = None
    numeric_columns: tuple[int, ...] = ()  # shown right-aligned

    def __init__(self, parent: QWidget | None = None) -> None:
        self._records: list[Any] = []
        self._current: Any = None
        self._choosing = False
        super().__init__(parent)

    # -- for subclasses ----------------------------------------------------------------------
    def columns(self) -> list[str]:
        raise NotImplementedError

    def row_texts(self, record: Any) -> list[str]:
        raise NotImplementedError

    def new_text(self) -> str:
        raise NotImplementedError

    def _setup_form(self, form: QFormLayout) -> None:
        raise NotImplementedError

    def fill_form(self, record: Any) -> None:
        """Show a record in the form, or an empty form for a new one (record None)."""
        raise NotImplementedError

    def first_field(self) -> QWidget:
        raise NotImplementedError

    # -- building ----------------------------------------------------------------------------
    def _setup_body(self, layout: QVBoxLayout) -> None:
        body = QHBoxLayout()
        body.setSpacing(18)
        left = QVBoxLayout()
        self.table = QTableWidget(0, len(self.columns()))
        self.table.setHorizontalHeaderLabels(self.columns())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setStyleSheet("QTableWidget::item { padding: 0px 6px; }")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.new_button = QPushButton(self.new_text())
        left.addWidget(self.table, 1)
        left.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        form = self.form()
        self._setup_form(form)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.general)
        right.addLayout(self.footer)  # Save and Revert right under the record they save
        right.addStretch(1)
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        layout.addLayout(body, 1)

    def _connect_signals(self) -> None:
        super()._connect_signals()
        self.table.currentCellChanged.connect(self._on_table_current_cell_changed)
        self.new_button.clicked.connect(self._on_new_button_clicked)

    # -- records -----------------------------------------------------------------------------
    def load(self, records: list[Any]) -> None:
        """Fill the list, keeping the chosen record chosen (by id)."""
        keep = getattr(self._current, "id", None)
        self._records = list(records)
        self._choosing = True
        self.table.setRowCount(0)
        for record in self._records:
            self._append(record)
        self._choosing = False
        row = next((i for i, r in enumerate(self._records) if keep is not None and r.id == keep), 0)
        self._choose(row if self._records else -1)

    def _append(self, record: Any) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, text in enumerate(self.row_texts(record)):
            item = QTableWidgetItem(text)
            item.setData(RECORD_ROLE, row)
            if col in self.numeric_columns:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, col, item)

    def _choose(self, row: int) -> None:
        self._choosing = True
        if row >= 0:
            self.table.setCurrentCell(row, 0)
        else:
            self.table.clearSelection()
        self._choosing = False
        self._current = self._records[row] if 0 <= row < len(self._records) else None
        self._show_current()

    def _show_current(self) -> None:
        self.clear_messages()
        with self.loading():
            self.fill_form(self._current)
        self._set_dirty(False)
        self.status.clear()

    def current(self) -> Any:
        return self._current

    def records(self) -> list[Any]:
        return list(self._records)

    def saved(self, record: Any) -> None:
        """The service stored the form's record: show it in the list, chosen, and the form as clean."""
        index = next((i for i, r in enumerate(self._records) if r.id == record.id), None)
        if index is None:
            self._records.append(record)
            index = len(self._records) - 1
        else:
            self._records[index] = record
        self._current = record
        self.load(self._records)
        self.mark_saved()

    def revert(self) -> None:
        with self.loading():
            self.fill_form(self._current)

    # -- moving between records --------------------------------------------------------------
    def _on_table_current_cell_changed(self, row: int, _col: int, previous: int, _pcol: int) -> None:
        if self._choosing or row == previous or row < 0:
            return
        if self.is_dirty() and not self.ask_discard():
            self._choosing = True
            self.table.setCurrentCell(previous, 0)
            self._choosing = False
            return
        self._current = self._records[row]
        self._show_current()

    def _on_new_button_clicked(self) -> None:
        if self.is_dirty() and not self.ask_discard():
            return
        self._choosing = True
        self.table.clearSelection()
        self.table.setCurrentCell(-1, -1)
        self._choosing = False
        self._current = None
        self._show_current()
        self.first_field().setFocus()

    def ask_discard(self) -> bool:
        """Leaving a record with unsaved changes: True to throw them away."""
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Throw away the changes you made here?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard
