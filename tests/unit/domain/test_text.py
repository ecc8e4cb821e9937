from hypothesis import given
from hypothesis import strategies as st

from clienteling.domain.text import digits, fold, initials, words


def test_fold_strips_vietnamese_and_french_diacritics() -> None:
    assert fold("Nguyễn Văn Ánh") == "nguyen van anh"
    assert fold("Đặng Thị Hương") == "dang thi huong"
    assert fold("François Lefèvre-Œuvray") == "francois lefevre-oeuvray"


def test_fold_keeps_cyrillic_but_folds_yo_and_short_i() -> None:
    assert fold("Жуков") == "жуков"
    assert fold("Фёдор Андрей") == "федор андреи"


def test_words_split_emails_and_names() -> None:
    assert words("Anna.B@Example.com") == ["anna", "b", "example", "com"]
    assert words("  Lê   Thị ") == ["le", "thi"]


def test_digits_and_initials() -> None:
    assert digits("+84 (90) 123-45") == "849012345"
    assert initials("Nguyễn Văn Ánh") == "NÁ"
    assert initials("Жуков") == "Ж"
    assert initials("") == "?"


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
