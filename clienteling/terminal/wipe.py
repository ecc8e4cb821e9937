"""Wiping a revoked terminal: every file beside the cache that may hold customer data.

What goes: the SQLite cache with its `-wal`, `-shm` and `-journal` side files (customers,
orders, notes, visits, note and visit drafts, the dashboard cache, the outbox: all in
the cache), and `layout.ini` (the window layout, which remembers the profile being
shown). The caller drops the keyring entries and closes every connection first (on
Windows an open file cannot be deleted). Files are unlinked, not overwritten: on SSDs
an overwrite does not reach the old blocks anyway; an encrypted cache is the answer to
that (issue 8, SQLCipher).
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)

SIDE_SUFFIXES = ("", "-wal", "-shm", "-journal")
OTHER_FILES = ("layout.ini",)


def wiped_paths(cache_path: Path) -> list[Path]:
    """Every path a wipe removes (present or not)."""
    folder = cache_path.parent
    return [folder / f"{cache_path.name}{suffix}" for suffix in SIDE_SUFFIXES] + [
        folder / name for name in OTHER_FILES
    ]


def wipe_files(cache_path: Path) -> list[str]:
    """Delete the cache and the files beside it that hold customer data; returns the
    names removed (names only in the log)."""
    removed = []
    for path in wiped_paths(cache_path):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path.name)
    log.warning("terminal wiped: removed %s", ", ".join(removed) or "nothing")
    return removed
