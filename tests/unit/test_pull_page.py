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
from clienteling.protocol.pull_page import PulledChange, PulledTable, decode_pull_page
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
        if field not in ("changes", "tables"):
            assert getattr(page, field) == getattr(model, field), field
    assert page.tables == ()


TABLE: dict[str, Any] = {
    "entity": "customer",
    "columns": ["id", "display_name", "phones", "vip", "version"],
    "json_columns": ["phones"],
    "rows": [["c1", "Lan", '["+84901234567"]', True, 3], ["c2", "Minh", None, None, 4]],
}


def test_a_page_of_tables_decodes_as_pull_response_reads_it() -> None:
    content = orjson.dumps(_page(changes=[], tables=[TABLE]))
    page = decode_pull_page(content)
    model = PullResponse.model_validate_json(content)
    assert page.tables == tuple(
        PulledTable(t.entity, tuple(t.columns), frozenset(t.json_columns), t.rows)
        for t in model.tables
    )
    assert page.rows == 2


BAD_TABLES = [
    {**TABLE, "columns": ["id", "display_name", "phones", "version", "vip"]},  # version last
    {**TABLE, "columns": ["key", "display_name", "phones", "vip", "version"]},  # no id
    {**TABLE, "columns": ["id", "id", "phones", "vip", "version"]},  # twice
    {**TABLE, "json_columns": ["emails"]},  # not one of its columns
    {**TABLE, "rows": [["c1", "Lan", None, True]]},  # too short
    {**TABLE, "rows": [[1, "Lan", None, True, 3]]},  # id not a string
    {**TABLE, "rows": [["c1", "Lan", None, True, "3"]]},  # version not an integer
    {**TABLE, "rows": [["c1", "Lan", ["+84901234567"], True, 3]]},  # JSON not as text
    {**TABLE, "rows": [["c1", "Lan", 5, True, 3]]},  # JSON column not text
    {**TABLE, "rows": "not a list"},
    {k: v for k, v in TABLE.items() if k != "entity"},
    "not an object",
]


@pytest.mark.parametrize("table", BAD_TABLES)
def test_a_bad_table_is_refused(table: Any) -> None:
    with pytest.raises(ValueError):
        decode_pull_page(orjson.dumps(_page(changes=[], tables=[table])))


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
        orjson.dumps(_page(tables={"not": "a list"})),
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
