"""What the follow-up parts need at run time, kept on `app.state.followups`: the public
base URL of links (known only once the server listens, for port 0), the delivery worker,
and, in the demo, the local sinks the "demo outbox" page lists."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clienteling.hub.delivery.worker import DeliveryWorker
    from clienteling.hub.devsinks import FakeProvider, SmtpSink
    from clienteling.hub.settings import HubSettings


@dataclass
class FollowupRuntime:
    settings: HubSettings
    public_url: str | None = None
    worker: DeliveryWorker | None = None
    smtp_sink: SmtpSink | None = None
    provider: FakeProvider | None = None

    def base_url(self) -> str:
        """Links in messages: the configured public URL, else where this hub listens."""
        if self.settings.public_url:
            return self.settings.public_url.rstrip("/")
        if self.public_url:
            return self.public_url.rstrip("/")
        return f"http://{self.settings.host}:{self.settings.port}"
