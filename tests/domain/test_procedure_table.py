"""The procedure table for moves and the ages every event shares: each row a household a careful
clerk planned by hand, with the basis of its answer (``procedure_table.Row``)."""

from __future__ import annotations

import pytest

from kakanai.domain.catalog import Catalog
from tests.domain.procedure_table import Row, check_row, household, person

ROWS = [
    Row("move_in_couple_on_kokuho", "国民健康保険法5条・住民基本台帳法22条",
        household("move_in", "2026-04-01", person("太郎", "1980-05-10"), person("花子", "1982-07-07", "妻", sex="F")),
        expect={"juminido_move_in": ("太郎", "花子"), "nhi_join": ("太郎", "花子")}),
]


@pytest.mark.parametrize("row", ROWS, ids=str)
def test_row(row: Row, catalog: Catalog) -> None:
    check_row(row, catalog)
