"""A patient's collected rows as the readable sections of the access-request PDF."""

from __future__ import annotations

from typing import Any

from dermadesk.domain.money import Money
from dermadesk.domain.privacy import DataSection

Rows = dict[str, list[dict[str, Any]]]
PERSONAL = (
    ("given_name", "Given name"),
    ("family_name", "Family name"),
    ("preferred_name", "Preferred name"),
    ("name_latin", "Name in Latin letters"),
    ("date_of_birth", "Date of birth"),
    ("sex", "Sex"),
    ("phone", "Phone"),
    ("email", "E-mail"),
    ("address", "Address"),
    ("preferred_language", "Preferred language"),
    ("preferred_channel", "Preferred contact"),
    ("skin_type", "Skin type (Fitzpatrick)"),
    ("concerns", "Skin concerns"),
    ("allergies", "Allergies"),
    ("contraindications", "Contraindications"),
    ("medications", "Medications"),
    ("acquisition_source", "How you found us"),
    ("referred_by_id", "Referred by"),
    ("first_contact_on", "First contact"),
    ("external_id", "Id in a previous system"),
    ("created_at", "Record created"),
)


def text(value: Any) -> str:
    if value is None or value in ("", []):
        return ""
    if isinstance(value, list):
        return ", ".join(str(v).replace("_", " ") for v in value)
    if isinstance(value, dict):
        shown = {k: text(v) for k, v in value.items() if k not in ("source", "import_key")}
        return ", ".join(f"{k}: {v}" for k, v in shown.items() if v)
    return str(value)


def day(value: Any) -> str:
    return str(value or "")[:16].replace("T", " ")


def sections(rows: Rows, staff: dict[int, str], metrics: dict[int, str], currency: str) -> list[DataSection]:
    def money(minor: Any) -> str:
        return "" if minor is None else Money(int(minor), currency).format_plain()

    def who(staff_id: Any) -> str:
        return staff.get(staff_id, "") if staff_id else ""

    values_by_session: dict[int, list[str]] = {}
    for v in rows["reading_values"]:
        values_by_session.setdefault(v["session_id"], []).append(
            f"{metrics.get(v['metric_id'], v['metric_id'])} {v['value']:g}"
        )
    return [
        DataSection(
            "Personal details",
            ("field", "value"),
            tuple(
                (label, day(p.get(key)) if key == "created_at" else text(p.get(key)))
                for p in rows["patient"][:1]
                for key, label in PERSONAL
            ),
        ),
        _table(
            "Other records merged into yours",
            ("record", "created"),
            [(f"#{p['id']}", day(p["created_at"])) for p in rows["patient"][1:]],
        ),
        _table(
            "Consent decisions",
            ("when", "consent", "decision", "procedure", "note"),
            [
                (
                    day(c["recorded_at"]),
                    c["kind"].replace("_", " "),
                    "given" if c["granted"] else "refused or withdrawn",
                    c["procedure"],
                    c["note"],
                )
                for c in rows["consents"]
            ],
        ),
        _table(
            "History",
            ("when", "kind", "summary", "amount", "by"),
            [
                (
                    day(e["occurred_at"]),
                    e["kind"].replace("_", " "),
                    e["summary"] or text(e["details"]),
                    money(e["amount_minor"]),
                    who(e["practitioner_id"] or e["recorded_by"]),
                )
                for e in rows["timeline"]
                if not e["voided"]
            ],
        ),
        _table(
            "Appointments",
            ("when", "status", "note"),
            [(day(a["starts_at"]), a["status"], a["note"]) for a in rows["appointments"]],
        ),
        _table(
            "Skin readings",
            ("when", "device", "zones", "values", "note"),
            [
                (
                    day(s["taken_at"]),
                    s["device"],
                    text(s["zones"]),
                    "; ".join(values_by_session.get(s["id"], [])),
                    s["note"],
                )
                for s in rows["reading_sessions"]
            ],
        ),
        _table(
            "Photos",
            ("taken", "type", "caption"),
            [(day(p["taken_at"]), p["mime_type"], p["caption"]) for p in rows["photos"]],
        ),
        _table(
            "Recall and follow-up alerts",
            ("raised", "rule", "status", "note"),
            [(day(a["raised_on"]), a["rule"].replace("_", " "), a["status"], a["note"]) for a in rows["alerts"]],
        ),
        _table(
            "Membership tier changes",
            ("when", "from", "to", "why"),
            [
                (day(t["changed_at"]), t["from_tier"] or "", t["to_tier"] or "", t["reason"])
                for t in rows["tier_history"]
            ],
        ),
        _table(
            "Tier overrides",
            ("until", "tier", "reason"),
            [(day(o["ends_on"]), o["tier_code"], o["reason"]) for o in rows["tier_overrides"]],
        ),
    ]


def _table(title: str, header: tuple[str, ...], rows: list[tuple[Any, ...]]) -> DataSection:
    return DataSection(title, header, tuple(tuple(text(cell) for cell in row) for row in rows))
