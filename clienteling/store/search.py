"""Customer search: names with or without diacritics in any word order, emails, loyalty
cards and phone numbers in any format, all through one FTS5 index.

Order. Results come best match first, then by name (`sort_name`, then id). "Best" is a
small number of tiers, tried in turn (see `tiers`): every typed word is a whole word of
the name; every typed word starts a word of the name; every typed word starts a word of
the name, email or card. For digits: the whole phone or card, then a prefix of it.

Speed. Ranking all matches of a broad query ("n" over 500,000 customers) costs time in
proportion to the matches. Instead, each customer's index row has as its rowid a
`search_key` that sorts exactly like (sort_name, id), so "the first N matches in name
order" is the first N rowids FTS5 yields: `MATCH … ORDER BY rowid LIMIT N` stops after N
rows, however many match. `place` keeps the keys in that order as customers arrive,
leaving gaps between keys and re-spreading a few neighbours when a gap runs out (an
order-maintenance list). The index is external-content over the `search_*` columns of
`customers`, so a row is taken out of it with exactly the text that went in.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

import phonenumbers
from sqlite_utils import Database

from clienteling.domain.phones import looks_like_phone_or_card, search_keys
from clienteling.domain.text import digits, fold, words
from clienteling.store.views import CustomerHit

KEY_SPACE = 1 << 62
"""Search keys are integers in (0, KEY_SPACE)."""
_MIN_SPACING = 1 << 20
"""A re-spread widens its window until neighbouring keys are at least this far apart."""

SearchText = tuple[str, str, str]
"""What a customer is indexed under: (name words, emails and card, digit keys)."""

_UNINDEX = (
    "INSERT INTO customer_fts (customer_fts, rowid, search_name, search_other, search_digits) "
    "VALUES ('delete', ?, ?, ?, ?)"
)
_INDEX = (
    "INSERT INTO customer_fts (rowid, search_name, search_other, search_digits) VALUES (?, ?, ?, ?)"
)


def sort_name(display_name: str) -> str:
    """The key customers sort by within equally good matches."""
    return " ".join(_field_words(display_name))


def search_text(customer: Mapping[str, Any]) -> SearchText:
    """The folded text one customer is found by (stored on the row, indexed by FTS5)."""
    return sorted_and_searched(customer)[1]


def sorted_and_searched(customer: Mapping[str, Any]) -> tuple[str, SearchText]:
    """(`sort_name` of the display name, `search_text`) of a pulled customer, the display
    name's words found once for both. `sort_name` gets the display name as `str()` gives
    it (a missing one is "", as before; the hub always sends one)."""
    return search_fields(
        customer.get("given_name"),
        customer.get("family_name"),
        customer.get("display_name", ""),
        customer.get("phones") or (),
        customer.get("emails") or (),
        customer.get("loyalty_card"),
    )


def search_fields(
    given_name: Any,
    family_name: Any,
    display_name: Any,
    phones: Iterable[str],
    emails: Iterable[str],
    loyalty_card: Any,
) -> tuple[str, SearchText]:
    """`sorted_and_searched` of a customer's fields as values (a snapshot's table rows
    bring them so); phones and emails decoded, a missing field None."""
    display = display_name
    display_words = _field_words(display if type(display) is str else str(display))
    name_words = (
        _field_words(given_name or "")
        + _field_words(family_name or "")
        + (display_words if display else ())
    )
    card = loyalty_card or ""
    other = [_fold(email) for email in emails or ()]
    if card:
        other.append(_fold(card))
    keys = [key for phone in phones or () for key in phone_keys(phone)]
    card_digits = _digits(card)
    if card_digits:
        keys.append(card_digits)
    names = " ".join(dict.fromkeys(name_words))
    return " ".join(display_words), (names, " ".join(other), " ".join(keys))


# Fast paths for loading a snapshot (hundreds of thousands of rows). Each gives exactly
# what the domain function gives (tests/store/test_search_text.py checks this).


@lru_cache(maxsize=1 << 16)
def _piece_words(piece: str) -> tuple[str, ...]:
    return tuple(words(piece))


def _words(text: str) -> list[str]:
    """`domain.text.words`, per whitespace-separated piece with a cache: names repeat."""
    return [word for piece in text.split() for word in _piece_words(piece)]


@lru_cache(maxsize=1 << 16)
def _field_words(text: str) -> tuple[str, ...]:
    """`_words` of a whole name field, cached too: given and family names repeat across
    a store's customers, so most are looked up here rather than split again."""
    return tuple(_words(text))


