"""`ui.runtime.tune_for_gui`: what is alive when the window is up leaves the collector's
sight, so later collections (a first sync makes many) do not walk it with the GIL held."""

from __future__ import annotations

import gc

from clienteling.ui.runtime import tune_for_gui


def test_objects_alive_at_start_are_frozen_and_new_ones_are_not() -> None:
    kept = [{"alive": "before"}]
    try:
        tune_for_gui()
        frozen = gc.get_freeze_count()
        assert frozen > 0
        assert not any(o is kept for o in gc.get_objects())  # out of every generation
        later = [{"made": "after"}]
        assert any(o is later for o in gc.get_objects())
    finally:
        gc.unfreeze()
