"""Issue 5, scenarios 4 and 5: two terminals of one store offline for a "day" of edits.

Notes, profile patches to the same customer, consent flips and the same new customer
created on both; after reconnecting, both caches equal the hub's state for the store, the
duplicate is merged, and an opt-out made on either side wins. The same day is replayed
with the terminals' clocks a day ahead or behind: no outcome changes (the hub orders by
commit, never by a terminal clock).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from clienteling.domain.errors import HubUnreachableError
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from tests.integration.conftest import PASSWORD, USER
from tests.support.fault_proxy import FaultProxy

DAY = timedelta(days=1)
# The modules whose clock a terminal reads (store writes, outbox, facade).
_CLOCKED = (
    "clienteling.store.apply",
    "clienteling.store.outbox",
    "clienteling.store.profile",
    "clienteling.store.queries",
    "clienteling.terminal.facade",
)


class _Clock:
    offset = timedelta(0)


def _skewed_datetime() -> type[datetime]:
    class Skewed(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> Skewed:  # type: ignore[override]
            real = datetime.now(tz or UTC) + _Clock.offset
            return cls.fromtimestamp(real.timestamp(), tz or UTC)

    return Skewed


@pytest.fixture
def clocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every terminal module reads a clock the test can move (`on_clock`)."""
    skewed = _skewed_datetime()
    for module in _CLOCKED:
        monkeypatch.setattr(f"{module}.datetime", skewed)


@contextmanager
def on_clock(offset: timedelta) -> Iterator[None]:
    before, _Clock.offset = _Clock.offset, offset
    try:
        yield
    finally:
        _Clock.offset = before


@pytest.fixture
def hub(hub_db: Path) -> Iterator[HubServer]:
    with HubServer(settings=HubSettings(db=str(hub_db), port=0)) as server:
        yield server


@pytest.fixture
def proxy(hub: HubServer) -> Iterator[FaultProxy]:
    with FaultProxy(hub.url) as p:
        yield p


def open_terminal(path: Path, url: str) -> Terminal:
    term = Terminal(data_dir=path, hub_url=url, secrets=MemorySecretStore())
    term.sign_in(USER, PASSWORD)
    term.sync_once()
    return term


# -- comparing a cache with the hub ---------------------------------------------------------

_TABLES = {
    "customers": (
        "id, given_name, family_name, display_name, phones, emails, preferred_channel, "
        "language, preferences, version"
    ),
    "consents": "id, customer_id, channel, granted, version",
    "notes": "id, customer_id, text, version",
    "customer_merges": "id, survivor_id, version",
}
_JSON = {"phones", "emails", "preferences"}


def _rows(path: Path, table: str, scope: str) -> list[tuple[Any, ...]]:
    columns = _TABLES[table]
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            f"SELECT {columns} FROM {table} WHERE scope = ? ORDER BY id", (scope,)
        ).fetchall()
    finally:
        conn.close()
    names = [c.strip() for c in columns.split(",")]
    return [
        tuple(
            json.dumps(json.loads(v), sort_keys=True)
            if n in _JSON
            else (int(v) if n == "granted" else v)
            for n, v in zip(names, row, strict=True)
        )
        for row in rows
    ]


def assert_cache_equals_hub(term: Terminal, hub_db: Path, scope: str) -> None:
    for table in _TABLES:
        assert _rows(term.cache_path, table, scope) == _rows(hub_db, table, scope), table


