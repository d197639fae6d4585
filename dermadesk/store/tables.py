"""Every table of the store, declared once (typed ORM); nothing outside store/ sees these classes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from dermadesk.store.column_types import JSONData, UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSONData(), list[Any]: JSONData()}


class ClinicSettingRow(Base):
    """Clinic preferences as key -> JSON, so they travel with backups."""

    __tablename__ = "clinic_settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime]
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))


class StaffUserRow(Base):
    __tablename__ = "staff_users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (CheckConstraint("role IN ('receptionist','practitioner','owner')", name="role"),)


class BreakGlassSessionRow(Base):
    """A practitioner's emergency access: why, from where, until when, and whether an owner has seen it."""

    __tablename__ = "break_glass_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"))
    reason: Mapped[str] = mapped_column(Text)
    workstation: Mapped[str] = mapped_column(String(200))
    started_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    acknowledged_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    acknowledged_at: Mapped[datetime | None] = mapped_column(index=True)


class PatientRow(Base):
    __tablename__ = "patients"
    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(100), unique=True)
    given_name: Mapped[str] = mapped_column(String(200))
    family_name: Mapped[str] = mapped_column(String(200))
    preferred_name: Mapped[str] = mapped_column(String(200), default="")
    name_latin: Mapped[str] = mapped_column(String(400), default="")
    sort_name: Mapped[str] = mapped_column(String(400), default="", index=True)
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    sex: Mapped[str | None] = mapped_column(String(20))
    phone: Mapped[str] = mapped_column(String(32), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    preferred_language: Mapped[str] = mapped_column(String(16), default="en")
    preferred_channel: Mapped[str] = mapped_column(String(20), default="phone")
    skin_type: Mapped[int | None] = mapped_column(Integer)
    concerns: Mapped[list[Any]] = mapped_column(default=list)
    allergies: Mapped[str] = mapped_column(Text, default="")
    contraindications: Mapped[list[Any]] = mapped_column(default=list)
    medications: Mapped[str] = mapped_column(Text, default="")
    acquisition_source: Mapped[str | None] = mapped_column(String(20))
    referred_by_id: Mapped[int | None] = mapped_column(ForeignKey("patients.id"))
    first_contact_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    erased_at: Mapped[datetime | None]
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("patients.id"))
    __table_args__ = (CheckConstraint("skin_type IS NULL OR skin_type BETWEEN 1 AND 6", name="skin_type"),)
    __mapper_args__ = {"version_id_col": version}


class PatientSearchTermRow(Base):
    """Normalised words a patient is found by: folded name tokens, phone digit forms, e-mail.
    A prefix range scan on (term) answers each keystroke in well under a millisecond."""

    __tablename__ = "patient_search_terms"
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"), primary_key=True)
    term: Mapped[str] = mapped_column(String(400), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # name | phone | email
    __table_args__ = (Index("ix_patient_search_terms_term", "term", "patient_id"),)


class ConsentRow(Base):
    """Consent history: every decision is a new row; the latest per kind and procedure holds."""

    __tablename__ = "consents"
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    procedure: Mapped[str] = mapped_column(String(64), default="")
    granted: Mapped[bool] = mapped_column(Boolean)
    recorded_at: Mapped[datetime]
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    note: Mapped[str] = mapped_column(Text, default="")


class TreatmentTypeRow(Base):
    __tablename__ = "treatment_types"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(32))
    default_price_minor: Mapped[int] = mapped_column(Integer)
    follow_up_min_days: Mapped[int | None] = mapped_column(Integer)
    follow_up_max_days: Mapped[int | None] = mapped_column(Integer)
    aftercare_template: Mapped[str] = mapped_column(String(64), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AppointmentRow(Base):
    __tablename__ = "appointments"
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    starts_at: Mapped[datetime] = mapped_column(index=True)
    treatment_type_id: Mapped[int | None] = mapped_column(ForeignKey("treatment_types.id"))
    practitioner_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    status: Mapped[str] = mapped_column(String(16), default="booked")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (Index("ix_appointments_patient_start", "patient_id", "starts_at"),)
    __mapper_args__ = {"version_id_col": version}


class TimelineEventRow(Base):
    __tablename__ = "timeline_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    kind: Mapped[str] = mapped_column(String(24))
    occurred_at: Mapped[datetime]
    day: Mapped[int] = mapped_column(Integer)  # the clinic's local date as days since 1970-01-01
    paid: Mapped[bool] = mapped_column(Boolean, default=False)
    amount_minor: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text, default="")
    treatment_type_id: Mapped[int | None] = mapped_column(ForeignKey("treatment_types.id"))
    practitioner_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    related_patient_id: Mapped[int | None] = mapped_column(ForeignKey("patients.id"))
    reading_session_id: Mapped[int | None] = mapped_column(ForeignKey("reading_sessions.id"))
    appointment_id: Mapped[int | None] = mapped_column(ForeignKey("appointments.id"))
    alert_id: Mapped[int | None] = mapped_column(ForeignKey("alerts.id"))
    lot_number: Mapped[str] = mapped_column(String(64), default="")
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    recorded_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (
        Index("ix_timeline_patient_time", "patient_id", "occurred_at", "id"),
        # covering index for RFM: one GROUP BY never touches the table
        Index(
            "ix_timeline_paid",
            "patient_id",
            "day",
            "amount_minor",
            "treatment_type_id",  # the latest treatment and treatment breadth come from this index too
            "paid",  # in the key only so SQLite sees the index covers the query's WHERE
            "voided",
            sqlite_where=text("paid = 1 AND voided = 0"),  # exactly as SQLAlchemy renders the query's WHERE
            postgresql_where=text("paid AND NOT voided"),
        ),
        Index(
            "ix_timeline_lot",
            "lot_number",
            sqlite_where=text("lot_number <> ''"),
            postgresql_where=text("lot_number <> ''"),
        ),
        # per-kind figures per patient (latest treatment, contacts, surveys) without touching the table
        Index("ix_timeline_kind_patient", "kind", "patient_id", "day", "treatment_type_id"),
    )
    __mapper_args__ = {"version_id_col": version}


