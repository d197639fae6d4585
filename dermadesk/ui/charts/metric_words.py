"""How a metric's name, unit and concern threshold are said in words (no charting library needed)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from dermadesk.domain.readings import ConcernWhen, Metric
from dermadesk.ui.i18n import WORDS


def _tr(text: str) -> str:
    return QCoreApplication.translate(WORDS, text)


def concern_words(metric: Metric) -> str:
    """'concern when below 35 %', in the words a practitioner uses."""
    words = {
        ConcernWhen.BELOW: _tr("concern below"),
        ConcernWhen.ABOVE: _tr("concern above"),
        ConcernWhen.AT_OR_ABOVE: _tr("concern from"),
        ConcernWhen.AT_OR_BELOW: _tr("concern at or below"),
    }[metric.concern_when]
    return f"{words} {QLocale().toString(float(metric.threshold), 'g', 6)}{unit_suffix(metric)}"


def unit_suffix(metric: Metric) -> str:
    """' %' or ' µg/cm²' after a number; nothing for a scale such as '0–10', which is not a unit."""
    return "" if any(ch.isdigit() for ch in metric.unit) else f" {metric.unit}"


def short_name(metric: Metric) -> str:
    """'Elasticity' for 'Elasticity / collagen density': what fits above a small chart."""
    return _tr(metric.name).split(" / ")[0]
