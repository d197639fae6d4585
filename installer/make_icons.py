"""Draw DermaDesk's icon into resources/icons/: PNGs at every size, .ico (Windows) and .icns (macOS).

    QT_QPA_PLATFORM=offscreen uv run python installer/make_icons.py

The mark: a rounded square in a calm clinical teal holding a white drop with a teal leaf in it. Each size is
drawn from the vector shapes at that size (not scaled down from a big bitmap), so the small ones stay crisp.
The output is committed; run this again only to change the design."""

from __future__ import annotations

import io
import math
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath, QPolygonF

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
TEAL_LIGHT, TEAL_DARK, LEAF = QColor("#3f9ea6"), QColor("#1d6b73"), QColor("#2b858d")


def drop_path(s: float) -> QPainterPath:
    """A drop: a circle and the two lines from its apex that touch it."""
    cx, cy, r, apex_y = 0.5 * s, 0.60 * s, 0.235 * s, 0.16 * s
    d = cy - apex_y
    theta = math.asin(r / d)  # angle at the apex between the axis and a tangent
    reach = math.sqrt(d * d - r * r)  # apex to tangent point
    left = QPointF(cx - reach * math.sin(theta), apex_y + reach * math.cos(theta))
    right = QPointF(cx + reach * math.sin(theta), apex_y + reach * math.cos(theta))
    body = QPainterPath()
    body.addEllipse(QPointF(cx, cy), r, r)
    cone = QPainterPath()
    cone.addPolygon(QPolygonF([QPointF(cx, apex_y), left, right]))
    cone.closeSubpath()
    return body.united(cone)


def leaf_path(s: float) -> QPainterPath:
    """A leaf leaning right, inside the drop's body."""
    base, tip = QPointF(0.43 * s, 0.71 * s), QPointF(0.59 * s, 0.49 * s)
    leaf = QPainterPath(base)
    leaf.cubicTo(QPointF(0.40 * s, 0.58 * s), QPointF(0.50 * s, 0.50 * s), tip)
    leaf.cubicTo(QPointF(0.62 * s, 0.60 * s), QPointF(0.53 * s, 0.69 * s), base)
    return leaf


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = size * 0.04 if size >= 32 else 0.0  # the smallest sizes need every pixel
    square = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    gradient = QLinearGradient(square.topLeft(), square.bottomLeft())
    gradient.setColorAt(0, TEAL_LIGHT)
    gradient.setColorAt(1, TEAL_DARK)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(gradient)
    painter.drawRoundedRect(square, size * 0.22, size * 0.22)
    painter.setBrush(QColor("white"))
    painter.drawPath(drop_path(size))
    if size >= 24:  # below that the leaf is a smudge
        painter.setBrush(LEAF)
        painter.drawPath(leaf_path(size))
    painter.end()
    return image


def to_pillow(image: QImage) -> Image.Image:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    drawn = {size: draw(size) for size in SIZES}
    for size, image in drawn.items():
        image.save(str(ICONS / f"dermadesk-{size}.png"))
    drawn[256].save(str(ICONS / "dermadesk.png"))
    biggest = to_pillow(drawn[256])
    biggest.save(
        ICONS / "dermadesk.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[to_pillow(drawn[s]) for s in ICO_SIZES if s != 256],
    )
    to_pillow(drawn[1024]).save(
        ICONS / "dermadesk.icns", append_images=[to_pillow(drawn[s]) for s in (16, 32, 64, 128, 256, 512)]
    )
    print(f"icons written to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
