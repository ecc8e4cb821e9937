"""The read models the UI renders (defined by the cache and the protocol, re-exported here
for the UI, which imports neither)."""

from clienteling.protocol.dashboard import (
    AssociateFigures,
    ChannelGroupFigures,
    DrillDown,
    DrillRow,
    PeriodFigures,
    SalesFigures,
    StoreDashboard,
)
from clienteling.protocol.tasks import AssociateTaskFigures
from clienteling.store.customer_drafts import NewCustomerDraft
from clienteling.store.products import Incoming, LocationStock, ProductHit, ProductStock
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
    RecentViewView,
    TimelineEntry,
    TogetherView,
    VisitProductView,
    VisitView,
)
from clienteling.store.visits import VisitDraft
from clienteling.terminal.dashboard import DashboardResult
from clienteling.terminal.lookups import HubHit

__all__ = [
    "AssociateFigures",
    "AssociateTaskFigures",
    "CartLineView",
    "CartView",
    "ChannelGroupFigures",
    "ConsentView",
    "CustomerHit",
    "CustomerProfile",
    "DashboardResult",
    "DrillDown",
    "DrillRow",
    "HubHit",
    "Incoming",
    "LocationStock",
    "NewCustomerDraft",
    "NoteView",
    "OrderLineView",
    "OrderView",
    "PeriodFigures",
    "ProductHit",
    "ProductStock",
    "ProfileSyncState",
    "RecentViewView",
    "SalesFigures",
    "StoreDashboard",
    "TimelineEntry",
    "TogetherView",
    "VisitDraft",
    "VisitProductView",
    "VisitView",
]
