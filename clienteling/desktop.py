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
    """First run asks for the hub's address and remembers it; then sign-in, first sync
    with progress, and the window. A cache that cannot be opened is reported and left as
    it is."""
    from PySide6.QtWidgets import QMessageBox

    from clienteling.ui.app import create_application, run_desktop
    from clienteling.ui.errors import error_text, log_error
    from clienteling.ui.sign_in import ask_hub_url

    create_application(argv, lang=settings.lang)
    hub_url = settings.hub_url
    if not hub_url:
        hub_url = ask_hub_url(None)
        if not hub_url:
            return 1
        log.info("hub address saved to %s", remember_hub_url(hub_url))
    try:
        terminal = Terminal(
            data_dir=settings.data_dir,
            hub_url=hub_url,
            secrets=KeyringSecretStore(),
            encrypt_cache=True,
        )
    except ClientelingError as exc:
        log_error(exc)
        QMessageBox.critical(None, "Clienteling", error_text(exc))
        return 1
    try:
        try:
            terminal.restore_session()
        except ClientelingError as exc:
            log.info("no session restored: %s", exc)
        return run_desktop(terminal, first_sync=True)
    finally:
        terminal.close()
