"""A fork server for crash tests: imports DermaDesk once, then forks one child per trial, so a hundred trials
cost a hundred forks instead of a hundred interpreter starts (the imports take ~1.5 s here).

The child opens the database with the key it is given, builds the services as SYSTEM_ACTOR and runs an
action, `module:function(services, ack)`: `ack(text)` prints one line and flushes, so whatever the parent read
was acknowledged. An optional file-size limit (RLIMIT_FSIZE, with SIGXFSZ ignored so writes fail with EFBIG
instead of killing the process) simulates a full disk. The import tests can reuse this with their own action.

    with ForkServer() as server:
        trial = server.start(db_path, key, "tests.store.crash_actions:register_forever")
        ...read trial.lines(), server.kill(trial) or trial.wait()...
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Trial:
    pid: int
    lines: list[str] = field(default_factory=list)
    exit_status: int | None = None


class ForkServer:
    """The parent's side: one long-lived server process, one forked child per trial."""

    def __init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, __file__],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
            env=env,
            cwd=ROOT,
        )
        assert self._line(timeout=60) == "ready"

    def __enter__(self) -> ForkServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            self.proc.wait(timeout=30)

    def start(self, db: Path, key: bytes, action: str, *, file_size_limit: int = 0) -> Trial:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{db}\t{key.hex()}\t{action}\t{file_size_limit}\n")
        self.proc.stdin.flush()
        first = self._line(timeout=30)
        assert first.startswith("pid "), first
        return Trial(int(first.split()[1]))

    def read_until(self, trial: Trial, deadline: float) -> None:
        """Collect the child's lines until `deadline` (time.monotonic) or until it exits."""
        while trial.exit_status is None and time.monotonic() < deadline:
            line = self._line(timeout=max(0.0, deadline - time.monotonic()), allow_timeout=True)
            if line is not None:
                self._take(trial, line)

    def kill(self, trial: Trial) -> None:
        """SIGKILL the child, then read every line it wrote before dying."""
        if trial.exit_status is None:
            os.kill(trial.pid, signal.SIGKILL)
        self.wait(trial)

    def wait(self, trial: Trial, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while trial.exit_status is None:
            line = self._line(timeout=max(0.0, deadline - time.monotonic()))
            self._take(trial, line)

    def _take(self, trial: Trial, line: str) -> None:
        if line.startswith(f"exit {trial.pid} "):
            trial.exit_status = int(line.split()[2])
        else:
            trial.lines.append(line)

    def _line(self, timeout: float, allow_timeout: bool = False) -> str | None:  # type: ignore[return]
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            if allow_timeout:
                return None
            raise TimeoutError("the fork server said nothing")
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the fork server ended")
        return line.rstrip("\n")


# -- the server's side -------------------------------------------------------------------------------------------
def _serve() -> None:
    import importlib
    import resource

    from dermadesk.domain.errors import DermaDeskError
    from dermadesk.domain.ports import SystemClock
    from dermadesk.services import demo as _demo  # noqa: F401 — imported once here, not in every child
    from dermadesk.services.context import SYSTEM_ACTOR, ServiceContext
    from dermadesk.services.workspace import Services
    from dermadesk.store.engine import open_encrypted
    from dermadesk.store.unit_of_work import Store
    from dermadesk.system.keyfile import derive_subkey

    def ack(text: str) -> None:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()

    def child(db: str, key_hex: str, action: str, limit: int) -> int:
        key = bytes.fromhex(key_hex)
        engine = open_encrypted(Path(db), key)
        services = Services.build(
            ServiceContext(Store(engine), derive_subkey(key, "audit-chain"), SystemClock(), SYSTEM_ACTOR)
        )
        if limit:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        module, function = action.split(":")
        try:
            getattr(importlib.import_module(module), function)(services, ack)
        except DermaDeskError as error:
            ack(f"error {error.code.value}")
            return 2
        ack("done")
        return 0

    ack("ready")
    for line in sys.stdin:
        db, key_hex, action, limit = line.rstrip("\n").split("\t")
        pid = os.fork()
        if pid == 0:
            status = 1
            try:
                status = child(db, key_hex, action, int(limit))
            except BaseException as exc:
                ack(f"crash {type(exc).__name__}: {exc}")
            finally:
                os._exit(status)
        ack(f"pid {pid}")
        _, wait_status = os.waitpid(pid, 0)
        ack(f"exit {pid} {os.waitstatus_to_exitcode(wait_status)}")


if __name__ == "__main__":
    _serve()
