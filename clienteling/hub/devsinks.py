"""Local stand-ins for the outside world, for the demo and the tests (never a mock inside
the code path: the hub talks real SMTP and real HTTP to them).

- `SmtpSink`: an SMTP server (aiosmtpd) on 127.0.0.1 that keeps every message it accepts.
- `FakeProvider`: an HTTP server in the shape of an SMS/WhatsApp provider: `POST /send`
  with JSON `{channel, to, text}` and an `Idempotency-Key` header; a key seen before
  answers the first message's id and records nothing new, as real providers do.
- Replies: with an `InboundHook` set, either one can answer a message it holds as the
  customer would (`reply`): the signed inbound webhook a real provider (or an email
  inbound-parse service) posts to the hub, naming the message answered.
- Bounces: the SMTP sink can answer a message as a relay whose next hop refused it
  (`bounce`): an RFC 3464 report to the message's envelope sender, posted through the
  inbound hook (raw MIME and text) as an inbound-parse service would; a message to an
  address at `bounce_domain` (`bounce.example`) bounces by itself.

Both start on port 0 (a free port) and say where they listen (`url`).
"""

from __future__ import annotations

import email
import email.policy
import json
import threading
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self

import httpx
from aiosmtpd.controller import Controller

from clienteling.domain.ids import uuid7
from clienteling.hub.ingest.signing import sign_hex


@dataclass(frozen=True, slots=True)
class InboundHook:
    """Where replies go: the hub's `POST /api/v1/inbound/<provider>` and its secret."""

    url: str
    secret: str

    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """POST one inbound message, signed; the hub's answer."""
        raw = json.dumps(body, ensure_ascii=False).encode()
        response = httpx.post(
            self.url,
            content=raw,
            headers={
                "Content-Type": "application/json",
                "X-Clienteling-Signature": sign_hex(self.secret, raw),
            },
            timeout=10,
        )
        response.raise_for_status()
        answer: dict[str, Any] = response.json()
        return answer


def _hook(hook: InboundHook | None) -> InboundHook:
    if hook is None:
        raise RuntimeError("replies need an InboundHook (the hub's inbound URL and secret)")
    return hook


@dataclass(frozen=True, slots=True)
class SunkMail:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    message: EmailMessage

    @property
    def subject(self) -> str:
        return str(self.message["Subject"] or "")

    def body(self, subtype: str) -> str:
        """The text of the `text/<subtype>` part ("plain" or "html"), with the wire's
        CRLF line ends read back as "\n"."""
        part = self.message.get_body(preferencelist=(subtype,))
        return "" if part is None else str(part.get_content()).replace("\r\n", "\n")


@dataclass(frozen=True, slots=True)
class SunkText:
    id: str
    channel: str
    to: str
    text: str
    idempotency_key: str


def delivery_report(mail: SunkMail, *, permanent: bool = True) -> str:
    """An RFC 3464 report (`multipart/report; report-type=delivery-status`) about `mail`,
    to its envelope sender, as a relay writes one: failed (5.1.1) or delayed (4.7.1)."""
    recipient = mail.rcpt_tos[0] if mail.rcpt_tos else ""
    action, status = ("failed", "5.1.1") if permanent else ("delayed", "4.7.1")
    said = "550 5.1.1 User unknown" if permanent else "451 4.7.1 Try again later"
    boundary = f"report-{uuid7()}"
    headers = "".join(
        f"{name}: {mail.message[name]}\r\n"
        for name in ("From", "To", "Subject", "Message-ID")
        if mail.message[name] is not None
    )
    return (
        f"From: Mail Delivery System <MAILER-DAEMON@sink.clienteling.local>\r\n"
        f"To: {mail.mail_from}\r\n"
        f"Subject: {'Undelivered Mail Returned to Sender' if permanent else 'Delayed Mail'}\r\n"
        f"Message-ID: <{uuid7()}@sink.clienteling.local>\r\n"
        "Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"
        f'Content-Type: multipart/report; report-type=delivery-status; boundary="{boundary}"\r\n'
        f"\r\n--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        f"Your message could not be delivered to <{recipient}>: {said}.\r\n"
        f"\r\n--{boundary}\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; sink.clienteling.local\r\n\r\n"
        f"Final-Recipient: rfc822; {recipient}\r\nAction: {action}\r\nStatus: {status}\r\n"
        f"Diagnostic-Code: smtp; {said}\r\n"
        f"\r\n--{boundary}\r\nContent-Type: text/rfc822-headers\r\n\r\n{headers}"
        f"\r\n--{boundary}--\r\n"
    )