def hub_one(hub_db: Path, sql: str, *params: Any) -> Any:
    conn = sqlite3.connect(f"{hub_db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


# -- the day ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("skew_a", "skew_b"),
    [(timedelta(0), timedelta(0)), (DAY, -DAY), (-DAY, DAY)],
    ids=["same-clock", "a-ahead-b-behind", "a-behind-b-ahead"],
)
def test_two_terminals_offline_for_a_day_converge(
    clocks: None,
    tmp_path: Path,
    proxy: FaultProxy,
    hub_db: Path,
    skew_a: timedelta,
    skew_b: timedelta,
) -> None:
    with on_clock(skew_a):
        a = open_terminal(tmp_path / "a", proxy.url)
    with on_clock(skew_b):
        b = open_terminal(tmp_path / "b", proxy.url)
    try:
        session = a.session
        assert session is not None and session.store_id is not None
        scope = f"store:{session.store_id}"
        regular = a.search("a", limit=1)[0].id
        seeded = json.loads(
            hub_one(hub_db, "SELECT preferences FROM customers WHERE id = ?", regular)[0][0]
        )
        with on_clock(skew_a):
            a.set_consent(regular, "email", True)
            a.set_consent(regular, "sms", True)
            a.sync_once()
        with on_clock(skew_b):
            b.sync_once()

        proxy.cut()  # the network drops for the day
        with on_clock(skew_a):
            a.add_note(regular, "A: cherche un manteau")
            a.patch_customer(regular, given_name="Alpha", preferences={"sizes": {"top": "M"}})
            a.set_consent(regular, "email", False)  # opt-out on A
            a_twin = a.create_customer(
                given_name="Lan", family_name="Phạm", phone="06 12 34 99 88", email="lan@a.example"
            )
            a.add_note(a_twin, "A: première visite")
            with pytest.raises(HubUnreachableError):
                a.sync_once()
        with on_clock(skew_b):
            b.add_note(regular, "B: reviendra samedi")
            b.patch_customer(regular, given_name="Beta", preferences={"brands": ["Atelier Nord"]})
            b.set_consent(regular, "email", False)
            b.set_consent(regular, "email", True)  # B's own flip back: A's opt-out must win
            b.set_consent(regular, "sms", False)
            b_twin = b.create_customer(
                given_name="Lan",
                family_name="Pham",
                phone="+33 6 12 34 99 88",
                email="LAN@b.example",
            )
            b.patch_customer(b_twin, preferences={"dates": {"birthday": "14/05"}})
            b.add_note(b_twin, "B: taille 38")
            assert [h.id for h in b.search("beta")] == [regular]  # the renamed customer
        assert a.status().pending == 5 and b.status().pending == 8

        proxy.restore()
        for _ in range(2):  # A reaches the hub first, then B; then both catch up
            with on_clock(skew_a):
                a.sync_once()
            with on_clock(skew_b):
                b.sync_once()

        # The profile: B's name was committed last and wins; A's is kept in the history.
        given = hub_one(
            hub_db, "SELECT given_name, preferences FROM customers WHERE id = ?", regular
        )
        assert given[0][0] == "Beta"
        assert json.loads(given[0][1]) == {
            **seeded,  # whatever the demo data gave them; each key is its own field
            "sizes": {"top": "M"},
            "brands": ["Atelier Nord"],
        }
        history = hub_one(
            hub_db,
            "SELECT old_value, new_value FROM customer_field_history "
            "WHERE customer_id = ? AND field = 'given_name' ORDER BY changed_at, id",
            regular,
        )
        assert [json.loads(h[1]) for h in history] == ["Alpha", "Beta"]
        # Consent: A's opt-out stands; B's opt-in (which never saw it) was refused.
        for term in (a, b):
            profile = term.customer(regular)
            assert profile is not None
            consent = {c.channel: c for c in profile.consents}
            assert consent["email"].granted is False and not consent["email"].pending
            assert consent["sms"].granted is False
            assert profile.given_name == "Beta"
        refused = b.profile_sync_state(regular).refused
        assert len(refused) == 1 and "withdrew consent" in refused[0]
        assert a.rejected_changes() == []
        # The twin: one customer on the hub, the other id resolving to it everywhere.
        survivors = hub_one(
            hub_db,
            "SELECT id FROM customers WHERE scope = ? AND phones LIKE '%+33612349988%'",
            scope,
        )
        assert [s[0] for s in survivors] == [a_twin]
        for term in (a, b):
            merged = term.customer(b_twin)
            assert merged is not None and merged.id == a_twin
            assert merged.emails == ["lan@a.example", "lan@b.example"]
            assert merged.preferences == {"dates": {"birthday": "--05-14"}}
            assert sorted(n.text for n in merged.notes) == ["A: première visite", "B: taille 38"]
            found = [h.id for h in term.search("pham lan")]
            assert a_twin in found and b_twin not in found
        # Both caches equal the hub for the store; nothing is left to send.
        for term in (a, b):
            assert_cache_equals_hub(term, hub_db, scope)
            status = term.status()
            assert status.pending == 0
        assert b.status().rejected == 1
    finally:
        a.close()
        b.close()
