"""`HubClient` maps every hub answer to an error the terminal can act on (real hub)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import httpx
import pytest

from clienteling.domain.errors import (
    HubError,
    HubUnreachableError,
    SessionExpiredError,
    SignInError,
    UpdateNeededError,
)
from clienteling.protocol.models import (
    Mutation,
    PullRequest,
    PushRequest,
    SignInRequest,
    SignInResponse,
)
from clienteling.sync.client import HubClient, HubUnavailableError, MutationGapError


@pytest.fixture
def client(hub_url: str) -> Iterator[HubClient]:
    hub = HubClient(hub_url, timeout=10)
    yield hub
    hub.close()


def sign_in(client: HubClient, device: str) -> SignInResponse:
    return client.sign_in(
        SignInRequest(username="demo-associate", password="demo", device_id=device)
    )


def test_healthz(client: HubClient) -> None:
    assert client.healthz()


def test_wrong_password(client: HubClient) -> None:
    with pytest.raises(SignInError):
        client.sign_in(SignInRequest(username="demo-associate", password="x", device_id="d"))


def test_unknown_token_means_session_expired(client: HubClient) -> None:
    request = PullRequest(device_id="d", schema_version=1, scope="catalog")
    with pytest.raises(SessionExpiredError):
        client.pull("not-a-token", request)


def test_unsupported_protocol_means_update_needed(client: HubClient) -> None:
    request = SignInRequest(
        username="demo-associate", password="demo", device_id="d", protocol_version=99
    )
    with pytest.raises(UpdateNeededError):
        client.sign_in(request)


def test_gap_tells_what_the_hub_has(client: HubClient) -> None:
    device = str(uuid.uuid4())
    token = sign_in(client, device).token
    request = PushRequest(
        device_id=device,
        schema_version=1,
        mutations=[Mutation(id=3, name="note.add", args={}, created_at="2025-01-01T00:00:00Z")],
    )
    with pytest.raises(MutationGapError) as caught:
        client.push(token, request)
    assert caught.value.last_mutation_id == 0
    assert caught.value.status == 409


def test_other_errors_keep_the_hub_code(client: HubClient) -> None:
    device = str(uuid.uuid4())
    token = sign_in(client, device).token
    request = PullRequest(device_id=device, schema_version=1, scope="store:someone-else")
    with pytest.raises(HubError) as caught:
        client.pull(token, request)
    assert (caught.value.hub_code, caught.value.status) == ("forbidden_scope", 403)


def test_nobody_listening() -> None:
    client = HubClient("http://127.0.0.1:9", timeout=2)
    try:
        with pytest.raises(HubUnreachableError):
            client.healthz()
    finally:
        client.close()


@pytest.mark.parametrize(
    "failure",
    [httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("reset"), httpx.ConnectError("no")],
)
def test_network_failures_mean_unreachable(failure: httpx.TransportError) -> None:
    def broken(_request: httpx.Request) -> httpx.Response:
        raise failure

    client = HubClient("http://hub.invalid", transport=httpx.MockTransport(broken))
    with pytest.raises(HubUnreachableError):
        client.pull("t", PullRequest(device_id="d", schema_version=1, scope="catalog"))


def test_a_gateway_error_page_means_the_hub_is_unreachable() -> None:
    """502/503/504 come from a load balancer while the hub is down: back off and retry."""

    def proxy(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(502, text="<html>Bad Gateway</html>")

    client = HubClient("http://hub.invalid", transport=httpx.MockTransport(proxy))
    with pytest.raises(HubUnreachableError) as caught:
        client.pull("t", PullRequest(device_id="d", schema_version=1, scope="catalog"))
    assert isinstance(caught.value, HubUnavailableError) and caught.value.status == 502


def test_any_other_error_page_is_a_hub_error() -> None:
    def proxy(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(500, text="<html>Internal Server Error</html>")

    client = HubClient("http://hub.invalid", transport=httpx.MockTransport(proxy))
    with pytest.raises(HubError) as caught:
        client.pull("t", PullRequest(device_id="d", schema_version=1, scope="catalog"))
    assert caught.value.status == 500


def test_a_client_without_a_timeout_is_refused() -> None:
    with pytest.raises(ValueError, match="timeout"):
        HubClient("http://hub.invalid", timeout=None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="timeout"):
        HubClient("http://hub.invalid", timeout=httpx.Timeout(5.0, read=None))
