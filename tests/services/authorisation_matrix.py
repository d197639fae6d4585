"""The authorisation matrix: every public service method, who may call it, and how many audit entries one
successful call writes. One line per method; a method missing here fails tests/services/test_authorisation.py.

Roles: OUT (signed out), RECEPTION, PRACTITIONER, EMERGENCY (a practitioner in a "break the glass" session) and
OWNER. "Own / other patient": DOMAIN §7 gives practitioners every patient's record (there is no "own patients"
rule), so each patient method runs on a patient the practitioner treated and on one they never saw, and the
answer must not differ.

Each entry: roles allowed; audit entries per successful call (1 for every patient-data read or write, and for
changes to settings and accounts); `call(s, w, x)` with the role's services `s`, the world `w` (ids, helpers)
and `x` what `prepare(w)` made beforehand (as the system, before counting); `patient=True` runs it for the own
and the other patient (w.patient)."""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from dermadesk.domain.alerts import AlertOutcome
from dermadesk.domain.appointments import Appointment, AppointmentStatus
from dermadesk.domain.audit import AuditFilter
from dermadesk.domain.catalogue import TreatmentCategory, TreatmentType
from dermadesk.domain.import_columns import ImportKind
from dermadesk.domain.patients import ConsentKind, Patient
from dermadesk.domain.readings import ConcernWhen, Metric, Photo, ReadingSession
from dermadesk.domain.staff import Role, StaffUser
from dermadesk.services.demo import DEMO_PASSWORD, DemoSpec
from dermadesk.services.packets import Packet

OUT, RECEPTION, PRACTITIONER, EMERGENCY, OWNER = "out", "reception", "practitioner", "emergency", "owner"
ROLES = (OUT, RECEPTION, PRACTITIONER, EMERGENCY, OWNER)
ANYONE = frozenset(ROLES)
STAFF = frozenset({RECEPTION, PRACTITIONER, EMERGENCY, OWNER})  # any signed-in account
CLINICAL = frozenset({PRACTITIONER, EMERGENCY, OWNER})
OWNERS = frozenset({OWNER})
EXPORTERS = frozenset({OWNER, EMERGENCY})  # what an emergency session adds
NOBODY: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Rule:
    roles: frozenset[str]
    audits: int
    call: Callable[[Any, Any, Any], object]
    prepare: Callable[[Any], object] | None = None
    patient: bool = False


def _p(roles: frozenset[str], audits: int, call: Callable[[Any, Any, Any], object], prepare=None) -> Rule:  # type: ignore[no-untyped-def]
    """A rule run for the own and the other patient."""
    return Rule(roles, audits, call, prepare, patient=True)


def _photo(w: Any) -> Photo:
    return Photo(w.patient, w.now, "image/png", b"\x89PNG\r\n\x1a\n" + b"0" * 32, caption="matrix")


def _patients_csv(w: Any) -> Path:
    """A one-patient import file of a name not seen before (each call imports someone new)."""
    path = Path(tempfile.mkdtemp(prefix="matrix-import-")) / "patients.csv"
    path.write_text(f"given_name,family_name\nMatrix,{w.unique('Imported')}\n", encoding="utf-8")
    return path


def _reading(w: Any) -> ReadingSession:
    return ReadingSession(w.patient, w.now - timedelta(hours=1), {"hydration": 30.0}, device="Matrix scanner")


