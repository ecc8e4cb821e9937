"""Customer search: names with or without diacritics in any word order, emails, loyalty
cards and phone numbers in any format, all through one FTS5 index.

The index row of a customer shares its rowid with the `customers` row, so upserts and
deletes keep it in step cheaply (callers do it in the same transaction as the row).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlite_utils import Database

from clienteling.domain.phones import looks_like_phone_or_card, search_keys
from clienteling.domain.text import digits, fold, words
from clienteling.store.views import CustomerHit

# Column weights for bm25: a hit in the name counts more than in an email or card.
_RANK = "bm25(customer_fts, 10.0, 2.0, 5.0)"
# Ranking every match of a one-letter query on a large store is too slow for type-ahead:
# rank at most this many candidates (in index order). A query that matches more is not
# specific yet; the associate keeps typing and the set shrinks below the cap.
CANDIDATES = 2000


def sort_name(display_name: str) -> str:
    """The key customers sort by within equally good matches."""
    return " ".join(words(display_name))


def index_customer(db: Database, *, rowid: int, customer: Mapping[str, Any]) -> None:
    """(Re)write the search row of one customer; call inside the upsert's transaction."""
    name_words = words(
        " ".join((customer["given_name"], customer["family_name"], customer["display_name"]))
    )
    card = customer.get("loyalty_card") or ""
    other = [fold(email) for email in customer.get("emails", [])] + ([fold(card)] if card else [])
    keys = [key for phone in customer.get("phones", []) for key in search_keys(phone)]
    if digits(card):
        keys.append(digits(card))
    db.conn.execute("DELETE FROM customer_fts WHERE rowid = ?", (rowid,))
    db.conn.execute(
        "INSERT INTO customer_fts (rowid, name, other, digits) VALUES (?, ?, ?, ?)",
        (rowid, " ".join(dict.fromkeys(name_words)), " ".join(other), " ".join(keys)),
    )


def unindex_customer(db: Database, *, rowid: int) -> None:
    db.conn.execute("DELETE FROM customer_fts WHERE rowid = ?", (rowid,))


def match_expression(query: str) -> str | None:
    """The FTS5 query for what the associate typed, or None when there is nothing to find.

    Digits-only input (a phone or a card) is matched by prefix against the digit keys;
    anything else as word prefixes, all of which must match, in any order.
    """
    text = query.strip()
    if not text:
        return None
    if looks_like_phone_or_card(text):
        return f'digits : "{digits(text)}"*'
    tokens = list(dict.fromkeys(words(text)))
    if not tokens:
        return None
    # Tokens are letters and digits only (see domain.text.words): safe inside quotes.
    return "{name other} : (" + " AND ".join(f'"{token}"*' for token in tokens) + ")"


def search_customers(db: Database, query: str, *, limit: int = 50) -> list[CustomerHit]:
    """Best matches first, then by name."""
    expression = match_expression(query)
    if expression is None or limit <= 0:
        return []
    rows = db.conn.execute(
        f"""
        SELECT c.id, c.display_name, c.phones, c.emails, c.loyalty_card,
               c.lifecycle_stage, l.city
        FROM (
            SELECT rowid, {_RANK} AS score FROM customer_fts
            WHERE customer_fts MATCH ? LIMIT ?
        ) AS f
        JOIN customers AS c ON c.rowid = f.rowid
        LEFT JOIN locations AS l ON l.id = c.home_store_id
        ORDER BY f.score, c.sort_name, c.id
        LIMIT ?
        """,
        (expression, max(CANDIDATES, limit), limit),
    ).fetchall()
    hits = []
    for row in rows:
        phones = json.loads(row[2])
        emails = json.loads(row[3])
        hits.append(
            CustomerHit(
                id=row[0],
                display_name=row[1],
                phone=phones[0] if phones else None,
                email=emails[0] if emails else None,
                loyalty_card=row[4],
                lifecycle_stage=row[5],
                city=row[6],
            )
        )
    return hits
