"""Property-based API tests generated from the hub's own OpenAPI document (schemathesis):
every operation, a few examples each, against a real hub on 127.0.0.1 signed in as an
admin. No answer may be a 5xx, and every documented answer must match its schema.

Bounded: `MAX_EXAMPLES` per operation and per backend, on a small hub of its own (so
generated sign-ins and pushes never touch the shared seeded hub).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode, checks
from schemathesis.specs.openapi import checks as openapi_checks

from clienteling.hub.db import make_engine, migrate
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings

from .conftest import NewDb, sign_in

MAX_EXAMPLES = 4
CHECKS = [
    checks.not_a_server_error,
    openapi_checks.response_schema_conformance,
    openapi_checks.content_type_conformance,
]


@pytest.fixture(scope="module")
def fuzz_hub(new_db: NewDb) -> Iterator[tuple[str, str]]:
    """(base URL, an admin's bearer token) of a small hub for this module."""
    url = new_db()
    engine = make_engine(url)
    migrate(engine)
    seed_demo_data(engine, customers=20)
    engine.dispose()
    with (
        HubServer(settings=HubSettings(db=url, port=0, purge_interval_s=0)) as server,
        httpx.Client(base_url=server.url, timeout=30) as http,
    ):
        body, _device = sign_in(http, username="demo-admin")
        yield server.url, body["token"]


def _operations(base_url: str) -> list[Any]:
    loaded = schemathesis.openapi.from_url(f"{base_url}/openapi.json")
    return [result.ok() for result in loaded.get_all_operations()]


@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_api_answers_without_5xx_and_matches_its_schema(
    fuzz_hub: tuple[str, str], mode: str
) -> None:
    """Positive: valid requests. Negative: wrong types, unknown fields, missing fields;
    the hub must refuse those with a 4xx, never a 5xx."""
    base_url, token = fuzz_hub
    headers = {"Authorization": f"Bearer {token}"}
    generation = GenerationMode.POSITIVE if mode == "positive" else GenerationMode.NEGATIVE
    failures: list[str] = []
    operations = _operations(base_url)
    assert len(operations) > 25

    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=generation))
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
            phases=[Phase.generate],
        )
        def run(case: schemathesis.Case) -> None:
            case.call_and_validate(base_url=base_url, headers=headers, checks=CHECKS)

        try:
            run()
        except Unsatisfiable:
            continue  # nothing to get wrong (e.g. no parameters, in negative mode)
        except Exception as exc:  # collected: one report for every operation
            failures.append(f"{operation.label}: {exc}")
    assert failures == []
