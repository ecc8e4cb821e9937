"""One delivery pass (`run_pass`), and `DeliveryWorker`, which runs passes on a thread.

A pass: recover jobs a stopped worker left half-done (-> `needs_check`), claim due jobs,
then for each: prepare (re-check consent and quiet hours, render, record the attempt and
its idempotency key, commit), send, complete (commit the outcome).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.domain.ids import uuid7
from clienteling.domain.quiet_hours import quiet_until
from clienteling.hub import consent_events, links
from clienteling.hub import followups as status
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import read_tx, write_tx
from clienteling.hub.delivery import providers, queue, receipts, twilio
from clienteling.hub.delivery.compose import (
    compose,
    picked_products,
    recipient,
    unsubscribe_url,
)
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import consents, customers, delivery_attempts, locations
from clienteling.protocol.entities import FollowupStatus

log = logging.getLogger(__name__)

RETRY_AFTER_S = 60.0
MAX_NOT_SENT = 10  # a provider unreachable this often (10 minutes and more): failed
DEFAULT_TIMEZONE = "UTC"

AfterPrepare = Callable[[str], None]


@dataclass(slots=True)
class PassReport:
    sent: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # no consent at send time
    failed: list[str] = field(default_factory=list)
    deferred: list[str] = field(default_factory=list)  # quiet hours, provider unreachable
    needs_check: list[str] = field(default_factory=list)

    @property
    def handled(self) -> int:
        return sum(
            len(x) for x in (self.sent, self.refused, self.failed, self.deferred, self.needs_check)
        )


def consent_granted(conn: sa.Connection, customer_id: str, channel: str) -> bool:
    """The latest consent event for the channel wins; no event means no consent."""
    granted = conn.execute(
        sa.select(consents.c.granted)
        .where(consents.c.customer_id == customer_id, consents.c.channel == channel)
        .order_by(consents.c.at.desc(), consents.c.version.desc())
        .limit(1)
    ).scalar_one_or_none()
    return bool(granted)


def _timezone(conn: sa.Connection, store_id: str | None) -> str:
    if store_id is None:
        return DEFAULT_TIMEZONE
    tz = conn.execute(
        sa.select(locations.c.timezone).where(locations.c.id == store_id)
    ).scalar_one_or_none()
    return str(tz or DEFAULT_TIMEZONE)


_NO_ADDRESS = {"email": "the customer has no email address", "sms": "the customer has no phone"}
_PICKS_GONE = "every product picked is no longer sold: nothing to send"


@dataclass(frozen=True, slots=True)
class _Prepared:
    attempt_id: str
    customer_id: str
    outgoing: providers.Outgoing


class _Pass:
    def __init__(
        self,
        engine: Engine,
        settings: HubSettings,
        *,
        public_url: str,
        worker: str,
        now: datetime,
        after_prepare: AfterPrepare | None,
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.public_url = public_url
        self.worker = worker
        self.now = now
        self.after_prepare = after_prepare
        self.report = PassReport()

    def _endpoint(self, channel: str) -> str | None:
        """Where the channel's messages go; None: the channel is not configured."""
        s = self.settings
        if channel == "email":
            return s.smtp_url
        if s.text_provider == "twilio":
            sender = s.twilio_sms_from if channel == "sms" else s.twilio_whatsapp_from
            if not (sender and s.twilio_account_sid and s.twilio_auth_token):
                return None
            return twilio.messages_url(s.twilio_api_url, s.twilio_account_sid)
        if channel == "sms":
            return s.sms_provider_url
        return s.whatsapp_provider_url

    def prepare(self, followup_id: str) -> _Prepared | None:
        """Everything before the provider is called, committed as one transaction."""
        with write_tx(self.engine) as conn:
            if not queue.holds(conn, followup_id, worker=self.worker, state="claimed"):
                return None  # another worker's now (our lease ran out)
            row = status.load(conn, followup_id, lock=True)
            if row is None or row.status != "queued":
                queue.finish(conn, followup_id)
                return None
            customer: Any = conn.execute(
                sa.select(customers).where(customers.c.id == row.customer_id)
            ).one()
            if not consent_granted(conn, row.customer_id, row.channel):
                status.set_status(
                    conn, followup_id, "refused_no_consent", f"no consent for {row.channel}"
                )
                queue.finish(conn, followup_id)
                self.report.refused.append(followup_id)
                log.info("follow-up %s not sent: no %s consent", followup_id, row.channel)
                return None
            to = recipient(customer, row.channel)
            endpoint = self._endpoint(row.channel)
            # A message about products the shop no longer sells (all of them, `hub.listing`)
            # would offer nothing: it fails with the reason instead.
            why: str | None = None
            if to is None:
                why = _NO_ADDRESS.get(row.channel, "the customer has no phone")
            elif endpoint is None:
                why = f"{row.channel} is not configured on the hub"
            elif row.product_ids and not picked_products(conn, list(row.product_ids), row.store_id):
                why = _PICKS_GONE
            if why is not None:
                status.set_status(conn, followup_id, "failed", why)
                queue.finish(conn, followup_id)
                self.report.failed.append(followup_id)
                return None
            assert to is not None and endpoint is not None  # both checked above
            quiet = quiet_until(
                self.now,
                timezone=_timezone(conn, row.store_id or customer.home_store_id),
                start_hour=self.settings.quiet_hours_start,
                end_hour=self.settings.quiet_hours_end,
            )
            if quiet is not None:
                queue.defer(conn, followup_id, until=quiet)
                self.report.deferred.append(followup_id)
                return None
            message = compose(conn, row, public_url=self.public_url)
            unsubscribe = unsubscribe_url(conn, followup_id, public_url=self.public_url)
            attempt_id, key = uuid7(), uuid7()
            reply_to = envelope_from = None
            if row.channel == "email":
                secret = links.link_secret(conn)
                reply_domain = self.settings.reply_domain
                reply_to = links.reply_address(
                    self.settings.mail_from,
                    links.make_reply_token(secret, followup_id),
                    reply_domain,
                )
                if reply_domain:  # bounces come back to the inbound hook (`delivery.bounces`)
                    envelope_from = links.bounce_address(
                        links.make_bounce_token(secret, key), reply_domain
                    )
            conn.execute(
                sa.insert(delivery_attempts).values(
                    id=attempt_id,
                    followup_id=followup_id,
                    channel=row.channel,
                    idempotency_key=key,
                    state="prepared",
                    worker=self.worker,
                    prepared_at=iso(self.now),
                )
            )
            queue.mark_sending(
                conn, followup_id, now=self.now, lease_s=self.settings.delivery_lease_s
            )
            status.set_status(conn, followup_id, "sending")
        return _Prepared(
            attempt_id=attempt_id,
            customer_id=row.customer_id,
            outgoing=providers.Outgoing(
                channel=row.channel,
                to=to,
                message=message,
                idempotency_key=key,
                unsubscribe_url=unsubscribe,
                reply_to=reply_to,
                envelope_from=envelope_from,
            ),
        )

    def _gave_up(self, followup_id: str) -> bool:
        """This try is the last: the provider was unreachable on every earlier one."""
        with read_tx(self.engine) as conn:
            tries = conn.execute(
                sa.select(sa.func.count()).where(
                    delivery_attempts.c.followup_id == followup_id,
                    delivery_attempts.c.state == "not_sent",
                )
            ).scalar_one()
        return int(tries) + 1 >= MAX_NOT_SENT

    def send(self, prepared: _Prepared) -> str:
        item = prepared.outgoing
        if item.channel == "email":
            assert self.settings.smtp_url is not None
            return providers.send_email(
                item, smtp_url=self.settings.smtp_url, mail_from=self.settings.mail_from
            )
        s = self.settings
        if s.text_provider == "twilio":
            sender = s.twilio_sms_from if item.channel == "sms" else s.twilio_whatsapp_from
            assert sender and s.twilio_account_sid and s.twilio_auth_token
            return twilio.send(
                item,
                api_url=s.twilio_api_url,
                account_sid=s.twilio_account_sid,
                auth_token=s.twilio_auth_token,
                sender=sender,
                status_callback_url=twilio.status_callback(
                    s.public_url or self.public_url, item.idempotency_key
                ),
            )
        url = self._endpoint(item.channel)
        assert url is not None
        return providers.send_text(item, url=url, token=s.provider_token)

    def complete(
        self,
        followup_id: str,
        prepared: _Prepared,
        *,
        provider_id: str | None,
        error: providers.DeliveryError | None,
    ) -> None:
        outcome: FollowupStatus
        if error is None:
            attempt, outcome, reason = "sent", "sent", None
        elif isinstance(error, providers.NotSentError) and not self._gave_up(followup_id):
            attempt, outcome, reason = "not_sent", "queued", str(error)
        elif isinstance(error, providers.NotSentError):
            attempt, outcome = "not_sent", "failed"
            reason = f"{error} ({MAX_NOT_SENT} tries)"
        elif isinstance(error, providers.RecipientOptedOutError):
            attempt, outcome, reason = "failed", "refused_no_consent", str(error)
        elif isinstance(error, providers.RejectedError):
            attempt, outcome, reason = "failed", "failed", str(error)
        else:
            attempt, outcome, reason = "unknown", "needs_check", str(error)
        with write_tx(self.engine) as conn:
            conn.execute(
                sa.update(delivery_attempts)
                .where(delivery_attempts.c.id == prepared.attempt_id)
                .values(
                    state=attempt,
                    completed_at=iso(utc_now()),
                    provider_id=provider_id,
                    detail=reason[:500] if reason else None,
                )
            )
            status.set_status(conn, followup_id, outcome, reason)
            if isinstance(error, providers.RecipientOptedOutError):
                # The provider's opt-out is the customer's: every terminal pulls it.
                consent_events.opt_out(
                    conn, prepared.customer_id, [prepared.outgoing.channel], source="inbound_reply"
                )
            early = receipts.pending_receipt(conn, prepared.attempt_id)
            if outcome == "sent" and early is not None:
                receipts.apply_receipt(conn, followup_id, early)
            if outcome == "queued":
                queue.defer(conn, followup_id, until=self.now + timedelta(seconds=RETRY_AFTER_S))
            else:
                queue.finish(conn, followup_id)
        buckets = {
            "refused_no_consent": self.report.refused,
            "sent": self.report.sent,
            "queued": self.report.deferred,
            "failed": self.report.failed,
            "needs_check": self.report.needs_check,
        }
        buckets[outcome].append(followup_id)
        log.info("follow-up %s: %s", followup_id, outcome)

    def run(self, limit: int) -> PassReport:
        with write_tx(self.engine) as conn:
            self.report.needs_check += queue.recover(conn, now=self.now)
        with write_tx(self.engine) as conn:
            claimed = queue.claim(
                conn,
                worker=self.worker,
                now=self.now,
                lease_s=self.settings.delivery_lease_s,
                limit=limit,
            )
        for followup_id in claimed:
            prepared = self.prepare(followup_id)
            if prepared is None:
                continue
            if self.after_prepare is not None:
                self.after_prepare(followup_id)
            provider_id: str | None = None
            error: providers.DeliveryError | None = None
            try:
                provider_id = self.send(prepared)
            except providers.DeliveryError as exc:
                error = exc
            self.complete(followup_id, prepared, provider_id=provider_id, error=error)
        return self.report


