"""Issue 9: a manager settles, from the terminal, a follow-up whose sending was
interrupted (`needs_check`): the hub's list, the verdict (sent, or not sent -> failed,
never a resend), the new status pulled into the cache, and the refusals as our errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.domain.errors import HubError, HubUnreachableError
from clienteling.hub.db import make_engine
from clienteling.hub.tables import delivery_attempts, delivery_jobs, followups
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from tests.support.lookups import unreachable_terminal


@pytest.fixture
def hub_engine(tmp_path: Path, hub_url: str) -> Iterator[Engine]:
    """The database behind `hub_url` (tests/conftest.py copies it to tmp_path)."""
    engine = make_engine(str(tmp_path / "hub.sqlite3"))
    yield engine
    engine.dispose()


@pytest.fixture
def manager(tmp_path: Path, hub_url: str) -> Iterator[Terminal]:
    term = Terminal(data_dir=tmp_path / "manager", hub_url=hub_url, secrets=MemorySecretStore())
    term.sign_in("demo-manager", "demo")
    term.sync_once()
    yield term
    term.close()


def hub_status(engine: Engine, followup_id: str) -> tuple[str, str | None, list[str]]:
    with engine.connect() as conn:
        row = conn.execute(
            sa.select(followups.c.status, followups.c.status_reason).where(
                followups.c.id == followup_id
            )
        ).one()
        attempts = conn.execute(
            sa.select(delivery_attempts.c.state).where(
                delivery_attempts.c.followup_id == followup_id
            )
        ).scalars()
        return str(row.status), row.status_reason, [str(a) for a in attempts]


def cached_status(terminal: Terminal, customer_id: str, followup_id: str) -> str:
    return next(f.status for f in terminal.followups(customer_id) if f.id == followup_id)


def test_the_demo_store_has_follow_ups_to_check_with_names_from_the_cache(
    manager: Terminal, hub_engine: Engine
) -> None:
    checks = manager.followups_to_check()
    assert len(checks) >= 1
    store_id = manager.session.store_id if manager.session else None
    with hub_engine.connect() as conn:
        expected = set(
            conn.execute(
                sa.select(followups.c.id).where(
                    followups.c.status == "needs_check", followups.c.store_id == store_id
                )
            ).scalars()
        )
    assert {c.id for c in checks} == expected  # this store's only
    assert all(c.customer_name for c in checks)  # the store's customers are cached
    assert [c.prepared_at for c in checks] == sorted(c.prepared_at for c in checks)
    assert manager.count_followups_to_check() == len(checks)


def test_sent_and_not_sent_reach_the_hub_and_the_cache_at_the_next_sync(
    manager: Terminal, hub_engine: Engine
) -> None:
    first, second = manager.followups_to_check()[:2]
    assert cached_status(manager, first.customer_id, first.id) == "needs_check"

    assert manager.settle_followup(first.id, went_out=True).status == "sent"
    assert manager.settle_followup(second.id, went_out=False).status == "failed"

    assert hub_status(hub_engine, first.id)[0::2] == ("sent", ["sent"])
    status, reason, attempts = hub_status(hub_engine, second.id)
    assert status == "failed" and attempts == ["failed"]
    assert reason and "not sent" in reason and "demo-manager" in reason
    with hub_engine.connect() as conn:  # never a resend: no delivery job for either
        jobs = conn.execute(
            sa.select(delivery_jobs).where(delivery_jobs.c.followup_id.in_([first.id, second.id]))
        ).all()
    assert jobs == []
    assert {c.id for c in manager.followups_to_check()}.isdisjoint({first.id, second.id})

    manager.sync_once()
    assert cached_status(manager, first.customer_id, first.id) == "sent"
    assert cached_status(manager, second.customer_id, second.id) == "failed"
    assert manager.count_followups_to_check() == len(manager.followups_to_check())


def test_a_second_verdict_and_an_unknown_id_are_refused(manager: Terminal) -> None:
    check = manager.followups_to_check()[0]
    manager.settle_followup(check.id, went_out=True)
    with pytest.raises(HubError) as again:
        manager.settle_followup(check.id, went_out=False)
    assert again.value.hub_code == "not_needs_check" and again.value.status == 409
    with pytest.raises(HubError) as unknown:
        manager.settle_followup("no-such-follow-up", went_out=True)
    assert unknown.value.status == 404


def test_an_associate_may_not_list_or_settle(tmp_path: Path, hub_url: str) -> None:
    term = Terminal(data_dir=tmp_path / "assoc", hub_url=hub_url, secrets=MemorySecretStore())
    try:
        term.sign_in("demo-associate", "demo")
        with pytest.raises(HubError) as listed:
            term.followups_to_check()
        assert listed.value.status == 403
        with pytest.raises(HubError) as settled:
            term.settle_followup("anything", went_out=True)
        assert settled.value.status == 403
    finally:
        term.close()


def test_offline_nothing_is_listed_or_settled(tmp_path: Path, hub_url: str) -> None:
    dead = unreachable_terminal(tmp_path / "t", hub_url, sync=True, username="demo-manager")
    try:
        with pytest.raises(HubUnreachableError):
            dead.followups_to_check()
        with pytest.raises(HubUnreachableError):
            dead.settle_followup("anything", went_out=True)
        assert dead.count_followups_to_check() >= 1  # the cache still knows how many
    finally:
        dead.close()
