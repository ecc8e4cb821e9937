"""Text folding for search: case- and diacritic-insensitive, for vi, fr, ru and en names."""

from __future__ import annotations

import re
import unicodedata

# Letters that carry no Unicode decomposition but that people type without the stroke.
_EXTRA = str.maketrans(
    {
        "đ": "d",
        "Đ": "d",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ß": "ss",
        "ё": "е",
        "Ё": "е",
        "й": "и",
        "Й": "и",
    }
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case `text` and strip diacritics: "Nguyễn Đức" -> "nguyen duc".

    Cyrillic keeps its script ("Жуков" -> "жуков"); only "ё"/"й" fold to "е"/"и",
    as Russian speakers often type them that way.
    """
    text = text.translate(_EXTRA)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold().translate(_EXTRA)


def words(text: str) -> list[str]:
    """The folded words of `text`, in order."""
    return _WORD.findall(fold(text))


def digits(text: str) -> str:
    """Only the ASCII digits of `text` ("+84 90-123" -> "8490123")."""
    return "".join(ch for ch in text if "0" <= ch <= "9")


def initials(display_name: str) -> str:
    """Up to two initials for an avatar ("Nguyễn Văn Ánh" -> "NÁ")."""
    parts = [p for p in display_name.split() if p]
    if not parts:
        return "?"
    if len(parts) == 1:
        return parts[0][0].upper()
    return (parts[0][0] + parts[-1][0]).upper()