class TimelineRevisionRow(Base):
    """The previous version of an edited event, kept whole."""

    __tablename__ = "timeline_revisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("timeline_events.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    snapshot: Mapped[dict[str, Any]]
    edited_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    edited_at: Mapped[datetime]


class MetricRow(Base):
    __tablename__ = "metrics"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(32))
    concern_when: Mapped[str] = mapped_column(String(2))
    threshold: Mapped[float] = mapped_column(Float)
    healthy_low: Mapped[float | None] = mapped_column(Float)
    healthy_high: Mapped[float | None] = mapped_column(Float)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ReadingSessionRow(Base):
    __tablename__ = "reading_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    taken_at: Mapped[datetime]
    device: Mapped[str] = mapped_column(String(200), default="")
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    zones: Mapped[list[Any]] = mapped_column(default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (Index("ix_reading_sessions_patient_time", "patient_id", "taken_at"),)


class ReadingValueRow(Base):
    __tablename__ = "reading_values"
    session_id: Mapped[int] = mapped_column(ForeignKey("reading_sessions.id", ondelete="CASCADE"), primary_key=True)
    metric_id: Mapped[int] = mapped_column(ForeignKey("metrics.id"), primary_key=True)
    value: Mapped[float] = mapped_column(Float)


class PhotoRow(Base):
    """Photos live inside the encrypted database, never as loose files."""

    __tablename__ = "photos"
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("timeline_events.id"))
    reading_session_id: Mapped[int | None] = mapped_column(ForeignKey("reading_sessions.id"))
    taken_at: Mapped[datetime]
    mime_type: Mapped[str] = mapped_column(String(64))
    caption: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))


class TierDefinitionRow(Base):
    __tablename__ = "tier_definitions"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    rank: Mapped[int] = mapped_column(Integer, unique=True)
    spend_floor_minor: Mapped[int] = mapped_column(Integer)
    visit_floor: Mapped[int] = mapped_column(Integer)
    benefits: Mapped[str] = mapped_column(Text, default="")


class TierReviewRow(Base):
    __tablename__ = "tier_reviews"
    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[str] = mapped_column(String(7), unique=True)
    as_of: Mapped[date] = mapped_column(Date)
    rules: Mapped[dict[str, Any]]
    model: Mapped[dict[str, Any]]
    patient_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))


