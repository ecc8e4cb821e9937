"""`clienteling sync`: one sync pass without a window, for cron jobs, scripts and tests."""

from __future__ import annotations

import logging
import sys

from clienteling.domain.errors import ClientelingError
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import KeyringSecretStore
from clienteling.terminal.settings import TerminalSettings, config_file

log = logging.getLogger(__name__)

# What each error means for someone running the command, and what to do.
_ADVICE = {
    "hub_unreachable": "The hub did not answer. Check the network and the hub address, then retry.",
    "session_expired": "The sign-in on this terminal has expired. Open the app and sign in.",
    "not_signed_in": "This terminal is not signed in. Open the app once and sign in.",
    "update_needed": "The hub needs a newer version of Clienteling. Update this terminal.",
    "cache_newer": "The local cache was written by a newer Clienteling. Update this terminal.",
    "cache_corrupt": "The local cache file is damaged. It was left as it is; contact support.",
    "cache_key": (
        "The local cache is encrypted and the key in this computer's keyring does not open "
        "it (missing, or another key). It was left as it is: restore the keyring, or "
        "contact support to reset this terminal."
    ),
    "cache_in_use": "Another Clienteling is using the local cache. Close it, then retry.",
    "keyring_unavailable": (
        "No system keyring is available to hold this terminal's sign-in. Enable the OS "
        "keyring (Secret Service, Keychain or Credential Locker) and sign in in the app."
    ),
}


def run_sync(settings: TerminalSettings) -> int:
    """Exit codes: 0 done, 1 the hub refused a change, 2 the sync could not run."""
    if not settings.hub_url:
        print(
            f"No hub is configured. Set hub_url in {config_file()} "
            "or CLIENTELING_HUB_URL, or pass --hub URL.",
            file=sys.stderr,
        )
        return 2
    try:
        terminal = Terminal(
            data_dir=settings.data_dir,
            hub_url=settings.hub_url,
            secrets=KeyringSecretStore(),
            encrypt_cache=True,
        )
    except ClientelingError as exc:
        return _fail(exc)
    try:
        if terminal.restore_session() is None:
            print(_ADVICE["not_signed_in"], file=sys.stderr)
            return 2
        report = terminal.sync_once()
    except ClientelingError as exc:
        return _fail(exc)
    except Exception as exc:  # keyring without a backend, and the like
        log.exception("sync failed")
        print(f"The sync could not run: {exc}", file=sys.stderr)
        return 2
    finally:
        terminal.close()
    print(
        f"pushed {report.pushed}, pulled {report.pulled}, "
        f"still pending {report.pending}, refused {len(report.rejected)}"
    )
    for mutation_id, reason in report.rejected:
        print(f"  change #{mutation_id} refused by the hub: {reason}")
    return 1 if report.rejected else 0


def _fail(exc: ClientelingError) -> int:
    log.info("sync failed: %s", exc)
    print(_ADVICE.get(exc.code, f"The sync failed: {exc}"), file=sys.stderr)
    return 2
