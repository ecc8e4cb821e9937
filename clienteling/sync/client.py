"""`HubClient`: the terminal's only HTTP code. It speaks protocol/models.py and turns
every failure into a `ClientelingError` the terminal can act on.

The transport is a constructor argument so unit tests can pass `httpx.MockTransport`.
"""

from __future__ import annotations

import json
import logging
from datetime import date
from typing import Any, TypeVar
from urllib.parse import quote

import httpx
import pydantic
from pydantic import BaseModel

from clienteling.domain.errors import (
    DeviceRevokedError,
    HubError,
    HubUnreachableError,
    SessionExpiredError,
    SignInError,
    StoreChoiceNeededError,
    UpdateNeededError,
)
from clienteling.protocol.dashboard import DrillDown, StoreDashboard
from clienteling.protocol.enrollment import EnrollRequest, EnrollResponse, HubInfo
from clienteling.protocol.followup_checks import (
    NEXT_PAGE_HEADER,
    FollowupSettled,
    FollowupToCheck,
    SettleOutcome,
    SettleRequest,
)
from clienteling.protocol.lookups import CustomerBundle, LookupRequest
from clienteling.protocol.models import (
    ErrorBody,
    PullRequest,
    PushRequest,
    PushResponse,
    RefreshRequest,
    RefreshResponse,
    ScopeCheckRequest,
    ScopeCheckResponse,
    SignInRequest,
    SignInResponse,
)
from clienteling.protocol.offers import OfferRedeemed
from clienteling.protocol.pull_page import PulledPage, decode_pull_page

log = logging.getLogger(__name__)

_Model = TypeVar("_Model", bound=BaseModel)
_FollowupsToCheck = pydantic.TypeAdapter(list[FollowupToCheck])

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
"""Every request has one: connect 5 s; read, write and waiting for a pooled connection 30 s."""

# What a load balancer or reverse proxy answers while the hub is down, restarting or
# overloaded: for the terminal that is "the hub did not answer" (back off and retry),
# not a refusal of what it sent.
_UNAVAILABLE_STATUSES = frozenset({502, 503, 504})


class MutationGapError(HubError):
    """The hub misses mutations before the ones sent; it has up to `last_mutation_id`."""

    def __init__(self, message: str, *, last_mutation_id: int, status: int = 409) -> None:
        super().__init__(message, hub_code="mutation_gap", status=status)
        self.last_mutation_id = last_mutation_id


