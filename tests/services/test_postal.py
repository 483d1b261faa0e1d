"""Postal codes at the counter: the city's list first, then Japan's (resources/postal/japan.csv.gz)."""

from __future__ import annotations

import gzip
from pathlib import Path

from kakanai.domain.catalog import Catalog
from kakanai.services.postal import JAPAN, Nationwide, PostalDirectory


def test_a_code_from_elsewhere_gives_its_town(catalog: Catalog) -> None:
    postal = PostalDirectory(catalog.postal_book)
    assert postal.town("100-0001") == "東京都千代田区千代田"  # a 転入 from 東京: the town follows the code
    assert postal.town("090-0024") == "北海道見本市北4条東"  # the city's own list first
    assert postal.town("000-0000") == ""


def test_the_address_on_a_card_from_elsewhere_gives_its_code(catalog: Catalog) -> None:
    postal = PostalDirectory(catalog.postal_book)
    assert postal.code_of("北海道札幌市中央区大通西２２丁目１番地") == "064-0820"  # KEN_ALL splits 大通西 by 丁目
    assert postal.code_of("大阪府大阪市北区梅田１丁目３番１号") == "530-0001"
    assert postal.code_of("札幌市中央区大通西５丁目") == "060-0042"  # a designated city without its prefecture
    assert postal.code_of("北海道見本市北１条西１丁目１番地") == "090-0001"  # the city's list decides its towns
    assert postal.code_of("北海道見本市北１条西１５丁目") == "090-0041"
    assert postal.code_of("東京都千代田区") == ""  # a city's catch-all code is never an address's


def test_without_the_nationwide_file_the_city_list_still_works(catalog: Catalog, tmp_path: Path) -> None:
    broken = tmp_path / "japan.csv.gz"
    broken.write_bytes(b"not gzip")
    postal = PostalDirectory(catalog.postal_book, Nationwide(broken))
    assert postal.town("100-0001") == "" and postal.town("090-0024") == "北海道見本市北4条東"
    assert postal.code_of("大阪府大阪市北区梅田１丁目") == ""


def test_the_nationwide_file_is_every_code_of_japan() -> None:
    lines = [line for line in gzip.decompress(JAPAN.path.read_bytes()).decode().splitlines() if line[:1] != "#"]
    assert len(lines) > 100_000 and lines == sorted(lines, key=lambda line: line[:8])


def test_the_interview_suggests_the_town_of_a_code_from_elsewhere(catalog: Catalog) -> None:
    """The address asked after its postal code starts from the town, for a 転入 from 札幌 too."""
    from datetime import UTC, datetime

    from kakanai.domain.visit_session import VisitSession
    from kakanai.services.casework import Casework

    session = VisitSession("V1", datetime(2026, 6, 15, tzinfo=UTC))
    session.answers.update({"event": "move_in", "old.postal": "064-0820"})
    interview = Casework(catalog).interview(session)
    assert interview.question("old.address").suggestion == "北海道札幌市中央区大通西"
    assert interview.question("new.address").suggestion == ""  # no code yet
