"""The clinic's own details and preferences, stored in the encrypted database."""

from __future__ import annotations

from dataclasses import dataclass, field

from dermadesk.domain.rules import ClinicRules


@dataclass(frozen=True)
class ClinicSettings:
    name: str = "My Clinic"
    currency: str = "GBP"
    country: str = "GB"  # default region for phone numbers
    phone: str = ""
    emergency_phone: str = ""
    email: str = ""
    address: str = ""
    website: str = ""
    opening_hours: str = "Mon–Fri 9:00–18:00, Sat 9:00–14:00"
    idle_lock_minutes: int = 10
    break_glass_minutes: int = 60
    rules: ClinicRules = field(default_factory=ClinicRules)
