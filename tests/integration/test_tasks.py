"""Journey 4 at the terminal: the store's tasks arrive with the sync; one marked done
while the network is down shows as waiting, reaches the hub at the next sync (who, when,
the outcome note), and leaves this terminal's list and the store's other terminal's."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from clienteling.domain.errors import HubUnreachableError
from clienteling.hub.db import make_engine
from clienteling.hub.tables import tasks
from tests.integration.conftest import StorePair


def _hub_task(hub_db: Path, task_id: str) -> sa.Row[object]:
    engine = make_engine(str(hub_db))
    try:
        with engine.connect() as conn:
            return conn.execute(sa.select(tasks).where(tasks.c.id == task_id)).one()
    finally:
        engine.dispose()


def test_task_done_offline_reaches_the_hub(store_pair: StorePair) -> None:
    pair = store_pair
    terminal, other = pair.terminal, pair.other
    listed = terminal.store_tasks()
    assert listed, "the demo store has tasks"
    session = terminal.session
    assert session is not None
    chosen = listed[0]
    assert chosen.customer_name
    assert chosen.id in [t.id for t in terminal.customer_tasks(chosen.customer_id)]
    pair.go_offline()
    with pytest.raises(HubUnreachableError):
        terminal.sync_once()

    terminal.mark_task_done(chosen.id, outcome_note="Appelé, passera samedi")
    waiting = {t.id: t for t in terminal.store_tasks()}
    assert waiting[chosen.id].done_pending
    assert terminal.status().pending == 1

    pair.come_back()
    report = terminal.sync_once()
    assert report.pushed == 1 and report.pending == 0 and not report.rejected
    on_hub = _hub_task(pair.hub_db, chosen.id)
    assert on_hub.status == "done"
    assert on_hub.done_by == session.associate_id
    assert on_hub.done_by_name == session.display_name
    assert on_hub.outcome_note == "Appelé, passera samedi"
    assert chosen.id not in [t.id for t in terminal.store_tasks()]
    assert chosen.id not in [t.id for t in terminal.customer_tasks(chosen.customer_id)]

    assert chosen.id in [t.id for t in other.store_tasks()]
    other.sync_once()
    assert chosen.id not in [t.id for t in other.store_tasks()]
