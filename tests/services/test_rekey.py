"""`db rekey`: a new key by export; a crash between any two steps leaves a database that opens."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.services.rekey import REKEY_STEPS, rekey, rekey_paths
from dermadesk.services.vault import Vault
from dermadesk.store.backup import table_fingerprints
from dermadesk.system.keyfile import KeyFile
from dermadesk.system.paths import key_file_for
from dermadesk.system.secrets import KeyringSecretStore
from tests.conftest import make_workspace


class Crash(Exception):
    pass


@pytest.fixture
def clinic(tmp_path: Path, clock):  # type: ignore[no-untyped-def]
    workspace = make_workspace(clock)
    path = tmp_path / "clinic.db"
    opened = workspace.open(path, create=True)
    assert opened.new_key is not None
    recovery = opened.new_key.recovery_key
    from dermadesk.services.context import SYSTEM_ACTOR
    from dermadesk.services.demo import DemoSpec

    workspace.services(opened, SYSTEM_ACTOR).demo.generate(DemoSpec(10, seed=5))
    figures = table_fingerprints(opened.store.engine)
    old_key = opened.key
    opened.close()
    return workspace, path, recovery, figures, old_key


def _reopen(workspace, path: Path):  # type: ignore[no-untyped-def]
    opened = workspace.open(path)
    try:
        return opened.key, table_fingerprints(opened.store.engine)
    finally:
        opened.close()


def test_rekey_changes_the_key_and_keeps_every_row(clinic) -> None:  # type: ignore[no-untyped-def]
    workspace, path, recovery, figures, old_key = clinic
    done = rekey(path, workspace.vault, recovery_key=recovery)
    assert done.new_recovery_key is None
    key, after = _reopen(workspace, path)
    assert key != old_key and after == figures
    opened = workspace.open(path)
    try:  # the audit chain written under the old key still verifies under the new one
        from dermadesk.services.context import SYSTEM_ACTOR

        assert workspace.services(opened, SYSTEM_ACTOR).audit.verify() is None
    finally:
        opened.close()
    # the same recovery key opens it, and nothing of the rotation is left behind
    assert Vault(KeyringSecretStore(), env={}).unlock(path, recovery_key=recovery) == key
    assert not any(p.exists() for p in rekey_paths(path))


def test_a_wrong_recovery_key_stops_it_before_anything_changes(clinic) -> None:  # type: ignore[no-untyped-def]
    workspace, path, _, _, _ = clinic
    before = path.read_bytes(), key_file_for(path).read_bytes()
    with pytest.raises(DermaDeskError) as caught:
        rekey(path, workspace.vault, recovery_key="B" * 32)
    assert caught.value.code is ErrorCode.DB_WRONG_RECOVERY_KEY
    assert (path.read_bytes(), key_file_for(path).read_bytes()) == before


@pytest.mark.parametrize("crash_after", REKEY_STEPS)
def test_a_crash_after_any_step_leaves_a_database_that_opens_with_the_old_or_new_key(clinic, crash_after: str) -> None:  # type: ignore[no-untyped-def]
    workspace, path, recovery, figures, old_key = clinic

    def step(name: str) -> None:
        if name == crash_after:
            raise Crash(name)

    with pytest.raises(Crash):
        rekey(path, workspace.vault, recovery_key=recovery, step=step)
    key, after = _reopen(workspace, path)  # the next start settles what the crash left
    assert after == figures
    assert key == old_key if crash_after in ("exported", "key_file_staged") else key != old_key
    assert not any(p.exists() for p in rekey_paths(path))
    assert KeyFile.load(key_file_for(path)).open_with_recovery_key(recovery) == key
    # a rotation after the crash works
    rekey(path, workspace.vault, recovery_key=recovery)
    assert _reopen(workspace, path)[1] == figures


def test_a_new_recovery_key_replaces_the_old_one(clinic) -> None:  # type: ignore[no-untyped-def]
    workspace, path, recovery, _, _ = clinic
    done = rekey(path, workspace.vault, recovery_key=recovery, new_recovery=True)
    assert done.new_recovery_key and done.new_recovery_key != recovery
    vault = Vault(KeyringSecretStore(), env={})
    key = vault.unlock(path, recovery_key=done.new_recovery_key)
    assert _reopen(workspace, path)[0] == key
    with pytest.raises(DermaDeskError):
        vault.unlock(path, recovery_key=recovery)
