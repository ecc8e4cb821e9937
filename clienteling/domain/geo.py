"""Distances between locations (stores, the web warehouse) for "other stores, nearest
first". Positions are WGS 84 degrees; the great-circle (haversine) distance on a sphere
of the Earth's mean radius is within about 0.5 % of the true one, plenty for ordering
stores and saying "12 km"."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from math import asin, cos, radians, sin, sqrt
from typing import TypeVar

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)

Position = tuple[float, float]  # (latitude, longitude) in degrees

T = TypeVar("T")


def position(latitude: float | None, longitude: float | None) -> Position | None:
    """The position, or None when either coordinate is missing; raises ValueError when a
    coordinate is outside the globe (latitude -90..90, longitude -180..180)."""
    if latitude is None or longitude is None:
        return None
    if not -90.0 <= latitude <= 90.0:
        raise ValueError("latitude must be between -90 and 90 degrees")
    if not -180.0 <= longitude <= 180.0:
        raise ValueError("longitude must be between -180 and 180 degrees")
    return (float(latitude), float(longitude))


def haversine_km(a: Position, b: Position) -> float:
    """The great-circle distance between two positions, in kilometres."""
    lat1, lon1, lat2, lon2 = map(radians, (*a, *b))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * asin(min(1.0, sqrt(h)))


def distance_km(a: Position | None, b: Position | None) -> float | None:
    """The distance, or None when either position is not known."""
    return None if a is None or b is None else haversine_km(a, b)


def nearest_first(
    items: Iterable[T], *, distance: Callable[[T], float | None], name: Callable[[T], str]
) -> list[T]:
    """`items` nearest first; those at an unknown distance after them, by name (and by
    name among equal distances, so the order never depends on the input's)."""
    return sorted(
        items,
        key=lambda item: (
            (d := distance(item)) is None,
            0.0 if d is None else d,
            name(item).casefold(),
            name(item),
        ),
    )


def whole_km(km: float) -> int:
    """What to say for a distance: whole kilometres, at least 1 (a shop across the
    street is "1 km", not "0 km")."""
    return max(1, round(km))
