"""The tier review (with the alert run after it) on the embedded encrypted database and on PostgreSQL, over the
same clinic: the benchmark file of bench_tiering.py copied onto the server with `db copy`; both times and the ratio.

    DERMADESK_TEST_PG_URL=postgresql+psycopg://user:pw@localhost/db \\
        uv run python tests/benchmarks/bench_postgres.py [--patients N] [--events N] [--rebuild]

The server database `dermadesk_bench_<patients>` is made afresh each run (the URL's role needs CREATEDB)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dermadesk.domain.clinic import ClinicSettings
from dermadesk.services.context import SYSTEM_ACTOR
from dermadesk.services.database_copy import copy_database
from dermadesk.services.server_database import open_server_database
from dermadesk.services.vault import Vault
from dermadesk.services.workspace import Services, Workspace
from tests.benchmarks.bench_tiering import AS_OF, PASSPHRASE, _NoKeyring, median_time
from tests.benchmarks.clinic_builder import build_clinic, draw_visits


def review_timer(services: Services) -> float:
    services.tiers.run_review(date(2026, 9, 30))  # last month's review, as a clinic has

    def full_review() -> None:
        summary = services.tiers.run_review(AS_OF)
        services.alerts.run(AS_OF, snapshot=summary.snapshot)

    return median_time(full_review, 3)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=2_000_000)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--url", default=os.environ.get("DERMADESK_TEST_PG_URL"))
    args = parser.parse_args()
    if not args.url:
        sys.exit("set DERMADESK_TEST_PG_URL or pass --url postgresql+psycopg://user:pw@localhost/db")
    folder = Path(tempfile.gettempdir()) / "dermadesk-bench-postgres"  # its own: the file is migrated to this schema
    folder.mkdir(exist_ok=True)
    path = folder / f"clinic-{args.patients}-{args.events}.db"
    vault = Vault(_NoKeyring(), env=PASSPHRASE)
    workspace = Workspace(vault)
    if args.rebuild or not path.exists():
        for stale in folder.glob(path.name + "*"):
            stale.unlink()
        visits = draw_visits(args.patients, args.events, AS_OF)
        opened = workspace.open(path, create=True, settings=ClinicSettings(name="Benchmark Clinic"))
        seconds = build_clinic(opened, visits, args.patients)
        print(f"built {args.patients:,} patients / {visits.day.size:,} visits in {seconds:.1f} s")
        opened.close()

    admin_url = make_url(args.url).set(drivername="postgresql+psycopg")
    name = f"dermadesk_bench_{args.patients}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    server_url = admin_url.set(database=name).render_as_string(hide_password=False)

    started = time.perf_counter()
    report = copy_database(path, server_url, vault, password="")
    copy_seconds = time.perf_counter() - started
    rows = sum(t.rows for t in report.tables.values())
    print(f"db copy: {rows:,} rows in {len(report.tables)} tables, verified, in {copy_seconds:.1f} s")

    opened = workspace.open(path)
    embedded = review_timer(workspace.services(opened, SYSTEM_ACTOR))
    opened.close()
    server = open_server_database(server_url, vault, password="")
    postgres = review_timer(workspace.services(server, SYSTEM_ACTOR))
    server.close()
    admin.dispose()

    print(f"patients {args.patients:,}, events {args.events:,}, cpu count {os.cpu_count()}")
    print(f"  tier review + alerts, embedded (SQLCipher) {embedded:7.3f} s  (median of 3)")
    print(f"  tier review + alerts, PostgreSQL (local)   {postgres:7.3f} s  (median of 3)")
    print(f"  PostgreSQL / embedded = {postgres / embedded:.2f}")


if __name__ == "__main__":
    main()
