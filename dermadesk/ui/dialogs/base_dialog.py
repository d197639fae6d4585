"""The base of every dialog: keeps its size and place between uses (QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QWidget


class BaseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._restore_geometry()

    def _settings_key(self) -> str:
        return f"dialogs/{type(self).__name__}/geometry"

    def _restore_geometry(self) -> None:
        geometry = QSettings().value(self._settings_key())
        if geometry is not None:
            self.restoreGeometry(geometry)

    def _save_geometry(self) -> None:
        QSettings().setValue(self._settings_key(), self.saveGeometry())

    def done(self, result: int) -> None:
        self._save_geometry()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 — Qt's name
        self._save_geometry()
        super().closeEvent(event)