def _digits(text: str) -> str:
    """`domain.text.digits`; a card number that is all ASCII digits is its own answer."""
    return text if text.isascii() and text.isdigit() else digits(text)


def _fold(text: str) -> str:
    """`domain.text.fold`; plain ASCII (most emails) only needs lower-casing."""
    return text.lower() if text.isascii() else fold(text)


def _plain_e164(text: str) -> bool:
    """`re.fullmatch(r"\\+[1-9][0-9]{2,20}", text)` without a regex (once per phone)."""
    return (
        4 <= len(text) <= 22
        and text[0] == "+"
        and text[1] != "0"
        and text.isascii()
        and text[1:].isdigit()
    )


@lru_cache(maxsize=512)
def _calling_code(code: int) -> tuple[str, re.Pattern[str] | None] | None:
    """(trunk prefix, national-prefix-for-parsing pattern) of a country calling code that
    belongs to one region only, or None when parsing a number of it needs the library."""
    regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(code)
    if not regions or len(regions) != 1:
        return None
    metadata = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(code, regions[0])
    if metadata is None:
        return None
    pattern = metadata.national_prefix_for_parsing
    trunk = phonenumbers.ndd_prefix_for_region(regions[0], True) or ""
    return trunk, re.compile(pattern) if pattern else None


def phone_keys(e164: str) -> list[str]:
    """`domain.phones.search_keys`, without a full parse for a plain E.164 number of a
    single-region calling code that no national-prefix rule applies to."""
    if _plain_e164(e164):
        number = e164[1:]
        for size in (1, 2, 3):
            code = int(number[:size])
            if code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
                known = _calling_code(code)
                national = number[size:]
                if (
                    known is not None
                    and 2 <= len(national) <= 17
                    and national[0] != "0"
                    and (known[1] is None or known[1].match(national) is None)
                ):
                    trunk = known[0]
                    keys = [number, trunk + national, national] if trunk else [number, national]
                    return list(dict.fromkeys(keys))
                break
    return search_keys(e164)


def index_rows(db: Database, rows: Sequence[tuple[int, str, str, str]]) -> None:
    """Add index rows (search_key, *search_text) for customers that carry those values.

    In key order: FTS5 flushes its pending segment whenever a rowid is not larger than
    the one before, so unsorted writes build one tiny segment per row."""
    db.conn.executemany(_INDEX, sorted(rows))


def unindex_rows(db: Database, rows: Sequence[tuple[int, str, str, str]]) -> None:
    """Take index rows out; the text must be what was indexed (the row's search_* columns).
    In key order, as `index_rows`."""
    db.conn.executemany(_UNINDEX, sorted(rows))


# --- merging index segments while a snapshot loads ----------------------------------

_AUTOMERGE = 4
"""FTS5's default `automerge`."""
_GET_AUTOMERGE = "SELECT v FROM customer_fts_config WHERE k = 'automerge'"
_SET_AUTOMERGE = "INSERT INTO customer_fts (customer_fts, rank) VALUES ('automerge', ?)"


def _automerge(db: Database) -> int:
    row = db.conn.execute(_GET_AUTOMERGE).fetchone()
    return _AUTOMERGE if row is None else int(row[0])


def defer_merges(db: Database) -> None:
    """While a snapshot loads, leave the index's segments unmerged (FTS5 `automerge` 0):
    with it on, each page's commit merges segments written by earlier pages, so much of
    the index is written several times over. FTS5's crisis merge still bounds how many
    segments a search reads, and what is found is the same. Kept in the file, so a
    snapshot interrupted and resumed stays deferred until `settle_merges`."""
    if _automerge(db) != 0:
        db.conn.execute(_SET_AUTOMERGE, (0,))


