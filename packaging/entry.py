"""The packaged app's entry point: the `clienteling` command (desktop app, demo, sync)."""

import sys

from clienteling.cli import main

if __name__ == "__main__":
    sys.exit(main())
