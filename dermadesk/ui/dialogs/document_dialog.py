"""A document ready to print: pick the language, preview and print, or save as PDF; printing is recorded."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QWidget

from dermadesk.ui import i18n
from dermadesk.ui.app_context import AppContext
from dermadesk.ui.dialogs.base_dialog import BaseDialog
from dermadesk.ui.messages import error_text
from dermadesk.ui.printing import preview, save_pdf


class DocumentDialog(BaseDialog):
    """`build(language)` runs on the database thread and returns an object with a `.pdf` (or the PDF bytes);
    `language` None means the patient's own (offered only `for_patient`; a report starts in the UI's language);
    `record(result, how)` runs there too once the user printed ("printed") or saved ("saved as PDF")."""

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        file_name: str,
        build: Callable[[str | None], Any],
        record: Callable[[Any, str], None] | None = None,
        language: str | None = None,
        parent: QWidget | None = None,
        for_patient: bool = True,
    ) -> None:
        super().__init__(parent)
        self._for_patient = for_patient
        self.ctx, self._title, self._file_name = ctx, title, file_name
        self._build, self._record, self._language = build, record, language
        self._result: Any = None
        self._setup_ui()
        self._connect_signals()
        self._rebuild()

    def _setup_ui(self) -> None:
        self.setWindowTitle(self._title)
        layout = QFormLayout(self)
        self.language_box = QComboBox()
        if self._for_patient:  # a packet defaults to the patient's preferred language
            self.language_box.addItem(self.tr("The patient's own language"), None)
        for code, name in i18n.LANGUAGES.items():
            self.language_box.addItem(name, code)
        if self._language:
            self.language_box.setCurrentIndex(max(self.language_box.findData(self._language), 0))
        layout.addRow(self.tr("Language"), self.language_box)
        self.status = QLabel(self.tr("Preparing the document…"))
        self.status.setWordWrap(True)
        layout.addRow(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.preview_button = QPushButton(self.tr("Print &preview…"))
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        for button in (self.preview_button, self.save_button):
            button.setEnabled(False)
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.setDefault(True)
        layout.addRow(self.buttons)

    def _connect_signals(self) -> None:
        self.buttons.rejected.connect(self.reject)
        self.language_box.currentIndexChanged.connect(self._on_language_box_current_index_changed)
        self.preview_button.clicked.connect(self._on_preview_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)

    def _rebuild(self) -> None:
        for button in (self.preview_button, self.save_button):
            button.setEnabled(False)
        language = self.language_box.currentData()
        self.ctx.db(lambda: self._build(language), self._on_built, on_error=self._on_failed, parent=self)

    def _on_built(self, result: Any) -> None:
        self._result = result
        self.status.setText(self.tr("Ready: %n page(s) of PDF.", "", max(self.pdf().count(b"/Type /Page") - 1, 1)))
        for button in (self.preview_button, self.save_button):
            button.setEnabled(True)

    def _on_failed(self, error: BaseException) -> None:
        self.status.setText(error_text(error))

    def pdf(self) -> bytes:
        return self._result if isinstance(self._result, bytes) else self._result.pdf

    def _on_language_box_current_index_changed(self, _index: int) -> None:
        self._rebuild()

    def _on_preview_button_clicked(self) -> None:
        preview(self.ctx, self, [self.pdf()], self._title, on_printed=lambda: self._done("printed"))

    def _on_save_button_clicked(self) -> None:
        save_pdf(self, self.pdf(), self._file_name, on_saved=lambda: self._done("saved as PDF"))

    def _done(self, how: str) -> None:
        if self._record is None:
            return
        result, record = self._result, self._record
        self.ctx.db(
            lambda: record(result, how),
            lambda _: self.status.setText(self.tr("Recorded on the patient's timeline.")),
            parent=self,
        )
