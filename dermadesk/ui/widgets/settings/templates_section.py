"""After-care templates: the clinic's own wording of each treatment's advice, in each language."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QMessageBox, QPlainTextEdit, QPushButton, QVBoxLayout

from dermadesk.services.packets import TemplateText
from dermadesk.ui.widgets.settings.section import SettingsSection

LANGUAGE_NAMES = {"en": QT_TR_NOOP("English"), "zh_CN": QT_TR_NOOP("简体中文")}


class TemplatesSection(SettingsSection):
    fills_height = True
    max_content_width = 980

    def title(self) -> str:
        return self.tr("After-care templates")

    def description(self) -> str:
        return self.tr(
            "The advice printed after each treatment. Placeholders such as {patient}, {treatment}, "
            "{date}, {practitioner}, {clinic_phone}, {emergency_phone} and {follow_up_date} are filled "
            "in when a packet is printed. Have a clinician check any change."
        )

    def _setup_body(self, layout: QVBoxLayout) -> None:
        self._texts: dict[tuple[str, str], TemplateText] = {}
        self._shown: tuple[str, str] | None = None
        pickers = QHBoxLayout()
        self.template_box = QComboBox()
        self.language_box = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language_box.addItem(name, code)
        self.default_button = QPushButton(self.tr("Restore the &default"))
        for widget in (self.template_box, self.language_box, self.default_button):
            pickers.addWidget(widget)
        pickers.addStretch(1)
        layout.addLayout(pickers)
        self.editor = QPlainTextEdit()
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setMinimumHeight(360)
        layout.addWidget(self.editor, 1)
        self.register_message("template", layout)

    def _connect_body(self) -> None:
        self.template_box.currentIndexChanged.connect(self._on_picker_changed)
        self.language_box.currentIndexChanged.connect(self._on_picker_changed)
        self.default_button.clicked.connect(self._on_default_button_clicked)
        self.editor.textChanged.connect(self._on_edited)

    def load(self, texts: list[TemplateText]) -> None:
        self._texts = {(t.code, t.language): t for t in texts}
        with self.loading():
            current = self.template_box.currentData()
            self.template_box.clear()
            for code in dict.fromkeys(t.code for t in texts):
                self.template_box.addItem(code.replace("_", " ").capitalize(), code)
            self.template_box.setCurrentIndex(max(self.template_box.findData(current), 0))
        self._show()

    def _key(self) -> tuple[str, str]:
        return self.template_box.currentData(), self.language_box.currentData()

    def _show(self) -> None:
        self._shown = self._key()
        with self.loading():
            text = self._texts.get(self._shown)
            self.editor.setPlainText(text.text if text else "")

    def _on_picker_changed(self, _index: int) -> None:
        """One template at a time: moving to another asks before an unsaved edit is dropped."""
        if self._shown is not None and self.is_dirty() and self._shown != self._key():
            answer = QMessageBox.question(
                self, self.tr("Unsaved template"), self.tr("Drop the changes to the template you were editing?")
            )
            if answer != QMessageBox.StandardButton.Yes:
                with self.loading():  # back to the template being edited, its text untouched
                    self.template_box.setCurrentIndex(self.template_box.findData(self._shown[0]))
                    self.language_box.setCurrentIndex(self.language_box.findData(self._shown[1]))
                return
            self.mark_saved()
        self._show()

    def _on_default_button_clicked(self) -> None:
        text = self._texts.get(self._key())
        if text is not None:
            self.editor.setPlainText(text.default)

    def pending(self) -> tuple[str, str, str]:
        code, language = self._key()
        return code, language, self.editor.toPlainText()

    def revert(self) -> None:
        self._show()
        self.mark_saved()

    def saved(self, result: object) -> None:
        code, language, text = self.pending()
        old = self._texts[(code, language)]
        self._texts[(code, language)] = TemplateText(code, language, text, old.default, True)
        self.mark_saved()
