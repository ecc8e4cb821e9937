"""The read models the UI renders (defined by the cache, re-exported here for the UI)."""

from clienteling.store.products import LocationStock, ProductHit, ProductStock
from clienteling.store.views import (
    CartLineView,
    CartView,
    ConsentView,
    CustomerHit,
    CustomerProfile,
    NoteView,
    OrderLineView,
    OrderView,
    TimelineEntry,
    VisitProductView,
    VisitView,
)
from clienteling.store.visits import VisitDraft

__all__ = [
    "CartLineView",
    "CartView",
    "ConsentView",
    "CustomerHit",
    "CustomerProfile",
    "LocationStock",
    "NoteView",
    "OrderLineView",
    "OrderView",
    "ProductHit",
    "ProductStock",
    "TimelineEntry",
    "VisitDraft",
    "VisitProductView",
    "VisitView",
]
