"""A workspace: opens a clinic database and builds the services for whoever is acting."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import get_type_hints

from dermadesk.domain.backup_rotation import Retention
from dermadesk.domain.clinic import ClinicSettings
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.ports import Clock, SystemClock
from dermadesk.domain.staff import StaffUser
from dermadesk.services.alerts import AlertService
from dermadesk.services.appointments import AppointmentService
from dermadesk.services.audit import AuditService
from dermadesk.services.backups import BackupService
from dermadesk.services.catalogue import CatalogueService
from dermadesk.services.churn import ChurnService
from dermadesk.services.clinic import ClinicService
from dermadesk.services.context import SYSTEM_ACTOR, ServiceContext
from dermadesk.services.database import OpenedDatabase, open_database, open_read_only
from dermadesk.services.demo import DemoService
from dermadesk.services.importing import ImportService
from dermadesk.services.packets import PacketService
from dermadesk.services.patients import PatientDirectory, PatientService
from dermadesk.services.privacy import PrivacyService
from dermadesk.services.readings import ReadingService
from dermadesk.services.reports import ReportService
from dermadesk.services.rfm_export import RfmExportService
from dermadesk.services.server_database import open_server_database
from dermadesk.services.staff import StaffService
from dermadesk.services.tiering import TierService
from dermadesk.services.timeline import TimelineService
from dermadesk.services.vault import Vault
from dermadesk.store.server import is_server_url


@dataclass
class Services:
    """Every use case, sharing one context (store, clock, acting user)."""

    context: ServiceContext
    # every other field is a service class built from the context (see build)
    clinic: ClinicService
    staff: StaffService
    catalogue: CatalogueService
    patients: PatientService
    directory: PatientDirectory
    appointments: AppointmentService
    readings: ReadingService
    timeline: TimelineService
    tiers: TierService
    alerts: AlertService
    packets: PacketService
    reports: ReportService
    rfm: RfmExportService
    churn: ChurnService
    demo: DemoService
    audit: AuditService
    imports: ImportService
    privacy: PrivacyService

    @classmethod
    def build(cls, context: ServiceContext) -> Services:
        parts = {name: kind(context) for name, kind in get_type_hints(cls).items() if name != "context"}
        return cls(context=context, **parts)


class Workspace:
    def __init__(self, vault: Vault, backups: Path | None = None, clock: Clock | None = None) -> None:
        self.vault = vault
        self.backups = backups
        self.clock = clock or SystemClock()

    def open(
        self,
        path: Path | str,
        *,
        create: bool = False,
        settings: ClinicSettings | None = None,
        check_later: bool = False,
    ) -> OpenedDatabase:
        """A database file, or a clinic server named by a postgresql:// URL (see open_database: check_later)."""
        if is_server_url(path):
            return open_server_database(str(path), self.vault, settings=settings, clock=self.clock)
        return open_database(
            Path(path),
            self.vault,
            create=create,
            settings=settings,
            backups=self.backups,
            clock=self.clock,
            check_later=check_later,
        )

    def open_read_only(self, path: Path | str) -> OpenedDatabase:
        if is_server_url(path):
            return open_server_database(str(path), self.vault, clock=self.clock)
        return open_read_only(Path(path), self.vault)

    def services(self, opened: OpenedDatabase, actor: StaffUser | None) -> Services:
        return Services.build(ServiceContext(opened.store, opened.audit_key, self.clock, actor))

    def backup_folder(self, db_path: Path) -> Path:
        return self.backups or db_path.parent / "backups"

    def backup_service(self, opened: OpenedDatabase, actor: StaffUser | None = SYSTEM_ACTOR) -> BackupService:
        """Backups of the open database. Not one of `Services`: it needs the file and its key, not just the store;
        the automatic daily backup runs as the system, whoever signed in."""
        if opened.path is None:
            raise DermaDeskError(ErrorCode.DB_SERVER_BACKUP)
        context = ServiceContext(opened.store, opened.audit_key, self.clock, actor)
        return BackupService(context, opened.path, opened.key, self.backup_folder(opened.path), Retention())
