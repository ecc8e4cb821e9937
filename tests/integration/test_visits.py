"""Visits logged at the counter while the network is down (a non-buyer, an anonymous
visitor, a customer created offline) reach the hub at the next sync, exactly once, and
the store's other terminal pulls them."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from clienteling.domain.errors import HubUnreachableError, ValidationError
from clienteling.hub.db import make_engine
from clienteling.hub.tables import visits
from tests.integration.conftest import StorePair


def _hub_visits(hub_db: Path, ids: list[str]) -> dict[str, sa.Row[object]]:
    engine = make_engine(str(hub_db))
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.select(visits).where(visits.c.id.in_(ids))).all()
    finally:
        engine.dispose()
    return {row.id: row for row in rows}


def test_visits_logged_offline_reach_the_hub(store_pair: StorePair) -> None:
    pair = store_pair
    terminal, other = pair.terminal, pair.other
    pair.go_offline()
    with pytest.raises(HubUnreachableError):
        terminal.sync_once()

    customer = terminal.search("a", limit=1)[0].id
    shown = terminal.find_products("macbook")[:2]
    assert len(shown) == 2
    non_buyer = terminal.log_visit(
        customer_id=customer,
        outcome="will_come_back",
        reason="other",
        reason_text="  Veut voir le modèle 16 pouces  ",
        product_ids=[p.id for p in shown],
    )
    anonymous = terminal.log_visit(
        customer_id=None, outcome="left_without_buying", reason="just_browsing"
    )
    newcomer = terminal.create_customer(given_name="Лидия", family_name="Петрова")
    first_visit = terminal.log_visit(
        customer_id=newcomer, outcome="bought_here", product_ids=[shown[0].id]
    )
    with pytest.raises(ValidationError):
        terminal.log_visit(customer_id=customer, outcome="left_without_buying")
    assert terminal.status().pending == 4

    # Shown at once, marked pending, with the survey link ready to hand over.
    profile = terminal.customer(customer)
    assert profile is not None
    assert [(v.id, v.pending) for v in profile.visits][:1] == [(non_buyer.id, True)]
    assert non_buyer.reason_text == "Veut voir le modèle 16 pouces"
    assert [p.name for p in non_buyer.products] == [p.name for p in shown]
    assert terminal.survey_url(non_buyer.survey_token) == (
        f"{terminal.hub_url}/s/{non_buyer.survey_token}"
    )
    assert len(non_buyer.survey_token) >= 16
    assert anonymous.customer_id is None and anonymous.pending

    pair.come_back()
    report = terminal.sync_once()
    assert report.pushed == 4 and report.pending == 0 and not report.rejected
    terminal.sync_once()  # sent again after a sync: nothing doubles
    on_hub = _hub_visits(pair.hub_db, [non_buyer.id, anonymous.id, first_visit.id])
    assert set(on_hub) == {non_buyer.id, anonymous.id, first_visit.id}
    assert on_hub[non_buyer.id].reason == "other"
    assert on_hub[non_buyer.id].survey_token == non_buyer.survey_token
    assert on_hub[anonymous.id].customer_id is None
    assert on_hub[first_visit.id].customer_id == newcomer
    session = terminal.session
    assert session is not None
    assert on_hub[first_visit.id].associate_name == session.display_name

    profile = terminal.customer(customer)
    assert profile is not None
    assert [v.pending for v in profile.visits if v.id == non_buyer.id] == [False]

    other.sync_once()
    seen = other.customer(customer)
    assert seen is not None
    assert non_buyer.id in [v.id for v in seen.visits]
    newcomer_seen = other.customer(newcomer)
    assert newcomer_seen is not None
    assert [v.outcome for v in newcomer_seen.visits] == ["bought_here"]
