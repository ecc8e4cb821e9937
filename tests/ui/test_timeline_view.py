"""The profile's timeline tab: every kind in one list, newest first, a filter by kind
reachable from the keyboard, and pending rows marked."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clienteling.store.followups import FollowupView
from clienteling.terminal.views import CustomerProfile, TimelineEntry
from clienteling.ui.labels import local_date, money_text
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
    assert cart[2].startswith(money_text(3_990_000, "VND"))
    assert consent[1:] == ("Refused SMS", "on the preferences page")
    assert order[1] == f"Store purchase: Returned, {money_text(1_780_000, 'VND')}"
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


def test_replies_show_their_text_and_enter_opens_the_follow_up_they_answer(
    qtbot: QtBot, profile: CustomerProfile
) -> None:
    answered = FollowupView(
        id="f-1",
        template="thank_you",
        channel="email",
        language="fr",
        status="opened",
        status_reason=None,
        associate_name="Camille Laurent",
        created_at=NOW - timedelta(days=2),
        product_names=[],
        personal_line="",
        pending=False,
    )
    other = replace(answered, id="f-0", template="birthday", created_at=NOW - timedelta(days=9))
    entries = [
        TimelineEntry(
            kind="reply",
            id="r-2",
            at=NOW,
            status="opt_out",
            channel="sms",
            text="STOP",
        ),
        TimelineEntry(
            kind="reply",
            id="r-1",
            at=NOW - timedelta(hours=1),
            channel="email",
            reason="thank_you",
            text="Merci !\nJe passe samedi.",
            author_name="Camille Laurent",
            related_id="f-1",
            related_at=NOW - timedelta(days=2),
        ),
        TimelineEntry(
            kind="order",
            id="o-2",
            at=NOW - timedelta(hours=2),
            status="placed",
            channel="web",
            text="7K2QF-M9XDA",
            total_minor=12_000,
            currency="EUR",
            items=["Sac"],
        ),
    ]
    view = ProfileView()
    qtbot.addWidget(view)
    view.show_profile(replace(profile, timeline=entries, followups=[answered, other]))
    stop, reply, order = _rows(view.timeline_view)
    assert stop[1:] == ("Reply by SMS: opted out of SMS", "STOP")
    assert reply[1] == "Reply by Email"
    assert reply[2].startswith("Merci ! Je passe samedi. · answers “Thank you for the visit” of")
    assert reply[2].endswith("from Camille Laurent")
    assert order[2] == "Sac · with offer 7K2QF-M9XDA"

    tree = view.timeline_view.tree
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(1))
    with qtbot.waitSignal(view.timeline_view.followup_requested) as asked:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert asked.args == ["f-1"]
    assert view.tabs.currentIndex() == ProfileView.FOLLOWUPS_TAB
    current = view.followup_list.list.currentItem()
    assert current is not None and current.data(Qt.ItemDataRole.UserRole) == "f-1"


def test_a_follow_up_shows_how_far_it_got_and_enter_opens_it(
    qtbot: QtBot, profile: CustomerProfile
) -> None:
    """Issue 6: follow-ups and their opens/clicks are in the timeline, with a filter."""
    sent = FollowupView(
        id="f-7",
        template="products_tried",
        channel="whatsapp",
        language="vi",
        status="clicked",
        status_reason=None,
        associate_name="Lan Trần",
        created_at=NOW - timedelta(days=1),
        product_names=["Tai nghe Sonic Pro"],
        personal_line="Màu xám rất hợp với bạn!",
        pending=False,
    )
    entry = TimelineEntry(
        kind="followup",
        id="f-7",
        at=sent.created_at,
        status="clicked",
        channel="whatsapp",
        reason="products_tried",
        text=sent.personal_line,
        store_name="Hà Nội – Tràng Tiền",
        author_name="Lan Trần",
    )
    view = ProfileView()
    qtbot.addWidget(view)
    view.show_profile(replace(profile, timeline=[entry, *ENTRIES], followups=[sent]))
    followup = _rows(view.timeline_view)[0]
    assert followup[1] == "Follow-up by WhatsApp: Link opened"
    assert followup[2] == (
        "Products you tried · Màu xám rất hợp với bạn! · Hà Nội – Tràng Tiền, with Lan Trần"
    )
    view.timeline_view.set_kind("followup")
    assert [kind for kind, _w, _d in _rows(view.timeline_view)] == ["followup"]
    tree = view.timeline_view.tree
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(0))
    with qtbot.waitSignal(view.timeline_view.followup_requested) as asked:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert asked.args == ["f-7"]
    assert view.tabs.currentIndex() == ProfileView.FOLLOWUPS_TAB


def test_deliveries_and_returns_name_their_order_and_filter_with_purchases(
    qtbot: QtBot, profile: CustomerProfile
) -> None:
    placed = NOW - timedelta(days=12)
    order = TimelineEntry(
        kind="order", id="o-7", at=placed, status="partially_returned", channel="web",
        total_minor=250_00, currency="EUR", items=["Veste", "Écharpe"],
    )  # fmt: skip
    delivered = TimelineEntry(
        kind="order", id="o-7:1", at=placed + timedelta(days=3), status="delivered",
        channel="web", related_id="o-7", related_at=placed,
    )  # fmt: skip
    returned = replace(
        delivered, id="o-7:2", at=NOW, status="partially_returned", items=["Écharpe"]
    )
    view = ProfileView()
    qtbot.addWidget(view)
    view.show_profile(replace(profile, timeline=[returned, delivered, order, ENTRIES[2]]))
    timeline = view.timeline_view
    timeline.set_kind("order")
    rows = _rows(timeline)
    assert [kind for kind, _w, _d in rows] == ["order"] * 3
    day = local_date(placed)
    assert rows[0][1:] == (f"Partial return from the purchase of {day}", "Écharpe")
    assert rows[1][1:] == (f"Delivery of the order of {day}", "")
    assert rows[2][1].startswith("Online order: Partly returned")


def test_survey_answers_read_as_a_sentence(qtbot: QtBot, profile: CustomerProfile) -> None:
    scored = TimelineEntry(
        kind="feedback", id="f1", at=NOW, status="staff", channel="buyer", reason="4",
        text="Très bon  accueil", store_name="Paris Opéra", related_id="v1",
    )  # fmt: skip
    comment = replace(scored, id="f2", status="price", channel="non_buyer", reason=None)
    view = ProfileView()
    qtbot.addWidget(view)
    view.show_profile(replace(profile, timeline=[scored, comment, ENTRIES[2]]))
    view.timeline_view.set_kind("feedback")
    rows = _rows(view.timeline_view)
    assert [r[1:] for r in rows] == [
        ("Survey: Staff 4/5", "Très bon accueil · as a buyer · Paris Opéra"),
        ("Survey comment: Price", "Très bon accueil · without buying · Paris Opéra"),
    ]
