"""Districts (second-level divisions) that GeoNames' populated places leave out geocode at their seat."""

from __future__ import annotations

from rasd.kb import default_kb
from rasd.kb.geocode import distance_km, geocode


def test_a_district_is_a_place_of_district_precision_in_its_country() -> None:
    kb = default_kb()
    place = geocode(kb, "المدائن", {"IQ"})
    assert place is not None and place.id.startswith("dist:iq-") and place.precision == "district"
    assert place.lat is not None and place.lon is not None
    assert distance_km((33.10, 44.58), (place.lat, place.lon)) < 15  # Salman Pak, south-east of Baghdad


def test_every_district_row_lies_in_its_country_and_names_no_common_word() -> None:
    kb = default_kb()
    districts = [e for e in kb.entries.values() if e.id.startswith("dist:")]
    assert len(districts) > 50
    boxes = {"YE": (12.0, 19.1, 41.8, 54.6), "IQ": (29.0, 37.4, 38.7, 48.7), "SY": (32.3, 37.4, 35.6, 42.4)}
    for entry in districts:
        south, north, west, east = boxes[entry.country or ""]
        assert entry.lat is not None and entry.lon is not None
        assert south <= entry.lat <= north and west <= entry.lon <= east, entry.id
        assert kb.commonness(tuple(entry.name_ar.split())) < 4.5, entry.id
