"""Showing a service's field problems next to the fields they concern, in plain words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.messages import PROBLEMS
from dermadesk.ui.i18n import WORDS
from dermadesk.ui.messages import error_text


def problem_text(problem: str) -> str:
    return QCoreApplication.translate(WORDS, PROBLEMS.get(problem, problem)).capitalize() + "."


class FieldErrors:
    """Maps field names to the small red labels under them; unknown fields go to a general label."""

    def __init__(self, general: QLabel) -> None:
        self._labels: dict[str, QLabel] = {}
        self._general = general

    @staticmethod
    def make_label(parent: QWidget | None = None) -> QLabel:
        label = QLabel(parent)
        label.setStyleSheet("color: #b00020; font-size: 9pt")
        label.setWordWrap(True)
        label.hide()
        return label

    def register(self, field: str, label: QLabel) -> None:
        self._labels[field] = label

    def clear(self) -> None:
        for label in [*self._labels.values(), self._general]:
            label.clear()
            label.hide()

    def show(self, error: BaseException) -> bool:
        """Show a validation error field by field; False if it is not one (the caller shows it otherwise)."""
        self.clear()
        if not isinstance(error, DermaDeskError) or error.code is not ErrorCode.INVALID_FIELD:
            return False
        leftovers = []
        for p in error.problems:
            label = self._labels.get(p.field)
            if label is None:
                leftovers.append(f"{p.field.replace('_', ' ')}: {problem_text(p.problem)}")
                continue
            label.setText(problem_text(p.problem))
            label.show()
        if leftovers:
            self._general.setText("\n".join(leftovers))
            self._general.show()
        return True

    def show_any(self, error: BaseException) -> None:
        """Field problems under their fields; any other failure in plain words in the general label."""
        if not self.show(error):
            self._general.setText(error_text(error))
            self._general.show()
