"""One process per database holds the instance lock; a lock left by a killed process is no obstacle."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from dermadesk.system.instance_lock import AlreadyLocked, InstanceLock, lock_name

HOLD = """
import sys, time
from pathlib import Path
from dermadesk.system.instance_lock import InstanceLock
InstanceLock(Path(sys.argv[1]), Path(sys.argv[2])).acquire()
print("held", flush=True)
time.sleep(60)
"""


def _holder(db: Path, folder: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db), str(folder)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_process_is_refused_and_a_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    db = tmp_path / "clinic.db"
    holder = _holder(db, tmp_path)
    try:
        with pytest.raises(AlreadyLocked):
            InstanceLock(db, tmp_path).acquire()
        assert InstanceLock(tmp_path / "other.db", tmp_path).acquire().held  # another database is another lock
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
    lock = InstanceLock(db, tmp_path)
    assert (tmp_path / f"{lock.name}.lock").exists()  # the file stays after the crash ...
    with lock:  # ... but its lock went with the process
        assert lock.held
    assert not lock.held


def test_the_lock_is_released_and_can_be_taken_again(tmp_path: Path) -> None:
    db = tmp_path / "clinic.db"
    first = InstanceLock(db, tmp_path).acquire()
    first.release()
    with InstanceLock(db, tmp_path) as again:
        assert again.held


def test_names_differ_per_database_and_follow_the_lock_dir_setting(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert lock_name(tmp_path / "a.db") != lock_name(tmp_path / "b.db")
    monkeypatch.setenv("DERMADESK_LOCK_DIR", str(tmp_path / "locks"))
    lock = InstanceLock(tmp_path / "a.db")
    assert lock.path.parent == tmp_path / "locks"