MATRIX: dict[str, Rule] = {
    # clinic and catalogue
    "clinic.settings": Rule(ANYONE, 0, lambda s, w, x: s.clinic.settings()),
    "clinic.save_settings": Rule(OWNERS, 1, lambda s, w, x: s.clinic.save_settings(x), lambda w: w.settings),
    "clinic.change_settings": Rule(OWNERS, 1, lambda s, w, x: s.clinic.change_settings(lambda settings: settings)),
    "clinic.rename": Rule(OWNERS, 1, lambda s, w, x: s.clinic.rename("Harbour Skin Clinic")),
    "catalogue.treatments": Rule(ANYONE, 0, lambda s, w, x: s.catalogue.treatments()),
    "catalogue.metrics": Rule(ANYONE, 0, lambda s, w, x: s.catalogue.metrics()),
    "catalogue.save_treatment": Rule(
        OWNERS,
        1,
        lambda s, w, x: s.catalogue.save_treatment(
            TreatmentType(w.unique("peel"), "Matrix peel", TreatmentCategory.PEELS, 9000)
        ),
    ),
    "catalogue.save_metric": Rule(
        OWNERS,
        1,
        lambda s, w, x: s.catalogue.save_metric(
            Metric(w.unique("m"), "Matrix metric", "%", ConcernWhen.BELOW, 10.0, builtin=False)
        ),
    ),
    # staff accounts and sign-in
    "staff.needs_owner": Rule(ANYONE, 0, lambda s, w, x: s.staff.needs_owner()),
    "staff.create_first_owner": Rule(  # only while a clinic has no account at all: never here
        NOBODY, 1, lambda s, w, x: s.staff.create_first_owner(StaffUser("eve", "Eve", Role.OWNER), "a long password")
    ),
    "staff.sign_in": Rule(ANYONE, 1, lambda s, w, x: w.detached(s).staff.sign_in("tom", DEMO_PASSWORD)),
    "staff.sign_out": Rule(ANYONE, 0, lambda s, w, x: w.detached(s).staff.sign_out()),
    "staff.all": Rule(STAFF, 0, lambda s, w, x: s.staff.all()),
    "staff.add": Rule(
        OWNERS, 1, lambda s, w, x: s.staff.add(StaffUser(w.unique("u"), "Matrix", Role.RECEPTIONIST), "long password")
    ),
    "staff.update": Rule(
        OWNERS,
        1,
        lambda s, w, x: s.staff.update(dataclasses.replace(x, display_name="Renamed")),
        lambda w: w.new_staff(),
    ),
    "staff.set_active": Rule(OWNERS, 1, lambda s, w, x: s.staff.set_active(x.id, False), lambda w: w.new_staff()),
    "staff.unacknowledged_break_glass": Rule(OWNERS, 0, lambda s, w, x: s.staff.unacknowledged_break_glass()),
    "staff.acknowledge_break_glass": Rule(
        OWNERS, 1, lambda s, w, x: s.staff.acknowledge_break_glass(x), lambda w: w.new_break_glass()
    ),
    # patients
    "patients.count": Rule(STAFF, 0, lambda s, w, x: s.patients.count()),
    "patients.normalised": Rule(ANYONE, 0, lambda s, w, x: s.patients.normalised(Patient("Ann", "Lee"))),
    "patients.search": Rule(STAFF, 0, lambda s, w, x: s.patients.search("a")),  # ids only: summaries shows them
    "patients.get": _p(STAFF, 1, lambda s, w, x: s.patients.get(w.patient)),
    "patients.consents": _p(STAFF, 1, lambda s, w, x: s.patients.consents(w.patient)),
    "patients.likely_duplicates": _p(STAFF, 1, lambda s, w, x: s.patients.likely_duplicates(x), lambda w: w.record()),
    "patients.register": Rule(STAFF, 1, lambda s, w, x: s.patients.register(Patient("Matrix", w.unique("Reg")))),
    "patients.save": Rule(STAFF, 1, lambda s, w, x: s.patients.save(Patient("Matrix", w.unique("Save")))),
    "patients.update": _p(
        STAFF,
        1,
        lambda s, w, x: s.patients.update(dataclasses.replace(x, address="1 Matrix Road")),
        lambda w: w.record(),
    ),
    "patients.record_consent": _p(
        STAFF, 1, lambda s, w, x: s.patients.record_consent(w.patient, ConsentKind.MARKETING_SMS, False)
    ),
    "patients.merge": _p(STAFF, 1, lambda s, w, x: s.patients.merge(w.patient, x), lambda w: w.new_patient()),
    "directory.summaries": _p(STAFF, 1, lambda s, w, x: s.directory.summaries([w.patient])),
    "directory.profile": _p(STAFF, 1, lambda s, w, x: s.directory.profile(w.patient)),
    # appointments
    "appointments.day_list": Rule(STAFF, 1, lambda s, w, x: s.appointments.day_list(w.today)),
    "appointments.for_patient": _p(STAFF, 1, lambda s, w, x: s.appointments.for_patient(w.patient)),
    "appointments.book": _p(STAFF, 1, lambda s, w, x: s.appointments.book(Appointment(w.patient, w.tomorrow))),
    "appointments.mark": _p(
        STAFF, 1, lambda s, w, x: s.appointments.mark(x, AppointmentStatus.ATTENDED), lambda w: w.new_appointment()
    ),
    # skin readings and photos
    "readings.metrics": Rule(ANYONE, 0, lambda s, w, x: s.readings.metrics()),
    "readings.compare": Rule(ANYONE, 0, lambda s, w, x: s.readings.compare(x, x), _reading),
    "readings.sessions": _p(STAFF, 1, lambda s, w, x: s.readings.sessions(w.patient)),
    "readings.add_session": _p(CLINICAL, 1, lambda s, w, x: s.readings.add_session(_reading(w))),
    "readings.photos": _p(STAFF, 1, lambda s, w, x: s.readings.photos(w.patient)),
    "readings.add_photo": _p(CLINICAL, 1, lambda s, w, x: s.readings.add_photo(_photo(w))),
    # the timeline (a consultation: a clinical entry, refused to the front desk)
    "timeline.page": _p(STAFF, 1, lambda s, w, x: s.timeline.page(w.patient)),
    "timeline.kinds_count": _p(STAFF, 1, lambda s, w, x: s.timeline.kinds_count(w.patient)),
    "timeline.revisions": _p(STAFF, 1, lambda s, w, x: s.timeline.revisions(x.id), lambda w: w.new_event()),
    "timeline.add": _p(CLINICAL, 1, lambda s, w, x: s.timeline.add(w.consultation())),
    "timeline.edit": _p(
        CLINICAL, 1, lambda s, w, x: s.timeline.edit(dataclasses.replace(x, summary="edited")), lambda w: w.new_event()
    ),
    "timeline.void": _p(CLINICAL, 1, lambda s, w, x: s.timeline.void(x), lambda w: w.new_event()),
    # tiers
    "tiers.run_review": Rule(OWNERS, 1, lambda s, w, x: s.tiers.run_review(w.review_day)),
    "tiers.review": Rule(OWNERS, 0, lambda s, w, x: s.tiers.review(w.month)),
    "tiers.reviews": Rule(OWNERS, 0, lambda s, w, x: s.tiers.reviews()),
    "tiers.figures": Rule(OWNERS, 0, lambda s, w, x: s.tiers.figures(w.month)),
    "tiers.results": Rule(OWNERS, 1, lambda s, w, x: s.tiers.results(w.month)),
    "tiers.patient": _p(STAFF, 1, lambda s, w, x: s.tiers.patient(w.patient)),
    "tiers.override": _p(OWNERS, 1, lambda s, w, x: s.tiers.override(w.patient, "gold", "matrix", w.next_month)),
    "tiers.cancel_override": _p(OWNERS, 1, lambda s, w, x: s.tiers.cancel_override(x), lambda w: w.new_override()),
    # alerts
    "alerts.run": Rule(STAFF, 1, lambda s, w, x: s.alerts.run(w.today)),
    "alerts.inbox": Rule(STAFF, 1, lambda s, w, x: s.alerts.inbox()),
    "alerts.counts": Rule(STAFF, 0, lambda s, w, x: s.alerts.counts()),  # numbers per rule, no patient
    "alerts.no_shows": Rule(STAFF, 1, lambda s, w, x: s.alerts.no_shows(w.today - timedelta(days=30))),
    "alerts.for_patient": _p(STAFF, 1, lambda s, w, x: s.alerts.for_patient(w.patient)),
    "alerts.resolve": _p(STAFF, 1, lambda s, w, x: s.alerts.resolve(x, AlertOutcome.OTHER), lambda w: w.new_alert()),
    "alerts.dismiss": _p(STAFF, 1, lambda s, w, x: s.alerts.dismiss(x), lambda w: w.new_alert()),
    "alerts.snooze": _p(STAFF, 1, lambda s, w, x: s.alerts.snooze(x, w.tomorrow.date()), lambda w: w.new_alert()),
    "alerts.log_call": _p(STAFF, 1, lambda s, w, x: s.alerts.log_call(x, "no answer"), lambda w: w.new_alert()),
    "alerts.rebook": _p(
        STAFF, 1, lambda s, w, x: s.alerts.rebook(x, Appointment(w.patient, w.tomorrow)), lambda w: w.new_alert()
    ),
    # printed packets and templates
    "packets.aftercare": _p(STAFF, 1, lambda s, w, x: s.packets.aftercare(x), lambda w: w.treatment_event()),
    "packets.onboarding": _p(STAFF, 1, lambda s, w, x: s.packets.onboarding(w.patient)),
    "packets.record_printed": _p(
        STAFF, 1, lambda s, w, x: s.packets.record_printed(Packet("onboarding", w.patient, b"", (), "en"))
    ),
    # import and privacy requests
    "imports.preview": Rule(STAFF, 1, lambda s, w, x: s.imports.preview(ImportKind.PATIENTS, x), _patients_csv),
    "imports.check": Rule(STAFF, 1, lambda s, w, x: s.imports.check(ImportKind.PATIENTS, x), _patients_csv),
    "imports.run": Rule(STAFF, 1, lambda s, w, x: s.imports.run(ImportKind.PATIENTS, x), _patients_csv),
    "privacy.access_export": _p(EXPORTERS, 1, lambda s, w, x: s.privacy.access_export(w.patient)),
    "privacy.erase": Rule(
        OWNERS, 1, lambda s, w, x: s.privacy.erase(x, "Matrix: asked in writing"), lambda w: w.new_patient()
    ),
    "privacy.withdraw_marketing": _p(STAFF, 1, lambda s, w, x: s.privacy.withdraw_marketing(w.patient)),
    "packets.todays_aftercare": Rule(STAFF, 0, lambda s, w, x: s.packets.todays_aftercare(w.today)),  # ids only
    "packets.templates": Rule(OWNERS, 0, lambda s, w, x: s.packets.templates()),
    "packets.template_text": Rule(ANYONE, 0, lambda s, w, x: s.packets.template_text("botulinum_toxin")),
    "packets.save_template": Rule(
        OWNERS, 1, lambda s, w, x: s.packets.save_template("botulinum_toxin", "en", x), lambda w: w.template
    ),
    # reports, exports, the churn model, the demo
    "reports.monthly": Rule(OWNERS, 1, lambda s, w, x: s.reports.monthly(w.month)),
    "reports.monthly_pdf": Rule(OWNERS, 1, lambda s, w, x: s.reports.monthly_pdf(w.month)),
    "reports.monthly_csv": Rule(OWNERS, 1, lambda s, w, x: s.reports.monthly_csv(x), lambda w: w.report),
    "rfm.export": Rule(EXPORTERS, 1, lambda s, w, x: s.rfm.export(w.review_day)),
    "churn.fit": Rule(OWNERS, 0, lambda s, w, x: s.churn.fit(w.review_day - timedelta(days=180))),  # no patient
    # invented people only ("a demo clinic holds no real patient"); left out of the log so one seed gives one file
    "demo.generate": Rule(OWNERS, 0, lambda s, w, x: s.demo.generate(DemoSpec(2, seed=w.counter, end=w.review_day))),
    # the audit log itself
    "audit.verify": Rule(OWNERS, 0, lambda s, w, x: s.audit.verify()),
    "audit.count": Rule(OWNERS, 0, lambda s, w, x: s.audit.count()),
    "audit.page": Rule(OWNERS, 1, lambda s, w, x: s.audit.page(AuditFilter(patient_id=w.patient_a))),
    "audit.export_csv": Rule(OWNERS, 1, lambda s, w, x: s.audit.export_csv(w.today - timedelta(days=1), w.today)),
}
