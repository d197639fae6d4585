"""Error codes and failures in plain words, with what to do next."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dermadesk.domain.errors import DermaDeskError
from dermadesk.domain.messages import describe
from dermadesk.ui.i18n import WORDS


def _tr(text: str) -> str:
    return QCoreApplication.translate(WORDS, text)


def error_text(error: BaseException) -> str:
    """The error in the UI's language: each template is translated before its details go in."""
    if isinstance(error, DermaDeskError):
        return describe(error, _tr)
    return _tr(
        "Something went wrong ({kind}). Nothing was saved. Please try again; if it happens again, "
        "tell the clinic owner."
    ).format(kind=type(error).__name__)