def run_pass(
    engine: Engine,
    settings: HubSettings,
    *,
    public_url: str,
    worker: str | None = None,
    now: datetime | None = None,
    limit: int = 20,
    after_prepare: AfterPrepare | None = None,
) -> PassReport:
    """One pass over due follow-ups. `after_prepare(followup_id)` runs between the
    committed prepare and the send (tests stop a worker there, as a crash would)."""
    return _Pass(
        engine,
        settings,
        public_url=public_url,
        worker=worker or f"worker-{uuid7()[-12:]}",
        now=now or utc_now(),
        after_prepare=after_prepare,
    ).run(limit)


class DeliveryWorker:
    """Passes every `delivery_interval_s` on a daemon thread, and when `wake()` is called."""

    def __init__(
        self, engine: Engine, settings: HubSettings, *, public_url: Callable[[], str]
    ) -> None:
        self._engine = engine
        self._settings = settings
        self._public_url = public_url
        self._name = f"worker-{uuid7()[-12:]}"
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="delivery-worker", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
        self._thread = None

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                report = run_pass(
                    self._engine, self._settings, public_url=self._public_url(), worker=self._name
                )
                if report.handled:
                    log.info("delivery pass: %d handled", report.handled)
            except Exception:
                log.exception("delivery pass failed; trying again at the next interval")
            self._wake.wait(self._settings.delivery_interval_s)
            self._wake.clear()
