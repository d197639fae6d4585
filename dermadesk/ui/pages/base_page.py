"""The base of every page of the main window: a title, who may see it, and a refresh when shown."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dermadesk.domain.staff import Permission
from dermadesk.ui.app_context import AppContext


class Page(QWidget):
    """Subclasses build their widgets in _setup_ui(), connect in _connect_signals(), and load their data
    (through ctx.db, never on the GUI thread) in activate()."""

    page_id = "page"
    required_permission: Permission | None = None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def title(self) -> str:
        raise NotImplementedError

    def activate(self) -> None:
        """Called each time the page comes to the front: (re)load what it shows."""
