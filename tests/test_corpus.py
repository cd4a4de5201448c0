"""The corpus as tidy DataFrames: one row per record, contract fields as columns, real dtypes."""

from __future__ import annotations

from dataclasses import fields

import pandas as pd
import pytest

from briefing import load_corpus
from briefing.articles import MetadataWarning
from briefing.corpus import CorpusError, article_paths
from briefing.records import ActorRecord, EventRecord, FigureRecord


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def test_one_row_per_article_with_catalog_metadata(corpus):
    articles = corpus.articles.set_index("id")
    assert len(articles) == 5
    assert articles.loc["004_537133f95cabeb22", "outlet"] == "Stern"
    assert articles.loc["001_37fb9af9c1db5dc3", "published"] == pd.Timestamp("2024-02-24")
    assert pd.api.types.is_datetime64_any_dtype(articles["published"])


@pytest.mark.parametrize(
    ("frame", "record"),
    [("figures", FigureRecord), ("actors", ActorRecord), ("events", EventRecord)],
)
def test_columns_are_the_contract_fields(corpus, frame, record):
    df = getattr(corpus, frame)
    assert list(df.columns) == [f.name for f in fields(record)]


def test_dtypes(corpus):
    figures = corpus.figures
    assert figures["low"].dtype == "float64"
    assert str(figures["start"].dtype) == "Int64"
    assert pd.api.types.is_datetime64_any_dtype(figures["as_of"])
    assert pd.api.types.is_datetime64_any_dtype(corpus.events["date"])
    assert str(corpus.actors["mentions"].dtype) == "Int64"


def test_timeline_has_one_row_per_event_with_reporting_outlets(corpus):
    timeline = corpus.timeline()
    paris = timeline[
        (timeline["stage"] == "talks")
        & (timeline["place"] == "Paris")
        & (timeline["date"] == pd.Timestamp("2024-02-23"))
    ]
    assert len(paris) == 1
    assert set(paris.iloc[0]["outlets"]) >= {"CNN Brasil", "Stern"}


def test_loading_a_folder_with_its_own_catalog(tmp_path):
    (tmp_path / "x1.txt").write_text(
        "Truce holds\n\nNine hostages were freed on Monday.\n", encoding="utf-8"
    )
    (tmp_path / "catalog.csv").write_text(
        "id,title,outlet,published,original_language,url\nx1,Truce holds,Wire,2024-03-06,en,\n",
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path)
    assert corpus.articles["outlet"].tolist() == ["Wire"]
    record = corpus.figures.iloc[0]
    assert (record["measure"], record["low"]) == ("hostages_released", 9.0)


def test_markdown_and_pages_in_a_folder_are_named_not_silently_skipped(tmp_path):
    page = "---\ntitle: Talks\n---\n\nAt least 40 people were killed in Gaza, officials said.\n"
    (tmp_path / "notes.md").write_text(page, encoding="utf-8")
    with pytest.raises(CorpusError, match=r"1 Markdown or HTML file\(s\) not read .*notes\.md"):
        article_paths(tmp_path)
    (tmp_path / "a.txt").write_text("Talks\n\nMediators met in Cairo.\n", encoding="utf-8")
    with pytest.warns(MetadataWarning, match="notes.md"):
        assert article_paths(tmp_path) == [tmp_path / "a.txt"]
    assert article_paths(tmp_path / "notes.md") == [tmp_path / "notes.md"]
