"""The read models the UI renders (defined by the cache, re-exported here for the UI)."""

from clienteling.store.profile import ProfileSyncState
from clienteling.store.views import (
    CartLineView,
    CartView,
    ConsentView,
    CustomerHit,
    CustomerProfile,
    NoteView,
    OrderLineView,
    OrderView,
)

__all__ = [
    "CartLineView",
    "CartView",
    "ConsentView",
    "CustomerHit",
    "CustomerProfile",
    "NoteView",
    "OrderLineView",
    "OrderView",
    "ProfileSyncState",
]
