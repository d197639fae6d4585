"""Crash safety, measured: kill -9 in the middle of service-layer writes, a full disk (RLIMIT_FSIZE) during a
big transaction, and random damage that `dermadesk db check` must find without changing the file."""

from __future__ import annotations

import hashlib
import random
import shutil
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from dermadesk.bootstrap import main
from dermadesk.services.vault import Vault
from dermadesk.store.backup import pragma_problems
from dermadesk.store.engine import open_encrypted
from dermadesk.system.paths import sidecar_files
from dermadesk.system.secrets import KeyringSecretStore
from tests.store.crash_worker import ForkServer

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fork and RLIMIT_FSIZE are POSIX")

KILL_TRIALS = 100
DISK_FULL_TRIALS = 20
CORRUPTION_TRIALS = 100


def _ids(path: Path, key: bytes) -> tuple[set[int], set[int], list[str]]:
    engine = open_encrypted(path, key)
    try:
        problems = pragma_problems(engine, ("integrity_check",))
        with engine.connect() as conn:
            patients = set(conn.execute(text("SELECT id FROM patients")).scalars())
            events = set(conn.execute(text("SELECT id FROM timeline_events")).scalars())
    finally:
        engine.dispose()
    return patients, events, problems


@pytest.mark.slow
def test_kill_9_at_random_moments_loses_no_acknowledged_commit(db_path: Path) -> None:
    key = Vault(KeyringSecretStore()).unlock(db_path)
    rng = random.Random(20261123)
    acknowledged: dict[str, set[int]] = {"patient": set(), "event": set()}
    sound = 0
    with ForkServer() as server:
        for _ in range(KILL_TRIALS):
            trial = server.start(db_path, key, "tests.store.crash_actions:register_forever")
            server.read_until(trial, time.monotonic() + rng.uniform(0.02, 0.25))
            server.kill(trial)
            assert trial.exit_status == -9, trial.lines[-3:]
            for line in trial.lines:
                kind, _, number = line.partition(" ")
                assert kind in acknowledged, line
                acknowledged[kind].add(int(number))
            patients, events, problems = _ids(db_path, key)
            assert acknowledged["patient"] <= patients
            assert acknowledged["event"] <= events
            sound += problems == []
    assert sound == KILL_TRIALS
    print(f"kill -9: {KILL_TRIALS} trials, {sum(map(len, acknowledged.values()))} acknowledged commits, 0 lost")
    assert len(acknowledged["patient"]) > KILL_TRIALS  # the trials did write (commits per trial vary)


@pytest.mark.slow
def test_a_full_disk_during_a_big_transaction_leaves_nothing_half_written(db_path: Path) -> None:
    key = Vault(KeyringSecretStore()).unlock(db_path)
    rng = random.Random(7)
    before, _, _ = _ids(db_path, key)
    typed = 0
    with ForkServer() as server:
        for _ in range(DISK_FULL_TRIALS):
            largest = max(f.stat().st_size for f in sidecar_files(db_path) if f.exists())
            limit = largest + rng.randrange(16_384, 400_000)
            trial = server.start(db_path, key, "tests.store.crash_actions:build_demo", file_size_limit=limit)
            server.wait(trial)
            assert trial.lines == ["error db_storage_full"], trial.lines
            typed += 1
            patients, _, problems = _ids(db_path, key)
            assert problems == []
            assert patients == before  # all or nothing: not one patient of the failed build
    assert typed == DISK_FULL_TRIALS
    print(f"disk full: {DISK_FULL_TRIALS} trials, {typed} typed storage-full errors, integrity ok, 0 partial")


@pytest.mark.slow
def test_db_check_finds_every_random_8_byte_corruption_and_changes_nothing(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(99)
    size = demo_path.stat().st_size
    detected = 0
    for trial in range(CORRUPTION_TRIALS):
        copy = tmp_path / f"copy{trial}.db"
        shutil.copy(demo_path, copy)
        shutil.copy(demo_path.with_name(demo_path.name + ".key"), copy.with_name(copy.name + ".key"))
        raw = bytearray(copy.read_bytes())
        offset = rng.randrange(0, size - 8)
        for i in range(8):
            raw[offset + i] ^= rng.randrange(1, 256)  # every one of the 8 bytes really changes
        copy.write_bytes(raw)
        digest = hashlib.sha256(raw).hexdigest()
        code = main(["db", "check", "--db", str(copy)])
        err = capsys.readouterr().err
        detected += code == 3 and "damaged" in err
        assert hashlib.sha256(copy.read_bytes()).hexdigest() == digest, f"db check changed the file (offset {offset})"
        for file in sidecar_files(copy):
            file.unlink(missing_ok=True)
    assert detected == CORRUPTION_TRIALS
    print(f"corruption: {detected}/{CORRUPTION_TRIALS} detected by db check, files unchanged")