class _SinkHandler:
    def __init__(self, sink: SmtpSink) -> None:
        self._sink = sink

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:
        raw = envelope.original_content or envelope.content
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        mail = SunkMail(
            mail_from=str(envelope.mail_from), rcpt_tos=tuple(envelope.rcpt_tos), message=parsed
        )
        with self._sink.lock:
            self._sink.messages.append(mail)
            index = len(self._sink.messages) - 1
            self._sink.lock.notify_all()
        domain = self._sink.bounce_domain
        if domain and self._sink.inbound and any(r.endswith("@" + domain) for r in mail.rcpt_tos):
            # After the 250, as a relay bounces later; the hub keeps an early receipt.
            threading.Thread(
                target=self._sink.bounce, args=(index,), name="sink-bounce", daemon=True
            ).start()
        return "250 OK: queued"


class _Controller(Controller):
    def _trigger_server(self) -> None:
        # Started on port 0: learn the real port before aiosmtpd connects to itself.
        assert self.server is not None
        sockets: Any = getattr(self.server, "sockets", ())
        self.port = int(sockets[0].getsockname()[1])
        super()._trigger_server()


@dataclass
class SmtpSink:
    messages: list[SunkMail] = field(default_factory=list)
    lock: threading.Condition = field(default_factory=threading.Condition)
    inbound: InboundHook | None = None
    bounce_domain: str | None = "bounce.example"
    _controller: _Controller | None = None

    def bounce(self, index: int, *, permanent: bool = True) -> dict[str, Any]:
        """A relay's report that message `index` was refused (or delayed), to its
        envelope sender, through the inbound hook; the hub's answer."""
        with self.lock:
            mail = self.messages[index]
        report = delivery_report(mail, permanent=permanent)
        return _hook(self.inbound).post(
            {
                "id": uuid7(),
                "channel": "email",
                "from": "MAILER-DAEMON@sink.clienteling.local",
                "to": mail.mail_from,
                "text": report.split("\r\n\r\n", 2)[2].split("\r\n--", 1)[0],
                "mime": report,
            }
        )

    def reply(self, index: int, text: str) -> dict[str, Any]:
        """The recipient of message `index` answers it (to its Reply-To), through the
        inbound hook, as an inbound-parse service would post it."""
        with self.lock:
            mail = self.messages[index]
        return _hook(self.inbound).post(
            {
                "id": uuid7(),
                "channel": "email",
                "from": mail.rcpt_tos[0] if mail.rcpt_tos else "",
                "to": str(mail.message["Reply-To"] or mail.mail_from),
                "text": text,
                "in_reply_to": str(mail.message["Message-ID"] or ""),
            }
        )

    @property
    def url(self) -> str:
        if self._controller is None:
            raise RuntimeError("the SMTP sink is not started")
        return f"smtp://127.0.0.1:{self._controller.port}"

    def start(self) -> Self:
        controller = _Controller(_SinkHandler(self), hostname="127.0.0.1", port=0)
        controller.start()
        self._controller = controller
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def snapshot(self) -> list[SunkMail]:
        with self.lock:
            return list(self.messages)

    def wait_for(self, count: int, *, timeout_s: float = 30.0) -> list[SunkMail]:
        """Wait until at least `count` messages arrived (a condition, not a sleep)."""
        with self.lock:
            self.lock.wait_for(lambda: len(self.messages) >= count, timeout=timeout_s)
            return list(self.messages)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


