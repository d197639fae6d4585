"""Before/after photos: thumbnails with what each belongs to, and any two compared side by side."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dermadesk.domain.readings import Photo
from dermadesk.ui.models.timeline_model import local_text

THUMB = 150


class _ScaledImage(QLabel):
    """An image that fits its box, keeping its proportions, rescaled when the box changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = QImage()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(200, 200)
        self.setStyleSheet("background: #1e1f22; color: #c5cad1")

    def set_image(self, image: QImage | None, empty_text: str = "") -> None:
        self._image = image if image is not None else QImage()
        self.setText("" if image else empty_text)
        self._rescale()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 — Qt's name
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self._image.isNull():
            self.setPixmap(QPixmap())
            return
        scaled = self._image.scaled(
            self.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self.setPixmap(QPixmap.fromImage(scaled))


class PhotosPanel(QWidget):
    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._previews: dict[int, QImage] = {}
        self._captions: dict[int, str] = {}
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.add_button = QPushButton(self.tr("Add &photo…"))
        self.hint = QLabel(self.tr("Select two photos (Ctrl+click) to compare them side by side."))
        self.hint.setStyleSheet("color: #555b63")
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 40, THUMB + 56))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.left, self.right = _ScaledImage(), _ScaledImage()
        self.left_caption, self.right_caption = QLabel(), QLabel()
        compare = QWidget()
        grid = QHBoxLayout(compare)
        grid.setContentsMargins(0, 0, 0, 0)
        for image, caption in ((self.left, self.left_caption), (self.right, self.right_caption)):
            column = QVBoxLayout()
            column.addWidget(image, 1)
            column.addWidget(caption, 0, Qt.AlignmentFlag.AlignHCenter)
            grid.addLayout(column, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(compare)
        self.splitter.setSizes([220, 400])
        top = QHBoxLayout()
        top.addWidget(self.hint)
        top.addStretch()
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self._show_pair([])

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self.add_requested)
        self.list.itemSelectionChanged.connect(self._on_list_item_selection_changed)

    def set_can_add(self, allowed: bool) -> None:
        self.add_button.setVisible(allowed)

    def show_photos(
        self,
        photos: Sequence[Photo],
        attached_to: Mapping[int, str],
        thumbs: Mapping[int, QImage],
        previews: Mapping[int, QImage],
    ) -> None:
        """Photos newest first, each labelled with its date, caption and the treatment or session it belongs to."""
        self.list.clear()
        self._previews = dict(previews)
        self._captions = {}
        for photo in sorted(photos, key=lambda p: p.taken_at, reverse=True):
            pid = photo.id or 0
            caption = " · ".join(x for x in (local_text(photo.taken_at), photo.caption, attached_to.get(pid, "")) if x)
            self._captions[pid] = caption
            item = QListWidgetItem(caption)
            thumb = thumbs.get(pid)
            if thumb is not None:
                item.setIcon(QPixmap.fromImage(thumb))
            item.setData(Qt.ItemDataRole.UserRole, pid)
            item.setToolTip(caption)
            self.list.addItem(item)
        if not photos:
            self.hint.setText(self.tr("No photos for this patient yet."))
        else:
            self.hint.setText(self.tr("Select two photos (Ctrl+click) to compare them side by side."))
        first_two = [self.list.item(i) for i in range(min(2, self.list.count()))]
        for item in first_two:
            item.setSelected(True)
        self._show_pair([i.data(Qt.ItemDataRole.UserRole) for i in reversed(first_two)])

    def _show_pair(self, ids: list[int]) -> None:
        """Older on the left (before), newer on the right (after)."""
        empty = self.tr("Choose a photo")
        for image, caption, pid in zip(
            (self.left, self.right), (self.left_caption, self.right_caption), [*ids, None, None][:2], strict=True
        ):
            image.set_image(self._previews.get(pid) if pid is not None else None, empty)
            caption.setText(self._captions.get(pid, "") if pid is not None else "")

    def _on_list_item_selection_changed(self) -> None:
        rows = sorted(self.list.row(i) for i in self.list.selectedItems())[:2]
        # the list is newest first: the lower row is the older photo and goes on the left
        self._show_pair([self.list.item(r).data(Qt.ItemDataRole.UserRole) for r in reversed(rows)])
