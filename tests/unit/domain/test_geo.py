"""Great-circle distances between stores and the "nearest first" order."""

from __future__ import annotations

import pytest

from clienteling.domain.geo import (
    distance_km,
    haversine_km,
    nearest_first,
    position,
    whole_km,
)

PARIS = (48.8708, 2.3318)  # Opéra
LYON = (45.7605, 4.8596)  # Part-Dieu
MARSEILLE = (43.2951, 5.3740)  # Vieux-Port


def test_known_city_distances() -> None:
    # Road atlases give Paris-Lyon about 392 km and Paris-Marseille about 660 km as the
    # crow flies.
    assert haversine_km(PARIS, LYON) == pytest.approx(392, abs=5)
    assert haversine_km(PARIS, MARSEILLE) == pytest.approx(661, abs=5)
    assert haversine_km(LYON, MARSEILLE) == pytest.approx(278, abs=5)


def test_distance_is_symmetric_zero_to_itself_and_half_the_globe_at_most() -> None:
    assert haversine_km(PARIS, LYON) == pytest.approx(haversine_km(LYON, PARIS))
    assert haversine_km(PARIS, PARIS) == 0.0
    # Antipodes: half the circumference, no math domain error from rounding.
    assert haversine_km((0.0, 0.0), (0.0, 180.0)) == pytest.approx(20015.1, abs=1)
    assert haversine_km((90.0, 0.0), (-90.0, 0.0)) == pytest.approx(20015.1, abs=1)


def test_across_the_date_line_is_the_short_way() -> None:
    assert haversine_km((0.0, 179.5), (0.0, -179.5)) == pytest.approx(111.2, abs=0.5)


def test_unknown_positions_give_no_distance() -> None:
    assert distance_km(PARIS, None) is None
    assert distance_km(None, LYON) is None
    assert distance_km(PARIS, LYON) == pytest.approx(haversine_km(PARIS, LYON))
    assert position(None, 2.0) is None and position(48.0, None) is None
    assert position(48.5, 2.25) == (48.5, 2.25)


@pytest.mark.parametrize(("lat", "lon"), [(91.0, 0.0), (-90.5, 0.0), (0.0, 180.1), (0.0, -181)])
def test_positions_off_the_globe_are_refused(lat: float, lon: float) -> None:
    with pytest.raises(ValueError, match="between"):
        position(lat, lon)


def test_nearest_first_puts_unknown_distances_last_by_name() -> None:
    stores = [("Zurich", None), ("Marseille", 661.0), ("annecy", None), ("Lyon", 392.0)]
    ordered = nearest_first(stores, distance=lambda s: s[1], name=lambda s: s[0])
    assert [s[0] for s in ordered] == ["Lyon", "Marseille", "annecy", "Zurich"]


def test_equal_distances_order_by_name() -> None:
    stores = [("B", 5.0), ("A", 5.0)]
    assert [s[0] for s in nearest_first(stores, distance=lambda s: s[1], name=lambda s: s[0])] == [
        "A",
        "B",
    ]


def test_whole_km_is_at_least_one() -> None:
    assert whole_km(0.2) == 1
    assert whole_km(12.4) == 12
    assert whole_km(12.6) == 13