class HubUnavailableError(HubUnreachableError):
    """A gateway answered for the hub (HTTP 502/503/504): treated as unreachable."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message)
        self.status = status


class HubClient:
    def __init__(
        self,
        base_url: str,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
    ) -> None:
        if timeout is None or (
            isinstance(timeout, httpx.Timeout)
            and None in (timeout.connect, timeout.read, timeout.write, timeout.pool)
        ):
            raise ValueError("every hub request needs a timeout")
        self.base_url = base_url.rstrip("/")
        self._http = httpx.Client(base_url=self.base_url, transport=transport, timeout=timeout)
        self._tables = True  # False once the hub refused `layout` (a hub from before it)

    def close(self) -> None:
        self._http.close()

    def healthz(self) -> bool:
        """True when the hub answers its health check (HubUnreachableError otherwise)."""
        # Probed every few seconds while offline: a failure is not worth a log line each time.
        response = self._send("GET", "/healthz", token=None, body=None, quiet=True)
        return response.status_code == 200

    def hub_info(self) -> HubInfo:
        """The hub's version and protocol range (`/healthz`), before enrolling."""
        return self._call("/healthz", None, HubInfo, token=None)

    def enroll(self, request: EnrollRequest) -> EnrollResponse:
        """Trade a one-time code for a device secret (HubError with the hub's code)."""
        return self._call("/api/v1/devices/enroll", request, EnrollResponse, token=None)

    def sign_in(self, request: SignInRequest) -> SignInResponse:
        return self._call("/api/v1/auth/sign-in", request, SignInResponse, token=None)

    def refresh(self, request: RefreshRequest) -> RefreshResponse:
        """A new access token for a refresh token (SessionExpiredError: sign in again)."""
        return self._call("/api/v1/auth/refresh", request, RefreshResponse, token=None)

    def push(self, token: str, request: PushRequest) -> PushResponse:
        return self._call("/api/v1/sync/push", request, PushResponse, token=token)

    def pull(self, token: str, request: PullRequest) -> PulledPage:
        """One page (decoded by `protocol.pull_page`: no pydantic model per row). A hub
        from before the "tables" layout refuses the field (422): asked again as changes,
        and as changes from then on by this client."""
        path = "/api/v1/sync/pull"
        if request.layout == "tables" and not self._tables:
            request = request.model_copy(update={"layout": "changes"})
        try:
            response = self._send("POST", path, token=token, body=request)
        except HubError as exc:
            if request.layout != "tables" or exc.status != 422 or exc.hub_code != "invalid_request":
                raise
            log.info("the hub does not send pages as tables: asking for changes")
            self._tables = False
            request = request.model_copy(update={"layout": "changes"})
            response = self._send("POST", path, token=token, body=request)
        try:
            return decode_pull_page(response.content)
        except ValueError as exc:  # pydantic's ValidationError and orjson's errors too
            raise HubError(
                f"unexpected answer from {path}",
                hub_code="bad_response",
                status=response.status_code,
            ) from exc

    def check(self, token: str, request: ScopeCheckRequest) -> ScopeCheckResponse:
        return self._call("/api/v1/sync/check", request, ScopeCheckResponse, token=token)

    def customer_export(self, token: str, customer_id: str) -> dict[str, Any]:
        """Everything the hub holds about a customer (managers and admins; audited)."""
        path = f"/api/v1/customers/{quote(customer_id, safe='')}/export"
        response = self._send("GET", path, token=token, body=None)
        try:
            data = json.loads(response.content)
        except ValueError as exc:
            raise HubError(
                f"unexpected answer from {path}",
                hub_code="bad_response",
                status=response.status_code,
            ) from exc
        if not isinstance(data, dict):
            raise HubError(f"unexpected answer from {path}", hub_code="bad_response", status=200)
        return data

    def store_staff(self, token: str, store_id: str) -> list[tuple[str, str]]:
        """(id, display name) of the store's associates (first page: a store's staff)."""
        path = "/api/v1/associates"
        response = self._send(
            "GET", path, token=token, body=None, params={"store_id": store_id, "limit": "500"}
        )
        try:
            items = json.loads(response.content)["items"]
            return [(str(a["id"]), str(a["display_name"])) for a in items]
        except (ValueError, KeyError, TypeError) as exc:
            raise HubError(
                f"unexpected answer from {path}", hub_code="bad_response", status=200
            ) from exc

    def search_customers(
        self, token: str, query: str, *, all_stores: bool, limit: int
    ) -> list[dict[str, Any]]:
        """The hub's customer search (first page): with `all_stores`, other stores'
        customers too when `query` is their exact phone, email or card."""
        response = self._send(
            "GET",
            "/api/v1/customers",
            token=token,
            body=None,
            params={"q": query, "all_stores": str(all_stores).lower(), "limit": str(limit)},
        )
        try:
            items = json.loads(response.content)["items"]
        except (ValueError, KeyError, TypeError) as exc:
            raise HubError(
                "unexpected answer from /api/v1/customers", hub_code="bad_response", status=200
            ) from exc
        if not isinstance(items, list):
            raise HubError(
                "unexpected answer from /api/v1/customers", hub_code="bad_response", status=200
            )
        return [item for item in items if isinstance(item, dict)]

    def look_up_customer(self, token: str, customer_id: str, identifier: str) -> CustomerBundle:
        """Pull in a customer found on the hub, proving the identifier it was found by."""
        path = f"/api/v1/customers/{quote(customer_id, safe='')}/lookup"
        return self._call(path, LookupRequest(identifier=identifier), CustomerBundle, token=token)

    def customer_bundle(self, token: str, customer_id: str) -> CustomerBundle:
        """A pulled-in customer's rows again (HubError 404 once the store may not any more)."""
        path = f"/api/v1/customers/{quote(customer_id, safe='')}/bundle"
        return self._call(path, None, CustomerBundle, token=token)

    def device_wiped(self, token: str) -> None:
        """Tell the hub that this revoked device pushed what it owed and wiped."""
        self._send("POST", "/api/v1/devices/self/wiped", token=token, body=None)

    def store_dashboard(
        self, token: str, *, store_id: str, start: date, end: date
    ) -> StoreDashboard:
        """The manager dashboard of a store for local days start..end (both included)."""
        return self._call(
            f"/api/v1/stats/stores/{store_id}/dashboard",
            None,
            StoreDashboard,
            token=token,
            params={"start": start.isoformat(), "end": end.isoformat()},
        )

    def store_drilldown(
        self,
        token: str,
        *,
        store_id: str,
        start: date,
        end: date,
        figure: str,
        key: str | None,
        limit: int,
    ) -> DrillDown:
        """The rows behind one dashboard number (newest first, at most `limit`)."""
        params = {"start": start.isoformat(), "end": end.isoformat(), "figure": figure}
        if key is not None:
            params["key"] = key
        params["limit"] = str(limit)
        return self._call(
            f"/api/v1/stats/stores/{store_id}/drilldown",
            None,
            DrillDown,
            token=token,
            params=params,
        )

    def redeem_offer(self, token: str, code: str) -> OfferRedeemed:
        """Redeem a single-use offer at this store's till (HubError when refused)."""
        path = f"/api/v1/offers/{quote(code.strip(), safe='')}/redeem"
        response = self._send("POST", path, token=token, body=None)
        try:
            return OfferRedeemed.model_validate_json(response.content)
        except pydantic.ValidationError as exc:
            raise HubError(
                f"unexpected answer from {path}", hub_code="bad_response", status=200
            ) from exc

    def followups_to_check(
        self, token: str, *, store_id: str | None = None, page_size: int = 100
    ) -> list[FollowupToCheck]:
        """Follow-ups whose sending was interrupted, oldest first (managers and admins;
        the hub limits them to the caller's stores, or to `store_id`): every page, asked
        `page_size` at a time while the hub sends a `Next-Page` token (a hub from before
        paging sends none: its one page is the list)."""
        path = "/api/v1/followups/needs-check"
        params = {"limit": str(page_size)}
        if store_id is not None:
            params["store_id"] = store_id
        items: list[FollowupToCheck] = []
        seen: set[str] = set()
        while True:
            response = self._send("GET", path, token=token, body=None, params=params)
            try:
                items.extend(_FollowupsToCheck.validate_json(response.content))
            except pydantic.ValidationError as exc:
                raise HubError(
                    f"unexpected answer from {path}", hub_code="bad_response", status=200
                ) from exc
            following = response.headers.get(NEXT_PAGE_HEADER)
            if not following or following in seen:  # a repeated token would never end
                return items
            seen.add(following)
            params["next"] = following

    def settle_followup(
        self, token: str, followup_id: str, outcome: SettleOutcome
    ) -> FollowupSettled:
        """A manager's verdict on one: it went out (`sent`) or not (`not_sent`). HubError
        `not_needs_check` (409) when it was settled meanwhile, `not_found` (404)."""
        path = f"/api/v1/followups/{quote(followup_id, safe='')}/resolve"
        return self._call(path, SettleRequest(outcome=outcome), FollowupSettled, token=token)

    def _call(
        self,
        path: str,
        request: BaseModel | None,
        answer: type[_Model],
        *,
        token: str | None,
        params: dict[str, str] | None = None,
    ) -> _Model:
        """POST `request` (or GET with `params` when there is none) and read the answer."""
        method = "GET" if request is None else "POST"
        response = self._send(method, path, token=token, body=request, params=params)
        try:
            return answer.model_validate_json(response.content)
        except pydantic.ValidationError as exc:
            raise HubError(
                f"unexpected answer from {path}",
                hub_code="bad_response",
                status=response.status_code,
            ) from exc

    def _send(
        self,
        method: str,
        path: str,
        *,
        token: str | None,
        body: BaseModel | None,
        params: dict[str, str] | None = None,
        quiet: bool = False,
    ) -> httpx.Response:
        headers = {"Accept": "application/json"}
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        content = None
        if body is not None:
            headers["Content-Type"] = "application/json"
            content = body.model_dump_json().encode()
        try:
            response = self._http.request(
                method, path, content=content, headers=headers, params=params
            )
        except httpx.TransportError as exc:  # connect, timeout, reset, protocol errors
            log.log(
                logging.DEBUG if quiet else logging.INFO,
                "hub unreachable on %s: %s",
                path,
                type(exc).__name__,
            )
            raise HubUnreachableError(f"the hub did not answer ({type(exc).__name__})") from exc
        if response.status_code >= 400:
            raise _error(response)
        return response