def settle_merges(db: Database) -> None:
    """After a snapshot: merge the index into one segment once, and merge as usual again."""
    if _automerge(db) == 0:
        db.conn.execute("INSERT INTO customer_fts (customer_fts) VALUES ('optimize')")
        db.conn.execute(_SET_AUTOMERGE, (_AUTOMERGE,))


# --- keeping search_key in (sort_name, id) order -------------------------------------

_Row = tuple[str, str, int]  # sort_name, id, search_key

_BEFORE = """SELECT sort_name, id, search_key FROM customers
    WHERE search_key IS NOT NULL AND (sort_name, id) < (?, ?)
    ORDER BY sort_name DESC, id DESC LIMIT ?"""
_AFTER = """SELECT sort_name, id, search_key FROM customers
    WHERE search_key IS NOT NULL AND (sort_name, id) > (?, ?)
    ORDER BY sort_name, id LIMIT ?"""
_SET_KEY = "UPDATE customers SET search_key = ? WHERE id = ?"


def _run(db: Database, at: tuple[str, str], *, before: bool, count: int) -> list[_Row]:
    """Up to `count` placed customers of the table next to `at`, nearest first."""
    sql = _BEFORE if before else _AFTER
    return [(r[0], r[1], int(r[2])) for r in db.conn.execute(sql, (at[0], at[1], count))]


