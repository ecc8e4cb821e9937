"""Journeys 3 and 5 of DESIGN.md in a real browser, against the hub's own delivery worker
and real sinks:

3. Non-buyer feedback: a visitor leaves without buying; the associate logs the visit and
   hands the survey link, on screen (the QR's URL) or by SMS; the survey page asks a
   non-buyer about staff, product and price, and the answers are the visit's.
5. Post-purchase check-in: the associate sends the delivery and packaging check-in by
   email; its survey link asks a buyer about delivery and packaging too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from clienteling.hub.devsinks import FakeProvider
from clienteling.hub.tables import feedback
from clienteling.terminal.facade import Terminal

from .test_followup_journey import TIMEOUT_S, Stack, link, open_stack, shot, wait_for


class Counter(Stack):
    """The stack with a fake SMS/WhatsApp provider, and the answers a survey link got."""

    @property
    def sms(self) -> FakeProvider:
        assert self.provider is not None
        return self.provider

    def feedback_of(self, token: str) -> list[Any]:
        with self.engine.connect() as conn:
            return list(
                conn.execute(
                    sa.select(feedback).where(feedback.c.token == token).order_by("touchpoint")
                )
            )


@pytest.fixture
def counter(seeded_hub_db: Path, tmp_path: Path) -> Iterator[Counter]:
    with FakeProvider() as provider, open_stack(seeded_hub_db, tmp_path, provider) as stack:
        yield Counter(stack.hub, stack.sink, stack.terminal, stack.engine, provider)


def _customer_allowing(terminal: Terminal, channel: str) -> tuple[str, str]:
    """(id, language) of a cached customer whose consent allows `channel`."""
    for hit in terminal.search("a", limit=500):
        context = terminal.followup_composer(hit.id)
        assert context is not None
        if any(c.channel == channel and c.allowed for c in context.channels):
            return hit.id, context.language
    raise AssertionError(f"no cached customer agreed to {channel}")


def _answer(page: Any, url: str, scores: dict[str, int], text: str, about: str) -> None:
    page.goto(url)
    assert page.evaluate("document.characterSet") == "UTF-8"
    for touchpoint, score in scores.items():
        page.check(f"input[name=score_{touchpoint}][value='{score}']")
    page.fill("textarea[name=text]", text)
    page.select_option("select[name=text_touchpoint]", about)
    page.click("#send")
    page.wait_for_load_state()


def _asked(page: Any) -> set[str]:
    names = page.eval_on_selector_all("input[type=radio]", "els => els.map(e => e.name)")
    return {name.removeprefix("score_") for name in names}


def test_a_non_buyer_answers_the_survey_from_the_screen(counter: Counter, page: Any) -> None:
    """An anonymous visitor scans the QR (its URL): a non-buyer's questions, answers kept
    as that visit's, in the store."""
    terminal = counter.terminal
    visit = terminal.log_visit(
        customer_id=None, outcome="left_without_buying", reason="price", reason_text=""
    )
    url = terminal.survey_url(visit.survey_token)
    assert terminal.sync_once().pushed == 1  # the hub knows the link once the visit lands

    page.goto(url)
    assert _asked(page) == {"staff", "product", "price"}  # a non-buyer: no delivery
    shot(page, "survey_non_buyer")
    _answer(page, url, {"staff": 5, "price": 2}, "Trop cher pour moi, je compare", "price")
    assert page.locator("main").inner_text().strip()  # the thanks page

    rows = counter.feedback_of(visit.survey_token)
    session = terminal.session
    assert session is not None
    assert [(r.touchpoint, r.score, r.text) for r in rows] == [
        ("price", 2, "Trop cher pour moi, je compare"),
        ("staff", 5, ""),
    ]
    assert {(r.visit_id, r.buyer, r.store_id, r.customer_id) for r in rows} == {
        (visit.id, False, session.store_id, None)
    }


def _feedback_on_timeline(terminal: Terminal, customer_id: str) -> set[tuple[Any, ...]]:
    """(touchpoint, score, text, visit) of each answer on the customer's timeline."""
    profile = terminal.customer(customer_id)
    assert profile is not None
    return {
        (e.status, e.reason, e.text, e.related_id) for e in profile.timeline if e.kind == "feedback"
    }


def test_the_survey_link_by_sms_reaches_the_phone_once(counter: Counter, page: Any) -> None:
    """The visit form's "send by SMS": the hub sends the visit's survey once, and the
    answer on the phone counts as that customer's visit."""
    terminal = counter.terminal
    customer_id, language = _customer_allowing(terminal, "sms")
    earlier = _feedback_on_timeline(terminal, customer_id)  # the demo may have given some
    visit = terminal.log_visit(
        customer_id=customer_id, outcome="will_come_back", reason="wants_to_compare"
    )
    terminal.queue_followup(
        customer_id=customer_id,
        channel="sms",
        template="visit_survey",
        language=language,  # type: ignore[arg-type]
        product_ids=[],
        personal_line="",
        visit_id=visit.id,
    )
    assert terminal.sync_once().pushed == 2
    counter.wake_worker()
    (message,) = counter.sms.wait_for(1, timeout_s=TIMEOUT_S)
    found = re.search(rf"{re.escape(counter.hub.url)}/s/[A-Za-z0-9_-]{{43}}", message.text)
    assert found is not None, message.text
    assert "/f/" not in message.text  # the survey, not a landing page
    token = found.group(0).rsplit("/", 1)[1]

    page.goto(found.group(0))
    assert _asked(page) == {"staff", "product", "price"}
    _answer(page, found.group(0), {"staff": 4, "product": 3}, "Cần thêm màu khác", "product")

    rows = counter.feedback_of(token)
    assert {(r.visit_id, r.customer_id, r.buyer) for r in rows} == {(visit.id, customer_id, False)}
    assert [(r.touchpoint, r.score) for r in rows] == [("product", 3), ("staff", 4)]
    # The answers reach the customer's timeline on the terminal at the next sync.
    terminal.sync_once()
    answers = _feedback_on_timeline(terminal, customer_id)
    assert earlier < answers
    assert sorted(answers - earlier) == [
        ("product", "3", "Cần thêm màu khác", visit.id),
        ("staff", "4", "", visit.id),
    ]
    counter.wake_worker()
    assert wait_for(lambda: len(counter.sms.snapshot()) >= 1)
    assert len(counter.sms.snapshot()) == 1  # sent once


def test_the_post_purchase_check_in_asks_about_delivery_and_packaging(
    counter: Counter, page: Any
) -> None:
    terminal = counter.terminal
    customer_id, language = _customer_allowing(terminal, "email")
    terminal.queue_followup(
        customer_id=customer_id,
        channel="email",
        template="post_purchase",
        language=language,  # type: ignore[arg-type]
        product_ids=[],
        personal_line="",
    )
    assert terminal.sync_once().pushed == 1
    counter.wake_worker()
    (mail,) = counter.sink.wait_for(1, timeout_s=TIMEOUT_S)
    url = link(mail, counter.hub.url, "s")
    token = url.rsplit("/", 1)[1]

    page.goto(url)
    assert {"delivery", "packaging", "returns"} <= _asked(page)  # a buyer's questions
    shot(page, "survey_buyer")
    _answer(page, url, {"delivery": 5, "packaging": 2}, "Boîte abîmée à l'arrivée", "packaging")

    rows = counter.feedback_of(token)
    assert [(r.touchpoint, r.score, r.text) for r in rows] == [
        ("delivery", 5, ""),
        ("packaging", 2, "Boîte abîmée à l'arrivée"),
    ]
    assert {(r.customer_id, r.buyer) for r in rows} == {(customer_id, True)}
