"""`clienteling` without a sub-command: the desktop app for a real store terminal."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from clienteling.domain.errors import ClientelingError
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import KeyringSecretStore
from clienteling.terminal.settings import TerminalSettings, remember_hub_url

log = logging.getLogger(__name__)


def run_desktop_app(settings: TerminalSettings, *, argv: Sequence[str]) -> int:
    """First run (no hub address, or a terminal neither enrolled nor signed in): the
    first-run wizard (`ui.first_run`); then sign-in when needed, first sync with progress,
    and the window. A cache that cannot be opened is reported and left as it is."""
    from clienteling.ui.app import create_application, run_desktop
    from clienteling.ui.first_run import first_run_terminal

    create_application(argv, lang=settings.lang)

    def open_terminal(hub_url: str) -> Terminal:
        return Terminal(
            data_dir=settings.data_dir,
            hub_url=hub_url,
            secrets=KeyringSecretStore(),
            encrypt_cache=True,
            defer_integrity_check=True,  # run_desktop checks on a worker after the window
            sync_process=True,  # pulls in a child process: the GUI never waits for them
        )

    terminal = first_run_terminal(
        hub_url=settings.hub_url, open_terminal=open_terminal, remember=remember_hub_url
    )
    if terminal is None:
        return 1
    try:
        if terminal.session is None:
            try:
                terminal.restore_session()
            except ClientelingError as exc:
                log.info("no session restored: %s", exc)
        return run_desktop(terminal, first_sync=True)
    finally:
        terminal.close()
