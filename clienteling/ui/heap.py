"""Keep Python's garbage collector from stalling the GUI thread.

A full collection walks every tracked object: with Qt, PySide6 and pydantic loaded that
is hundreds of thousands of them, 100–200 ms with the GIL held, and a first sync (rows
arriving by the hundred thousand) triggers several. Freezing what exists once the window
is up moves those long-lived objects out of the collector's sight (`gc.freeze`), so later
collections only walk what was created since: a few milliseconds.
"""

from __future__ import annotations

import gc


def freeze_startup_objects() -> None:
    """Collect once, then exempt every object alive now from later collections."""
    gc.collect()
    gc.freeze()
