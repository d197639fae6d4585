"""The composition root: paths -> settings -> unlock -> engine -> services -> UI or CLI."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from dermadesk import cli
from dermadesk.cli.output import CommandEnvironment, ask_passphrase
from dermadesk.domain.ports import PassphrasePrompt
from dermadesk.services.vault import Vault
from dermadesk.services.workspace import Workspace
from dermadesk.system import paths
from dermadesk.system.logging_setup import configure_logging
from dermadesk.system.secrets import KeyringSecretStore


def make_workspace(prompt: PassphrasePrompt | None) -> Workspace:
    return Workspace(Vault(KeyringSecretStore(), prompt), backups=paths.backups_dir())


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.parse(argv)
    if args.self_test:  # before logging: the self-test leaves the user's data folder alone
        from dermadesk.ui.self_test import run_self_test

        return run_self_test()
    configure_logging(paths.logs_dir())
    if args.command is not None:
        env = CommandEnvironment(make_workspace(ask_passphrase), paths.default_db_path)
        return cli.run(args, env)
    from dermadesk.ui.application import LaunchRequest, run  # Qt loads only for the app, not for commands

    path = args.db or (paths.demo_db_path() if args.demo else paths.default_db_path())
    return run(make_workspace, LaunchRequest(path, demo=args.demo, chosen=args.db is not None))


if __name__ == "__main__":
    sys.exit(main())
