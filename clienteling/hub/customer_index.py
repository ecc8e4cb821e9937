"""The hub's customer search index: a consumer of the change feed.

Every writer of customers (sign-up mutations, ingest, profile patches, merges) already
gives the row a new version in its scope; before a search the index catches up from the
versions it has seen (`search_index_state`), so no writer needs to know the index exists.
Version order is commit order (see `hub.versions`), so "newer than what I indexed" never
misses a row. Deleted customers leave through their tombstones; results are joined to
`customers` anyway, so a customer gone a moment ago is never returned.

Terms are what a person types: folded name words (`domain.text.words`, "nguyen" finds
"Nguyễn"), folded emails and card, and the digit keys of every phone
(`domain.phones.search_keys`: with country code, national with trunk prefix, bare).
A query matches by prefix: every word of a name, or the whole text for an email or card,
or its digits for a phone or card number typed in any format.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from clienteling.domain.phones import looks_like_phone_or_card, search_keys
from clienteling.domain.text import digits, fold, words
from clienteling.hub.db import insert_ignoring_conflicts, read_tx, write_tx
from clienteling.hub.tables import (
    customer_search,
    customer_search_terms,
    customers,
    scope_versions,
    search_index_state,
    tombstones,
)

_CHUNK = 2000
_TERM_MAX = 200
_TOP = "\U0010ffff"  # above every character: `term < prefix + _TOP` means "starts with"
MAX_QUERY_WORDS = 8


def sort_name(display_name: str) -> str:
    return " ".join(words(display_name))[:400]


def terms_of(customer: Any) -> set[str]:
    """Everything one customer is found by (see the module docstring)."""
    found: set[str] = set()
    for field in ("given_name", "family_name", "display_name"):
        found.update(words(customer[field] or ""))
    for email in customer["emails"] or []:
        found.add(fold(str(email)))
    card = customer["loyalty_card"] or ""
    if card:
        found.add(fold(card))
        if digits(card):
            found.add(digits(card))
    for phone in customer["phones"] or []:
        found.update(search_keys(str(phone)))
    return {term[:_TERM_MAX] for term in found if term}


def catch_up(engine: Engine) -> None:
    """Index every customer change not indexed yet (cheap when nothing is behind). Work is
    committed in chunks, so a first catch-up over a big chain never holds the write lock
    for long."""
    with read_tx(engine) as conn:
        behind = _scopes_behind(conn)
    for scope in behind:
        more = True
        while more:
            with write_tx(engine) as conn:
                more = _index_chunk(conn, scope)


def _newest(conn: Connection, scope: str) -> int:
    rows = conn.execute(
        sa.select(sa.func.max(customers.c.version)).where(customers.c.scope == scope)
    ).scalar_one_or_none()
    gone = conn.execute(
        sa.select(sa.func.max(tombstones.c.version)).where(
            tombstones.c.scope == scope, tombstones.c.entity == "customer"
        )
    ).scalar_one_or_none()
    return max(int(rows or 0), int(gone or 0))


def _scopes_behind(conn: Connection) -> list[str]:
    seen = dict(
        conn.execute(sa.select(search_index_state.c.scope, search_index_state.c.version)).all()
    )
    scopes = conn.execute(
        sa.select(scope_versions.c.scope).where(scope_versions.c.scope.like("store:%"))
    ).scalars()
    return [s for s in scopes if _newest(conn, s) > int(seen.get(s, 0))]


def _index_chunk(conn: Connection, scope: str) -> bool:
    """Index up to `_CHUNK` changed customers of `scope`; True when more are waiting."""
    insert_ignoring_conflicts(conn, search_index_state, {"scope": scope, "version": 0})
    # The row lock serialises two hub processes catching up the same scope.
    seen = int(
        conn.execute(
            sa.select(search_index_state.c.version)
            .where(search_index_state.c.scope == scope)
            .with_for_update()
        ).scalar_one()
    )
    rows = conn.execute(
        sa.select(customers)
        .where(customers.c.scope == scope, customers.c.version > seen)
        .order_by(customers.c.version)
        .limit(_CHUNK)
    ).all()
    newest = seen
    if rows:
        _write(conn, rows)
        newest = int(rows[-1].version)
    more = len(rows) == _CHUNK
    # Deletions up to what this chunk reached (all of them on the last chunk).
    gone_query = sa.select(tombstones.c.entity_id, tombstones.c.version).where(
        tombstones.c.scope == scope,
        tombstones.c.entity == "customer",
        tombstones.c.version > seen,
    )
    if more:
        gone_query = gone_query.where(tombstones.c.version <= newest)
    gone = conn.execute(gone_query).all()
    if gone:
        _forget(conn, [g.entity_id for g in gone])
        newest = max(newest, max(int(g.version) for g in gone))
    conn.execute(
        sa.update(search_index_state)
        .where(search_index_state.c.scope == scope)
        .values(version=newest)
    )
    return more


def _forget(conn: Connection, ids: Sequence[str]) -> None:
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        conn.execute(
            sa.delete(customer_search_terms).where(customer_search_terms.c.customer_id.in_(chunk))
        )
        conn.execute(sa.delete(customer_search).where(customer_search.c.customer_id.in_(chunk)))


def _write(conn: Connection, rows: Sequence[Any]) -> None:
    _forget(conn, [row.id for row in rows])
    conn.execute(
        sa.insert(customer_search),
        [{"customer_id": row.id, "sort_name": sort_name(row.display_name)} for row in rows],
    )
    terms = [
        {"term": term, "customer_id": row.id} for row in rows for term in terms_of(row._mapping)
    ]
    if terms:
        conn.execute(sa.insert(customer_search_terms), terms)


def _starting_with(prefix: str) -> sa.Select[tuple[str]]:
    term = customer_search_terms.c.term
    return sa.select(customer_search_terms.c.customer_id).where(
        term >= prefix, term < prefix + _TOP
    )


def match(query: str) -> sa.ColumnElement[bool] | None:
    """The condition on `customers.c.id` for `query`; None when it can match nobody."""
    text = query.strip()
    if looks_like_phone_or_card(text):
        return customers.c.id.in_(_starting_with(digits(text)))
    alternatives: list[sa.ColumnElement[bool]] = []
    query_words = list(dict.fromkeys(words(text)))[:MAX_QUERY_WORDS]
    if query_words:
        alternatives.append(
            sa.and_(*(customers.c.id.in_(_starting_with(word)) for word in query_words))
        )
    whole = fold(text)[:_TERM_MAX]
    if whole and (len(query_words) != 1 or whole != query_words[0]):
        alternatives.append(customers.c.id.in_(_starting_with(whole)))
    return sa.or_(*alternatives) if alternatives else None


def scope_filter(scopes: Iterable[str] | None) -> sa.ColumnElement[bool]:
    """Customers of `scopes` (None: every store)."""
    if scopes is None:
        return sa.true()
    return customers.c.scope.in_(list(scopes))
