"""Negotiation events: stage, modality, dates against the publication date, venue, merging."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from briefing.compare import merge_timeline

WEDNESDAY = date(2024, 3, 6)


def events(extract, body, published=WEDNESDAY):
    return extract(body, kind="event", published=published)


def brief(records):
    return [(r["stage"], r["modality"], r["date"], r["place"]) for r in records]


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        ("Negotiators from both sides held talks in Cairo on Monday.", "talks"),
        ("Egypt put forward a new proposal for a phased truce.", "proposal"),
        ("Hamas countered with a counterproposal of its own.", "counterproposal"),
        ("The war cabinet approved the hostage deal late on Monday.", "acceptance"),
        ("Israel rejected the Hamas offer as delusional.", "rejection"),
        ("Hamas demands a permanent ceasefire before any release.", "demand"),
        ("Israel and Hamas reached an agreement on a four-day truce.", "agreement"),
        ("The truce took effect at 7 a.m. on Friday.", "implementation"),
        ("The pause was extended by two days.", "extension"),
        ("Each side accused the other of violating the ceasefire.", "violation"),
        ("The talks collapsed after Israel recalled its delegation.", "breakdown"),
    ],
)
def test_stage_of_each_kind(extract, body, stage):
    assert stage in [r["stage"] for r in events(extract, body)]


def test_scheduled_talks_are_planned_on_the_coming_day(extract):
    found = events(
        extract,
        "Mossad chief David Barnea is expected to travel to Doha on Saturday for the talks.",
    )
    assert brief(found) == [("talks", "planned", "2024-03-09", "Doha")]


def test_past_weekday_resolves_backwards_across_a_month_boundary(extract):
    found = events(extract, "The delegations met in Cairo on Thursday.", published=date(2024, 3, 2))
    assert brief(found) == [("talks", "actual", "2024-02-29", "Cairo")]


def test_negated_and_hypothetical(extract):
    negated = events(extract, "Hamas did not present a new proposal during the meeting.")
    assert ("proposal", "negated") in [(r["stage"], r["modality"]) for r in negated]
    hypothetical = events(
        extract, "There would be no deal if the army entered Rafah, the group warned."
    )
    assert [r["modality"] for r in hypothetical] == ["hypothetical"]


def test_a_goal_is_not_an_event(extract):
    assert events(extract, "Mediators are trying to reach an agreement before Ramadan.") == []


def test_rejection_needs_a_negotiation_object(extract):
    assert events(extract, "The minister dismissed any role for the Palestinian Authority.") == []
    assert [
        r["stage"] for r in events(extract, "The minister dismissed the proposal outright.")
    ] == ["rejection"]


def test_city_where_talks_happen_is_a_place_not_an_actor(extract):
    records = extract("The two teams met in Cairo on Tuesday.", published=WEDNESDAY)
    assert [r["place"] for r in records if r["type"] == "event"] == ["Cairo"]
    assert "Egypt" not in [r["name"] for r in records if r["type"] == "actor"]


def test_restatement_is_one_event(extract):
    body = (
        "Negotiations resumed in Doha on Monday. The talks focused on the hostages. "
        "Officials described the discussions as serious."
    )
    assert brief(events(extract, body)) == [("talks", "actual", "2024-03-04", "Doha")]


def test_month_precision(extract):
    found = events(
        extract, "The previous round of talks took place in Paris at the end of January."
    )
    assert [(r["date"], r["date_precision"]) for r in found] == [("2024-01-31", "month")]


def test_cameo_codes(extract):
    found = {
        r["stage"]: r["cameo"]
        for r in events(
            extract, "Israel rejected the plan. Both sides agreed on a ceasefire. Talks collapsed."
        )
    }
    assert found == {"rejection": "125", "agreement": "057", "breakdown": "164"}


def test_timeline_merges_one_event_reported_by_several_outlets():
    events_df = pd.DataFrame(
        [
            {
                "article": "a",
                "stage": "talks",
                "date": pd.Timestamp("2024-03-04"),
                "date_precision": "day",
                "place": "Doha",
                "modality": "actual",
                "actors": ["Qatar"],
                "text": "talks",
                "start": 0,
            },
            {
                "article": "b",
                "stage": "talks",
                "date": pd.Timestamp("2024-03-05"),
                "date_precision": "day",
                "place": None,
                "modality": "actual",
                "actors": ["Hamas"],
                "text": "talks",
                "start": 0,
            },
            {
                "article": "b",
                "stage": "rejection",
                "date": pd.Timestamp("2024-03-05"),
                "date_precision": "day",
                "place": None,
                "modality": "actual",
                "actors": [],
                "text": "no",
                "start": 9,
            },
        ]
    )
    articles = pd.DataFrame({"id": ["a", "b"], "outlet": ["Reuters", "AFP"]})
    timeline = merge_timeline(events_df, articles, tolerance_days=1)
    assert len(timeline) == 2
    talks = timeline[timeline["stage"] == "talks"].iloc[0]
    assert talks["articles"] == ["a", "b"] and talks["outlets"] == ["Reuters", "AFP"]
    assert talks["place"] == "Doha" and talks["actors"] == ["Qatar", "Hamas"]
