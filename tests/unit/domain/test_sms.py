"""SMS length: GSM-7 vs UCS-2, extension characters, segment boundaries."""

from __future__ import annotations

from clienteling.domain.sms import sms_length


def test_plain_ascii_is_gsm7_up_to_160_in_one_segment() -> None:
    assert sms_length("a" * 160).segments == 1
    long = sms_length("a" * 161)
    assert (long.encoding, long.segments, long.per_segment) == ("gsm7", 2, 153)
    assert sms_length("a" * 306).segments == 2
    assert sms_length("a" * 307).segments == 3


def test_extension_characters_cost_two_septets() -> None:
    length = sms_length("€" * 80)
    assert (length.encoding, length.characters, length.units, length.segments) == (
        "gsm7",
        80,
        160,
        1,
    )
    assert sms_length("€" * 81).segments == 2


def test_vietnamese_and_cyrillic_switch_the_whole_message_to_ucs2() -> None:
    vi = sms_length("Cảm ơn bạn")
    assert (vi.encoding, vi.per_segment, vi.segments) == ("ucs2", 70, 1)
    ru = sms_length("Спасибо" * 10 + "!")  # 71 characters
    assert (ru.encoding, ru.segments, ru.per_segment) == ("ucs2", 2, 67)


def test_emoji_count_as_two_utf16_units() -> None:
    length = sms_length("🎂" * 35)
    assert (length.characters, length.units, length.segments) == (35, 70, 1)
    assert sms_length("🎂" * 36).segments == 2


def test_empty_text_has_no_segment() -> None:
    assert sms_length("").segments == 0
