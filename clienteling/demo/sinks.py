"""The demo's outside world: a local SMTP sink and a fake SMS/WhatsApp provider, wired
into the embedded hub (delivery worker on, quiet hours off so the demo sends at any hour)
and listed on its `/demo/outbox` page, where a message can be answered as the customer
(the reply comes back through the hub's signed inbound webhook)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from clienteling.hub.devsinks import FakeProvider, InboundHook, SmtpSink
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings


@dataclass
class DemoSinks:
    smtp: SmtpSink = field(default_factory=SmtpSink)
    provider: FakeProvider = field(default_factory=FakeProvider)
    receipts_token: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    inbound_secret: str = field(default_factory=lambda: secrets.token_urlsafe(16))

    def start(self) -> DemoSinks:
        self.smtp.start()
        self.provider.start()
        return self

    def hub_settings(self, *, db: str) -> HubSettings:
        return HubSettings(
            db=db,
            port=0,
            smtp_url=self.smtp.url,
            sms_provider_url=self.provider.url,
            whatsapp_provider_url=self.provider.url,
            delivery_worker=True,
            delivery_interval_s=1.0,
            task_interval_s=600.0,
            quiet_hours_start=0,
            quiet_hours_end=0,
            demo_outbox=True,
            provider_receipts_token=self.receipts_token,
            inbound_secret=self.inbound_secret,
            # Envelope senders name their attempt: a customer at bounce.example bounces
            # (the SMTP sink reports it through the inbound hook), the outbox shows it.
            reply_domain="replies.demo.example",
        )

    def attach(self, hub: HubServer) -> None:
        assert hub.app is not None
        runtime = hub.app.state.followups
        runtime.smtp_sink, runtime.provider = self.smtp, self.provider
        # The fake provider reports delivery back, so the terminal shows "Delivered".
        self.provider.receipts_url = f"{hub.url}/api/v1/delivery/receipts"
        self.provider.receipts_token = self.receipts_token
        # Replies typed on the demo outbox page come back as signed inbound webhooks.
        hook = InboundHook(url=f"{hub.url}/api/v1/inbound/demo", secret=self.inbound_secret)
        self.smtp.inbound = self.provider.inbound = hook

    def stop(self) -> None:
        self.provider.stop()
        self.smtp.stop()
