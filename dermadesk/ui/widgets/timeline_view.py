"""A patient's timeline: filter chips per kind with counts, a text filter, an Add menu, and the lazy list."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from dermadesk.domain.timeline import EventKind
from dermadesk.ui.models.timeline_model import (
    COL_AMOUNT,
    COL_BY,
    COL_KIND,
    COL_WHAT,
    COL_WHEN,
    KIND_LABELS,
    OBJECT_ROLE,
    TimelineModel,
    kind_text,
)
from dermadesk.ui.widgets.filter_chips import FilterChips

FILTER_DELAY_MS = 250
NEAR_END_ROWS = 60  # ask for the next page this many rows before the end, so scrolling never waits


class _EventList(QTreeView):
    """The list itself: Enter opens the current entry as double-click does."""

    activated_by_key = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 — Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_by_key.emit()
            return
        super().keyPressEvent(event)


class TimelineView(QWidget):
    filter_changed = Signal(object, str)  # frozenset[EventKind] (empty: all), text
    add_requested = Signal(object)  # EventKind
    event_activated = Signal(object)  # TimelineEvent

    def __init__(self, model: TimelineModel, settings_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._settings_key = settings_key
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.chips = FilterChips()
        self.chips.set_keys(list(EventKind), {k: kind_text(k) for k in KIND_LABELS})
        self.text_filter = QLineEdit(placeholderText=self.tr("Filter by words in the entry…"))
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setMaximumWidth(320)
        self.add_button = QToolButton(text=self.tr("&Add entry"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_menu = QMenu(self.add_button)
        self.add_button.setMenu(self.add_menu)
        self.status = QLabel()
        self.status.setStyleSheet("color: #555b63")
        self.list = _EventList()
        self.list.setModel(self.model)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)  # the list stays fast at thousands of rows
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAllColumnsShowFocus(True)
        self._set_default_widths()
        top = QHBoxLayout()
        top.addWidget(self.text_filter, 1)
        top.addStretch()
        top.addWidget(self.status)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.chips)
        layout.addWidget(self.list, 1)
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)

    def _set_default_widths(self) -> None:
        header = self.list.header()
        header.setStretchLastSection(False)
        for col, width in ((COL_WHEN, 130), (COL_KIND, 175), (COL_AMOUNT, 100), (COL_BY, 140)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(COL_WHAT, QHeaderView.ResizeMode.Stretch)
        state = QSettings().value(self._settings_key)
        if state is not None:
            header.restoreState(state)

    def _connect_signals(self) -> None:
        self.chips.changed.connect(self._on_chips_changed)
        self.text_filter.textChanged.connect(self._on_text_filter_text_changed)
        self._filter_timer.timeout.connect(self._on_filter_timer_timeout)
        self.list.doubleClicked.connect(self._on_list_double_clicked)
        self.list.activated_by_key.connect(self._on_list_activated_by_key)
        self.list.verticalScrollBar().valueChanged.connect(self._on_scroll_value_changed)
        self.list.header().sectionResized.connect(self._on_header_section_resized)
        self.model.rowsInserted.connect(self._update_status)
        self.model.modelReset.connect(self._update_status)

    # -- what the page pushes in -----------------------------------------------------------
    def set_addable_kinds(self, kinds: Iterable[EventKind]) -> None:
        """The Add menu: only kinds the user's role may log."""
        self.add_menu.clear()
        for kind in kinds:
            action = self.add_menu.addAction(kind_text(kind))
            action.triggered.connect(lambda _=False, k=kind: self.add_requested.emit(k))
        self.add_button.setEnabled(not self.add_menu.isEmpty())

    def set_counts(self, counts: Mapping[EventKind, int]) -> None:
        self._counts = dict(counts)
        self.chips.set_counts(counts)
        self._update_status()

    def reset_filters(self) -> None:
        """A new patient: everything shown, no words."""
        self.chips.clear_choice()
        self.text_filter.blockSignals(True)
        self.text_filter.clear()
        self.text_filter.blockSignals(False)

    def filters(self) -> tuple[frozenset, str]:
        return self.chips.chosen(), self.text_filter.text().strip()

    # -- slots ---------------------------------------------------------------------------------
    def _on_chips_changed(self, kinds: frozenset) -> None:
        self._filter_timer.stop()
        self.filter_changed.emit(kinds, self.text_filter.text().strip())

    def _on_text_filter_text_changed(self, _text: str) -> None:
        self._filter_timer.start()

    def _on_filter_timer_timeout(self) -> None:
        self.filter_changed.emit(self.chips.chosen(), self.text_filter.text().strip())

    def _on_list_double_clicked(self, index) -> None:  # type: ignore[no-untyped-def]
        self.event_activated.emit(index.data(OBJECT_ROLE))

    def _on_list_activated_by_key(self) -> None:
        self.event_activated.emit(self.list.currentIndex().data(OBJECT_ROLE))

    def _on_scroll_value_changed(self, value: int) -> None:
        bar = self.list.verticalScrollBar()
        row_height = max(self.list.sizeHintForRow(0), 1) if self.model.rowCount() else 1
        # scroll is counted in pixels (per-pixel mode) or rows (per-item mode)
        step = row_height if self.list.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerPixel else 1
        if bar.maximum() - value <= NEAR_END_ROWS * step and self.model.can_fetch_more():
            self.model.fetch_more()

    def _on_header_section_resized(self, *_args: int) -> None:
        QSettings().setValue(self._settings_key, self.list.header().saveState())

    def _update_status(self, *_args: object) -> None:
        shown = self.model.rowCount()
        kinds, text = self.filters()
        counts = getattr(self, "_counts", {})
        total = sum(n for k, n in counts.items() if not kinds or k in kinds)
        if shown == 0:
            self.status.setText(self.tr("No entries match") if kinds or text else self.tr("Nothing recorded yet"))
        elif text or shown >= total:
            self.status.setText(self.tr("1 entry") if shown == 1 else self.tr("%1 entries").replace("%1", str(shown)))
        else:
            self.status.setText(self.tr("Showing %1 of %2").replace("%1", str(shown)).replace("%2", str(total)))
