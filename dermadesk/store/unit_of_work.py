"""A unit of work: one transaction, the repositories over it, commit or roll back as one."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from dermadesk.store.engine import writing
from dermadesk.store.errors import translated
from dermadesk.store.repositories.alerts import AlertRepository
from dermadesk.store.repositories.appointments import AppointmentRepository
from dermadesk.store.repositories.audit import AuditRepository
from dermadesk.store.repositories.bulk import BulkLoader
from dermadesk.store.repositories.catalogue import CatalogueRepository
from dermadesk.store.repositories.clinic_figures import ClinicFiguresRepository
from dermadesk.store.repositories.patient_data import PatientDataRepository
from dermadesk.store.repositories.patients import PatientRepository
from dermadesk.store.repositories.readings import ReadingRepository
from dermadesk.store.repositories.settings import SettingsRepository
from dermadesk.store.repositories.staff import StaffRepository
from dermadesk.store.repositories.tiers import TierRepository
from dermadesk.store.repositories.timeline import TimelineRepository


class UnitOfWork:
    """`with store.write() as uow:` — everything inside is one transaction."""

    def __init__(self, engine: Engine, *, write: bool = False, currency: str = "GBP", rescue: bool = False) -> None:
        self._engine = writing(engine) if write else engine
        self._currency = currency
        # a damaged database, open read-only: the action runs, its audit entry goes to the log, nothing commits
        self.rescue = rescue

    def __enter__(self) -> UnitOfWork:
        self.session = Session(self._engine, expire_on_commit=False, autoflush=True)
        self.session.begin()
        s = self.session
        self.settings = SettingsRepository(s)
        self.staff = StaffRepository(s)
        self.patients = PatientRepository(s)
        self.catalogue = CatalogueRepository(s)
        self.timeline = TimelineRepository(s, self._currency)
        self.appointments = AppointmentRepository(s)
        self.readings = ReadingRepository(s)
        self.tiers = TierRepository(s)
        self.alerts = AlertRepository(s)
        self.audit = AuditRepository(s, rescue=self.rescue)
        self.bulk = BulkLoader(s)
        self.figures = ClinicFiguresRepository(s)
        self.patient_data = PatientDataRepository(s)
        return self

    def lock_for(self, purpose: str) -> None:
        """Hold a named lock until this transaction ends: one tier review at a time. SQLite's write
        transaction (BEGIN IMMEDIATE) already serialises writers; PostgreSQL needs an advisory lock."""
        if self.session.get_bind().dialect.name == "postgresql":
            self.session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:purpose))"), {"purpose": purpose})

    def flush(self) -> None:
        self.session.flush()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if exc is not None:
                self.session.rollback()
                mapped = translated(exc)
                if mapped is not exc:
                    raise mapped from exc
                return
            try:
                if self.rescue:
                    self.session.flush()  # a change still pending must be refused, not silently dropped
                    self.session.rollback()
                    return
                self.session.commit()
            except Exception as commit_error:
                self.session.rollback()
                mapped = translated(commit_error)
                if mapped is commit_error:
                    raise
                raise mapped from commit_error
        finally:
            self.session.close()


class Store:
    """The composition root hands services this: an engine and units of work over it."""

    def __init__(self, engine: Engine, currency: str = "GBP", *, read_only: bool = False) -> None:
        self.engine = engine
        self.currency = currency  # money read back carries the clinic's currency
        self.read_only = read_only  # a database that failed its start-up check: every write is refused

    def read(self) -> UnitOfWork:
        return UnitOfWork(self.engine, currency=self.currency)

    def write(self) -> UnitOfWork:
        """A write transaction; on a damaged database a rescue one, where viewing (and its audit entry, sent to
        the log) works and any change is refused as read-only."""
        if self.read_only:
            return UnitOfWork(self.engine, currency=self.currency, rescue=True)
        return UnitOfWork(self.engine, write=True, currency=self.currency)

    def dispose(self) -> None:
        self.engine.dispose()
