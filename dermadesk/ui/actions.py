"""The main window's actions, made by factories: text, shortcut and what they do, in one table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton, QWidget


@dataclass(frozen=True)
class ActionSpec:
    action_id: str
    text: str
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None
    handler: Callable[[], None]
    menu: str  # "file", "patient" or "go"


def make_action(spec: ActionSpec, parent: QWidget) -> QAction:
    action = QAction(spec.text, parent)
    action.setObjectName(spec.action_id)
    if spec.shortcut is not None:
        action.setShortcut(QKeySequence(spec.shortcut))
    action.triggered.connect(spec.handler)
    return action


def page_action(page: QWidget, text: str, key: QKeySequence.StandardKey | str | None, tip: str) -> QAction:
    """An action of one page: its shortcut works only while the page has focus, and the tooltip names it."""
    action = QAction(text, page)
    if key is not None:
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        tip = f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
    action.setToolTip(tip)
    page.addAction(action)
    return action


def action_button(action: QAction) -> QToolButton:
    button = QToolButton()
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button
