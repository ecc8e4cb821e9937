"""Search as an associate types: diacritics either way, any word order, phones in any
format, emails and loyalty cards."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from clienteling.store.apply import apply_page
from clienteling.store.search import search_customers
from tests.store.conftest import SCOPE, customer, delete


@pytest.fixture
def people(db: Database) -> Database:
    apply_page(
        db,
        scope=SCOPE,
        changes=[
            customer(
                "c-vi",
                given="Văn A",
                family="Nguyễn",
                phones=["+84901234567"],
                emails=["van.a@example.vn"],
                card="2123456789012",
            ),
            customer("c-fr", given="François", family="Lefèvre", phones=["+33612345678"]),
            customer("c-ru", given="Иван", family="Жуков", emails=["zhukov@example.ru"]),
            customer("c-en", given="Anna", family="Nguyen Smith", emails=["anna@example.com"]),
            customer("c-yo", given="Алёна", family="Петрова"),
        ],
        cursor="c1",
        last_mutation_id=0,
        snapshot_done=True,
    )
    return db


def ids(db: Database, query: str) -> list[str]:
    return [hit.id for hit in search_customers(db, query)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nguyen", {"c-vi", "c-en"}),
        ("Nguyễn", {"c-vi", "c-en"}),  # typed with diacritics, stored both ways
        ("francois", {"c-fr"}),
        ("FRANÇOIS lefevre", {"c-fr"}),
        ("жуков", {"c-ru"}),
        ("Жук", {"c-ru"}),
        ("алена", {"c-yo"}),  # ё typed as е
        ("van a nguyen", {"c-vi"}),  # any word order
        ("nguyen van", {"c-vi"}),
        ("lef fran", {"c-fr"}),  # prefixes of every word
    ],
)
def test_names_with_or_without_diacritics_in_any_order(
    people: Database, query: str, expected: set[str]
) -> None:
    assert set(ids(people, query)) == expected


@pytest.mark.parametrize(
    "query", ["+84 90 123 45 67", "0901234567", "090-123-4567", "84901234567", "(090) 123"]
)
def test_phone_in_any_format(people: Database, query: str) -> None:
    assert ids(people, query) == ["c-vi"]


def test_email_and_card(people: Database) -> None:
    assert ids(people, "zhukov@example.ru") == ["c-ru"]
    assert ids(people, "anna@exa") == ["c-en"]
    assert ids(people, "2123456789012") == ["c-vi"]
    assert ids(people, "21234") == ["c-vi"]


def test_nothing_to_find(people: Database) -> None:
    assert ids(people, "") == []
    assert ids(people, "   ") == []
    assert ids(people, "--") == []
    assert ids(people, "zzzz") == []
    assert set(ids(people, '"nguyen*')) == {"c-en", "c-vi"}  # FTS syntax is not passed on


def test_best_match_first_then_name(people: Database) -> None:
    apply_page(
        people,
        scope=SCOPE,
        changes=[
            customer("e1", given="Bob", family="Durand", emails=["martin@example.com"]),
            customer("z1", given="Zoé", family="Martin"),
            customer("a1", given="Alice", family="Martin"),
        ],
        cursor="c2",
        last_mutation_id=0,
        snapshot_done=True,
    )
    # Name matches before an email match; equal matches by name.
    assert [h.id for h in search_customers(people, "martin")] == ["a1", "z1", "e1"]


def test_hit_carries_first_phone_email_and_city(people: Database) -> None:
    (hit,) = search_customers(people, "van a")
    assert hit.phone == "+84901234567"
    assert hit.email == "van.a@example.vn"
    assert hit.loyalty_card == "2123456789012"
    assert hit.lifecycle_stage == "loyalty"


def test_index_follows_updates_and_deletes(people: Database) -> None:
    apply_page(
        people,
        scope=SCOPE,
        changes=[
            customer("c-fr", given="François", family="Moreau", version=2),
            delete("customer", "c-ru"),
        ],
        cursor="c2",
        last_mutation_id=0,
        snapshot_done=True,
    )
    assert ids(people, "lefevre") == []
    assert ids(people, "moreau") == ["c-fr"]
    assert ids(people, "жуков") == []


def test_limit(people: Database) -> None:
    assert len(search_customers(people, "nguyen", limit=1)) == 1


def test_whole_word_before_prefix_before_email_then_by_name(db: Database) -> None:
    apply_page(
        db,
        scope=SCOPE,
        changes=[
            customer("prefix-a", given="Anna", family="Adams"),  # "an" starts "anna"
            customer("exact-z", given="An", family="Zola"),  # "an" is a whole word
            customer("exact-b", given="An", family="Bui"),
            customer("email", given="Bob", family="Durand", emails=["an@example.com"]),
            customer("prefix-b", given="Andrei", family="Belov"),
        ],
        cursor="c1",
        last_mutation_id=0,
        snapshot_done=True,
    )
    # Sort names are "an bui", "an zola", "anna adams", ... (display name order).
    assert ids(db, "an") == ["exact-b", "exact-z", "prefix-b", "prefix-a", "email"]
    assert ids(db, "an bui") == ["exact-b"]
    # "Bob Durand" <an@example.com> matches across name and email: last tier.
    assert ids(db, "an b") == ["exact-b", "prefix-b", "email"]


def test_whole_phone_before_a_longer_number_it_starts(db: Database) -> None:
    apply_page(
        db,
        scope=SCOPE,
        changes=[
            customer("longer", given="Aa", family="Aa", card="0612345678999"),
            customer("phone", given="Zz", family="Zz", phones=["+33612345678"]),
        ],
        cursor="c1",
        last_mutation_id=0,
        snapshot_done=True,
    )
    assert ids(db, "06 12 34 56 78") == ["phone", "longer"]
    assert ids(db, "0612") == ["longer", "phone"]  # both prefixes: by name


def test_a_broad_query_returns_the_first_names_in_order(db: Database) -> None:
    """No candidate cap: the first 50 of 300 matches by name, whatever the load order."""
    names = [f"{a}{b}" for a in "nmlkjih" for b in "zyxwvutsrqponmlkjihgfedcba"][:300]
    rng = __import__("random").Random(5)
    rng.shuffle(names)
    for start in range(0, 300, 37):
        apply_page(
            db,
            scope=SCOPE,
            changes=[
                customer(f"id-{name}", given="Nadia", family=f"N{name}")
                for name in names[start : start + 37]
            ],
            cursor=f"c{start}",
            last_mutation_id=0,
            snapshot_done=True,
        )
    found = [hit.display_name for hit in search_customers(db, "n", limit=50)]
    assert len(found) == 50
    assert found == sorted(f"Nadia N{name}" for name in names)[:50]
