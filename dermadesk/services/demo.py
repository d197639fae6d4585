"""A demo clinic: a believable 3-year history for N patients, the same clinic for the same seed."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import numpy as np

from dermadesk.domain.clinic import ClinicSettings
from dermadesk.domain.errors import DermaDeskError, ErrorCode, FieldProblem, invalid
from dermadesk.domain.patients import AcquisitionSource, ContactChannel, Patient, Sex
from dermadesk.domain.ports import ProgressReporter, SilentProgress
from dermadesk.domain.staff import Permission, Role, StaffUser
from dermadesk.domain.timeline import EventKind
from dermadesk.services.context import ServiceContext
from dermadesk.services.demo_history import Clinic, History, HistoryBuilder, Ids, at
from dermadesk.services.demo_people import NamePool, draw_pools, locale_weights, uk_mobile
from dermadesk.services.patients import search_terms
from dermadesk.services.staff import HASHER
from dermadesk.store.unit_of_work import UnitOfWork
from dermadesk.system.pinyin_names import latin_name

DEMO_SETTINGS = ClinicSettings(
    name="Harbour Skin Clinic",
    currency="GBP",
    country="GB",
    phone="+442079460000",
    emergency_phone="+442079460999",
    email="hello@harbourskin.example",
    address="12 Quay Street, Bristol BS1 4DJ",
    website="harbourskin.example",
)
DEMO_STAFF = (
    ("dr.hart", "Dr Amelia Hart", Role.PRACTITIONER),
    ("dr.mori", "Dr Kenji Mori", Role.PRACTITIONER),
    ("nurse.reyes", "Sofia Reyes RN", Role.PRACTITIONER),
    ("lily", "Lily Chen", Role.RECEPTIONIST),
    ("tom", "Tom Okafor", Role.RECEPTIONIST),
    ("grace", "Grace Whitfield", Role.OWNER),
)
TREATMENT_WEIGHTS = {
    "botox": 0.24,
    "filler": 0.1,
    "peel": 0.12,
    "ipl": 0.08,
    "laser_hair_removal": 0.12,
    "hydrafacial": 0.16,
    "microneedling": 0.1,
    "laser_resurfacing": 0.05,
    "mole_removal": 0.03,
}
CONCERNS = ("acne", "melasma", "rosacea", "ageing", "pigmentation", "sensitivity", "scarring", "hair_removal")
BATCH = 500
DEMO_PASSWORD = "demo-clinic"  # every demo account's; a demo clinic holds no real patient


@dataclass(frozen=True)
class DemoSpec:
    patients: int = 2000
    seed: int = 7
    end: date | None = None  # the last day of history; today by default
    years: int = 3


@dataclass(frozen=True)
class DemoSummary:
    patients: int
    events: int
    reading_sessions: int
    appointments: int


class DemoService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def generate(self, spec: DemoSpec, progress: ProgressReporter | None = None) -> DemoSummary:
        """Fill the database in one transaction: all of it lands, or none of it."""
        self._ctx.require(Permission.CHANGE_SETTINGS, "create a demo clinic")
        progress = progress or SilentProgress()
        if spec.patients < 1:
            raise invalid(FieldProblem("patients", "must_be_positive"))
        rng = np.random.default_rng(spec.seed)
        end = spec.end or self._ctx.clock.today()
        pools = draw_pools(spec.seed)
        totals = [0, 0, 0, 0]
        with self._ctx.store.write() as uow:
            clinic = self._clinic(uow, end, spec.years)
            ids = Ids(uow.bulk.next_ids())
            builder = HistoryBuilder(clinic, rng, ids)
            made: list[Patient] = []
            for start in range(0, spec.patients, BATCH):
                if progress.cancelled():
                    raise DermaDeskError(ErrorCode.CANCELLED)
                count = min(BATCH, spec.patients - start)
                batch = [self._patient(rng, pools, clinic, ids, made) for _ in range(count)]
                histories = [builder.build(p.id, p.first_contact_on, rng.random() < 0.08) for p in batch]  # type: ignore[arg-type]
                self._add_referrals(builder, batch, histories, made)
                batch += self._duplicates(rng, batch, ids)
                self._load(uow, batch, histories, totals)
                made.extend(batch)
                progress.report(start + count, spec.patients, "Creating demo patients")
        return DemoSummary(*totals)

    def _clinic(self, uow: UnitOfWork, end: date, years: int) -> Clinic:
        staff = {u.username: u for u in uow.staff.all()}
        moment = datetime.combine(end - timedelta(days=365 * years), time(8), tzinfo=UTC)
        for username, name, role in DEMO_STAFF:
            if username not in staff:  # a salt from the name keeps "same seed, same clinic" byte for byte
                password_hash = HASHER.hash(DEMO_PASSWORD, salt=f"demo-salt-{username}".encode())
                staff[username] = uow.staff.add(StaffUser(username, name, role), password_hash, moment)
        treatments = tuple(t for t in uow.catalogue.treatments() if t.code in TREATMENT_WEIGHTS)
        weights = np.array([TREATMENT_WEIGHTS[t.code] for t in treatments])
        by_role = {r: tuple(u.id for u in staff.values() if u.role is r and u.id) for r in Role}
        return Clinic(
            treatments,
            weights / weights.sum(),
            tuple(uow.catalogue.metrics(include_inactive=False)),
            by_role[Role.PRACTITIONER],
            by_role[Role.RECEPTIONIST] or by_role[Role.OWNER],
            end - timedelta(days=365 * years),
            end,
        )

    def _patient(
        self, rng: np.random.Generator, pools: list[NamePool], clinic: Clinic, ids: Ids, made: list[Patient]
    ) -> Patient:
        pool = pools[int(rng.choice(len(pools), p=locale_weights()))]
        female = rng.random() < 0.78  # aesthetic clinics see mostly women
        given = (pool.female if female else pool.male)[int(rng.integers(len(pool.female if female else pool.male)))]
        family = pool.family[int(rng.integers(len(pool.family)))]
        span = (clinic.end - clinic.start).days
        joined = clinic.start + timedelta(days=int(span * rng.power(1.3)))  # the clinic grew
        referred = made[int(rng.integers(len(made)))] if made and rng.random() < 0.1 else None
        user = pool.users[int(rng.integers(len(pool.users)))]
        return Patient(
            given,
            family,
            id=ids.take("patients"),
            date_of_birth=date(int(rng.integers(1950, 2006)), int(rng.integers(1, 13)), int(rng.integers(1, 29))),
            sex=Sex.FEMALE if female else Sex.MALE,
            phone=uk_mobile(rng),
            email=f"{user}{int(rng.integers(1, 999))}@example.com" if rng.random() < 0.8 else "",
            preferred_language=pool.language if rng.random() < 0.7 else "en",
            preferred_channel=ContactChannel.SMS if rng.random() < 0.6 else ContactChannel.EMAIL,
            skin_type=int(rng.integers(1, 7)),
            concerns=tuple(sorted({CONCERNS[int(i)] for i in rng.integers(0, 8, 2)})),
            allergies="Lidocaine" if rng.random() < 0.03 else "",
            contraindications=("anticoagulants",) if rng.random() < 0.02 else (),
            acquisition_source=AcquisitionSource.REFERRAL
            if referred
            else AcquisitionSource(str(rng.choice(["walk_in", "search", "social", "advertising", "event", "other"]))),
            referred_by_id=referred.id if referred else None,
            name_latin=latin_name(given, family),  # as the service derives it for a Chinese name
            first_contact_on=joined,
            created_at=at(joined, rng),
            updated_at=at(joined, rng),
        )

    def _add_referrals(
        self, builder: HistoryBuilder, batch: list[Patient], histories: list[History], made: list[Patient]
    ) -> None:
        """A referred patient shows on the referrer's timeline as a referral on the day they came."""
        for patient, history in zip(batch, histories, strict=True):
            if patient.referred_by_id and patient.created_at:
                builder.event(
                    history,
                    patient.referred_by_id,
                    EventKind.REFERRAL,
                    patient.created_at,
                    related_patient_id=patient.id,
                    summary="Referred a new patient",
                )

    def _duplicates(self, rng: np.random.Generator, batch: list[Patient], ids: Ids) -> list[Patient]:
        """A few patients registered twice at the desk: same phone, a name typed differently."""
        copies = []
        for patient in batch:
            if rng.random() < 0.005:
                typo = patient.given_name[:-1] if len(patient.given_name) > 3 else patient.given_name
                copies.append(
                    dataclasses.replace(
                        patient,
                        id=ids.take("patients"),
                        given_name=typo,
                        email="",
                        referred_by_id=None,
                        external_id=None,
                    )
                )
        return copies

    def _load(self, uow: UnitOfWork, patients: list[Patient], histories: list[History], totals: list[int]) -> None:
        moment = min((p.created_at for p in patients if p.created_at), default=None)
        uow.bulk.patients(patients, [(p.id, kind, term) for p in patients for kind, term in search_terms(p)], moment)  # type: ignore[misc, arg-type]
        sessions = [s for h in histories for s in h.sessions]
        appointments = [a for h in histories for a in h.appointments]
        events = [e for h in histories for e in h.events]
        uow.bulk.reading_sessions(sessions)
        uow.bulk.appointments(appointments, moment)  # type: ignore[arg-type]
        uow.bulk.events(events)
        uow.bulk.consents([c for h in histories for c in h.consents])
        for i, n in enumerate((len(patients), len(events), len(sessions), len(appointments))):
            totals[i] += n
