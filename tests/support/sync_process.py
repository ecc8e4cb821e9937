"""`python -m tests.support.sync_process --hub URL --data-dir DIR sync`: the real CLI in a
separate OS process, with an in-memory keyring holding the session the test put there.

A child process has no OS keyring here and the CLI refuses to fall back to a file, so the
parent passes its keyring entries as JSON in FAULT_TEST_KEYRING: [[service, key, value]].
"""

from __future__ import annotations

import json
import os
import sys

import keyring

from tests.support.memory_keyring import MemoryKeyring


def main() -> int:
    backend = MemoryKeyring()
    for service, key, value in json.loads(os.environ.get("FAULT_TEST_KEYRING", "[]")):
        backend.set_password(service, key, value)
    keyring.set_keyring(backend)
    from clienteling.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
