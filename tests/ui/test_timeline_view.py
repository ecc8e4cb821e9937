"""The profile's timeline tab: every kind in one list, newest first, a filter by kind
reachable from the keyboard, and pending rows marked."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clienteling.terminal.views import CustomerProfile, TimelineEntry
from clienteling.ui.profile_view import ProfileView
from clienteling.ui.timeline_view import KIND_ROLE, TimelineView
from tests.ui.conftest import NOW

ENTRIES = [
    TimelineEntry(
        kind="visit",
        id="v2",
        at=NOW,
        status="left_without_buying",
        reason="other",
        text="Attend la version rouge",
        store_name="Paris Opéra",
        author_name="Camille Laurent",
        items=["Tai nghe Sonic Pro"],
        pending=True,
    ),
    TimelineEntry(
        kind="cart",
        id="cart-1",
        at=NOW - timedelta(hours=5),
        status="abandoned",
        text="shipping",
        total_minor=3_990_000,
        currency="VND",
        items=["Tai nghe Sonic Pro", "Ốp lưng Ждун"],
    ),
    TimelineEntry(
        kind="consent",
        id="k1",
        at=NOW - timedelta(days=20),
        status="refused",
        channel="sms",
        text="preferences_page",
    ),
    TimelineEntry(
        kind="order",
        id="o-1",
        at=NOW - timedelta(days=90),
        status="returned",
        channel="store",
        total_minor=1_780_000,
        currency="VND",
        store_name="Hà Nội – Tràng Tiền",
        items=["Chuột không dây"],
    ),
    TimelineEntry(
        kind="visit",
        id="v1",
        at=NOW - timedelta(days=90, minutes=10),
        status="bought_here",
        store_name="Hà Nội – Tràng Tiền",
        author_name="Minh Lê",
        items=["Chuột không dây"],
    ),
    TimelineEntry(
        kind="note",
        id="n-1",
        at=NOW - timedelta(days=91),
        text='Asked about 16"',
        author_name="Minh Lê",
    ),
]


def _rows(view: TimelineView) -> list[tuple[str, str, str]]:
    tree = view.tree
    return [
        (
            str(tree.topLevelItem(i).data(0, KIND_ROLE)),
            tree.topLevelItem(i).text(1),
            tree.topLevelItem(i).text(2),
        )
        for i in range(tree.topLevelItemCount())
    ]


def test_the_timeline_tab_lists_every_kind_newest_first(
    qtbot: QtBot, profile: CustomerProfile
) -> None:
    view = ProfileView()
    qtbot.addWidget(view)
    view.show_profile(replace(profile, timeline=ENTRIES))
    assert view.tabs.tabText(ProfileView.TIMELINE_TAB) == "Timeline (6)"
    rows = _rows(view.timeline_view)
    assert [kind for kind, _what, _details in rows] == [e.kind for e in ENTRIES]
    visit, cart, consent, order, bought, note = rows
    assert visit[1] == "Store visit: Left without buying   [pending sync]"
    assert (
        visit[2]
        == "Attend la version rouge · Tai nghe Sonic Pro · Paris Opéra, with Camille Laurent"
    )
    assert cart[1] == "Online cart: abandoned at shipping"
    assert cart[2].startswith("3\u202f990\u202f000 VND")
    assert consent[1:] == ("Refused SMS", "on the preferences page")
    assert order[1] == "Store purchase: Returned, 1\u202f780\u202f000 VND"
    assert bought[1] == "Store visit: Bought here"
    assert note[1] == "Note by Minh Lê"
    pending = view.timeline_view.tree.topLevelItem(0)
    plain = view.timeline_view.tree.topLevelItem(1)
    assert pending.foreground(1).color() != plain.foreground(1).color()

    refused = replace(ENTRIES[0], pending=False, refused="unknown product 'p9'")
    view.show_profile(replace(profile, timeline=[refused]))
    item = view.timeline_view.tree.topLevelItem(0)
    assert item.text(1) == "Store visit: Left without buying   [refused by the hub]"
    assert item.toolTip(1) == "unknown product 'p9'"


def test_the_filter_by_kind_works_from_the_keyboard_and_survives_a_refresh(
    qtbot: QtBot, profile: CustomerProfile
) -> None:
    view = ProfileView()
    qtbot.addWidget(view)
    view.show_profile(replace(profile, timeline=ENTRIES))
    timeline = view.timeline_view
    timeline.kind_filter.setFocus()
    with qtbot.waitSignal(timeline.filter_did_change) as changed:
        qtbot.keyClick(timeline.kind_filter, Qt.Key.Key_Down)
    assert changed.args == ["visit"]
    assert [kind for kind, _w, _d in _rows(timeline)] == ["visit", "visit"]
    assert timeline.count_label.text() == "2 events"

    view.show_profile(replace(profile, timeline=ENTRIES[1:]))  # after a sync, same customer
    assert timeline.kind() == "visit"
    assert [e.id for e in timeline.shown_entries()] == ["v1"]

    timeline.set_kind("note")
    view.show_profile(replace(profile, timeline=[]))
    assert _rows(timeline)[0][1] == "Nothing to show yet."
    assert timeline.count_label.text() == "0 events"
