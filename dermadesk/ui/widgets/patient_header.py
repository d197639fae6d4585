"""The top of a patient's profile: who, age and skin type, tier and where they stand, warnings in red, consents."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from dermadesk.domain.patients import Consent, ConsentKind
from dermadesk.domain.tiers import TierDefinition
from dermadesk.ui.i18n import WORDS, list_separator
from dermadesk.ui.models.patient_table_model import FLAG_RED, segment_text, stage_text, tier_colour, tier_text
from dermadesk.ui.models.timeline_model import local_text

if TYPE_CHECKING:
    from dermadesk.services.patients import PatientProfile

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI"}
CONTRAINDICATION_LABELS = {
    "pregnancy": QT_TR_NOOP("Pregnancy"),
    "isotretinoin_6m": QT_TR_NOOP("Isotretinoin in the last 6 months"),
    "anticoagulants": QT_TR_NOOP("Anticoagulants"),
    "keloid_history": QT_TR_NOOP("Keloid history"),
    "active_infection": QT_TR_NOOP("Active infection"),
}
CONSENT_LABELS = {
    ConsentKind.TREATMENT: QT_TR_NOOP("Treatment"),
    ConsentKind.PHOTO_USE: QT_TR_NOOP("Photo use"),
    ConsentKind.MARKETING_SMS: QT_TR_NOOP("Marketing by SMS"),
    ConsentKind.MARKETING_EMAIL: QT_TR_NOOP("Marketing by e-mail"),
    ConsentKind.DATA_PROCESSING: QT_TR_NOOP("Data processing"),
}
PILL = "border-radius: 9px; padding: 1px 9px; color: white; background: {bg}; font-weight: bold"


def _tr(text: str) -> str:
    return QCoreApplication.translate(WORDS, text)


def contraindication_text(code: str) -> str:
    return _tr(CONTRAINDICATION_LABELS.get(code, code.replace("_", " ").capitalize()))


def consent_text(consent: Consent) -> str:
    """'✓ Treatment: peel' or '✗ Marketing by SMS'."""
    name = _tr(CONSENT_LABELS.get(consent.kind, consent.kind.value))
    if consent.procedure:
        name += f": {consent.procedure.replace('_', ' ')}"
    # no-break spaces and hyphens: one consent never splits across lines
    return (("✓ " if consent.granted else "✗ ") + name).replace(" ", "\u00a0").replace("-", "\u2011")


class PatientHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.name_label = QLabel()
        self.name_label.setStyleSheet("font-size: 17pt; font-weight: bold")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts_label = QLabel()
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tier_label = QLabel()
        self.standing_label = QLabel()
        self.warnings_label = QLabel()
        self.warnings_label.setWordWrap(True)
        self.consents_label = QLabel()
        self.consents_label.setWordWrap(True)
        self.consents_label.setStyleSheet("color: #333333")
        badges = QHBoxLayout()
        badges.addWidget(self.tier_label)
        badges.addWidget(self.standing_label)
        badges.addStretch()
        left = QVBoxLayout()
        left.setSpacing(3)
        left.addWidget(self.name_label)
        left.addWidget(self.facts_label)
        left.addLayout(badges)
        right = QGridLayout()
        right.setVerticalSpacing(3)
        right.addWidget(self._caption(self.tr("Warnings")), 0, 0, Qt.AlignmentFlag.AlignTop)
        right.addWidget(self.warnings_label, 0, 1)
        right.addWidget(self._caption(self.tr("Consents")), 1, 0, Qt.AlignmentFlag.AlignTop)
        right.addWidget(self.consents_label, 1, 1)
        right.setColumnStretch(1, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addSpacing(16)
        layout.addLayout(right, 1)

    @staticmethod
    def _caption(text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("color: #555b63")
        return label

    def clear(self) -> None:
        for label in (self.name_label, self.facts_label, self.tier_label, self.standing_label):
            label.clear()
        self.warnings_label.clear()
        self.consents_label.clear()
        self.tier_label.hide()

    def show_profile(self, profile: PatientProfile, today: date, tiers: Sequence[TierDefinition]) -> None:
        patient, summary, latest = profile.patient, profile.summary, profile.latest
        name = patient.display_name
        extra = [x for x in (patient.preferred_name, patient.name_latin) if x and x not in name]
        aside = f"  <span style='font-size:11pt; color:#555b63'>({_escape(', '.join(extra))})</span>" if extra else ""
        self.name_label.setText(_escape(name) + aside)
        self.facts_label.setText(self._facts(profile, today))
        tier = summary.tier
        self.tier_label.setVisible(bool(tier))
        if tier:
            self.tier_label.setText(tier_text(tier, tiers))
            self.tier_label.setStyleSheet(PILL.format(bg=tier_colour(tier).name()))
        standing = [segment_text(summary.segment), stage_text(summary.stage)]
        if latest is not None and latest.p_alive is not None:
            chance = QLocale().toString(latest.p_alive * 100, "f", 0)
            standing.append(self.tr("P(alive) %1 %").replace("%1", chance))
        self.standing_label.setText(" · ".join(s for s in standing if s) or self.tr("Not reviewed yet"))
        self._show_warnings(patient.allergies, patient.contraindications)
        consents = sorted(profile.consents.values(), key=lambda c: (c.kind.value, c.procedure))
        self.consents_label.setText("   ".join(consent_text(c) for c in consents) or self.tr("None recorded"))

    def _facts(self, profile: PatientProfile, today: date) -> str:
        """Who (age, skin type, how to reach them) on one line; visits on the next."""
        patient, summary, locale = profile.patient, profile.summary, QLocale()
        who = []
        age = patient.age_on(today)
        if age is not None:
            who.append(self.tr("%1 years").replace("%1", str(age)))
        if patient.skin_type:
            who.append(self.tr("Skin type %1").replace("%1", ROMAN.get(patient.skin_type, str(patient.skin_type))))
        who += [x for x in (summary.phone, patient.email) if x]
        visits = []
        if summary.last_visit:
            day = QDate(summary.last_visit.year, summary.last_visit.month, summary.last_visit.day)
            visits.append(self.tr("Last visit %1").replace("%1", locale.toString(day, QLocale.FormatType.ShortFormat)))
        if summary.next_booking:
            when = local_text(summary.next_booking, locale)
            visits.append(self.tr("next booking %1").replace("%1", when))
        return "\n".join(line for line in (" · ".join(who), " · ".join(visits)) if line)

    def _show_warnings(self, allergies: str, contraindications: Sequence[str]) -> None:
        parts = []
        if allergies.strip():
            parts.append(self.tr("Allergies: %1").replace("%1", allergies.strip()))
        if contraindications:
            words = list_separator().join(contraindication_text(c) for c in contraindications)
            parts.append(self.tr("Contraindications: %1").replace("%1", words))
        if parts:
            self.warnings_label.setText("<br>".join(_escape(p) for p in parts))
            self.warnings_label.setStyleSheet(f"color: {FLAG_RED}; font-weight: bold")
        else:
            self.warnings_label.setText(self.tr("No known allergies or contraindications"))
            self.warnings_label.setStyleSheet("color: #555b63")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
