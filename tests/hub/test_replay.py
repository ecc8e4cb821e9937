"""`clienteling hub replay FILE`: recorded events go through the ingest code once."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from clienteling.cli import main
from clienteling.hub.db import make_engine, migrate
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.tables import carts, ingest_events

SHOPIFY = Path(__file__).parent / "fixtures" / "shopify_carts_create.json"


def generic(kind: str, data: dict[str, object]) -> str:
    return json.dumps(
        {
            "event_id": str(uuid.uuid4()),
            "type": kind,
            "occurred_at": "2025-06-02T10:00:00Z",
            "data": data,
        }
    )


def test_replay_ingests_each_event_once(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = make_engine(db_url)
    migrate(engine)
    seed_demo_data(engine, customers=3)
    cart_id = str(uuid.uuid4())
    customer = {
        "id": "shop-1",
        "email": "lan@example.org",
        "given_name": "Lan",
        "family_name": "Nguyễn",
    }
    line = {"sku": "LAP-APP-0001", "name": "MacBook Air 13", "qty": 1, "unit_price_minor": 129900}
    lines = [
        "# recorded on the web shop",
        generic(
            "cart.updated",
            {"cart_id": cart_id, "customer": customer, "currency": "EUR", "lines": [line]},
        ),
        "",
        json.dumps(
            {
                "source": "shopify",
                "topic": "carts/create",
                "webhook_id": "wh-1",
                "payload": json.loads(SHOPIFY.read_text(encoding="utf-8")),
            }
        ),
        generic("cart.updated", {"cart_id": cart_id}),  # no currency or lines: refused
    ]
    recorded = tmp_path / "events.jsonl"
    recorded.write_text("\n".join(lines) + "\n", encoding="utf-8")

    assert main(["hub", "replay", str(recorded), "--db", db_url]) == 1
    first = capsys.readouterr().out
    assert "applied 2" in first and "invalid 1" in first
    assert main(["hub", "--db", db_url, "replay", str(recorded)]) == 1
    assert "duplicate 2" in capsys.readouterr().out
    with engine.connect() as conn:
        sources = sorted(conn.execute(sa.select(ingest_events.c.source)).scalars())
        assert sources == ["shopify", "webshop"]
        assert conn.execute(sa.select(carts.c.status).where(carts.c.id.is_not(None))).first()
    engine.dispose()


def test_replay_of_a_file_that_is_not_json_lines_says_which_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"event_id": "x"}\nnot json\n', encoding="utf-8")
    db = str(tmp_path / "hub.sqlite3")
    assert main(["hub", "replay", str(bad), "--db", db]) == 2
    assert "line 2 is not JSON" in capsys.readouterr().err
    assert main(["hub", "replay", str(tmp_path / "missing.jsonl"), "--db", db]) == 2
