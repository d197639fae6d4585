"""The main window: thin — pages from a list, actions from factories, state persisted."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from dermadesk.ui.pages.overview_page import OverviewPage
from dermadesk.ui.tasks import TaskRunner


class MainWindow(QMainWindow):
    closing = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._setup_ui()
        self._restore_state()

    def _setup_ui(self) -> None:
        self.setWindowTitle("DermaDesk")
        self.pages = QStackedWidget()
        self.overview = OverviewPage()
        self.pages.addWidget(self.overview)
        self.setCentralWidget(self.pages)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self.resize(1100, 720)

    def show_clinic(self, clinic: str, patients: int, cipher_version: str, path: str) -> None:
        self.setWindowTitle(f"{clinic} — DermaDesk")
        self.overview.show_status(clinic, patients, cipher_version, path)
        self.status_label.setText(
            self.tr("encrypted (SQLCipher %1)").replace("%1", cipher_version.split(maxsplit=1)[0])
        )

    def show_error(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("DermaDesk"), text)

    def _restore_state(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 — Qt's name
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        self.closing.emit()
        super().closeEvent(event)
