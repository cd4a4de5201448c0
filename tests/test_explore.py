"""Explorers: figure filters, the escaped sentences table, widgets built without a kernel."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
import pytest

from briefing import explore, load_corpus
from briefing.explore import ALL, filter_figures, sentences_table

FIGURES = pd.DataFrame(
    {
        "measure": ["killed", "killed", "hostages_held", "injured"],
        "outlet": ["Stern", "CNN Brasil", "Stern", "Le Parisien"],
        "attribution": ["Gaza Ministry of Health", "Hamas", None, "Gaza Ministry of Health"],
        "published": pd.to_datetime(["2024-02-08", "2024-02-23", "2024-02-24", "2024-05-07"]),
        "text": ["29,514", "30,000", "130", "70,000"],
        "sentence": ["s1", "s2", "s3", "s4"],
    },
    index=[10, 11, 12, 13],
)


@pytest.mark.parametrize(
    ("filters", "kept"),
    [
        ({}, [10, 11, 12, 13]),
        ({"measure": ALL, "outlet": ALL, "attribution": ALL}, [10, 11, 12, 13]),
        ({"measure": "killed"}, [10, 11]),
        ({"outlet": "Stern"}, [10, 12]),
        ({"attribution": "Gaza Ministry of Health"}, [10, 13]),
        ({"date_from": pd.Timestamp("2024-02-23")}, [11, 12, 13]),
        ({"date_to": pd.Timestamp("2024-02-23")}, [10, 11]),
        ({"measure": "killed", "outlet": "Stern"}, [10]),
        ({"measure": "missing"}, []),
    ],
)
def test_filter_figures_keeps_rows_matching_every_filter(filters, kept):
    before = FIGURES.copy()
    assert list(filter_figures(FIGURES, **filters).index) == kept
    pd.testing.assert_frame_equal(FIGURES, before)


def test_date_filters_accept_plain_dates():
    import datetime

    chosen = filter_figures(FIGURES, date_from=datetime.date(2024, 2, 24))
    assert list(chosen.index) == [12, 13]


def test_sentences_table_escapes_every_cell():
    hostile = pd.DataFrame(
        {
            "outlet": ["<i>Outlet</i>"],
            "published": pd.to_datetime(["2024-02-23"]),
            "measure": ["<b>killed</b>"],
            "text": ["<script>1</script>"],
            "attribution": ['"Ministry" & <co>'],
            "sentence": ["<img src=x onerror=alert(1)>"],
        }
    )
    table = sentences_table(hostile)
    body = table.split("<tbody>")[1]
    assert body.count("<td>") == 6
    for raw in ("<i>", "<b>", "<script>", "<co>", "<img"):
        assert raw not in table
    assert "<td>&lt;img src=x onerror=alert(1)&gt;</td>" in body
    assert "<td>&quot;Ministry&quot; &amp; &lt;co&gt;</td>" in body
    assert "<td>2024-02-23</td>" in body


def test_sentences_table_leaves_missing_values_empty():
    table = sentences_table(FIGURES.loc[[12]])
    assert "<td></td>" in table  # no attribution
    assert "None" not in table and "nan" not in table.lower()


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def test_figure_explorer_builds_its_controls_without_a_kernel(corpus, monkeypatch):
    shown: list[object] = []
    monkeypatch.setattr(explore, "display", shown.append)
    box = explore.figure_explorer(corpus)
    assert isinstance(box, widgets.VBox)
    selectors, dates, out = box.children
    assert [w.description for w in selectors.children] == ["Measure", "Outlet", "Source"]
    assert [w.description for w in dates.children] == ["From", "To"]
    assert isinstance(out, widgets.Output)
    measure = selectors.children[0]
    assert measure.options[0] == ALL and "killed" in measure.options
    # Unfiltered, the table lists every figure of the corpus (one row each, plus the header).
    [table] = shown
    assert table.data.count("<tr>") == len(corpus.figures) + 1
    shown.clear()
    dates.children[0].value = pd.Timestamp("2030-01-01").date()
    assert [item.data for item in shown] == ["<p>No figure matches these filters.</p>"]


def test_a_long_selection_shows_its_first_rows_and_says_how_many_more():
    many = pd.concat([FIGURES] * 40, ignore_index=True)
    table = sentences_table(many, limit=50)
    assert table.split("<tbody>")[1].count("<tr>") == 50
    assert f"Showing the first 50 of {len(many):,} figures" in table
    assert "Showing" not in sentences_table(many.head(50), limit=50)
