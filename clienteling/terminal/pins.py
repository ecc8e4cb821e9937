"""PIN read models for the UI (defined by the cache, re-exported here)."""

from clienteling.store.pins import PinHolder

__all__ = ["PinHolder"]
