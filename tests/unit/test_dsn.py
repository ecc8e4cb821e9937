"""Bounce reports (`hub.delivery.dsn`) and bounce addresses (`hub.links`): the fixture
DSNs read from their delivery-status part, and from their text alone; a bounce address
names its attempt only with our HMAC."""

from __future__ import annotations

from pathlib import Path

from clienteling.hub import links
from clienteling.hub.delivery import dsn

FIXTURES = Path(__file__).parent.parent / "hub" / "fixtures"
KEY = "0192f0c2-7a1b-7cde-8f01-23456789abcd"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text().replace("{recipient}", "client@customer.example")


def test_the_delivery_status_part_says_permanent_or_temporary() -> None:
    assert dsn.from_mime(fixture("dsn_permanent.eml")) == "permanent"
    assert dsn.from_mime(fixture("dsn_delayed.eml")) == "temporary"
    assert dsn.from_mime("Subject: hello\n\nJust a note.") == "unknown"


def test_the_text_alone_is_read_from_its_status_and_action_lines() -> None:
    assert dsn.from_text(fixture("dsn_permanent.eml")) == "permanent"
    assert dsn.from_text(fixture("dsn_delayed.eml")) == "temporary"
    assert dsn.from_text("Status: 5.1.1 is what I read in a book") == "permanent"
    assert dsn.from_text("Merci, a samedi !") == "unknown"
    assert dsn.verdict(mime=None, text="Action: failed\nStatus: 5.2.2\n") == "permanent"


def test_a_bounce_address_names_its_attempt_only_with_our_hmac() -> None:
    token = links.make_bounce_token("secret", KEY)
    address = links.bounce_address(token, "replies.example")
    assert len(address.split("@")[0]) <= 64
    assert links.bounce_key("secret", address.upper()) == KEY
    assert links.bounce_key("another secret", address) is None
    assert links.bounce_key("secret", address.replace(token[-3:], "aaa")) is None
    assert links.is_bounce_address(address) and links.reply_token_in(address) is None
    reply = links.reply_address("shop@x.example", links.make_reply_token("secret", "f1"), None)
    assert not links.is_bounce_address(reply)
