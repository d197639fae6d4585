"""Import speed: N patients and 5 N history rows from CSV into a new encrypted clinic, checked, imported and
imported again (which must create nothing). Absolute seconds, with rows per second.

    uv run python tests/benchmarks/bench_import.py [N=10000]"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

import keyring

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dermadesk.domain.clinic import ClinicSettings
from dermadesk.domain.import_columns import ImportKind
from dermadesk.services.context import SYSTEM_ACTOR
from tests.conftest import MemoryKeyring, make_workspace


def files(folder: Path, n: int) -> dict[ImportKind, Path]:
    rng = random.Random(1)
    patients = ["external_id,given_name,family_name,date_of_birth,phone,email"]
    patients += [
        f"P{i},Given{i},Family{i},19{rng.randint(40, 99)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)},"
        f"07700 9{i:05d},p{i}@example.com"
        for i in range(n)
    ]
    history = ["patient_external_id,kind,date,amount,product"]
    history += [
        f"P{rng.randrange(n)},purchase,2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d},"
        f"{rng.randint(10, 500)}.00,Serum"
        for _ in range(5 * n)
    ]
    (folder / "patients.csv").write_text("\n".join(patients), encoding="utf-8")
    (folder / "history.csv").write_text("\n".join(history), encoding="utf-8")
    return {ImportKind.PATIENTS: folder / "patients.csv", ImportKind.HISTORY: folder / "history.csv"}


def main(n: int) -> None:
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        opened = make_workspace().open(folder / "clinic.db", create=True, settings=ClinicSettings(name="Bench"))
        imports = make_workspace().services(opened, SYSTEM_ACTOR).imports
        for kind, path in files(folder, n).items():
            timings = []
            for step in (imports.check, imports.run, imports.run):
                start = time.perf_counter()
                report = step(kind, path)
                timings.append((time.perf_counter() - start, report.created))
            rows = len(report.rows)
            (check, _), (first, created), (again, recreated) = timings
            print(
                f"{kind.value}: {rows} rows; check {check:.1f} s; import {first:.1f} s ({rows / first:,.0f} rows/s, "
                f"{created} created); again {again:.1f} s ({recreated} created)"
            )
        opened.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
