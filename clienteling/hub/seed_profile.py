"""Demo preferences (sizes, style, brands, birthday) for part of the seeded customers, so
the profile shows what an associate would have noted over past visits.

Drawn from a generator of its own: the rest of the demo data stays exactly as it was.
"""

from __future__ import annotations

import random
from typing import Any

_TOPS = ("XS", "S", "M", "L", "XL")
_BOTTOMS = ("34", "36", "38", "40", "42", "44")
_SHOES = ("36", "37", "38", "39", "40", "41", "42", "43", "44")
_STYLES = (
    "classique, bleu marine et beige",
    "minimaliste, couleurs neutres",
    "sportswear, baskets",
    "élégant pour le bureau",
    "tenues de soirée",
)
_BRANDS = ("Maison Lumière", "Atelier Nord", "Barbour", "Samsung", "Apple", "Lenovo", "Sony")


def add_preferences(customers: list[dict[str, Any]], *, seed: int) -> None:
    """Give each seeded customer row a `preferences` object (empty for most)."""
    rng = random.Random(f"preferences:{seed}")
    for row in customers:
        preferences: dict[str, Any] = {}
        if rng.random() < 0.35:
            preferences["sizes"] = {
                "top": rng.choice(_TOPS),
                "bottom": rng.choice(_BOTTOMS),
                "shoes": rng.choice(_SHOES),
            }
        if rng.random() < 0.25:
            preferences["style"] = rng.choice(_STYLES)
        if rng.random() < 0.3:
            preferences["brands"] = rng.sample(_BRANDS, rng.randint(1, 3))
        if rng.random() < 0.3:
            preferences["dates"] = {
                "birthday": f"--{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            }
        row["preferences"] = preferences
