"""Record a skin-reading session (a value per metric of the catalogue) or attach a before/after photo."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dermadesk.domain.errors import FieldProblem, invalid
from dermadesk.domain.readings import Metric, Photo, ReadingSession
from dermadesk.domain.timeline import EventKind
from dermadesk.ui.app_context import AppContext
from dermadesk.ui.charts.metric_words import concern_words
from dermadesk.ui.dialogs.base_dialog import BaseDialog
from dermadesk.ui.models.timeline_model import local_text
from dermadesk.ui.widgets.field_errors import FieldErrors

PHOTO_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}


def _when_edit(ctx: AppContext) -> QDateTimeEdit:
    edit = QDateTimeEdit(calendarPopup=True)
    edit.setDisplayFormat(QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat))
    edit.setDateTime(ctx.services.context.clock.now().astimezone().replace(tzinfo=None))
    return edit


class _SaveDialog(BaseDialog):
    """Shared by both dialogs: a general message label, Save/Cancel, and the save-failed behaviour."""

    saved = Signal(object)

    def _make_buttons(self) -> QDialogButtonBox:
        self.general = FieldErrors.make_label()
        self.errors = FieldErrors(self.general)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    def _on_saved(self, value: object) -> None:
        self.saved.emit(value)
        self.accept()

    def _on_save_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show_any(error)


class ReadingDialog(_SaveDialog):
    """ReadingDialog(ctx, patient_id): one line per active metric; empty lines are not measured."""

    def __init__(self, ctx: AppContext, patient_id: int, patient_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.patient_id = ctx, patient_id
        self.metrics: list[Metric] = []
        self.values: dict[str, QLineEdit] = {}
        self.setWindowTitle(self.tr("Add reading session") + (f" — {patient_name}" if patient_name else ""))
        self._setup_ui()
        self._connect_signals()
        ctx.db(ctx.services.readings.metrics, self._on_metrics_loaded, parent=self)

    def _setup_ui(self) -> None:
        buttons = self._make_buttons()
        self.taken_at = _when_edit(self.ctx)
        self.device = QLineEdit(placeholderText=self.tr("e.g. Skin analyser, Corneometer"))
        self.zones = QLineEdit(placeholderText=self.tr("e.g. forehead, cheeks"))
        self.note = QLineEdit()
        form = QFormLayout()
        self.taken_error = FieldErrors.make_label()
        form.addRow(self.tr("&Taken:"), self.taken_at)
        form.addRow("", self.taken_error)
        form.addRow(self.tr("&Device or method:"), self.device)
        form.addRow(self.tr("&Zones:"), self.zones)
        form.addRow(self.tr("&Note:"), self.note)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(2, 1)
        self.values_error = FieldErrors.make_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("<b>Values</b> (leave empty what was not measured)")))
        layout.addWidget(self.values_error)
        layout.addLayout(self.grid)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.save_button.setEnabled(False)
        self.errors.register("taken_at", self.taken_error)
        self.errors.register("values", self.values_error)
        self.setMinimumWidth(660)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_save_clicked)

    def _on_metrics_loaded(self, metrics: Sequence[Metric]) -> None:
        self.metrics = list(metrics)
        for row, metric in enumerate(self.metrics):
            edit = QLineEdit(objectName=metric.code)
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setFixedWidth(90)
            edit.textChanged.connect(lambda text, m=metric, e=edit: self._on_value_text_changed(m, e, text))
            caption = QLabel(f"{metric.name} ({metric.unit})")
            caption.setBuddy(edit)
            hint = QLabel(self._hint(metric))
            hint.setStyleSheet("color: #555b63")
            message = FieldErrors.make_label()
            self.errors.register(metric.code, message)
            self.grid.addWidget(caption, row * 2, 0)
            self.grid.addWidget(edit, row * 2, 1, Qt.AlignmentFlag.AlignLeft)
            self.grid.addWidget(hint, row * 2, 2)
            self.grid.addWidget(message, row * 2 + 1, 1, 1, 2)
            self.values[metric.code] = edit
        self.save_button.setEnabled(True)
        self.save_button.setDefault(True)
        if self.metrics:
            self.values[self.metrics[0].code].setFocus()

    def _hint(self, metric: Metric) -> str:
        healthy = ""
        if metric.healthy_low is not None and metric.healthy_high is not None:
            low, high = (QLocale().toString(float(v), "g", 6) for v in (metric.healthy_low, metric.healthy_high))
            healthy = self.tr("healthy %1–%2; ").replace("%1", low).replace("%2", high)
        return healthy + concern_words(metric)

    def _on_value_text_changed(self, metric: Metric, edit: QLineEdit, text: str) -> None:
        """A value on the concern side is shown red as it is typed."""
        value, ok = QLocale().toDouble(text.strip())
        edit.setStyleSheet("color: #b00020; font-weight: bold" if ok and metric.is_concern(value) else "")

    def session(self) -> tuple[ReadingSession, list[FieldProblem]]:
        values: dict[str, float] = {}
        problems = []
        for code, edit in self.values.items():
            text = edit.text().strip()
            if not text:
                continue
            value, ok = QLocale().toDouble(text)
            if not ok:
                value, ok = QLocale.c().toDouble(text)  # "12.5" typed on a keyboard whose locale uses commas
            if ok:
                values[code] = value
            else:
                problems.append(FieldProblem(code, "not_a_number"))
        zones = tuple(z.strip() for z in self.zones.text().split(",") if z.strip())
        taken = self.taken_at.dateTime().toPython().astimezone(UTC)
        session = ReadingSession(
            self.patient_id, taken, values, self.device.text().strip(), None, zones, self.note.text().strip()
        )
        return session, problems

    def _on_save_clicked(self) -> None:
        session, problems = self.session()
        if problems:
            self.errors.show(invalid(*problems))
            return
        self.errors.clear()
        self.save_button.setEnabled(False)
        services = self.ctx.services
        self.ctx.db(
            lambda: services.readings.add_session(session), self._on_saved, on_error=self._on_save_failed, parent=self
        )


@dataclass(frozen=True)
class _Targets:
    items: list[tuple[tuple[str, int], str]]  # (("event" | "session", id), label)


class PhotoDialog(_SaveDialog):
    """PhotoDialog(ctx, patient_id): a picture file, when it was taken, and the treatment or session it shows."""

    def __init__(self, ctx: AppContext, patient_id: int, patient_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.patient_id = ctx, patient_id
        self.data: bytes = b""
        self.mime_type = ""
        self.setWindowTitle(self.tr("Add photo") + (f" — {patient_name}" if patient_name else ""))
        self._setup_ui()
        self._connect_signals()
        self._load_targets()

    def _setup_ui(self) -> None:
        buttons = self._make_buttons()
        self.choose_button = QPushButton(self.tr("&Choose picture…"))
        self.file_label = QLabel(self.tr("No picture chosen"))
        self.preview = QLabel()
        self.preview.setFixedHeight(180)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("background: #1e1f22; color: #c5cad1")
        self.photo_error = FieldErrors.make_label()
        self.taken_at = _when_edit(self.ctx)
        self.target = QComboBox()
        self.target.addItem(self.tr("— not attached —"), None)
        self.caption = QLineEdit(placeholderText=self.tr("e.g. Before, 2 weeks after"))
        chooser = QHBoxLayout()
        chooser.addWidget(self.choose_button)
        chooser.addWidget(self.file_label, 1)
        form = QFormLayout()
        form.addRow(self.tr("Picture:"), chooser)
        form.addRow("", self.photo_error)
        form.addRow(self.tr("&Taken:"), self.taken_at)
        form.addRow(self.tr("&Belongs to:"), self.target)
        form.addRow(self.tr("C&aption:"), self.caption)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.errors.register("photo", self.photo_error)
        self.setMinimumWidth(520)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_save_clicked)
        self.choose_button.clicked.connect(self._on_choose_button_clicked)

    def _load_targets(self) -> None:
        services, pid = self.ctx.services, self.patient_id

        def fetch() -> _Targets:
            treatments = services.timeline.page(pid, kinds=[EventKind.TREATMENT], limit=50)
            sessions = list(reversed(services.readings.sessions(pid)))[:50]
            items = [
                (("session", s.id), self.tr("Reading session %1").replace("%1", local_text(s.taken_at)))
                for s in sessions
            ]
            items += [
                (("event", e.id), f"{local_text(e.occurred_at)} · {e.summary or self.tr('Treatment')}")
                for e in treatments
            ]
            return _Targets(items)  # type: ignore[arg-type]

        self.ctx.db(fetch, self._on_targets_loaded, parent=self)

    def _on_targets_loaded(self, targets: _Targets) -> None:
        for data, label in targets.items:
            self.target.addItem(label, data)
        if targets.items:
            self.target.setCurrentIndex(1)  # the latest session or treatment: what a photo usually belongs to

    def _on_choose_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a picture"), "", self.tr("Pictures (*.jpg *.jpeg *.png *.webp)")
        )
        if path:
            self.set_file(Path(path))

    def set_file(self, path: Path) -> None:
        """Read the picture off the GUI thread (photos can be large), then show a preview."""
        self.file_label.setText(path.name)
        self.mime_type = PHOTO_TYPES.get(path.suffix.lower(), "")
        self.ctx.compute(lambda: _read_picture(path), self._on_picture_read, on_error=self._on_save_failed, parent=self)

    def _on_picture_read(self, read: tuple[bytes, QImage]) -> None:
        self.data, image = read
        if image.isNull():
            self.preview.setText(self.tr("This file is not a picture DermaDesk can show."))
            return
        self.preview.setPixmap(QPixmap.fromImage(image))

    def _on_save_clicked(self) -> None:
        target = self.target.currentData() or ("", None)
        photo = Photo(
            self.patient_id,
            self.taken_at.dateTime().toPython().astimezone(UTC),
            self.mime_type,
            self.data,
            event_id=target[1] if target[0] == "event" else None,
            reading_session_id=target[1] if target[0] == "session" else None,
            caption=self.caption.text().strip(),
        )
        self.errors.clear()
        self.save_button.setEnabled(False)
        services = self.ctx.services
        self.ctx.db(
            lambda: services.readings.add_photo(photo), self._on_saved, on_error=self._on_save_failed, parent=self
        )


def _read_picture(path: Path) -> tuple[bytes, QImage]:
    data = path.read_bytes()
    image = QImage.fromData(data)
    if not image.isNull():
        image = image.scaledToHeight(180, Qt.TransformationMode.SmoothTransformation)
    return data, image
