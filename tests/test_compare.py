"""Reconciliation and timelines on tiny literal DataFrames, with exact expectations."""

from __future__ import annotations

import pandas as pd

from briefing import compare

ARTICLES = pd.DataFrame(
    {
        "id": ["a", "b", "c", "d"],
        "outlet": ["Outlet A", "Outlet B", "Outlet C", "Outlet D"],
        "agency": [None, "AFP", "AFP", None],
        "published": pd.to_datetime(["2024-03-01", "2024-03-01", "2024-03-02", "2024-03-05"]),
    }
)


def figure(
    article,
    low,
    high=None,
    qualifier="exact",
    attribution=None,
    as_of="2024-03-01",
    measure="killed",
    group="Palestinians",
    scope="cumulative",
    status="reported",
):
    return {
        "article": article,
        "measure": measure,
        "group": group,
        "scope": scope,
        "as_of": pd.Timestamp(as_of) if as_of else pd.NaT,
        "low": float(low),
        "high": float(high if high is not None else low),
        "qualifier": qualifier,
        "attribution": attribution,
        "status": status,
        "unit": "people",
        "text": str(low),
        "sentence": f"{low} people were killed.",
        "start": 0,
        "end": 1,
    }


def test_syndicated_copies_count_once_and_disagreement_reasons():
    figures = pd.DataFrame(
        [
            figure("a", 30000, qualifier="at_least", attribution="Gaza Ministry of Health"),
            figure("b", 30035, attribution="Hamas"),
            figure("c", 30035, attribution="Hamas"),
        ]
    )
    row = compare.reconcile(figures, ARTICLES).iloc[0]
    assert (row["reports"], row["sources"]) == (3, 2)  # b and c are the same AFP dispatch
    assert (row["min"], row["max"], row["conservative"]) == (30000, 30035, 30000)
    assert row["grade"] == "acknowledged by a party"
    assert row["disagreement"] == "different attribution, rounding, qualifier"


def test_groups_never_mix_scope_or_date():
    figures = pd.DataFrame(
        [
            figure("a", 120, scope="incident"),
            figure("d", 31000, as_of="2024-03-05"),
            figure("a", 30000),
        ]
    )
    table = compare.reconcile(figures, ARTICLES)
    assert len(table) == 3
    assert table["disagreement"].isna().all()


def test_grades():
    single = pd.DataFrame([figure("a", 50, attribution="Reuters tally")])
    assert compare.reconcile(single, ARTICLES)["grade"].tolist() == ["single source"]
    two = pd.DataFrame([figure("a", 50), figure("d", 50)])
    assert compare.reconcile(two, ARTICLES)["grade"].tolist() == ["corroborated"]


def test_proposed_terms_are_kept_out_of_the_facts():
    figures = pd.DataFrame([figure("a", 42, measure="duration", status="proposed", as_of=None)])
    assert compare.reconcile(figures, ARTICLES).empty
    assert compare.terms(figures, ARTICLES)["measure"].tolist() == ["duration"]


def test_series_in_date_order():
    figures = pd.DataFrame([figure("d", 31000, as_of="2024-03-05"), figure("a", 30000)])
    assert compare.series(figures, ARTICLES)["low"].tolist() == [30000, 31000]


def test_term_changes_between_rounds():
    figures = pd.DataFrame(
        [
            figure("a", 33, measure="hostages_released", status="proposed", as_of=None),
            figure("d", 40, measure="hostages_released", status="proposed", as_of=None),
        ]
    )
    changes = compare.term_changes(figures, ARTICLES)
    assert changes["values"].tolist() == [["33"], ["40"]]
    assert changes["changed"].tolist() == [False, True]


def test_functions_leave_their_inputs_alone():
    figures = pd.DataFrame([figure("a", 10), figure("b", 12)])
    before = figures.copy()
    compare.reconcile(figures, ARTICLES)
    compare.series(figures, ARTICLES)
    compare.terms(figures, ARTICLES)
    pd.testing.assert_frame_equal(figures, before)


def test_co_mentions_counts_shared_articles():
    actors = pd.DataFrame(
        {
            "article": ["a", "a", "b", "b", "b"],
            "name": ["Qatar", "Hamas", "Qatar", "Hamas", "Egypt"],
        }
    )
    pairs = compare.co_mentions(actors)
    assert pairs.iloc[0].tolist() == ["Hamas", "Qatar", 2]
    assert len(pairs) == 3


def test_unknown_actors_are_counted_once_per_name():
    actors = pd.DataFrame(
        {
            "article": ["a", "b", "b"],
            "name": ["Eli Cohenov", "Eli Cohenov", "Hamas"],
            "kind": ["person", "person", "organization"],
            "affiliation": [None, None, None],
            "mentions": [2, 1, 5],
            "known": [False, False, True],
        }
    )
    assert compare.unknown_actors(actors).values.tolist() == [["Eli Cohenov", "person", None, 3, 2]]


def test_reported_keeps_facts_only():
    figures = pd.DataFrame([figure("a", 5), figure("a", 42, measure="duration", status="proposed")])
    assert compare.reported(figures)["low"].tolist() == [5.0]