def _error(response: httpx.Response) -> Exception:
    status = response.status_code
    if status in _UNAVAILABLE_STATUSES:
        log.info("hub unavailable: HTTP %d", status)
        return HubUnavailableError(f"the hub is unavailable (HTTP {status})", status=status)
    try:
        body = ErrorBody.model_validate_json(response.content)
    except pydantic.ValidationError:
        body = ErrorBody(code="error", message=f"the hub answered HTTP {status}")
    if status == 401:
        if body.code == "invalid_credentials":
            return SignInError(body.message)
        if body.code == "device_revoked":
            detail = body.detail or {}
            return DeviceRevokedError(
                body.message,
                final_push=bool(detail.get("final_push", False)),
                discard_unsent=bool(detail.get("discard_unsent", False)),
            )
        return SessionExpiredError(body.message)
    if status == 426:
        return UpdateNeededError(body.message)
    if status == 409 and body.code == "mutation_gap":
        last = (body.detail or {}).get("last_mutation_id")
        if isinstance(last, int):
            return MutationGapError(body.message, last_mutation_id=last, status=status)
    if status == 409 and body.code == "store_required":
        offered = (body.detail or {}).get("stores") or []
        stores = [(str(s["id"]), str(s["name"])) for s in offered if isinstance(s, dict)]
        return StoreChoiceNeededError(body.message, stores=stores)
    return HubError(body.message, hub_code=body.code, status=status)