def _spread(lo: int, hi: int, count: int) -> list[int]:
    """`count` increasing integers strictly between lo and hi, evenly apart."""
    return [lo + ((n + 1) * (hi - lo)) // (count + 1) for n in range(count)]


class _Placed:
    """Placed customers: the table's, plus those given keys in this `place` call and not
    written yet (kept here in (sort_name, id) order)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.order: list[tuple[str, str]] = []
        self.keys: dict[str, int] = {}

    def add(self, assigned: Sequence[tuple[tuple[str, str], int]]) -> None:
        """Items placed just now, each after every item added before (groups go in order)."""
        for item, key in assigned:
            self.order.append(item)
            self.keys[item[1]] = key

    def near(self, at: tuple[str, str], *, before: bool, count: int) -> list[_Row]:
        """Up to `count` placed customers next to `at`, nearest first."""
        rows = _run(self.db, at, before=before, count=count)
        if before:
            end = bisect_left(self.order, at)
            mine = self.order[max(0, end - count) : end][::-1]
        else:
            start = bisect_right(self.order, at)
            mine = self.order[start : start + count]
        if not mine:
            return rows
        rows += [(name, cid, self.keys[cid]) for name, cid in mine]
        rows.sort(key=lambda r: (r[0], r[1]), reverse=before)
        return rows[:count]


def place(
    db: Database, items: Sequence[tuple[str, str]], *, unindexed: Collection[str] = ()
) -> tuple[dict[str, int], dict[str, int]]:
    """Keys for the customers `items` = (sort_name, id) that keep every placed customer in
    (sort_name, id) order. No row of `items` may hold a key in the table (absent, or a
    NULL search_key): the caller writes their rows with these keys, and their index rows.

    Placed customers of the table that had to move (a re-spread) are moved here, in the
    table and in the index, except the index rows of `unindexed` (taken out by the caller,
    who indexes them again). Returns (id -> key for `items`, id -> new key of the moved).
    """
    todo = sorted(items)
    placed = _Placed(db)
    moved: dict[str, int] = {}
    i = 0
    while i < len(todo):
        first = todo[i]
        nxt = _run(db, first, before=False, count=1)  # nothing of this call lies after
        j = i + 1
        if not nxt:
            j = len(todo)
        else:
            bound = (nxt[0][0], nxt[0][1])
            while j < len(todo) and todo[j] < bound:
                j += 1
        group = todo[i:j]
        prev = placed.near(first, before=True, count=1)
        lo = prev[0][2] if prev else 0
        hi = nxt[0][2] if nxt else KEY_SPACE
        if (hi - lo) // 2 > len(group):
            # In the gap's first half: customers of one name arrive in id order (a
            # snapshot, new customers), each after the last, so the gap after them is
            # the one that is used again; halving it per page rather than dividing it by
            # the page's arrivals postpones re-spreading.
            half = lo + (hi - lo) // 2
            placed.add(list(zip(group, _spread(lo, half, len(group)), strict=True)))
        elif hi - lo > len(group):
            placed.add(list(zip(group, _spread(lo, hi, len(group)), strict=True)))
        else:
            placed.add(_respread(db, group, placed, moved, unindexed))
        i = j
    return {cid: placed.keys[cid] for _, cid in todo}, moved


def _respread(
    db: Database,
    group: Sequence[tuple[str, str]],
    placed: _Placed,
    moved: dict[str, int],
    unindexed: Collection[str],
) -> list[tuple[tuple[str, str], int]]:
    """No room between the neighbours of `group`: widen a window of placed neighbours
    (doubling) until keys can be spread at least _MIN_SPACING apart, then renumber the
    window with the group inside it. Members placed earlier in this call get their new
    key in `placed`; the table's are moved there and in the index (see `place`)."""
    k = 1
    while True:
        left = placed.near(group[0], before=True, count=k + 1)
        right = placed.near(group[-1], before=False, count=k + 1)
        lo = left[k][2] if len(left) > k else 0
        hi = right[k][2] if len(right) > k else KEY_SPACE
        inside = left[:k][::-1] + right[:k]
        total = len(inside) + len(group)
        whole = len(left) <= k and len(right) <= k
        if (hi - lo) // (total + 1) >= _MIN_SPACING or (whole and hi - lo > total):
            break
        k *= 2
    ordered: list[tuple[str, int | None]] = []
    ordered += [(r[1], r[2]) for r in left[:k][::-1]]
    ordered += [(g[1], None) for g in group]
    ordered += [(r[1], r[2]) for r in right[:k]]
    new_keys = _spread(lo, hi, total)
    shifted = [
        (cid, old, new)
        for (cid, old), new in zip(ordered, new_keys, strict=True)
        if old is not None and old != new
    ]
    in_table = [m for m in shifted if m[0] not in placed.keys]
    indexed = [m for m in in_table if m[0] not in unindexed]
    if indexed:
        unindex_rows(db, _texts_by_key(db, [old for _, old, _ in indexed]))
    # Two steps so no key is ever held by two rows (search_key is UNIQUE).
    db.conn.executemany(_SET_KEY, [(-old, cid) for cid, old, _ in in_table])
    db.conn.executemany(_SET_KEY, [(new, cid) for cid, _, new in in_table])
    for cid, _, new in shifted:
        if cid in placed.keys:
            placed.keys[cid] = new
        else:
            moved[cid] = new
    if indexed:
        index_rows(db, _texts_by_key(db, [new for _, _, new in indexed]))
    group_keys = [new for (_, old), new in zip(ordered, new_keys, strict=True) if old is None]
    return list(zip(group, group_keys, strict=True))


def _texts_by_key(db: Database, keys: Sequence[int]) -> list[tuple[int, str, str, str]]:
    return [
        (int(r[0]), r[1], r[2], r[3])
        for r in db.conn.execute(
            "SELECT search_key, search_name, search_other, search_digits FROM customers "
            "WHERE search_key IN (SELECT value FROM json_each(?))",
            (json.dumps(list(keys)),),
        )
    ]


def reindex_all(db: Database) -> None:
    """Recompute every customer's sort name, search text and key (evenly spread, in name
    order) and rebuild the index from them. Used by the migration that introduced keys."""
    rows = []
    for row in db.conn.execute(
        "SELECT id, given_name, family_name, display_name, phones, emails, loyalty_card "
        "FROM customers"
    ):
        text = search_text(
            {
                "given_name": row[1],
                "family_name": row[2],
                "display_name": row[3],
                "phones": json.loads(row[4]),
                "emails": json.loads(row[5]),
                "loyalty_card": row[6],
            }
        )
        rows.append((sort_name(row[3]), row[0], text))
    rows.sort(key=lambda r: (r[0], r[1]))
    keys = _spread(0, KEY_SPACE, len(rows))
    db.conn.execute("UPDATE customers SET search_key = NULL")
    db.conn.executemany(
        "UPDATE customers SET sort_name = ?, search_key = ?, search_name = ?, "
        "search_other = ?, search_digits = ? WHERE id = ?",
        [(name, key, *text, cid) for (name, cid, text), key in zip(rows, keys, strict=True)],
    )
    db.conn.execute("INSERT INTO customer_fts (customer_fts) VALUES ('rebuild')")


# --- searching -----------------------------------------------------------------------


def tiers(query: str) -> list[str]:
    """The FTS5 queries for what the associate typed, best tier first ([] = nothing to
    find). Digits-only input (a phone or a card) is matched against the digit keys;
    anything else as words, all of which must match, in any order.
    """
    text = query.strip()
    if not text:
        return []
    if looks_like_phone_or_card(text):
        number = digits(text)
        return [f'search_digits : "{number}"', f'search_digits : "{number}"*']
    tokens = list(dict.fromkeys(words(text)))
    if not tokens:
        return []
    # Tokens are letters and digits only (see domain.text.words): safe inside quotes.
    exact = " AND ".join(f'"{token}"' for token in tokens)
    prefix = " AND ".join(f'"{token}"*' for token in tokens)
    return [
        f"search_name : ({exact})",
        f"search_name : ({prefix})",
        f"{{search_name search_other}} : ({prefix})",
    ]


def match_expression(query: str) -> str | None:
    """The broadest tier: every hit of `search_customers` matches it (None: nothing)."""
    found = tiers(query)
    return found[-1] if found else None


_FIRST = "SELECT rowid FROM customer_fts WHERE customer_fts MATCH ? ORDER BY rowid LIMIT ?"


def search_keys_for(db: Database, query: str, *, limit: int = 50) -> list[int]:
    """The search keys of the best `limit` customers for `query`, best first."""
    found: list[int] = []
    seen: set[int] = set()
    for expression in tiers(query):
        if len(found) >= limit:
            break
        # Earlier tiers' hits also match later tiers: ask for enough to skip them.
        for (key,) in db.conn.execute(_FIRST, (expression, limit + len(found))):
            if key not in seen:
                seen.add(key)
                found.append(key)
                if len(found) >= limit:
                    break
    return found


HIT_COLUMNS = "c.id, c.display_name, c.phones, c.emails, c.loyalty_card, c.lifecycle_stage, l.city"
"""What `hit_from_row` reads, in order (customers `c` joined with their store `l`)."""


def hit_from_row(row: Sequence[Any]) -> CustomerHit:
    """A search hit from the columns of `HIT_COLUMNS`."""
    phones, emails = json.loads(row[2]), json.loads(row[3])
    return CustomerHit(
        id=row[0],
        display_name=row[1],
        phone=phones[0] if phones else None,
        email=emails[0] if emails else None,
        loyalty_card=row[4],
        lifecycle_stage=row[5],
        city=row[6],
    )


def search_customers(db: Database, query: str, *, limit: int = 50) -> list[CustomerHit]:
    """Best matches first, then by name."""
    if limit <= 0:
        return []
    keys = search_keys_for(db, query, limit=limit)
    if not keys:
        return []
    rows = db.conn.execute(
        f"""
        SELECT c.search_key, {HIT_COLUMNS}
        FROM customers AS c
        LEFT JOIN locations AS l ON l.id = c.home_store_id
        WHERE c.search_key IN (SELECT value FROM json_each(?))
        """,
        (json.dumps(keys),),
    ).fetchall()
    by_key = {row[0]: row for row in rows}
    hits = []
    for key in keys:
        row = by_key.get(key)
        if row is None:
            continue
        hits.append(hit_from_row(row[1:8]))
    return hits
