"""The terminal's pull-page decoder reads what `PullResponse` reads and refuses what it
refuses (a first sync decodes pages without a pydantic model per row)."""

from __future__ import annotations

from typing import Any

import httpx
import orjson
import pytest
from pydantic import ValidationError

from clienteling.domain.errors import HubError
from clienteling.protocol.models import PullRequest, PullResponse
from clienteling.protocol.pull_page import PulledChange, decode_pull_page
from clienteling.sync.client import HubClient


def _page(**overrides: Any) -> dict[str, Any]:
    page: dict[str, Any] = {
        "changes": [
            {"entity": "customer", "op": "upsert", "id": "c1", "version": 3, "data": {"id": "c1"}},
            {"entity": "note", "op": "delete", "id": "n1", "version": 4},
        ],
        "cursor": "opaque",
        "has_more": True,
        "snapshot": True,
        "snapshot_total": 10,
        "snapshot_done": 2,
        "last_mutation_id": 7,
        "reset": True,
        "reset_reason": "epoch",
        "purged_before": 1,
        "a_newer_field": "ignored, as PullResponse ignores it",
    }
    page.update(overrides)
    return page


def test_a_page_decodes_as_pull_response_reads_it() -> None:
    content = orjson.dumps(_page())
    page = decode_pull_page(content)
    model = PullResponse.model_validate_json(content)
    assert page.changes == [
        PulledChange(c.entity, c.op, c.id, c.version, c.data) for c in model.changes
    ]
    for field in PullResponse.model_fields:
        if field != "changes":
            assert getattr(page, field) == getattr(model, field), field


BAD_CHANGES = [
    {"entity": "customer", "op": "merge", "id": "c1", "version": 1},  # unknown op
    {"entity": "customer", "op": "upsert", "version": 1},  # no id
    {"entity": "customer", "op": "upsert", "id": 5, "version": 1},  # id not a string
    {"entity": "customer", "op": "upsert", "id": "c1", "version": "1x"},  # version
    {"entity": "customer", "op": "upsert", "id": "c1", "version": 1, "data": [1]},  # data
    {"op": "upsert", "id": "c1", "version": 1},  # no entity
    "not an object",
]


@pytest.mark.parametrize("change", BAD_CHANGES)
def test_a_bad_change_is_refused_by_both(change: Any) -> None:
    content = orjson.dumps(_page(changes=[change]))
    with pytest.raises(ValidationError):
        PullResponse.model_validate_json(content)
    with pytest.raises(ValueError):
        decode_pull_page(content)


@pytest.mark.parametrize(
    "content",
    [
        b"not json",
        b"[]",
        orjson.dumps({k: v for k, v in _page().items() if k != "cursor"}),
        orjson.dumps({k: v for k, v in _page().items() if k != "changes"}),
        orjson.dumps(_page(has_more="perhaps")),
        orjson.dumps(_page(reset_reason="because")),
        orjson.dumps(_page(changes={"not": "a list"})),
    ],
)
def test_a_bad_envelope_is_refused(content: bytes) -> None:
    with pytest.raises(ValueError):
        decode_pull_page(content)


def test_the_client_turns_a_bad_page_into_a_hub_error() -> None:
    bad = orjson.dumps(_page(changes=[BAD_CHANGES[0]]))

    def hub(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=bad, headers={"Content-Type": "application/json"})

    client = HubClient("http://hub.invalid", transport=httpx.MockTransport(hub))
    with pytest.raises(HubError) as caught:
        client.pull("t", PullRequest(device_id="d", schema_version=1, scope="catalog"))
    assert caught.value.hub_code == "bad_response"
