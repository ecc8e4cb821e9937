"""Follow-up read models for the UI (defined by the cache, re-exported here)."""

from clienteling.store.followups import (
    ChannelChoice,
    ComposerContext,
    FollowupView,
    ProductChoice,
)

__all__ = ["ChannelChoice", "ComposerContext", "FollowupView", "ProductChoice"]
