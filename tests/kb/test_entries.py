"""Dated positions (newsgraph/kb/entries.py)."""

from __future__ import annotations

import pytest

from newsgraph.kb.entries import Position, date_sort_key


def _term(start, end):
    return Position("president", "President of Example", "XXX", "GOV", start=start, end=end)


@pytest.mark.parametrize("start, end, on, held", [
    ("2021-01-20", "2025-01-20", "2021-01-20", True),   # the first day counts
    ("2021-01-20", "2025-01-20", "2025-01-20", False),  # the end day belongs to the successor
    ("2021-01-20", "2025-01-20", "2025-01-19", True),
    ("2013", "2023", "2013-01-01", True),               # a partial start covers its whole year
    ("2013", "2023", "2023-12-31", True),               # and so does a partial end
    ("2013", "2023", "2024-01-01", False),
    ("2013-03", None, "2013-03-31", True),
    ("2013-03", None, "2013-02-28", False),
    (None, None, "1900-01-01", True),                   # unknown start, still held
    ("2012-05-07", None, "2012", True),                 # a partial query date overlapping
    ("2012-05-07", None, "2011", False),
])
def test_holds_on_reads_partial_dates_as_periods(start, end, on, held):
    assert _term(start, end).holds_on(on) is held


def test_date_sort_key_orders_partial_dates_by_their_first_day():
    dates = ["2013-03-14", "2012", None, "2013-03", "2013"]
    assert sorted(dates, key=date_sort_key) == [None, "2012", "2013", "2013-03", "2013-03-14"]
