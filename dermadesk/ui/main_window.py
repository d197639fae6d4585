"""The main window: thin — pages from the registry, actions from specs, state kept in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from dermadesk.ui import i18n
from dermadesk.ui.actions import ActionSpec, make_action
from dermadesk.ui.app_context import AppContext
from dermadesk.ui.dialogs.import_dialog import ImportDialog
from dermadesk.ui.pages.base_page import Page
from dermadesk.ui.pages.patient_profile_page import PatientProfilePage
from dermadesk.ui.pages.registry import NAVIGATION


class MainWindow(QMainWindow):
    closing = Signal()
    lock_requested = Signal()
    sign_out_requested = Signal()
    language_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: AppContext | None = None
        self.pages: list[Page] = []
        self.profile: PatientProfilePage | None = None
        self._setup_ui()
        self._restore_state()

    # -- building ----------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.setWindowTitle("DermaDesk")
        self.status_label = QLabel()
        self.backup_label = QLabel(objectName="backup_status")
        self.statusBar().addPermanentWidget(self.backup_label)
        self.statusBar().addPermanentWidget(self.status_label)
        self.banner = QLabel(objectName="damage_banner", wordWrap=True)
        self.banner.setStyleSheet("background: #8b1a1a; color: white; padding: 8px; font-weight: bold")
        self.banner.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.backup_label.setContentsMargins(0, 0, 16, 0)
        self.banner_bar = QToolBar(objectName="banner_bar", movable=False, floatable=False)
        self.banner_bar.addWidget(self.banner)
        self.banner_bar.setVisible(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.banner_bar)
        self.resize(1280, 800)

    def show_pages(self, ctx: AppContext) -> None:
        """Build every page the signed-in user may see (after sign-in, and again after unlocking)."""
        self.ctx = ctx
        self.nav = QListWidget(objectName="navigation")
        self.nav.setFixedWidth(170)
        self.stack = QStackedWidget()
        self.pages = [
            cls(ctx) for cls in NAVIGATION if cls.required_permission is None or ctx.may(cls.required_permission)
        ]
        for page in self.pages:
            self.stack.addWidget(page)
            QListWidgetItem(page.title(), self.nav).setData(Qt.ItemDataRole.UserRole, page.page_id)
        self.profile = PatientProfilePage(ctx)
        self.stack.addWidget(self.profile)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self._make_menus()
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        ctx.signals.patient_open_requested.connect(self.open_patient)
        ctx.signals.language_requested.connect(self.set_language)
        self.nav.setCurrentRow(0)

    def clear_pages(self) -> None:
        """Drop every page and its data from the widget tree (lock, sign-out)."""
        self.menuBar().clear()
        for action in self.actions():
            self.removeAction(action)
        old = self.takeCentralWidget()
        if old is not None:
            old.deleteLater()
        self.pages, self.profile, self.ctx = [], None, None

    def _make_menus(self) -> None:
        specs = [
            ActionSpec(
                "find_patient",
                self.tr("&Find patient"),
                QKeySequence.StandardKey.Find,
                self._on_find_triggered,
                "patient",
            ),
            ActionSpec(
                "new_patient",
                self.tr("&New patient…"),
                QKeySequence.StandardKey.New,
                self._on_new_patient_triggered,
                "patient",
            ),
            ActionSpec("import_csv", self.tr("&Import from CSV…"), None, self._on_import_triggered, "file"),
            ActionSpec("lock", self.tr("&Lock screen"), "Ctrl+L", self.lock_requested.emit, "file"),
            ActionSpec("sign_out", self.tr("Sign &out"), "Ctrl+Shift+L", self.sign_out_requested.emit, "file"),
            ActionSpec("quit", self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close, "file"),
        ]
        specs += [
            ActionSpec(f"go_{page.page_id}", page.title(), f"Ctrl+{i}", lambda i=i: self.show_page(i - 1), "go")
            for i, page in enumerate(self.pages, start=1)
        ]
        menus = {
            "file": self.menuBar().addMenu(self.tr("&File")),
            "patient": self.menuBar().addMenu(self.tr("&Patient")),
            "go": self.menuBar().addMenu(self.tr("&Go")),
        }
        for spec in specs:
            action = make_action(spec, self)
            menus[spec.menu].addAction(action)
            self.addAction(action)
        self._make_language_menu(menus["file"])

    def _make_language_menu(self, file_menu) -> None:  # type: ignore[no-untyped-def]
        """Per workstation, for every role: each language named in itself, the current one ticked."""
        menu = file_menu.addMenu(self.tr("&Language"))
        file_menu.insertMenu(file_menu.actions()[0], menu)
        group = QActionGroup(menu)
        for code, name in i18n.LANGUAGES.items():
            action = menu.addAction(name)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == i18n.current_language())
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(action)

    # -- language ----------------------------------------------------------------------------
    def set_language(self, code: str) -> bool:
        """Switch the workstation's language now: the menus, the navigation and every page are rebuilt in
        it (pages reload their data, the open patient stays open). False if the user kept unsaved settings."""
        if not all(getattr(page, "may_leave", lambda: True)() for page in self.pages):
            return False
        i18n.choose_language(code)
        self.retranslate()
        self.language_changed.emit(i18n.current_language())
        return True

    def retranslate(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        row = self.nav.currentRow()
        patient_id = getattr(self.profile, "patient_id", None) if self.stack.currentWidget() is self.profile else None
        ctx.signals.patient_open_requested.disconnect(self.open_patient)
        ctx.signals.language_requested.disconnect(self.set_language)
        self.clear_pages()
        self.show_pages(ctx)
        if patient_id is not None:
            self.open_patient(patient_id)
        elif row > 0:
            self.show_page(row)

    # -- navigation --------------------------------------------------------------------------
    def show_page(self, index: int) -> None:
        if 0 <= index < len(self.pages):
            self.nav.setCurrentRow(index)

    def page(self, page_id: str) -> Page | None:
        return next((p for p in [*self.pages, self.profile] if p is not None and p.page_id == page_id), None)

    def open_patient(self, patient_id: int) -> None:
        if self.profile is None:
            return
        self.nav.clearSelection()
        self.profile.show_patient(patient_id)  # type: ignore[attr-defined]
        self.stack.setCurrentWidget(self.profile)

    def _on_nav_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.stack.setCurrentWidget(self.pages[row])
            self.pages[row].activate()

    def _on_find_triggered(self) -> None:
        self.show_page(0)
        focus = getattr(self.pages[0], "focus_search", None) if self.pages else None
        if focus:
            focus()

    def _on_new_patient_triggered(self) -> None:
        if self.ctx:
            self.show_page(0)
            self.ctx.signals.new_patient_requested.emit()

    def _on_import_triggered(self) -> None:
        if self.ctx:
            self.import_dialog = ImportDialog(self.ctx, parent=self)
            self.import_dialog.open()

    # -- status and state --------------------------------------------------------------------
    def show_status(self, text: str) -> None:
        self.status_label.setText(text)

    def show_banner(self, text: str) -> None:
        """A red line above every page (a damaged database open read-only); it stays until the app closes."""
        self.banner.setText(text)
        self.banner_bar.setVisible(True)

    def show_backup_status(self, text: str) -> None:
        self.backup_label.setText(text)

    def bring_forward(self) -> None:
        """Another start asked for this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

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
