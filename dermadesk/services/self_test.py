"""The installer's self-test, minus the window: the bundled files, the keyring backend, the churn model, and a
throw-away encrypted clinic that is written, closed, reopened, read back and printed from. It never touches the
user's keyring or data folder: the clinic lives in a folder the caller chooses and its key is sealed by a random
passphrase kept in memory."""

from __future__ import annotations

import secrets
import sys
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from dermadesk.analytics.bgnbd import fit_bgnbd, p_alive
from dermadesk.domain.clinic import ClinicSettings
from dermadesk.domain.money import Money
from dermadesk.domain.patients import Patient
from dermadesk.domain.staff import Role, StaffUser
from dermadesk.domain.timeline import EventKind, TimelineEvent
from dermadesk.services.context import SYSTEM_ACTOR
from dermadesk.services.database import OpenedDatabase
from dermadesk.services.vault import PASSPHRASE_ENV, Vault
from dermadesk.services.workspace import Services, Workspace
from dermadesk.system.resources import migrations_dir, resource
from dermadesk.system.secrets import NoSecretStore, load_native_backend

# What an installed app cannot run without: fonts (a bare machine has none), templates, icons, the migrations.
BUNDLED_FILES = (
    ("fonts", "DejaVuSans.ttf"),
    ("fonts", "DejaVuSans-Bold.ttf"),
    ("fonts", "wqy-microhei.ttc"),
    ("aftercare", "botulinum_toxin.json"),
    ("aftercare", "botulinum_toxin.zh_CN.json"),
    ("icons", "dermadesk.png"),
)
SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"
OWNER = "selftest"
# A Chinese name: the packet must draw it with the bundled CJK font, not as boxes.
PATIENT = Patient("芳", "王", name_latin="Wang Fang", preferred_language="zh_CN", concerns=("melasma",))


class SelfTestFailed(Exception):
    """A check found the installation broken; the message says what."""


def check_bundled_files() -> str:
    missing = [str(resource(*parts)) for parts in BUNDLED_FILES if not resource(*parts).is_file()]
    if not (migrations_dir() / "env.py").is_file():
        missing.append(str(migrations_dir() / "env.py"))
    if missing:
        raise SelfTestFailed("missing " + ", ".join(missing))
    return f"resources and migrations under {resource().parent}"


def check_keyring_backend() -> str:
    return load_native_backend(sys.platform)


def check_churn_model() -> str:
    """Fit BG/NBD to a fixed history drawn from the model itself: scipy's optimiser and special functions, as a
    tier review uses them."""
    x, t_x, age = _bgnbd_history(np.random.default_rng(2026), patients=400)
    fit = fit_bgnbd(x, t_x, age)
    if fit is None or not np.isfinite([fit.r, fit.alpha, fit.a, fit.b]).all():
        raise SelfTestFailed("the BG/NBD model did not fit a synthetic history")
    alive = p_alive(fit, x, t_x, age)
    if not ((alive >= 0) & (alive <= 1)).all():
        raise SelfTestFailed("P(alive) fell outside 0..1")
    return f"BG/NBD fitted to {fit.n_customers} synthetic patients (r={fit.r:.2f}, alpha={fit.alpha:.1f})"


def _bgnbd_history(rng: np.random.Generator, patients: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Visits (count, last visit, age in weeks) of patients who buy at Gamma-distributed rates and may leave
    after each visit with a Beta-distributed chance."""
    rates, leave = rng.gamma(0.8, 1 / 6.0, patients), rng.beta(0.6, 3.0, patients)
    age = rng.uniform(30, 80, patients)
    x, t_x = np.zeros(patients), np.zeros(patients)
    for i in range(patients):
        t = rng.exponential(1 / rates[i])
        while t <= age[i]:
            x[i], t_x[i] = x[i] + 1, t
            if rng.random() < leave[i]:
                break
            t += rng.exponential(1 / rates[i])
    return x, t_x, age


class ScratchClinic:
    """A clinic in a temporary folder; its key is sealed by a random passphrase that exists only in this object."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "self-test.db"
        self._env = {PASSPHRASE_ENV: secrets.token_urlsafe(24)}
        self._password = secrets.token_urlsafe(16)
        self._patient_id: int | None = None
        self._treatment_id: int | None = None
        self.opened: OpenedDatabase | None = None

    def _workspace(self) -> Workspace:
        return Workspace(Vault(NoSecretStore(), env=self._env), backups=self.path.parent / "backups")

    def create(self) -> str:
        """A new encrypted clinic with an owner, a patient and one treatment; closed again, and not plaintext."""
        workspace = self._workspace()
        opened = workspace.open(self.path, create=True, settings=ClinicSettings(name="Self-test clinic"))
        try:
            services = workspace.services(opened, SYSTEM_ACTOR)
            owner = services.staff.create_first_owner(StaffUser(OWNER, "Self test", Role.OWNER), self._password)
            patient = services.patients.register(PATIENT)
            botox = next(t.id for t in services.catalogue.treatments() if t.code == "botox")
            treatment = services.timeline.add(
                TimelineEvent(
                    patient.id,  # type: ignore[arg-type]
                    EventKind.TREATMENT,
                    datetime.now(UTC).replace(microsecond=0),
                    amount=Money(30000, "GBP"),
                    treatment_type_id=botox,
                    practitioner_id=owner.id,
                    lot_number="SELF-TEST-1",
                    details={"units": 20, "area": "forehead"},
                )
            )
            protected_by = opened.new_key.protected_by if opened.new_key else "?"
        finally:
            opened.close()
        self._patient_id, self._treatment_id = patient.id, treatment.id
        if self.path.read_bytes()[: len(SQLITE_PLAIN_HEADER)] == SQLITE_PLAIN_HEADER:
            raise SelfTestFailed("the database file was written in plaintext")
        return f"created and closed ({self.path.stat().st_size:,} bytes, key sealed by {protected_by})"

    def reopen(self) -> Services:
        """Unlock with the passphrase, sign in as the owner and read the patient back."""
        workspace = self._workspace()
        self.opened = workspace.open(self.path)
        services = workspace.services(self.opened, None)
        services.staff.sign_in(OWNER, self._password)
        found = services.patients.get(self._patient_id)  # type: ignore[arg-type]
        if (found.given_name, found.family_name) != (PATIENT.given_name, PATIENT.family_name):
            raise SelfTestFailed(f"read back {found.family_name}{found.given_name!r}, wrote 王芳")
        return services

    def packet(self, services: Services) -> bytes:
        """The after-care packet of the patient's treatment, in Chinese."""
        pdf = services.packets.aftercare(self._treatment_id).pdf  # type: ignore[arg-type]
        if not pdf.startswith(b"%PDF"):
            raise SelfTestFailed("the packet is not a PDF")
        return pdf

    def close(self) -> None:
        if self.opened is not None:
            self.opened.close()
            self.opened = None
