"""Error codes and failures in plain words, with what to do next."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dermadesk.domain.errors import DermaDeskError
from dermadesk.domain.messages import describe


def error_text(error: BaseException) -> str:
    if isinstance(error, DermaDeskError):
        return QCoreApplication.translate("messages", describe(error))
    return QCoreApplication.translate(
        "messages",
        "Something went wrong ({kind}). Nothing was saved. Please try again; if it happens again, "
        "tell the clinic owner.",
    ).format(kind=type(error).__name__)
