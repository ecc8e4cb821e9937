"""Every hub error is JSON `ErrorBody` (`code`, `message`, optional `detail`)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import exc as sa_exc
from starlette.exceptions import HTTPException as StarletteHTTPException

from clienteling.protocol.models import PROTOCOL_VERSION, PROTOCOL_VERSION_MIN, ErrorBody

if TYPE_CHECKING:
    from clienteling.hub.settings import HubSettings

log = logging.getLogger(__name__)


class ApiError(Exception):
    """Raised anywhere in a request; rendered as an `ErrorBody` with `status`."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        detail: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail
        self.headers = headers


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in (
        (401, "Not signed in, or the token expired or was revoked (see `code`)."),
        (403, "Not allowed for this sign-in: another store, or admin only (see `code`)."),
        (404, "No such thing, or another store's customer (ids do not leak)."),
        (413, "The request body is too large (`body_too_large`)."),
        (422, "The request is not valid: wrong types, unknown or missing fields."),
    )
}
"""Documented on every API route: each answers these as `ErrorBody`, never FastAPI's
default validation shape."""


def check_protocol(version: int, settings: HubSettings | None = None) -> None:
    """Refuse clients outside the supported range (`settings.protocol_version_min..max`,
    by default what this code speaks) with a clear "update needed"."""
    low = settings.protocol_version_min if settings is not None else PROTOCOL_VERSION_MIN
    high = settings.protocol_version_max if settings is not None else PROTOCOL_VERSION
    if not low <= version <= high:
        raise ApiError(
            426,
            "update_needed",
            f"protocol {version} is not supported; this hub speaks {low}..{high}",
            detail={"min": low, "max": high},
        )


def _body(
    status: int,
    code: str,
    message: str,
    detail: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    content = ErrorBody(code=code, message=message, detail=detail).model_dump(exclude_none=True)
    return JSONResponse(status_code=status, content=content, headers=headers)


_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
    415: "unsupported_media_type",
}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return _body(exc.status, exc.code, exc.message, exc.detail, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": [str(p) for p in err.get("loc", ())], "msg": str(err.get("msg", ""))}
            for err in exc.errors()
        ]
        first = errors[0] if errors else {"loc": [], "msg": ""}
        where = ".".join(p for p in first["loc"] if p != "body") or "the request"
        message = f"the request is not valid: {where}: {first['msg']}"
        if any(err.get("type") == "json_invalid" for err in exc.errors()):
            message = "the body is not valid JSON"
        return _body(422, "invalid_request", message, {"errors": errors})

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if isinstance(exc.detail, dict) and {"code", "message"} <= exc.detail.keys():
            return _body(
                exc.status_code,
                str(exc.detail["code"]),
                str(exc.detail["message"]),
                headers=exc.headers,
            )
        code = _HTTP_CODES.get(exc.status_code, "error")
        return _body(exc.status_code, code, str(exc.detail))

    @app.exception_handler(UnicodeError)
    async def _text(_request: Request, _exc: UnicodeError) -> JSONResponse:
        return _body(422, "invalid_text", "a text field holds characters that are not valid")

    @app.exception_handler(sa_exc.DataError)
    async def _data(_request: Request, _exc: sa_exc.DataError) -> JSONResponse:
        # The database refused a value (too long for its column, NUL in text): the
        # request's fault, not the hub's.
        return _body(422, "invalid_value", "a value is too long or not valid for its field")

    @app.exception_handler(Exception)
    async def _bug(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error in a request")
        return _body(500, "internal_error", "the hub hit an internal error")
