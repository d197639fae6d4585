"""Import from another system's CSV: pick a file, see its first rows, match columns, check, then import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dermadesk.domain.import_columns import COLUMNS, ImportKind
from dermadesk.domain.import_values import DateFormat
from dermadesk.domain.messages import PROBLEMS
from dermadesk.services.import_report import ImportReport, RowOutcome
from dermadesk.services.import_report_csv import report_csv
from dermadesk.services.importing import ImportOptions, ImportPreview
from dermadesk.ui.app_context import AppContext
from dermadesk.ui.dialogs.base_dialog import BaseDialog
from dermadesk.ui.messages import error_text

NOT_IMPORTED = -1


class ImportDialog(BaseDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview: ImportPreview | None = None
        self.report: ImportReport | None = None
        self.mapping_boxes: dict[str, QComboBox] = {}
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.setWindowTitle(self.tr("Import from CSV"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Patients"), ImportKind.PATIENTS)
        self.kind.addItem(
            self.tr("History (treatments, purchases, payments, calls, messages, notes, surveys)"), ImportKind.HISTORY
        )
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.choose = QPushButton(self.tr("&Choose file…"))
        self.date_format = QComboBox()
        for fmt, text in (
            (DateFormat.AUTO, self.tr("Refuse dates that could be either (03/04/2021)")),
            (DateFormat.DMY, self.tr("Day first: 03/04/2021 is 3 April")),
            (DateFormat.MDY, self.tr("Month first: 03/04/2021 is March 4")),
        ):
            self.date_format.addItem(text, fmt)
        top = QFormLayout()
        top.addRow(self.tr("&What:"), self.kind)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.choose)
        top.addRow(self.tr("File:"), row)
        top.addRow(self.tr("&Dates:"), self.date_format)
        self.file_info = QLabel()
        self.preview_table = QTableWidget()
        self.mapping_form = QFormLayout()
        mapping_widget = QWidget()
        mapping_widget.setLayout(self.mapping_form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(mapping_widget)
        self.report_table = QTableWidget(0, 4)
        self.report_table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Outcome"), self.tr("Column"), self.tr("Problem")]
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.report_table.horizontalHeader().setStretchLastSection(True)
        self.report_table.verticalHeader().setVisible(False)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(self.preview_table)
        splitter.setSizes([360, 600])  # room for the column names and their matches
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.check_button = self.buttons.addButton(self.tr("&Check"), QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_report_button = self.buttons.addButton(
            self.tr("&Save report…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        for button in (self.check_button, self.import_button, self.save_report_button):
            button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.file_info)
        layout.addWidget(splitter, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.report_table, 1)
        layout.addWidget(self.buttons)
        self.resize(960, 680)

    def _connect_signals(self) -> None:
        self.choose.clicked.connect(self._on_choose_clicked)
        self.kind.currentIndexChanged.connect(self._on_settings_changed)
        self.date_format.currentIndexChanged.connect(self._forget_check)
        self.check_button.clicked.connect(self._on_check_clicked)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.save_report_button.clicked.connect(self._on_save_report_clicked)
        self.buttons.rejected.connect(self.reject)

    # -- the file and its preview ---------------------------------------------------------------
    def open_file(self, path: Path) -> None:
        self.path.setText(str(path))
        self._on_settings_changed()

    def _on_choose_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a CSV file"), "", self.tr("CSV (*.csv *.txt)"))
        if name:
            self.open_file(Path(name))

    def _on_settings_changed(self) -> None:
        self._forget_check()
        if not self.path.text():
            return
        kind, path = self._kind(), Path(self.path.text())
        self.ctx.db(
            lambda: self.ctx.services.imports.preview(kind, path),
            self._show_preview,
            on_error=self._show_error,
            parent=self,
        )

    def _show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.file_info.setText(
            self.tr("{rows} rows · {encoding} · separated by '{delimiter}'").format(
                rows=preview.row_count, encoding=preview.encoding, delimiter=preview.delimiter.replace("\t", "tab")
            )
        )
        self.preview_table.setColumnCount(len(preview.headers))
        self.preview_table.setHorizontalHeaderLabels(preview.headers)
        self.preview_table.setRowCount(len(preview.first_rows))
        for r, cells in enumerate(preview.first_rows):
            for c, cell in enumerate(cells[: len(preview.headers)]):
                self.preview_table.setItem(r, c, QTableWidgetItem(cell[:200]))
        self._fill_mapping(preview)
        self.check_button.setEnabled(True)

    def _fill_mapping(self, preview: ImportPreview) -> None:
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self.mapping_boxes = {}
        for column in COLUMNS[self._kind()]:
            box = QComboBox()
            box.addItem(self.tr("— not imported —"), NOT_IMPORTED)
            for position, header in enumerate(preview.headers):
                box.addItem(header, position)
            box.setCurrentIndex(box.findData(preview.mapping.get(column.name, NOT_IMPORTED)))
            box.currentIndexChanged.connect(self._forget_check)
            self.mapping_boxes[column.name] = box
            self.mapping_form.addRow(column.name.replace("_", " "), box)

    # -- check and import -------------------------------------------------------------------------
    def options(self) -> ImportOptions:
        mapping = {
            name: box.currentData() for name, box in self.mapping_boxes.items() if box.currentData() != NOT_IMPORTED
        }
        return ImportOptions(DateFormat(self.date_format.currentData()), mapping)

    def _on_check_clicked(self) -> None:
        kind, path, options = self._kind(), Path(self.path.text()), self.options()
        self.ctx.db(
            lambda progress: self.ctx.services.imports.check(kind, path, options, progress),
            self._show_report,
            on_error=self._show_error,
            progress=self.tr("Checking the file…"),
            parent=self,
        )

    def _on_import_clicked(self) -> None:
        kind, path, options = self._kind(), Path(self.path.text()), self.options()
        self.import_button.setEnabled(False)
        self.ctx.db(
            lambda progress: self.ctx.services.imports.run(kind, path, options, progress),
            self._on_imported,
            on_error=self._show_error,
            progress=self.tr("Importing…"),
            parent=self,
        )

    def _show_report(self, report: ImportReport) -> None:
        self.report = report
        lines = [(1, self.tr("file"), report.column_header(p.field), p.problem) for p in report.file_problems]
        for r in report.rows:
            outcome = self._outcome_text(r.outcome, r.same_as_row)
            lines += [(r.row, outcome, report.column_header(p.field), p.problem) for p in r.problems] or [
                (r.row, outcome, "", "")
            ]
        self.report_table.setRowCount(len(lines))
        for i, (row, outcome, column, problem) in enumerate(lines):
            words = self.tr(PROBLEMS.get(problem, problem)) if problem else ""
            for c, text in enumerate((str(row), outcome, column, words)):
                self.report_table.setItem(i, c, QTableWidgetItem(text))
        counts = {o: report.count(o) for o in RowOutcome}
        self.summary.setText(
            self.tr(
                "{new} new, {existing} already present, {repeated} repeated in the file, {errors} with errors."
            ).format(
                new=counts[RowOutcome.NEW],
                existing=counts[RowOutcome.EXISTING],
                repeated=counts[RowOutcome.REPEATED],
                errors=counts[RowOutcome.ERROR] + len(report.file_problems),
            )
            + " "
            + (
                self.tr("Ready to import.")
                if report.ok
                else self.tr("Correct the rows listed; a file imports all or nothing.")
            )
        )
        self.import_button.setEnabled(report.ok and not report.imported)
        self.save_report_button.setEnabled(True)

    def _on_imported(self, report: ImportReport) -> None:
        self._show_report(report)
        if report.imported:
            self.summary.setText(self.tr("Imported: {created} created.").format(created=report.created))
            self.ctx.signals.patient_changed.emit(-1)

    def _outcome_text(self, outcome: RowOutcome, same_as: int | None) -> str:
        return {
            RowOutcome.NEW: self.tr("new"),
            RowOutcome.EXISTING: self.tr("already present"),
            RowOutcome.REPEATED: self.tr("same as row {row}").format(row=same_as),
            RowOutcome.ERROR: self.tr("error"),
        }[outcome]

    def _on_save_report_clicked(self) -> None:
        report = self.report
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), "import-report.csv", self.tr("CSV (*.csv)")
        )
        if report is None or not name:
            return

        def save() -> str:
            Path(name).write_text(report_csv(report), encoding="utf-8-sig")
            return name

        self.ctx.compute(
            save,
            lambda saved: self.summary.setText(self.tr("Report saved to {path}.").format(path=saved)),
            on_error=self._show_error,
            parent=self,
        )

    def _forget_check(self) -> None:
        self.report = None
        self.import_button.setEnabled(False)
        self.save_report_button.setEnabled(False)

    def _show_error(self, error: BaseException) -> None:
        self.summary.setText(error_text(error))

    def _kind(self) -> ImportKind:
        return ImportKind(self.kind.currentData())
