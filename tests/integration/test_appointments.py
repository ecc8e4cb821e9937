"""Appointments and dismissed tasks between two terminals of a store and a real hub:
booked while the network is down (pending), on the hub after the next sync and on the
other terminal after its sync; the same slot booked offline on both terminals: the
second to reach the hub is refused, and that terminal shows why; a dismissal made
offline reaches the hub with its reason."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from clienteling.domain.appointments import is_double_booked, store_moment
from clienteling.domain.errors import HubUnreachableError
from clienteling.hub.db import make_engine
from clienteling.hub.tables import appointments, tasks
from clienteling.store.appointments import AppointmentClashError, AssociateChoice
from clienteling.terminal.facade import Terminal
from tests.integration.conftest import StorePair


def _hub_row(hub_db: Path, table: sa.Table, row_id: str) -> sa.Row[object] | None:
    engine = make_engine(str(hub_db))
    try:
        with engine.connect() as conn:
            return conn.execute(sa.select(table).where(table.c.id == row_id)).first()
    finally:
        engine.dispose()


def _me(terminal: Terminal) -> AssociateChoice:
    session = terminal.session
    assert session is not None
    return AssociateChoice(id=session.associate_id, name=session.display_name)


def _customer(terminal: Terminal) -> str:
    tasks_here = terminal.store_tasks()
    assert tasks_here
    return tasks_here[0].customer_id


def _free_time(terminal: Terminal, at: time) -> datetime:
    """A store time three days ahead: the demo books only the seed's day and the next."""
    timezone = terminal.store_timezone()
    today = datetime.now(ZoneInfo(timezone)).date()
    return store_moment(today + timedelta(days=3), at, timezone)


def test_book_offline_sync_and_the_other_terminal_sees_it(store_pair: StorePair) -> None:
    pair = store_pair
    terminal, other = pair.terminal, pair.other
    customer = _customer(terminal)
    me = _me(terminal)
    assert me in terminal.store_associates()
    start = _free_time(terminal, time(9, 0))
    pair.go_offline()
    with pytest.raises(HubUnreachableError):
        terminal.sync_once()

    booked = terminal.book_appointment(
        customer_id=customer,
        associate=me,
        starts_at=start,
        duration_minutes=45,
        purpose="Thử áo khoác",
    )
    mine = {a.id: a for a in terminal.customer_appointments(customer)}
    assert mine[booked].pending and mine[booked].starts_at == start
    assert mine[booked].ends_at == start + timedelta(minutes=45)
    today = terminal.today_appointments()
    assert today, "the demo store has appointments today"
    assert [a.starts_at for a in today] == sorted(a.starts_at for a in today)
    timeline = terminal.customer_timeline(customer, kinds=["appointment"])
    assert [(e.id, e.pending) for e in timeline] == [(booked, True)]
    # A clash this terminal can see is refused at once, before anything is queued.
    with pytest.raises(AppointmentClashError):
        terminal.book_appointment(
            customer_id=customer, associate=me, starts_at=start, duration_minutes=30
        )
    assert terminal.status().pending == 1

    pair.come_back()
    report = terminal.sync_once()
    assert report.pushed == 1 and not report.rejected
    on_hub = _hub_row(pair.hub_db, appointments, booked)
    assert on_hub is not None and on_hub.status == "booked" and on_hub.purpose == "Thử áo khoác"
    assert not terminal.customer_appointments(customer)[0].pending

    assert booked not in [a.id for a in other.customer_appointments(customer)]
    other.sync_once()
    seen = {a.id: a for a in other.customer_appointments(customer)}
    assert booked in seen and seen[booked].associate_name == me.name and not seen[booked].pending

    # Cancelled on the other terminal: gone there at once, on the hub and here after syncs.
    other.cancel_appointment(booked)
    assert booked not in [a.id for a in other.customer_appointments(customer)]
    other.sync_once()
    on_hub = _hub_row(pair.hub_db, appointments, booked)
    assert on_hub is not None and on_hub.status == "cancelled"
    terminal.sync_once()
    assert booked not in [a.id for a in terminal.customer_appointments(customer)]


