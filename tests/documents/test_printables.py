"""The value objects the document builders take: built from settings, and refusing impossible shapes."""

from __future__ import annotations

from datetime import date

import pytest

from dermadesk.domain.clinic import ClinicSettings
from dermadesk.domain.printables import AftercarePacket, ClinicLetterhead, MovementMatrix, NpsCounts
from tests.documents.samples import CLINIC


def test_the_letterhead_comes_from_the_clinic_settings() -> None:
    settings = ClinicSettings(name="Skin & Co", phone="0117 1", emergency_phone="", email="a@b.example")
    letterhead = ClinicLetterhead.from_settings(settings)
    assert (letterhead.name, letterhead.phone, letterhead.email) == ("Skin & Co", "0117 1", "a@b.example")
    assert letterhead.opening_hours == settings.opening_hours
    assert letterhead.urgent_phone == "0117 1"  # no emergency line: the clinic's own number is the one to ring
    assert CLINIC.urgent_phone == CLINIC.emergency_phone


def test_the_movement_matrix_must_be_square() -> None:
    with pytest.raises(ValueError, match="square"):
        MovementMatrix(("none", "bronze"), ((1, 2), (3,)))
    with pytest.raises(ValueError, match="square"):
        MovementMatrix(("none", "bronze"), ((1, 2),))


def test_a_packet_needs_a_treatment() -> None:
    with pytest.raises(ValueError, match="at least one treatment"):
        AftercarePacket(CLINIC, "Zoë", date(2026, 11, 2), "Dr Okafor", ())


def test_nps_score() -> None:
    assert NpsCounts(118, 46, 19).score == pytest.approx(54.098, abs=0.001)
    assert NpsCounts(0, 0, 0).score is None
