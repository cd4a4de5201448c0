"""How a figure reads to people: one wording for charts, tables and sentences."""

from __future__ import annotations

import pytest

from briefing.labels import MEASURE_LABELS, format_figure, measure_label


@pytest.mark.parametrize(
    ("low", "high", "qualifier", "reads"),
    [
        (29514, 29514, "exact", "29,514"),
        (1160, 1160, "at_least", "at least 1,160"),
        (300, 300, "at_most", "up to 300"),
        (250, 250, "approximately", "about 250"),
        (35, 40, "range", "35 to 40"),
        (7, 7, "range", "7 to 7"),  # a range is written as one even when its ends meet
    ],
)
def test_format_figure_for_each_qualifier(low, high, qualifier, reads):
    assert format_figure(low, high, qualifier) == reads


def test_a_figure_with_two_ends_reads_as_a_range_whatever_its_qualifier():
    # "hundreds" is approximately 200..999: the span says more than "about".
    assert format_figure(200, 999, "approximately") == "200 to 999"
    assert format_figure(2000, 9999, "at_least") == "2,000 to 9,999"


def test_format_figure_writes_whole_numbers_with_thousands_separators():
    assert format_figure(1234567.0, 1234567.0, "exact") == "1,234,567"
    assert format_figure(42.0, 42.0, "exact") == "42"


def test_measure_label_of_known_measures():
    assert measure_label("hostages_held") == "Hostages still held"
    assert measure_label("duration") == "Duration of a truce or phase"


def test_every_contract_measure_has_a_label():
    contract = (
        "killed injured hostages_taken hostages_held hostages_dead hostages_released "
        "prisoners_released displaced hostages_alive remains_returned missing duration phases "
        "aid_trucks other"
    ).split()
    assert set(MEASURE_LABELS) == set(contract)


def test_measure_label_of_an_unknown_measure_is_made_readable():
    assert measure_label("journalists_detained") == "Journalists detained"
    assert measure_label("x") == "X"