def test_same_slot_booked_offline_on_both_terminals(store_pair: StorePair) -> None:
    pair = store_pair
    terminal, other = pair.terminal, pair.other
    customer = _customer(terminal)
    me = _me(terminal)
    start = _free_time(terminal, time(13, 0))
    pair.go_offline()
    first = terminal.book_appointment(
        customer_id=customer, associate=me, starts_at=start, duration_minutes=30
    )
    second = other.book_appointment(
        customer_id=customer,
        associate=me,
        starts_at=start + timedelta(minutes=15),
        duration_minutes=30,
    )
    pair.come_back()
    assert not terminal.sync_once().rejected
    report = other.sync_once()
    assert len(report.rejected) == 1
    refused = {a.id: a for a in other.customer_appointments(customer)}[second]
    assert refused.refused is not None and is_double_booked(refused.refused)
    assert not refused.pending
    assert _hub_row(pair.hub_db, appointments, second) is None
    assert first in [a.id for a in other.customer_appointments(customer)]
    entry = next(e for e in other.customer_timeline(customer) if e.id == second)
    assert entry.refused is not None and not entry.pending


def test_task_dismissed_offline_reaches_the_hub(store_pair: StorePair) -> None:
    pair = store_pair
    terminal = pair.terminal
    chosen = terminal.store_tasks()[0]
    pair.go_offline()
    terminal.dismiss_task(chosen.id, reason="other", text="Déménagé à Lyon")
    waiting = {t.id: t for t in terminal.store_tasks()}[chosen.id]
    assert waiting.dismiss_pending and waiting.waiting and not waiting.overdue
    assert waiting.dismiss_reason == "other"
    pair.come_back()
    assert terminal.sync_once().pushed == 1
    row = _hub_row(pair.hub_db, tasks, chosen.id)
    assert row is not None
    assert (row.status, row.dismiss_reason, row.outcome_note) == (
        "dismissed",
        "other",
        "Déménagé à Lyon",
    )
    assert chosen.id not in [t.id for t in terminal.store_tasks()]


def test_a_refused_reschedule_shows_on_the_appointment_until_changed_again(
    store_pair: StorePair,
) -> None:
    """Rescheduled offline into a slot the other terminal booked meanwhile: the hub refuses
    it; the appointment keeps the hub's time and says why, where the associate works,
    until a new change answers it (which also clears it from the refused count)."""
    pair = store_pair
    terminal, other = pair.terminal, pair.other
    customer = _customer(terminal)
    me = _me(terminal)
    start = _free_time(terminal, time(16, 0))
    booked = terminal.book_appointment(
        customer_id=customer, associate=me, starts_at=start, duration_minutes=30
    )
    assert not terminal.sync_once().rejected
    pair.go_offline()
    later = start + timedelta(hours=1)
    other.book_appointment(customer_id=customer, associate=me, starts_at=later, duration_minutes=30)
    terminal.reschedule_appointment(booked, associate=me, starts_at=later, duration_minutes=30)
    moved = {a.id: a for a in terminal.customer_appointments(customer)}[booked]
    assert moved.pending and moved.starts_at == later and moved.change_refused is None
    pair.come_back()
    assert not other.sync_once().rejected
    assert len(terminal.sync_once().rejected) == 1

    refused = {a.id: a for a in terminal.customer_appointments(customer)}[booked]
    assert refused.starts_at == start  # the hub's time again
    assert refused.change_refused is not None and is_double_booked(refused.change_refused)
    assert not refused.pending and refused.refused is None
    assert terminal.status().rejected == 1

    # Moved again to a free time: the refusal is answered, and the new change goes through.
    terminal.reschedule_appointment(
        booked, associate=me, starts_at=start + timedelta(hours=2), duration_minutes=30
    )
    assert terminal.status().rejected == 0
    assert not terminal.sync_once().rejected
    final = {a.id: a for a in terminal.customer_appointments(customer)}[booked]
    assert final.change_refused is None and final.starts_at == start + timedelta(hours=2)
