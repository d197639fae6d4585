"""No user-visible string in the UI bypasses the translator: a string literal (or an f-string with words in
it) passed straight to a widget's text, title, tooltip, placeholder, item or message box is a bug, since it
would stay English in Chinese. Markup, numbers, symbols and the product's name are not words to translate."""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "dermadesk" / "ui"

# Methods whose string arguments a user reads.
TEXT_METHODS = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis", "setPlaceholderText", "setTitle",
    "addAction", "addMenu", "addItem", "addItems", "insertItem", "addTab", "insertTab", "setTabText",
    "setTabToolTip", "addRow", "setLabelText", "setSuffix", "setPrefix", "setSpecialValueText", "showMessage",
    "setHeaderLabels", "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "setInformativeText",
    "setDetailedText", "setAccessibleName", "setButtonText", "addButton", "setItemText", "setHtml",
    "setPlainText", "show_status",
}  # fmt: skip
# Widgets whose constructor's string arguments a user reads.
TEXT_WIDGETS = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton", "QMenu",
    "QTableWidgetItem", "QListWidgetItem", "QTreeWidgetItem", "QMessageBox",
}  # fmt: skip
MESSAGE_BOXES = {"warning", "information", "critical", "question", "about"}
TEXT_KEYWORDS = {"text", "title", "toolTip", "placeholderText", "windowTitle", "statusTip", "caption"}
PROPER_NAMES = ("DermaDesk", "SQLCipher", "PDF", "CSV", "NPS", "CSAT", "Ctrl")
TAG = re.compile(r"<[^>]*>|&[a-z]+;")


def words_in(node: ast.AST) -> str:
    """The letters a user would read in a literal (markup and proper names left out)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        parts = [node.value]
    elif isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    elif isinstance(node, (ast.List, ast.Tuple)):
        return "".join(words_in(element) for element in node.elts)
    else:
        return ""
    text = TAG.sub(" ", " ".join(parts))
    for name in PROPER_NAMES:
        text = text.replace(name, " ")
    return "".join(ch for ch in text if ch.isalpha())


def called_name(call: ast.Call) -> tuple[str | None, str | None]:
    """(method or function name, the name of what it is called on)."""
    func = call.func
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else None
        return func.attr, owner
    if isinstance(func, ast.Name):
        return func.id, None
    return None, None


def offenders(root: Path = UI) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name, owner = called_name(node)
            shown = (
                name in TEXT_METHODS
                or name in TEXT_WIDGETS
                or (owner in ("QMessageBox", "QInputDialog") and name is not None)
            )
            arguments = list(node.args) if shown else []
            arguments += [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS]
            for argument in arguments:
                if words_in(argument):
                    where = path.relative_to(root.parents[1])
                    found.append(f"{where}:{node.lineno}: {name}({ast.unparse(argument)[:80]})")
    return found


def test_the_scanner_catches_a_literal_and_lets_translated_text_through(tmp_path: Path) -> None:
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "page.py").write_text(
        "label = QLabel('Patients')\n"
        "button.setToolTip(f'Open {name} now')\n"
        "QMessageBox.warning(self, self.tr('Careful'), 'Really?')\n"
        "title.setText(f'<b>{escape(name)}</b>')\n"
        "self.setWindowTitle(self.tr('Settings'))\n"
        "box.addItem(word(text), code)\n"
        "window.setWindowTitle(f'{clinic} — DermaDesk')\n"
        "edit = QLineEdit(placeholderText='e.g. Wang Fang')\n",
        encoding="utf-8",
    )
    lines = [line.split(": ", 1)[1] for line in offenders(tmp_path / "ui")]
    assert lines == [
        "QLabel('Patients')",
        "setToolTip(f'Open {name} now')",
        "warning('Really?')",
        "QLineEdit('e.g. Wang Fang')",
    ]


def test_no_string_in_the_ui_bypasses_tr() -> None:
    found = offenders()
    assert not found, "Wrap these in self.tr() (or QCoreApplication.translate):\n" + "\n".join(found)