class _ProviderServer(ThreadingHTTPServer):
    daemon_threads = True
    provider: FakeProvider


class _ProviderHandler(BaseHTTPRequestHandler):
    server: _ProviderServer

    def log_message(self, format: str, *args: Any) -> None:
        return  # quiet: tests and the demo keep their own log

    def _answer(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:
        if self.path.rstrip("/") != "/send":
            self._answer(404, {"error": "not found"})
            return
        key = self.headers.get("Idempotency-Key", "").strip()
        length = int(self.headers.get("Content-Length") or 0)
        try:
            body = json.loads(self.rfile.read(length))
            channel, to, text = str(body["channel"]), str(body["to"]), str(body["text"])
        except (ValueError, KeyError, TypeError):
            self._answer(400, {"error": "expected JSON {channel, to, text}"})
            return
        if not key:
            self._answer(400, {"error": "Idempotency-Key is required"})
            return
        self._answer(200, {"id": self.server.provider.record(channel, to, text, key)})


@dataclass
class FakeProvider:
    """`receipts_url` set: every new message is followed by a "delivered" receipt POSTed
    there (`Bearer receipts_token`), as a real provider reports delivery."""

    messages: list[SunkText] = field(default_factory=list)
    lock: threading.Condition = field(default_factory=threading.Condition)
    receipts_url: str | None = None
    receipts_token: str | None = None
    receipts_sent: int = 0
    inbound: InboundHook | None = None
    _server: _ProviderServer | None = None
    _thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The send endpoint (`CLIENTELING_SMS_PROVIDER_URL` / `..._WHATSAPP_...`)."""
        if self._server is None:
            raise RuntimeError("the fake provider is not started")
        return f"http://127.0.0.1:{self._server.server_address[1]}/send"

    def record(self, channel: str, to: str, text: str, key: str) -> str:
        with self.lock:
            for known in self.messages:
                if known.idempotency_key == key:
                    return known.id
            sent = SunkText(id=uuid7(), channel=channel, to=to, text=text, idempotency_key=key)
            self.messages.append(sent)
            self.lock.notify_all()
        if self.receipts_url:
            threading.Thread(
                target=self._send_receipt, args=(key,), name="fake-receipt", daemon=True
            ).start()
        return sent.id

    def reply(self, message_id: str, text: str) -> dict[str, Any]:
        """The recipient of message `message_id` answers it, through the inbound hook,
        naming the message answered (the conversation), as a real provider does."""
        with self.lock:
            sent = next(m for m in self.messages if m.id == message_id)
        return _hook(self.inbound).post(
            {
                "id": uuid7(),
                "channel": sent.channel,
                "from": sent.to,
                "to": "",
                "text": text,
                "in_reply_to": sent.id,
            }
        )

    def _send_receipt(self, key: str) -> None:
        assert self.receipts_url is not None
        headers = {"Authorization": f"Bearer {self.receipts_token or ''}"}
        try:
            httpx.post(
                self.receipts_url,
                json={"idempotency_key": key, "status": "delivered"},
                headers=headers,
                timeout=10,
            )
        except httpx.HTTPError:
            return  # a receipt is best effort, as with real providers
        with self.lock:
            self.receipts_sent += 1
            self.lock.notify_all()

    def start(self) -> Self:
        server = _ProviderServer(("127.0.0.1", 0), _ProviderHandler)
        server.provider = self
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, name="fake-provider", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._server, self._thread = None, None

    def snapshot(self) -> list[SunkText]:
        with self.lock:
            return list(self.messages)

    def wait_for(self, count: int, *, timeout_s: float = 30.0) -> list[SunkText]:
        with self.lock:
            self.lock.wait_for(lambda: len(self.messages) >= count, timeout=timeout_s)
            return list(self.messages)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