class TierReviewResultRow(Base):
    __tablename__ = "tier_review_results"
    review_id: Mapped[int] = mapped_column(ForeignKey("tier_reviews.id", ondelete="CASCADE"), primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), primary_key=True)
    recency_days: Mapped[int | None] = mapped_column(Integer)
    frequency: Mapped[int] = mapped_column(Integer)
    monetary_minor: Mapped[int] = mapped_column(Integer)
    r: Mapped[int | None] = mapped_column(Integer)
    f: Mapped[int | None] = mapped_column(Integer)
    m: Mapped[int | None] = mapped_column(Integer)
    segment: Mapped[str | None] = mapped_column(String(32))
    stage: Mapped[str] = mapped_column(String(16))
    ladder: Mapped[str] = mapped_column(String(16))
    tier: Mapped[str | None] = mapped_column(String(32))
    qualified_tier: Mapped[str | None] = mapped_column(String(32))
    below_floor_reviews: Mapped[int] = mapped_column(Integer, default=0)
    clv_12m_minor: Mapped[int] = mapped_column(Integer)
    clv_lifetime_minor: Mapped[int] = mapped_column(Integer)
    clv_predicted_minor: Mapped[int] = mapped_column(Integer)
    p_alive: Mapped[float | None] = mapped_column(Float)
    expected_visits_90: Mapped[float | None] = mapped_column(Float)
    expected_visits_365: Mapped[float | None] = mapped_column(Float)
    rfm2: Mapped[float] = mapped_column(Float, default=0.0)
    __table_args__ = (Index("ix_tier_review_results_patient", "patient_id", "review_id"),)


class TierHistoryRow(Base):
    __tablename__ = "tier_history"
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    from_tier: Mapped[str | None] = mapped_column(String(32))
    to_tier: Mapped[str | None] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(String(20))
    changed_at: Mapped[datetime]
    review_id: Mapped[int | None] = mapped_column(ForeignKey("tier_reviews.id", ondelete="SET NULL"))
    changed_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (Index("ix_tier_history_patient", "patient_id", "changed_at"),)


class TierOverrideRow(Base):
    __tablename__ = "tier_overrides"
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    tier_code: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text)
    ends_on: Mapped[date] = mapped_column(Date)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    created_at: Mapped[datetime]
    cancelled_at: Mapped[datetime | None]


class AlertRow(Base):
    __tablename__ = "alerts"
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    rule: Mapped[str] = mapped_column(String(32))
    cause_key: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="open")
    raised_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[dict[str, Any]] = mapped_column(default=dict)
    value_at_stake_minor: Mapped[int] = mapped_column(Integer, default=0)
    rank: Mapped[float] = mapped_column(Float, default=0.0)
    snoozed_until: Mapped[date | None] = mapped_column(Date)
    handled_at: Mapped[datetime | None]
    handled_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    outcome: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (
        UniqueConstraint("patient_id", "rule", "cause_key", name="uq_alerts_cause"),
        # one open (or snoozed) alert per patient and rule
        Index(
            "ix_alerts_one_active",
            "patient_id",
            "rule",
            unique=True,
            sqlite_where=text("status IN ('open','snoozed')"),
            postgresql_where=text("status IN ('open','snoozed')"),
        ),
        Index("ix_alerts_status_rank", "status", "rank"),
    )
    __mapper_args__ = {"version_id_col": version}


class AftercareTemplateRow(Base):
    """An owner's edited copy of an after-care template; defaults live in resources/."""

    __tablename__ = "aftercare_templates"
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    language: Mapped[str] = mapped_column(String(16), primary_key=True)
    body: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime]
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))


class AuditEventRow(Base):
    """Append-only (triggers refuse UPDATE and DELETE) and hash-chained."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    staff_id: Mapped[int | None] = mapped_column(Integer)  # no FK: the log outlives accounts
    workstation: Mapped[str] = mapped_column(String(200), default="")
    patient_id: Mapped[int | None] = mapped_column(Integer, index=True)
    action: Mapped[str] = mapped_column(String(24))
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[str] = mapped_column(String(100), default="")
    outcome: Mapped[str] = mapped_column(String(40), default="ok")
    break_glass: Mapped[bool] = mapped_column(Boolean, default=False)
    chain_hash: Mapped[str] = mapped_column(String(64))


class AuditChainKeyRow(Base):
    """The audit chain's HMAC key where it cannot be derived from the file's key: on a clinic server (which has
    no file key) and in a file copied back from one, so a copied log still verifies. Written once, never changed."""

    __tablename__ = "audit_chain_key"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[bytes] = mapped_column(LargeBinary)
