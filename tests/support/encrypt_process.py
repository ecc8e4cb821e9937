"""A process that converts a plaintext cache and is killed (SIGKILL, no cleanup) at one
step: `export` (the encrypted copy half written), `link`, `replace` (the copy complete,
the old file not yet replaced), or `wipe` (replaced, the old bytes not yet overwritten).

    python -m tests.support.encrypt_process CACHE KEY_HEX STEP
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

import sqlcipher3

from clienteling.store import encryption
from clienteling.store.cache import open_cache


def _die(step: str) -> None:
    print(f"dying at {step}", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)


def main(argv: list[str]) -> int:
    cache, key, step = Path(argv[0]), bytes.fromhex(argv[1]), argv[2]
    partial = cache.with_name(cache.name + ".encrypting")
    if step == "export":  # some pages of the copy written, the export still running
        real_connect = sqlcipher3.connect

        def connect(*args: Any, **kwargs: Any) -> Any:
            conn = real_connect(*args, **kwargs)
            encryption.sqlcipher3.connect = real_connect  # type: ignore[attr-defined]
            # The first connection is the one that exports (the check comes after).

            def progress() -> int:
                if partial.exists() and partial.stat().st_size > 0:
                    _die(step)
                return 0

            conn.set_progress_handler(progress, 1000)
            return conn

        encryption.sqlcipher3.connect = connect  # type: ignore[attr-defined]
    else:
        name = {"link": "link", "replace": "replace", "wipe": "_wipe"}[step]
        owner: Any = encryption if name == "_wipe" else os

        def dying(*args: Any, **kwargs: Any) -> Any:
            _die(step)

        setattr(owner, name, dying)
    open_cache(cache, key=key).close()
    print("finished without dying", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
