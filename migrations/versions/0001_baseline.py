"""baseline

Revision ID: 0001
Revises: 
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import dermadesk.store.column_types

revision: str = '0001'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', dermadesk.store.column_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('workstation', sa.String(length=200), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=24), nullable=False),
    sa.Column('object_type', sa.String(length=40), nullable=False),
    sa.Column('object_id', sa.String(length=100), nullable=False),
    sa.Column('outcome', sa.String(length=40), nullable=False),
    sa.Column('break_glass', sa.Boolean(), nullable=False),
    sa.Column('chain_hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_events_patient_id'), ['patient_id'], unique=False)

    op.create_table('metrics',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('unit', sa.String(length=32), nullable=False),
    sa.Column('concern_when', sa.String(length=2), nullable=False),
    sa.Column('threshold', sa.Float(), nullable=False),
    sa.Column('healthy_low', sa.Float(), nullable=True),
    sa.Column('healthy_high', sa.Float(), nullable=True),
    sa.Column('builtin', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_metrics')),
    sa.UniqueConstraint('code', name=op.f('uq_metrics_code'))
    )
    op.create_table('staff_users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', dermadesk.store.column_types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', dermadesk.store.column_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("role IN ('receptionist','practitioner','owner')", name=op.f('ck_staff_users_role')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_users')),
    sa.UniqueConstraint('username', name=op.f('uq_staff_users_username'))
    )
    op.create_table('tier_definitions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.Column('spend_floor_minor', sa.Integer(), nullable=False),
    sa.Column('visit_floor', sa.Integer(), nullable=False),
    sa.Column('benefits', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tier_definitions')),
    sa.UniqueConstraint('code', name=op.f('uq_tier_definitions_code')),
    sa.UniqueConstraint('rank', name=op.f('uq_tier_definitions_rank'))
    )
    op.create_table('treatment_types',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('default_price_minor', sa.Integer(), nullable=False),
    sa.Column('follow_up_min_days', sa.Integer(), nullable=True),
    sa.Column('follow_up_max_days', sa.Integer(), nullable=True),
    sa.Column('aftercare_template', sa.String(length=64), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_treatment_types')),
    sa.UniqueConstraint('code', name=op.f('uq_treatment_types_code'))
    )
    op.create_table('aftercare_templates',
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('body', dermadesk.store.column_types.JSONData(), nullable=False),
    sa.Column('updated_at', dermadesk.store.column_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['updated_by'], ['staff_users.id'], name=op.f('fk_aftercare_templates_updated_by_staff_users')),
    sa.PrimaryKeyConstraint('code', 'language', name=op.f('pk_aftercare_templates'))
    )
    op.create_table('clinic_settings',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', dermadesk.store.column_types.JSONData(), nullable=False),
    sa.Column('updated_at', dermadesk.store.column_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['updated_by'], ['staff_users.id'], name=op.f('fk_clinic_settings_updated_by_staff_users')),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_clinic_settings'))
    )
    op.create_table('patients',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('external_id', sa.String(length=100), nullable=True),
    sa.Column('given_name', sa.String(length=200), nullable=False),
    sa.Column('family_name', sa.String(length=200), nullable=False),
    sa.Column('preferred_name', sa.String(length=200), nullable=False),
    sa.Column('name_latin', sa.String(length=400), nullable=False),
    sa.Column('sort_name', sa.String(length=400), nullable=False),
    sa.Column('date_of_birth', sa.Date(), nullable=True),
    sa.Column('sex', sa.String(length=20), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('email', sa.String(length=320), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('preferred_language', sa.String(length=16), nullable=False),
    sa.Column('preferred_channel', sa.String(length=20), nullable=False),
    sa.Column('skin_type', sa.Integer(), nullable=True),
    sa.Column('concerns', dermadesk.store.column_types.JSONData(), nullable=False),
    sa.Column('allergies', sa.Text(), nullable=False),
    sa.Column('contraindications', dermadesk.store.column_types.JSONData(), nullable=False),
    sa.Column('medications', sa.Text(), nullable=False),
    sa.Column('acquisition_source', sa.String(length=20), nullable=True),
    sa.Column('referred_by_id', sa.Integer(), nullable=True),
    sa.Column('first_contact_on', sa.Date(), nullable=True),
    sa.Column('created_at', dermadesk.store.column_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', dermadesk.store.column_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('erased_at', dermadesk.store.column_types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('merged_into_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('skin_type IS NULL OR skin_type BETWEEN 1 AND 6', name=op.f('ck_patients_skin_type')),
    sa.ForeignKeyConstraint(['merged_into_id'], ['patients.id'], name=op.f('fk_patients_merged_into_id_patients')),
    sa.ForeignKeyConstraint(['referred_by_id'], ['patients.id'], name=op.f('fk_patients_referred_by_id_patients')),
    sa.ForeignKeyConstraint(['updated_by'], ['staff_users.id'], name=op.f('fk_patients_updated_by_staff_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_patients')),
    sa.UniqueConstraint('external_id', name=op.f('uq_patients_external_id'))
    )
    with op.batch_alter_table('patients', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_patients_sort_name'), ['sort_name'], unique=False)

    op.create_table('tier_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('rules', dermadesk.store.column_types.JSONData(), nullable=False),
    sa.Column('model', dermadesk.store.column_types.JSONData(), nullable=False),
    sa.Column('patient_count', sa.Integer(), nullable=False),
    sa.Column('created_at', dermadesk.store.column_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by'], ['staff_users.id'], name=op.f('fk_tier_reviews_created_by_staff_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tier_reviews')),
    sa.UniqueConstraint('month', name=op.f('uq_tier_reviews_month'))
    )
    op.create_table('alerts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('rule', sa.String(length=32), nullable=False),
    sa.Column('cause_key', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('raised_on', sa.Date(), nullable=False),
    sa.Column('reason', dermadesk.store.column_types.JSONData(), nullable=False),
    sa.Column('value_at_stake_minor', sa.Integer(), nullable=False),
    sa.Column('rank', sa.Float(), nullable=False),
    sa.Column('snoozed_until', sa.Date(), nullable=True),
    sa.Column('handled_at', dermadesk.store.column_types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('handled_by', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.String(length=16), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['handled_by'], ['staff_users.id'], name=op.f('fk_alerts_handled_by_staff_users')),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_alerts_patient_id_patients')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_alerts')),
    sa.UniqueConstraint('patient_id', 'rule', 'cause_key', name='uq_alerts_cause')
    )
    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.create_index('ix_alerts_one_active', ['patient_id', 'rule'], unique=True, sqlite_where=sa.text("status IN ('open','snoozed')"), postgresql_where=sa.text("status IN ('open','snoozed')"))
        batch_op.create_index('ix_alerts_status_rank', ['status', 'rank'], unique=False)

    op.create_table('appointments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', dermadesk.store.column_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('treatment_type_id', sa.Integer(), nullable=True),
    sa.Column('practitioner_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', dermadesk.store.column_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_appointments_patient_id_patients')),
    sa.ForeignKeyConstraint(['practitioner_id'], ['staff_users.id'], name=op.f('fk_appointments_practitioner_id_staff_users')),
    sa.ForeignKeyConstraint(['treatment_type_id'], ['treatment_types.id'], name=op.f('fk_appointments_treatment_type_id_treatment_types')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appointments'))
    )
    with op.batch_alter_table('appointments', schema=None) as batch_op:
        batch_op.create_index('ix_appointments_patient_start', ['patient_id', 'starts_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_appointments_starts_at'), ['starts_at'], unique=False)

    op.create_table('consents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('procedure', sa.String(length=64), nullable=False),
    sa.Column('granted', sa.Boolean(), nullable=False),
    sa.Column('recorded_at', dermadesk.store.column_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_consents_patient_id_patients')),
    sa.ForeignKeyConstraint(['recorded_by'], ['staff_users.id'], name=op.f('fk_consents_recorded_by_staff_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consents'))
    )
    with op.batch_alter_table('consents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consents_patient_id'), ['patient_id'], unique=False)

    op.create_table('patient_search_terms',
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('term', sa.String(length=400), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_patient_search_terms_patient_id_patients'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('patient_id', 'term', name=op.f('pk_patient_search_terms'))
    )
    with op.batch_alter_table('patient_search_terms', schema=None) as batch_op:
        batch_op.create_index('ix_patient_search_terms_term', ['term', 'patient_id'], unique=False)

    op.create_table('reading_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('taken_at', dermadesk.store.column_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('device', sa.String(length=200), nullable=False),
    sa.Column('operator_id', sa.Integer(), nullable=True),
    sa.Column('zones', dermadesk.store.column_types.JSONData(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['operator_id'], ['staff_users.id'], name=op.f('fk_reading_sessions_operator_id_staff_users')),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_reading_sessions_patient_id_patients')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reading_sessions'))
    )
    with op.batch_alter_table('reading_sessions', schema=None) as batch_op:
        batch_op.create_index('ix_reading_sessions_patient_time', ['patient_id', 'taken_at'], unique=False)

    op.create_table('tier_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('from_tier', sa.String(length=32), nullable=True),
    sa.Column('to_tier', sa.String(length=32), nullable=True),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('changed_at', dermadesk.store.column_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=True),
    sa.Column('changed_by', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['changed_by'], ['staff_users.id'], name=op.f('fk_tier_history_changed_by_staff_users')),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_tier_history_patient_id_patients')),
    sa.ForeignKeyConstraint(['review_id'], ['tier_reviews.id'], name=op.f('fk_tier_history_review_id_tier_reviews'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tier_history'))
    )
    with op.batch_alter_table('tier_history', schema=None) as batch_op:
        batch_op.create_index('ix_tier_history_patient', ['patient_id', 'changed_at'], unique=False)

    op.create_table('tier_overrides',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('tier_code', sa.String(length=32), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', dermadesk.store.column_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('cancelled_at', dermadesk.store.column_types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by'], ['staff_users.id'], name=op.f('fk_tier_overrides_created_by_staff_users')),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_tier_overrides_patient_id_patients')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tier_overrides'))
    )
    with op.batch_alter_table('tier_overrides', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tier_overrides_patient_id'), ['patient_id'], unique=False)

    op.create_table('tier_review_results',
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('recency_days', sa.Integer(), nullable=True),
    sa.Column('frequency', sa.Integer(), nullable=False),
    sa.Column('monetary_minor', sa.Integer(), nullable=False),
    sa.Column('r', sa.Integer(), nullable=True),
    sa.Column('f', sa.Integer(), nullable=True),
    sa.Column('m', sa.Integer(), nullable=True),
    sa.Column('segment', sa.String(length=32), nullable=True),
    sa.Column('stage', sa.String(length=16), nullable=False),
    sa.Column('ladder', sa.String(length=16), nullable=False),
    sa.Column('tier', sa.String(length=32), nullable=True),
    sa.Column('qualified_tier', sa.String(length=32), nullable=True),
    sa.Column('below_floor_reviews', sa.Integer(), nullable=False),
    sa.Column('clv_12m_minor', sa.Integer(), nullable=False),
    sa.Column('clv_lifetime_minor', sa.Integer(), nullable=False),
    sa.Column('clv_predicted_minor', sa.Integer(), nullable=False),
    sa.Column('p_alive', sa.Float(), nullable=True),
    sa.Column('expected_visits_90', sa.Float(), nullable=True),
    sa.Column('expected_visits_365', sa.Float(), nullable=True),
    sa.Column('rfm2', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_tier_review_results_patient_id_patients')),
    sa.ForeignKeyConstraint(['review_id'], ['tier_reviews.id'], name=op.f('fk_tier_review_results_review_id_tier_reviews'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('review_id', 'patient_id', name=op.f('pk_tier_review_results'))
    )
    with op.batch_alter_table('tier_review_results', schema=None) as batch_op:
        batch_op.create_index('ix_tier_review_results_patient', ['patient_id', 'review_id'], unique=False)

    op.create_table('reading_values',
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('metric_id', sa.Integer(), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['metric_id'], ['metrics.id'], name=op.f('fk_reading_values_metric_id_metrics')),
    sa.ForeignKeyConstraint(['session_id'], ['reading_sessions.id'], name=op.f('fk_reading_values_session_id_reading_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('session_id', 'metric_id', name=op.f('pk_reading_values'))
    )
    op.create_table('timeline_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('occurred_at', dermadesk.store.column_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('day', sa.Integer(), nullable=False),
    sa.Column('paid', sa.Boolean(), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('treatment_type_id', sa.Integer(), nullable=True),
    sa.Column('practitioner_id', sa.Integer(), nullable=True),
    sa.Column('related_patient_id', sa.Integer(), nullable=True),
    sa.Column('reading_session_id', sa.Integer(), nullable=True),
    sa.Column('appointment_id', sa.Integer(), nullable=True),
    sa.Column('alert_id', sa.Integer(), nullable=True),
    sa.Column('lot_number', sa.String(length=64), nullable=False),
    sa.Column('details', dermadesk.store.column_types.JSONData(), nullable=False),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('recorded_at', dermadesk.store.column_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('voided', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['alert_id'], ['alerts.id'], name=op.f('fk_timeline_events_alert_id_alerts')),
    sa.ForeignKeyConstraint(['appointment_id'], ['appointments.id'], name=op.f('fk_timeline_events_appointment_id_appointments')),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_timeline_events_patient_id_patients')),
    sa.ForeignKeyConstraint(['practitioner_id'], ['staff_users.id'], name=op.f('fk_timeline_events_practitioner_id_staff_users')),
    sa.ForeignKeyConstraint(['reading_session_id'], ['reading_sessions.id'], name=op.f('fk_timeline_events_reading_session_id_reading_sessions')),
    sa.ForeignKeyConstraint(['recorded_by'], ['staff_users.id'], name=op.f('fk_timeline_events_recorded_by_staff_users')),
    sa.ForeignKeyConstraint(['related_patient_id'], ['patients.id'], name=op.f('fk_timeline_events_related_patient_id_patients')),
    sa.ForeignKeyConstraint(['treatment_type_id'], ['treatment_types.id'], name=op.f('fk_timeline_events_treatment_type_id_treatment_types')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_timeline_events'))
    )
    with op.batch_alter_table('timeline_events', schema=None) as batch_op:
        batch_op.create_index('ix_timeline_kind_patient', ['kind', 'patient_id', 'day', 'treatment_type_id'], unique=False)
        batch_op.create_index('ix_timeline_lot', ['lot_number'], unique=False, sqlite_where=sa.text("lot_number <> ''"), postgresql_where=sa.text("lot_number <> ''"))
        batch_op.create_index('ix_timeline_paid', ['patient_id', 'day', 'amount_minor', 'treatment_type_id', 'paid', 'voided'], unique=False, sqlite_where=sa.text('paid = 1 AND voided = 0'), postgresql_where=sa.text('paid AND NOT voided'))
        batch_op.create_index('ix_timeline_patient_time', ['patient_id', 'occurred_at', 'id'], unique=False)

    op.create_table('photos',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('reading_session_id', sa.Integer(), nullable=True),
    sa.Column('taken_at', dermadesk.store.column_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('mime_type', sa.String(length=64), nullable=False),
    sa.Column('caption', sa.Text(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['timeline_events.id'], name=op.f('fk_photos_event_id_timeline_events')),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_photos_patient_id_patients')),
    sa.ForeignKeyConstraint(['reading_session_id'], ['reading_sessions.id'], name=op.f('fk_photos_reading_session_id_reading_sessions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_photos'))
    )
    with op.batch_alter_table('photos', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_photos_patient_id'), ['patient_id'], unique=False)

    op.create_table('timeline_revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('snapshot', dermadesk.store.column_types.JSONData(), nullable=False),
    sa.Column('edited_by', sa.Integer(), nullable=True),
    sa.Column('edited_at', dermadesk.store.column_types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['edited_by'], ['staff_users.id'], name=op.f('fk_timeline_revisions_edited_by_staff_users')),
    sa.ForeignKeyConstraint(['event_id'], ['timeline_events.id'], name=op.f('fk_timeline_revisions_event_id_timeline_events')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_timeline_revisions'))
    )
    with op.batch_alter_table('timeline_revisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_timeline_revisions_event_id'), ['event_id'], unique=False)

    _create_audit_guards()


def downgrade() -> None:
    _drop_audit_guards()
    with op.batch_alter_table('timeline_revisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_timeline_revisions_event_id'))

    op.drop_table('timeline_revisions')
    with op.batch_alter_table('photos', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_photos_patient_id'))

    op.drop_table('photos')
    with op.batch_alter_table('timeline_events', schema=None) as batch_op:
        batch_op.drop_index('ix_timeline_patient_time')
        batch_op.drop_index('ix_timeline_paid', sqlite_where=sa.text('paid = 1 AND voided = 0'), postgresql_where=sa.text('paid AND NOT voided'))
        batch_op.drop_index('ix_timeline_lot', sqlite_where=sa.text("lot_number <> ''"), postgresql_where=sa.text("lot_number <> ''"))
        batch_op.drop_index('ix_timeline_kind_patient')

    op.drop_table('timeline_events')
    op.drop_table('reading_values')
    with op.batch_alter_table('tier_review_results', schema=None) as batch_op:
        batch_op.drop_index('ix_tier_review_results_patient')

    op.drop_table('tier_review_results')
    with op.batch_alter_table('tier_overrides', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tier_overrides_patient_id'))

    op.drop_table('tier_overrides')
    with op.batch_alter_table('tier_history', schema=None) as batch_op:
        batch_op.drop_index('ix_tier_history_patient')

    op.drop_table('tier_history')
    with op.batch_alter_table('reading_sessions', schema=None) as batch_op:
        batch_op.drop_index('ix_reading_sessions_patient_time')

    op.drop_table('reading_sessions')
    with op.batch_alter_table('patient_search_terms', schema=None) as batch_op:
        batch_op.drop_index('ix_patient_search_terms_term')

    op.drop_table('patient_search_terms')
    with op.batch_alter_table('consents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consents_patient_id'))

    op.drop_table('consents')
    with op.batch_alter_table('appointments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appointments_starts_at'))
        batch_op.drop_index('ix_appointments_patient_start')

    op.drop_table('appointments')
    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.drop_index('ix_alerts_status_rank')
        batch_op.drop_index('ix_alerts_one_active', sqlite_where=sa.text("status IN ('open','snoozed')"), postgresql_where=sa.text("status IN ('open','snoozed')"))

    op.drop_table('alerts')
    op.drop_table('tier_reviews')
    with op.batch_alter_table('patients', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_patients_sort_name'))

    op.drop_table('patients')
    op.drop_table('clinic_settings')
    op.drop_table('aftercare_templates')
    op.drop_table('treatment_types')
    op.drop_table('tier_definitions')
    op.drop_table('staff_users')
    op.drop_table('metrics')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_events_patient_id'))

    op.drop_table('audit_events')


# The audit log is append-only: the database itself refuses UPDATE and DELETE on it.
_SQLITE_GUARDS = [
    "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
    "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
]
_POSTGRES_GUARDS = [
    "CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'audit log is append-only'; END $$",
    "CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events "
    "FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()",
    "CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()",
]


def _create_audit_guards() -> None:
    guards = _SQLITE_GUARDS if op.get_bind().dialect.name == "sqlite" else _POSTGRES_GUARDS
    for statement in guards:
        op.execute(statement)


def _drop_audit_guards() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_delete")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_change ON audit_events")
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events")
        op.execute("DROP FUNCTION IF EXISTS audit_events_append_only()")
