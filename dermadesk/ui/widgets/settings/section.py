"""The frame every settings section shares: heading, body, field messages, Save and Revert, unsaved-change state."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from dermadesk.ui.messages import error_text
from dermadesk.ui.widgets.field_errors import FieldErrors

HEADING_STYLE = "font-size: 13pt; font-weight: bold; color: #1f2a37"
MUTED_STYLE = "color: #5f6b7a"


class SettingsSection(QWidget):
    """A section edits plain values. The page loads them in, asks for pending() when Save is pressed,
    runs the service call on the database thread, and reports back with saved() or show_error()."""

    save_requested = Signal()
    dirty_changed = Signal(bool)
    fills_height = False  # True for a section whose list or table takes the height left
    max_content_width: int | None = 820  # forms read badly stretched over a wide window

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dirty = False
        self._loading = False
        self._messages: dict[str, QLabel] = {}
        self._setup_ui()
        self._connect_signals()
        self._set_dirty(False)

    # -- for subclasses ----------------------------------------------------------------------
    def title(self) -> str:
        raise NotImplementedError

    def description(self) -> str:
        return ""

    def _setup_body(self, layout: QVBoxLayout) -> None:
        raise NotImplementedError

    def _connect_body(self) -> None:
        """Connect every editor's change signal to self._on_edited."""

    def pending(self) -> object:
        """What Save stores, read from the editors; raises DermaDeskError(INVALID_FIELD) for what cannot be read."""
        raise NotImplementedError

    def revert(self) -> None:
        """Put back the values last loaded or saved."""
        raise NotImplementedError

    def problem_texts(self) -> dict[str, str]:
        """Sentences for this section's own problem codes (those the domain has no words for)."""
        return {}

    def confirm_save(self) -> bool:
        """A last question before saving (e.g. a change with wide effects); True to go on."""
        return True

    # -- the frame ---------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        outer = QHBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 14)
        content = QWidget()
        if self.max_content_width:
            content.setMaximumWidth(self.max_content_width)
        outer.addWidget(content, 1)
        outer.addStretch(0)  # past its widest, the content stays on the left and the window's width stays empty
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(QLabel(self.title(), styleSheet=HEADING_STYLE))
        if self.description():
            layout.addWidget(QLabel(self.description(), styleSheet=MUTED_STYLE, wordWrap=True))
        self.general = FieldErrors.make_label(self)
        self.errors = FieldErrors(self.general)
        self.footer = self._make_footer()
        self._setup_body(layout)
        if self.footer.parent() is None:  # a section may have placed its message line and buttons itself
            layout.addWidget(self.general)
            layout.addLayout(self.footer)
        if not self.fills_height:
            layout.addStretch(1)  # a form keeps Save right under its last field

    def _make_footer(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.status = QLabel(styleSheet=MUTED_STYLE)
        self.revert_button = QPushButton(self.tr("&Revert"))
        self.revert_button.setToolTip(self.tr("Put back the values last saved"))
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save this section (Ctrl+S)"))
        row.addWidget(self.status, 1)
        row.addWidget(self.revert_button)
        row.addWidget(self.save_button)
        return row

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.revert_button.clicked.connect(self._on_revert_button_clicked)
        self._connect_body()

    def form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(6)
        return form

    def add_field(self, form: QFormLayout, label: str, widget: QWidget, name: str, hint: str = "") -> QWidget:
        """A form row with the field's own message line (and an optional quiet hint) underneath."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        grows = (QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding)
        if widget.sizePolicy().horizontalPolicy() in grows:
            column.addWidget(widget)
        else:  # a narrow field (a spin box, a combo) stays narrow; its hint and message use the full width
            row = QHBoxLayout()
            row.addWidget(widget)
            row.addStretch(1)
            column.addLayout(row)
        if hint:
            column.addWidget(QLabel(hint, styleSheet=MUTED_STYLE + "; font-size: 9pt", wordWrap=True))
        self.register_message(name, column)
        form.addRow(label, box)
        return box

    def register_message(self, name: str, layout: QVBoxLayout | QHBoxLayout) -> QLabel:
        label = FieldErrors.make_label()
        layout.addWidget(label)
        self.errors.register(name, label)
        self._messages[name] = label
        return label

    # -- state -------------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self._dirty

    def _on_edited(self, *_: object) -> None:
        if not self._loading:
            self._set_dirty(True)
            self.status.clear()

    def _set_dirty(self, dirty: bool) -> None:
        changed = dirty != self._dirty
        self._dirty = dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if changed:
            self.dirty_changed.emit(dirty)

    @contextmanager
    def loading(self) -> Iterator[None]:
        """`with self.loading():` around filling the editors, so that does not count as an edit."""
        self._loading = True
        try:
            yield
        finally:
            self._loading = False

    def set_busy(self, busy: bool) -> None:
        self.setEnabled(not busy)
        if busy:
            self.status.setText(self.tr("Saving…"))

    def mark_saved(self) -> None:
        self.errors.clear()
        self._set_dirty(False)
        when = QLocale().toString(QTime.currentTime(), QLocale.FormatType.ShortFormat)
        self.status.setText(self.tr("Saved at %1.").replace("%1", when))

    def show_error(self, error: BaseException) -> None:
        """Field problems next to their fields; anything else in plain words under the section."""
        self.status.clear()
        if not self.errors.show(error):
            self.general.setText(error_text(error))
            self.general.show()
            return
        own = self.problem_texts()
        for problem in getattr(error, "problems", ()):
            label = self._messages.get(problem.field)
            if label is not None and problem.problem in own:
                label.setText(own[problem.problem])

    def clear_messages(self) -> None:
        self.errors.clear()

    def _on_save_button_clicked(self) -> None:
        self.save_requested.emit()

    def _on_revert_button_clicked(self) -> None:
        self.discard_changes()

    def discard_changes(self) -> None:
        """Back to the values last loaded or saved, with no messages and nothing unsaved."""
        self.errors.clear()
        self.revert()
        self._set_dirty(False)
        self.status.clear()
