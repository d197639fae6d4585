"""Print preview, printing and "Save as PDF" for the documents the services build.

The services hand over finished PDFs; PDFium (pypdfium2) renders their pages to images off the GUI thread,
and Qt's print preview paints those onto the printer. (Qt's own PDF module ships only in PySide6-Addons,
some 200 MB more.)"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from dermadesk.ui.app_context import AppContext
from dermadesk.ui.i18n import WORDS

PRINT_DPI = 300  # crisp text on an office laser printer without megabytes per page


def _tr(text: str) -> str:
    return QCoreApplication.translate(WORDS, text)


def render_pages(pdfs: Sequence[bytes], dpi: int = PRINT_DPI) -> list[QImage]:
    """Every page of every PDF as an image, in order (runs on a worker: a page takes ~0.1 s)."""
    import pypdfium2

    images: list[QImage] = []
    for pdf in pdfs:
        document = pypdfium2.PdfDocument(pdf)
        try:
            for page in document:
                bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
                array = bitmap.to_numpy()
                height, width = array.shape[:2]
                fmt = QImage.Format.Format_RGB888 if array.shape[2] == 3 else QImage.Format.Format_RGBA8888
                images.append(QImage(array.tobytes(), width, height, array.strides[0], fmt).copy())
        finally:
            document.close()
    return images


def paint_pages(printer: QPrinter, pages: Sequence[QImage]) -> None:
    """Each page image fitted to the printable page, keeping its proportions."""
    painter = QPainter(printer)
    try:
        for index, image in enumerate(pages):
            if index:
                printer.newPage()
            area = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
            size = image.size().scaled(area.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(area.topLeft(), size.toSizeF()), image)
    finally:
        painter.end()


def preview(
    ctx: AppContext, parent: QWidget, pdfs: Sequence[bytes], title: str, on_printed: Callable[[], None] | None = None
) -> None:
    """Render off the GUI thread, then show Qt's print preview; on_printed runs if the user prints."""

    def show(pages: list[QImage]) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        dialog = QPrintPreviewDialog(printer, parent)
        dialog.setWindowTitle(title)
        dialog.paintRequested.connect(lambda p: paint_pages(p, pages))
        if dialog.exec() == QPrintPreviewDialog.DialogCode.Accepted and on_printed:
            on_printed()

    ctx.compute(lambda: render_pages(pdfs), show, progress=_tr("Preparing the print preview…"), parent=parent)


def save_pdf(parent: QWidget, pdf: bytes, suggested_name: str, on_saved: Callable[[], None] | None = None) -> bool:
    """Ask where, write the file, and run on_saved; False if the user cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, _tr("Save as PDF"), suggested_name, _tr("PDF (*.pdf)"))
    if not path:
        return False
    try:
        with open(path, "wb") as handle:
            handle.write(pdf)
    except OSError as error:
        QMessageBox.warning(
            parent,
            _tr("Could not save"),
            _tr("The file could not be written (%1). Choose another folder.").replace(
                "%1", error.strerror or str(error)
            ),
        )
        return False
    if on_saved:
        on_saved()
    return True
