"""The main window's actions, made by factories: text, shortcut and what they do, in one table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


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
