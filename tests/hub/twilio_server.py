"""A small HTTP server on 127.0.0.1 in the shape of Twilio's Messages API, for the tests.

`POST /2010-04-01/Accounts/{sid}/Messages.json` with HTTP basic auth (sid, Auth Token)
and a form (`To`, `From`, `Body`, `StatusCallback`): 201 and `{"sid": "SM…", "status":
"queued"}`; 401 and Twilio's error body for wrong credentials; 400 with code 21211 for a
`To` that is not a phone number, 400 with code 21610 for a number in `opted_out` (it
texted STOP to Twilio); `fail_with` set: that HTTP status for every send.
`callback(sid, status)` posts a status callback to the message's `StatusCallback`, signed
as Twilio documents it (base64 HMAC-SHA1 of the URL and the sorted fields), computed here
independently of the hub's code.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qsl

import httpx


def twilio_signature(token: str, url: str, fields: dict[str, str]) -> str:
    data = url + "".join(name + fields[name] for name in sorted(fields))
    return base64.b64encode(hmac.new(token.encode(), data.encode(), hashlib.sha1).digest()).decode()


@dataclass
class TwilioMessage:
    sid: str
    to: str
    sender: str
    body: str
    status_callback: str | None


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    twilio: FakeTwilio


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        return

    def _answer(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:
        twilio = self.server.twilio
        if self.path != f"/2010-04-01/Accounts/{twilio.account_sid}/Messages.json":
            self._answer(404, {"code": 20404, "message": "not found", "status": 404})
            return
        expected = base64.b64encode(f"{twilio.account_sid}:{twilio.auth_token}".encode()).decode()
        if self.headers.get("Authorization", "") != f"Basic {expected}":
            self._answer(401, {"code": 20003, "message": "Authenticate", "status": 401})
            return
        length = int(self.headers.get("Content-Length") or 0)
        form = dict(parse_qsl(self.rfile.read(length).decode(), keep_blank_values=True))
        if twilio.fail_with is not None:
            self._answer(twilio.fail_with, {"code": 20500, "status": twilio.fail_with})
            return
        to = form.get("To", "")
        if not to.removeprefix("whatsapp:").startswith("+"):
            self._answer(400, {"code": 21211, "message": "Invalid 'To'", "status": 400})
            return
        if to.removeprefix("whatsapp:") in twilio.opted_out:
            self._answer(400, {"code": 21610, "message": "unsubscribed", "status": 400})
            return
        message = TwilioMessage(
            sid="SM" + secrets.token_hex(16),
            to=to,
            sender=form.get("From", ""),
            body=form.get("Body", ""),
            status_callback=form.get("StatusCallback"),
        )
        with twilio.lock:
            twilio.messages.append(message)
        self._answer(201, {"sid": message.sid, "status": "queued", "to": to})


@dataclass
class FakeTwilio:
    account_sid: str = "AC" + "1" * 32
    auth_token: str = "twilio-auth-token-for-tests"
    fail_with: int | None = None
    opted_out: set[str] = field(default_factory=set)
    messages: list[TwilioMessage] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    _server: _Server | None = None
    _thread: threading.Thread | None = None

    @property
    def api_url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def callback(self, sid: str, status: str, *, token: str | None = None) -> httpx.Response:
        """Twilio reports `status` (MessageStatus) for message `sid`."""
        with self.lock:
            message = next(m for m in self.messages if m.sid == sid)
        assert message.status_callback
        fields = {
            "MessageSid": sid,
            "SmsSid": sid,
            "MessageStatus": status,
            "SmsStatus": status,
            "AccountSid": self.account_sid,
            "To": message.to,
            "From": message.sender,
            "ApiVersion": "2010-04-01",
        }
        if status in ("failed", "undelivered"):
            fields["ErrorCode"] = "30003"
        signed = twilio_signature(token or self.auth_token, message.status_callback, fields)
        return httpx.post(
            message.status_callback,
            data=fields,
            headers={"X-Twilio-Signature": signed},
            timeout=30,
        )

    def start(self) -> Self:
        server = _Server(("127.0.0.1", 0), _Handler)
        server.twilio = self
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, name="fake-twilio")
        self._thread.daemon = True
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._server, self._thread = None, None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
