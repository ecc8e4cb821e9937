"""Request guards in front of every route: a body size limit and no NUL characters.

Bodies over `max_bytes` are refused with 413 `body_too_large`, whether or not they say
their length up front (a chunked body is counted while it arrives). A NUL character, in
the path, the query or a JSON string (`\\u0000`), is refused with 422 `invalid_text`:
PostgreSQL cannot store it in text, and no field of ours needs it. A multipart form body
is not scanned (an email's attachments, as Mailgun posts them, are binary): its reader
(`hub.inbound_forms`) drops NUL from the text it takes.
"""

from __future__ import annotations

from fastapi import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clienteling.hub.errors import ApiError
from clienteling.protocol.models import ErrorBody

_NUL_IN_URL = (b"%00", b"\x00")
_NUL_IN_JSON = (b"\\u0000", b"\x00")
_OVERLAP = 5


def _too_large(max_bytes: int) -> ApiError:
    return ApiError(413, "body_too_large", f"the request body is larger than {max_bytes} bytes")


def _nul() -> ApiError:
    return ApiError(422, "invalid_text", "text must not contain the NUL character (U+0000)")


class RequestGuard:
    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        url = bytes(scope.get("raw_path") or b"") + b"?" + bytes(scope.get("query_string", b""))
        if any(mark in url for mark in _NUL_IN_URL) or "\x00" in scope.get("path", ""):
            await _reply(_nul(), scope, receive, send)
            return
        headers = dict(scope.get("headers", []))
        declared = headers.get(b"content-length")
        binary = headers.get(b"content-type", b"").lower().startswith(b"multipart/form-data")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await _reply(_too_large(self.max_bytes), scope, receive, send)
            return
        received = 0
        tail = b""

        async def guarded() -> Message:
            # Raised inside the route's body read, as an HTTPException: FastAPI passes
            # those through (any other error there becomes a 400), and the app's
            # handler answers with the code and message it carries.
            nonlocal received, tail
            message = await receive()
            if message["type"] == "http.request":
                chunk = message.get("body", b"")
                received += len(chunk)
                if received > self.max_bytes:
                    raise _as_http(_too_large(self.max_bytes))
                window = tail + chunk
                if not binary and any(mark in window for mark in _NUL_IN_JSON):
                    raise _as_http(_nul())
                tail = window[-_OVERLAP:]
            return message

        await self.app(scope, guarded, send)


# The rest of a refused body is never read: close the connection rather than leave the
# client (and the server's shutdown) waiting on it.
_CLOSE = {"Connection": "close"}


def _as_http(error: ApiError) -> HTTPException:
    return HTTPException(
        error.status, detail={"code": error.code, "message": error.message}, headers=_CLOSE
    )


async def _reply(error: ApiError, scope: Scope, receive: Receive, send: Send) -> None:
    body = ErrorBody(code=error.code, message=error.message).model_dump(exclude_none=True)
    await JSONResponse(status_code=error.status, content=body, headers=_CLOSE)(scope, receive, send)
