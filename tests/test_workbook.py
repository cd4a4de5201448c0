"""The notebooks' first cell: offline charts on, the corpus loaded within a window, one line."""

from __future__ import annotations

import altair as alt
import pytest
from IPython.display import HTML

from briefing import theme, workbook

CATALOG = """id,title,outlet,published,original_language,url
jan,Talks in Cairo,Outlet A,2024-01-10,en,
feb,Truce holds,Outlet B,2024-02-15,en,
mar,Truce ends,Outlet A,2024-03-20,en,
undated,Hostages freed,Outlet C,,en,
"""


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "catalog.csv").write_text(CATALOG, encoding="utf-8")
    for name in ("jan", "feb", "mar", "undated"):
        (tmp_path / f"{name}.txt").write_text(
            f"Headline {name}\n\nMediators met in Cairo on Monday. Hamas freed 13 hostages.\n",
            encoding="utf-8",
        )
    return tmp_path


@pytest.fixture()
def shown(monkeypatch):
    """What start() displays, collected instead of shown; Altair's renderer restored after."""
    renderer, active_theme = alt.renderers.active, alt.theme.active
    displayed: list[object] = []
    monkeypatch.setattr(workbook, "display", displayed.append)
    yield displayed
    alt.renderers.enable(renderer)
    alt.theme.enable(active_theme)


def test_start_returns_the_corpus_within_the_window_both_days_included(folder, shown):
    corpus = workbook.start(folder, date_from="2024-02-01", date_to="2024-03-20")
    assert sorted(corpus.articles["id"]) == ["feb", "mar"]
    assert set(corpus.texts) == {"feb", "mar"}
    assert set(corpus.figures["article"]) <= {"feb", "mar"}


def test_start_without_a_window_keeps_undated_articles(folder, shown):
    corpus = workbook.start(folder)
    assert sorted(corpus.articles["id"]) == ["feb", "jan", "mar", "undated"]
    assert sorted(workbook.start(folder, date_to="2024-01-31").articles["id"]) == ["jan"]


def test_start_says_which_corpus_was_loaded(folder, shown, monkeypatch):
    monkeypatch.setenv(theme.EXPORT_ENV, "1")
    workbook.start(folder, date_from="2024-02-01")
    [line] = shown
    assert isinstance(line, HTML)
    assert line.data.startswith("<p>Corpus: 2 articles from 2 named outlets")
    assert "15 February 2024" in line.data and "20 March 2024" in line.data


def test_start_displays_the_chart_bundle_only_outside_the_export(folder, shown, monkeypatch):
    monkeypatch.delenv(theme.EXPORT_ENV, raising=False)
    workbook.start(folder)
    assert [type(item).__name__ for item in shown] == ["_Bundle", "HTML"]
    assert alt.renderers.active == "briefing"
    shown.clear()
    monkeypatch.setenv(theme.EXPORT_ENV, "1")
    workbook.start(folder)
    assert [type(item).__name__ for item in shown] == ["HTML"]
