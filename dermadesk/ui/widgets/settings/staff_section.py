"""Settings: staff accounts — add one with a role and password, change a role, disable, set a new password."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QWidget

from dermadesk.domain.errors import FieldProblem, require_valid
from dermadesk.domain.staff import Role, StaffUser
from dermadesk.ui.i18n import WORDS
from dermadesk.ui.widgets.settings.list_section import ListSection

ROLE_NAMES = {
    Role.RECEPTIONIST: QT_TR_NOOP("Receptionist"),
    Role.PRACTITIONER: QT_TR_NOOP("Practitioner"),
    Role.OWNER: QT_TR_NOOP("Owner"),
}


def role_name(role: Role) -> str:
    return QCoreApplication.translate(WORDS, ROLE_NAMES[role])


class StaffSection(ListSection):
    """pending() gives (account, new password or None): services.staff.add for a new account, update otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._me: int | None = None
        super().__init__(parent)

    def title(self) -> str:
        return self.tr("Staff accounts")

    def description(self) -> str:
        return self.tr(
            "Everyone signs in with their own account. Receptionists see patients and log contacts; "
            "practitioners also record treatments and readings; owners also change settings and run reports. "
            "Disable the account of someone who has left: their name stays on what they recorded."
        )

    def columns(self) -> list[str]:
        return [self.tr("Name"), self.tr("User name"), self.tr("Role"), self.tr("Status")]

    def new_text(self) -> str:
        return self.tr("&New account")

    def set_current_user(self, user_id: int | None) -> None:
        self._me = user_id

    def row_texts(self, record: StaffUser) -> list[str]:
        name = record.display_name + (self.tr(" (you)") if record.id == self._me else "")
        status = self.tr("Active") if record.active else self.tr("Disabled")
        return [name, record.username, role_name(record.role), status]

    # -- the form ----------------------------------------------------------------------------
    def _setup_form(self, form: QFormLayout) -> None:
        self.display_name = QLineEdit(objectName="displayName", maxLength=120)
        self.username = QLineEdit(objectName="username", maxLength=64)
        self.role = QComboBox(objectName="role")
        for role in Role:
            self.role.addItem(role_name(role), role)
        self.active = QCheckBox(self.tr("Active (can sign in)"), objectName="active")
        self.password = QLineEdit(objectName="password", echoMode=QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit(objectName="passwordAgain", echoMode=QLineEdit.EchoMode.Password)
        self.add_field(form, self.tr("&Name"), self.display_name, "display_name")
        self.add_field(form, self.tr("&User name"), self.username, "username")
        self.add_field(form, self.tr("&Role"), self.role, "role")
        self.add_field(form, "", self.active, "active")
        self.password_label = form.labelForField(self.add_field(form, self.tr("&Password"), self.password, "password"))
        self.add_field(form, self.tr("Password &again"), self.password_again, "password_again")

    def _connect_body(self) -> None:
        for edit in (self.display_name, self.username, self.password, self.password_again):
            edit.textEdited.connect(self._on_edited)
        self.role.currentIndexChanged.connect(self._on_edited)
        self.active.toggled.connect(self._on_edited)

    def first_field(self) -> QWidget:
        return self.display_name

    def fill_form(self, record: StaffUser | None) -> None:
        self.display_name.setText(record.display_name if record else "")
        self.username.setText(record.username if record else "")
        self.username.setEnabled(record is None)  # a user name is kept for good: the audit log names it
        self.password_label.setText(self.tr("New &password") if record else self.tr("&Password"))
        self.role.setCurrentIndex(self.role.findData(record.role if record else Role.RECEPTIONIST))
        self.active.setChecked(record.active if record else True)
        self.password.clear()
        self.password_again.clear()
        for edit in (self.password, self.password_again):
            edit.setPlaceholderText(self.tr("Leave empty to keep the current password") if record else "")

    def pending(self) -> tuple[StaffUser, str | None]:
        password = self.password.text()
        if password != self.password_again.text():
            require_valid([FieldProblem("password_again", "differs")])
        current = self.current()
        if current is None and not password:
            require_valid([FieldProblem("password", "required")])
        fields = {
            "display_name": self.display_name.text().strip(),
            "role": Role(self.role.currentData()),  # the combo hands back a plain str
            "active": self.active.isChecked(),
        }
        if current is not None:
            return dataclasses.replace(current, **fields), password or None
        return StaffUser(username=self.username.text().strip(), **fields), password

    def problem_texts(self) -> dict[str, str]:
        return {"differs": self.tr("The two passwords differ.")}
