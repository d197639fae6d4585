"""Tier definitions, stored review runs with per-patient results, tier history and overrides."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import and_, case, delete, func, insert, or_, select
from sqlalchemy.orm import Session, aliased

from dermadesk.domain.tiers import (
    NO_TIER_CODE,
    ReviewFigures,
    TierChange,
    TierChangeReason,
    TierDefinition,
    TierOverride,
    TierReview,
    TierReviewResult,
)
from dermadesk.store.fast_insert import insert_columns
from dermadesk.store.tables import (
    TierDefinitionRow,
    TierHistoryRow,
    TierOverrideRow,
    TierReviewResultRow,
    TierReviewRow,
)

_RESULT_FIELDS = tuple(f.name for f in dataclasses.fields(TierReviewResult) if f.name != "review_id")


def _review(row: TierReviewRow) -> TierReview:
    return TierReview(
        row.month,
        row.as_of,
        dict(row.rules),
        dict(row.model),
        row.created_at,
        row.created_by,
        row.patient_count,
        row.id,
    )


class TierRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    # -- definitions -----------------------------------------------------------
    def definitions(self) -> list[TierDefinition]:
        rows = self._s.scalars(select(TierDefinitionRow).order_by(TierDefinitionRow.rank))
        return [
            TierDefinition(r.code, r.name, r.rank, r.spend_floor_minor, r.visit_floor, r.benefits, r.id) for r in rows
        ]

    def replace_definitions(self, tiers: Sequence[TierDefinition]) -> None:
        self._s.execute(delete(TierDefinitionRow))
        self._s.execute(
            insert(TierDefinitionRow),
            [
                {
                    "code": t.code,
                    "name": t.name,
                    "rank": t.rank,
                    "spend_floor_minor": t.spend_floor_minor,
                    "visit_floor": t.visit_floor,
                    "benefits": t.benefits,
                }
                for t in tiers
            ],
        )

    # -- reviews -----------------------------------------------------------------
    def review_for_month(self, month: str) -> TierReview | None:
        row = self._s.scalar(select(TierReviewRow).where(TierReviewRow.month == month))
        return _review(row) if row else None

    def reviews(self) -> list[TierReview]:
        return [_review(r) for r in self._s.scalars(select(TierReviewRow).order_by(TierReviewRow.as_of))]

    def latest_review_before(self, as_of: date, exclude_month: str | None = None) -> TierReview | None:
        query = select(TierReviewRow).where(TierReviewRow.as_of < as_of)
        if exclude_month:
            query = query.where(TierReviewRow.month != exclude_month)
        row = self._s.scalar(query.order_by(TierReviewRow.as_of.desc()).limit(1))
        return _review(row) if row else None

    def delete_review(self, review_id: int) -> None:
        self._s.execute(delete(TierReviewResultRow).where(TierReviewResultRow.review_id == review_id))
        self._s.execute(delete(TierHistoryRow).where(TierHistoryRow.review_id == review_id))
        self._s.execute(delete(TierReviewRow).where(TierReviewRow.id == review_id))

    def add_review(self, review: TierReview, results: dict[str, list[object]]) -> TierReview:
        """Store a run with its per-patient results, given column-wise (TierReviewResult field -> values)."""
        count = len(results.get("patient_id", []))
        row = TierReviewRow(
            month=review.month,
            as_of=review.as_of,
            rules=review.rules,
            model=review.model,
            patient_count=count,
            created_at=review.created_at,
            created_by=review.created_by,
        )
        self._s.add(row)
        self._s.flush()
        insert_columns(self._s, TierReviewResultRow.__table__, {"review_id": [row.id] * count, **results})  # type: ignore[arg-type]
        return _review(row)

    def results(self, review_id: int) -> list[TierReviewResult]:
        rows = self._s.scalars(
            select(TierReviewResultRow)
            .where(TierReviewResultRow.review_id == review_id)
            .order_by(TierReviewResultRow.patient_id)
        )
        return [TierReviewResult(review_id=r.review_id, **{f: getattr(r, f) for f in _RESULT_FIELDS}) for r in rows]

    def result_columns(self, review_id: int, *columns: str) -> list[tuple[object, ...]]:
        """Selected columns of a run's results, patient order: the fast path for whole-clinic arrays."""
        cols = [getattr(TierReviewResultRow, c) for c in columns]
        query = select(*cols).where(TierReviewResultRow.review_id == review_id).order_by(TierReviewResultRow.patient_id)
        return [tuple(r) for r in self._s.connection().execute(query)]  # Core rows: half the ORM's cost

    def latest_results_for(self, patient_ids: Sequence[int]) -> dict[int, TierReviewResult]:
        """Each patient's figures in the latest stored review (for lists and headers)."""
        latest = self._s.scalar(select(TierReviewRow.id).order_by(TierReviewRow.as_of.desc()).limit(1))
        if latest is None or not patient_ids:
            return {}
        rows = self._s.scalars(
            select(TierReviewResultRow).where(
                TierReviewResultRow.review_id == latest, TierReviewResultRow.patient_id.in_(list(patient_ids))
            )
        )
        return {
            r.patient_id: TierReviewResult(review_id=r.review_id, **{f: getattr(r, f) for f in _RESULT_FIELDS})
            for r in rows
        }

    def figures(
        self,
        review: TierReview,
        previous: TierReview | None,
        at_risk_stages: Sequence[str],
        at_risk_segments: Sequence[str],
        active_stages: Sequence[str],
    ) -> ReviewFigures:
        """Every figure of a review by GROUP BY over its stored results (never a recomputation)."""
        r = TierReviewResultRow
        this = r.review_id == review.id
        tier = func.coalesce(r.tier, NO_TIER_CODE)
        per_tier = self._s.execute(
            select(tier, func.count(), func.sum(r.monetary_minor), func.sum(r.frequency)).where(this).group_by(tier)
        ).all()
        grouped = {
            col.key: dict(self._s.execute(select(col, func.count()).where(this, col.is_not(None)).group_by(col)).all())
            for col in (r.segment, r.stage)
        }
        risky = self._s.execute(
            select(func.count(), func.coalesce(func.sum(r.clv_predicted_minor), 0)).where(
                this, or_(r.stage.in_(at_risk_stages), r.segment.in_(at_risk_segments))
            )
        ).one()
        moves, retained, were = self._against_previous(review, previous, active_stages)
        return ReviewFigures(
            review,
            previous,
            {t: n for t, n, _, _ in per_tier},
            {t: m for t, _, m, _ in per_tier},
            {t: v for t, _, _, v in per_tier},
            grouped["segment"],
            grouped["stage"],
            moves,
            int(risky[1]),
            int(risky[0]),
            retained,
            were,
        )

    def _against_previous(
        self, review: TierReview, previous: TierReview | None, active: Sequence[str]
    ) -> tuple[dict[tuple[str, str], int], int, int]:
        now, before = aliased(TierReviewResultRow), aliased(TierReviewResultRow)
        join = and_(before.patient_id == now.patient_id, before.review_id == (previous.id if previous else -1))
        was, tier = func.coalesce(before.tier, NO_TIER_CODE), func.coalesce(now.tier, NO_TIER_CODE)
        rows = self._s.execute(
            select(was, tier, func.count())
            .select_from(now)
            .outerjoin(before, join)
            .where(now.review_id == review.id)
            .group_by(was, tier)
        ).all()
        kept = self._s.execute(
            select(func.count(), func.sum(case((now.stage.in_(active), 1), else_=0)))
            .select_from(before)
            .outerjoin(now, and_(now.patient_id == before.patient_id, now.review_id == review.id))
            .where(before.review_id == (previous.id if previous else -1), before.stage.in_(active))
        ).one()
        return {(a, b): n for a, b, n in rows}, int(kept[1] or 0), int(kept[0] or 0)

    def tier_moves(self, review: TierReview, previous: TierReview) -> list[tuple[int, str, str, int, int]]:
        """(patient, tier before, tier now, 12-month spend before, now) of every patient whose tier changed."""
        now, before = aliased(TierReviewResultRow), aliased(TierReviewResultRow)
        was, tier = func.coalesce(before.tier, NO_TIER_CODE), func.coalesce(now.tier, NO_TIER_CODE)
        rows = self._s.execute(
            select(now.patient_id, was, tier, before.monetary_minor, now.monetary_minor)
            .join(before, and_(before.patient_id == now.patient_id, before.review_id == previous.id))
            .where(now.review_id == review.id, was != tier)
        ).all()
        return [(p, a, b, m0, m1) for p, a, b, m0, m1 in rows]

    def patient_results(self, patient_id: int) -> list[tuple[TierReview, TierReviewResult]]:
        rows = self._s.execute(
            select(TierReviewRow, TierReviewResultRow)
            .join(TierReviewResultRow)
            .where(TierReviewResultRow.patient_id == patient_id)
            .order_by(TierReviewRow.as_of)
        )
        return [
            (_review(rv), TierReviewResult(review_id=rs.review_id, **{f: getattr(rs, f) for f in _RESULT_FIELDS}))
            for rv, rs in rows
        ]

    # -- history and overrides ---------------------------------------------------
    def add_changes(self, changes: Sequence[TierChange]) -> None:
        fields = ("patient_id", "from_tier", "to_tier", "reason", "changed_at", "review_id", "changed_by", "note")
        columns: dict[str, list[object]] = {name: [getattr(c, name) for c in changes] for name in fields}
        columns["reason"] = [c.reason.value for c in changes]
        insert_columns(self._s, TierHistoryRow.__table__, columns)  # type: ignore[arg-type]

    def history(self, patient_id: int) -> list[TierChange]:
        rows = self._s.scalars(
            select(TierHistoryRow)
            .where(TierHistoryRow.patient_id == patient_id)
            .order_by(TierHistoryRow.changed_at, TierHistoryRow.id)
        )
        return [
            TierChange(
                r.patient_id,
                r.from_tier,
                r.to_tier,
                TierChangeReason(r.reason),
                r.changed_at,
                r.review_id,
                r.changed_by,
                r.note,
                r.id,
            )
            for r in rows
        ]

    def add_override(self, override: TierOverride, at: datetime) -> TierOverride:
        row = TierOverrideRow(
            patient_id=override.patient_id,
            tier_code=override.tier_code,
            reason=override.reason,
            ends_on=override.ends_on,
            created_by=override.created_by,
            created_at=at,
        )
        self._s.add(row)
        self._s.flush()
        return dataclasses.replace(override, id=row.id, created_at=at)

    def cancel_override(self, override_id: int, at: datetime) -> None:
        self._s.get_one(TierOverrideRow, override_id).cancelled_at = at

    def overrides(self, patient_id: int | None = None) -> list[TierOverride]:
        query = select(TierOverrideRow).order_by(TierOverrideRow.created_at, TierOverrideRow.id)
        if patient_id is not None:
            query = query.where(TierOverrideRow.patient_id == patient_id)
        return [
            TierOverride(
                r.patient_id, r.tier_code, r.reason, r.ends_on, r.created_by, r.created_at, r.cancelled_at, r.id
            )
            for r in self._s.scalars(query)
        ]

    def move(self, from_patient: int, to_patient: int) -> None:
        for model in (TierHistoryRow, TierOverrideRow):
            for row in self._s.scalars(select(model).where(model.patient_id == from_patient)):
                row.patient_id = to_patient
