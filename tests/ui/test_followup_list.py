"""The profile's Follow-ups tab: each follow-up with its template, channel and status in
words, pending ones marked, and the compose button asking for the composer."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from clienteling.terminal.followup_views import FollowupView
from clienteling.ui.followup_list import FollowupList
from clienteling.ui.labels import followup_status_label

AT = datetime(2025, 11, 20, 9, 30, tzinfo=UTC)


def view(status: str, *, pending: bool = False, reason: str | None = None) -> FollowupView:
    return FollowupView(
        id=f"f-{status}",
        template="products_tried",
        channel="sms",
        language="vi",
        status=status,
        status_reason=reason,
        associate_name="Lê Minh",
        created_at=AT,
        product_names=["Laptop Aero 14", "Chuột không dây"],
        personal_line="Màu xám rất hợp với bạn!",
        pending=pending,
    )


def test_statuses_in_words_and_pending_marked(qtbot: QtBot) -> None:
    widget = FollowupList()
    qtbot.addWidget(widget)
    widget.show_followups(
        [
            view("queued", pending=True),
            view("converted"),
            view("needs_check", reason="sending was interrupted"),
        ]
    )
    texts = [widget.list.item(i).text() for i in range(widget.list.count())]
    assert len(texts) == 3
    assert "[pending sync]" in texts[0] and "Queued" in texts[0]
    assert "Ordered online" in texts[1] and "[pending sync]" not in texts[1]
    assert "Laptop Aero 14, Chuột không dây" in texts[1]
    assert "“Màu xám rất hợp với bạn!”" in texts[1]
    assert widget.list.item(2).toolTip() == "sending was interrupted"
    assert followup_status_label("needs_check") in texts[2]


def test_empty_and_compose(qtbot: QtBot) -> None:
    widget = FollowupList()
    qtbot.addWidget(widget)
    widget.show_followups([])
    assert widget.list.count() == 1 and widget.list.item(0).text() == "No follow-up yet."
    with qtbot.waitSignal(widget.compose_requested, timeout=2000):
        widget.compose_button.click()


def test_a_pick_nothing_here_can_name_is_said_to_be_no_longer_sold(qtbot: QtBot) -> None:
    widget = FollowupList()
    qtbot.addWidget(widget)
    widget.show_followups([replace(view("sent"), product_names=["Laptop Aero 14", ""])])
    text = widget.list.item(0).text()
    assert "Laptop Aero 14, a product no longer sold" in text
