"""After-care and onboarding packets: gather a patient's values, build the PDF, log the print on the timeline."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from dermadesk.domain.audit import AuditAction
from dermadesk.domain.dates import clinic_day, day_number
from dermadesk.domain.errors import DermaDeskError, ErrorCode, FieldProblem, require_valid
from dermadesk.domain.printables import AftercarePacket, AftercareTreatment, ClinicLetterhead
from dermadesk.domain.staff import Permission
from dermadesk.domain.timeline import EventKind, TimelineEvent
from dermadesk.services.context import ServiceContext
from dermadesk.services.onboarding_content import onboarding_packet
from dermadesk.services.phones import letterhead
from dermadesk.store.unit_of_work import UnitOfWork

LANGUAGES = ("en", "zh_CN")
QUANTITY_UNITS = {"botox": "units", "filler": "ml"}


@dataclass(frozen=True)
class Packet:
    """A built document: what it is, whose it is, and its PDF."""

    kind: str  # "aftercare" or "onboarding"
    patient_id: int
    pdf: bytes
    event_ids: tuple[int, ...] = ()  # the treatments an after-care packet covers
    language: str = "en"


@dataclass(frozen=True)
class TemplateText:
    code: str
    language: str
    text: str  # the clinic's edited copy, else the default
    default: str
    edited: bool


def packet_language(preferred: str, asked: str | None) -> str:
    """The language asked for, else the patient's own if we have templates in it, else English."""
    choice = asked or preferred
    return choice if choice in LANGUAGES else "en"


