"""Read models of holds and offers for the UI (which imports neither store nor sync)."""

from clienteling.domain.offers import OFFER_KINDS
from clienteling.store.holds import HoldView
from clienteling.store.offers import OfferView
from clienteling.sync.offers import Redemption

__all__ = ["OFFER_KINDS", "HoldView", "OfferView", "Redemption"]