class PacketService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def aftercare(self, event_id: int, language: str | None = None, *, record: bool = False) -> Packet:
        """The after-care packet of the visit a treatment belongs to: every treatment of that patient on
        that day, in one packet. `record` logs the print on the timeline in the same transaction."""
        self._ctx.require(Permission.PRINT_PACKETS, "print packets")
        with self._ctx.store.write() as uow:
            packet, events = self._aftercare(uow, event_id, language)
            built = Packet(
                "aftercare",
                packet_events_patient(events),
                _pdf(packet, "aftercare"),
                tuple(e.id for e in events if e.id),
                packet.language,
            )
            self._log(uow, built) if record else self._viewed(uow, built)
        return built

    def onboarding(self, patient_id: int, language: str | None = None, *, record: bool = False) -> Packet:
        self._ctx.require(Permission.PRINT_PACKETS, "print packets")
        with self._ctx.store.write() as uow:
            packet = onboarding_packet(uow, patient_id, language, self._ctx.clock.today())
            built = Packet("onboarding", patient_id, _pdf(packet, "onboarding"), (), packet.language)
            self._log(uow, built) if record else self._viewed(uow, built)
        return built

    def _viewed(self, uow: UnitOfWork, packet: Packet) -> None:
        """A packet built for the preview shows the patient's data: a view until it is printed or saved."""
        ids = ",".join(map(str, packet.event_ids)) or packet.patient_id
        self._ctx.audit(uow, AuditAction.VIEW, f"packet:{packet.kind}", ids, packet.patient_id)

    def record_printed(self, packet: Packet, how: str = "printed") -> None:
        """Log a packet that was printed or saved from the preview: a timeline entry and an audit entry."""
        self._ctx.require(Permission.PRINT_PACKETS, "print packets")
        with self._ctx.store.write() as uow:
            self._log(uow, packet, how)

    def todays_aftercare(self, day: date) -> list[int]:
        """One treatment event per visit of a day: the batch 'print today's after-care packets' covers."""
        self._ctx.require(Permission.PRINT_PACKETS, "print packets")
        with self._ctx.store.read() as uow:
            events = uow.timeline.of_kinds_between([EventKind.TREATMENT], day_number(day), day_number(day))
        first_per_patient: dict[int, int] = {}
        for event in events:
            first_per_patient.setdefault(event.patient_id, event.id)  # type: ignore[arg-type]
        return list(first_per_patient.values())

    # -- templates an owner may edit -------------------------------------------------------
    def templates(self) -> list[TemplateText]:
        """Every after-care template in every language, as the clinic has it and as it ships."""
        from dermadesk.documents.aftercare_templates import template_codes, template_source

        self._ctx.require(Permission.CHANGE_SETTINGS, "edit after-care templates")
        with self._ctx.store.read() as uow:
            found = []
            for code in template_codes():
                for language in LANGUAGES:
                    edited = uow.settings.get(_template_key(code, language))
                    default = template_source(code, language)
                    text = json.dumps(edited, ensure_ascii=False, indent=2) if edited else default
                    found.append(TemplateText(code, language, text, default, edited is not None))
        return found

    def template_text(self, code: str, language: str = "en") -> str:
        """The template as editable JSON: the clinic's edited copy, else the default."""
        from dermadesk.documents.aftercare_templates import template_source

        with self._ctx.store.read() as uow:
            edited = uow.settings.get(_template_key(code, language))
        return json.dumps(edited, ensure_ascii=False, indent=2) if edited else template_source(code, language)

    def save_template(self, code: str, language: str, text: str) -> None:
        from dermadesk.documents.aftercare_templates import TemplateError, parse_template

        actor = self._ctx.require(Permission.CHANGE_SETTINGS, "edit after-care templates")
        try:
            parse_template(text, code)
        except TemplateError as error:
            require_valid([FieldProblem("template", str(error) or "unknown_choice")])
        with self._ctx.store.write() as uow:
            uow.settings.put(_template_key(code, language), json.loads(text), self._ctx.clock.now(), actor.id)
            self._ctx.audit(uow, AuditAction.UPDATE, "aftercare_template", f"{code}:{language}")

    # -- internals ---------------------------------------------------------------------------
    def _aftercare(
        self, uow: UnitOfWork, event_id: int, language: str | None
    ) -> tuple[AftercarePacket, list[TimelineEvent]]:
        event = uow.timeline.get(event_id)
        if event is None or event.kind is not EventKind.TREATMENT:
            raise DermaDeskError(ErrorCode.NOT_FOUND, {"what": "treatment", "id": event_id})
        patient = uow.patients.require(event.patient_id)
        visit_day = clinic_day(event.occurred_at)
        visit = [
            e
            for e in uow.timeline.page(patient.id, kinds=[EventKind.TREATMENT], limit=10_000)  # type: ignore[arg-type]
            if clinic_day(e.occurred_at) == visit_day
        ]
        visit.sort(key=lambda e: (e.occurred_at, e.id or 0))
        clinic = letterhead(uow.settings.clinic())
        staff = {u.id: u.display_name for u in uow.staff.all()}
        lang = packet_language(patient.preferred_language, language)
        lead = staff.get(event.practitioner_id, "")  # type: ignore[arg-type]
        treatments = tuple(
            t
            for t in (self._treatment(uow, e, patient.display_name, clinic, staff, lead, lang) for e in visit)
            if t is not None
        )
        if not treatments:
            raise DermaDeskError(
                ErrorCode.INVALID_STATE,
                {
                    "what": "An after-care packet",
                    "action": "printed",
                    "detail": "no after-care template for this treatment",
                },
            )
        return AftercarePacket(clinic, patient.display_name, visit_day, lead, treatments, lang), visit

    def _treatment(
        self,
        uow: UnitOfWork,
        event: TimelineEvent,
        patient: str,
        clinic: ClinicLetterhead,
        staff: dict[int, str],
        lead: str,
        language: str,
    ) -> AftercareTreatment | None:
        from dermadesk.documents.aftercare_templates import load_template, parse_template, resolve_advice
        from dermadesk.documents.default_names import default_name

        kind = uow.catalogue.treatment(event.treatment_type_id) if event.treatment_type_id else None
        if kind is None or not kind.aftercare_template:
            return None
        edited = uow.settings.get(_template_key(kind.aftercare_template, language))
        advice = parse_template(json.dumps(edited)) if edited else load_template(kind.aftercare_template, language)
        visit_day = clinic_day(event.occurred_at)
        follow_up = visit_day + timedelta(days=kind.follow_up_min_days) if kind.follow_up_min_days else None
        practitioner = staff.get(event.practitioner_id, "")  # type: ignore[arg-type]
        name = default_name(kind.name, language)
        advice = resolve_advice(
            advice,
            patient=patient,
            treatment=name,
            visit_date=visit_day,
            practitioner=practitioner or lead,
            clinic=clinic,
            follow_up_on=follow_up,
            language=language,
        )
        units = event.details.get("units")
        return AftercareTreatment(
            name,
            advice,
            str(event.details.get("area", "")),
            str(event.details.get("product", "")),
            event.lot_number,
            float(units) if isinstance(units, (int, float)) else None,
            QUANTITY_UNITS.get(kind.code, "units"),
            practitioner if practitioner != lead else "",
            follow_up,
        )

    def _log(self, uow: UnitOfWork, packet: Packet, how: str = "printed") -> None:
        now = self._ctx.clock.now()
        uow.timeline.add(
            TimelineEvent(
                packet.patient_id,
                EventKind.PACKET_PRINTED,
                now,
                recorded_by=self._ctx.actor_id,
                summary=f"{packet.kind} packet {how}",
                details={
                    "packet": packet.kind,
                    "how": how,
                    "language": packet.language,
                    "events": list(packet.event_ids),
                },
            ),
            day_number(clinic_day(now)),
            now,
        )
        self._ctx.audit(
            uow, AuditAction.PRINT, f"packet:{packet.kind}", ",".join(map(str, packet.event_ids)), packet.patient_id
        )


def packet_events_patient(events: list[TimelineEvent]) -> int:
    return events[0].patient_id


def _template_key(code: str, language: str) -> str:
    return f"aftercare:{code}:{language}"


def _pdf(packet: object, kind: str) -> bytes:
    """Build a document into memory: nothing lands on disk unless the user saves it."""
    from dermadesk.documents.aftercare_packet import build_aftercare_packet
    from dermadesk.documents.onboarding_packet import build_onboarding_packet

    builders: dict[str, Callable[..., None]] = {
        "aftercare": build_aftercare_packet,
        "onboarding": build_onboarding_packet,
    }
    buffer = io.BytesIO()
    builders[kind](packet, buffer)
    return buffer.getvalue()
