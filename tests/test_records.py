"""Records and their JSON form: contract field order, UTF-8 text, extra fields kept."""

from __future__ import annotations

import json

import pytest

from briefing.records import ActorRecord, ArticleRecord, EventRecord, FigureRecord, to_dict, to_json

FIGURE = FigureRecord(
    article="a1",
    measure="killed",
    low=1160.0,
    high=1160.0,
    qualifier="at_least",
    unit="people",
    group="people in Israel",
    status="reported",
    scope="incident",
    attribution="Israeli authorities",
    as_of="2023-10-07",
    text="more than 1,160",
    start=20,
    end=35,
    sentence="On October 7, more than 1,160 were killed.",
    sentence_start=6,
)
EVENT = EventRecord(
    article="a1",
    stage="talks",
    modality="planned",
    cameo="046",
    date="2024-02-23",
    date_precision="day",
    place="Paris",
    actors=["Qatar", "Égypte"],
    text="Les négociations reprennent à Paris – « vendredi ».",
    start=0,
    end=51,
    trigger="négociations",
)


@pytest.mark.parametrize(
    "record",
    [
        FIGURE,
        EVENT,
        ActorRecord("a1", "Hamas", "organization", None, "party", 2, [[0, 5], [9, 14]]),
        ArticleRecord("a1", "a1", "Titre", "Le Parisien", "2024-05-07", "fr", 120, 3),
    ],
)
def test_to_dict_puts_type_then_article_first(record):
    keys = list(to_dict(record))
    assert keys[:2] == ["type", "article"]
    assert to_dict(record)["type"] == record.type


def test_type_names_follow_the_contract():
    assert [r.type for r in (ArticleRecord, FigureRecord, ActorRecord, EventRecord)] == [
        "article",
        "figure",
        "actor",
        "event",
    ]


def test_to_json_is_one_line_of_unescaped_utf8():
    line = to_json(EVENT)
    assert "\n" not in line
    assert "Égypte" in line and "« vendredi »" in line and "–" in line
    assert "\\u" not in line
    assert json.loads(line) == to_dict(EVENT)


def test_fields_beyond_the_contract_are_present_with_defaults():
    actor = to_dict(ActorRecord("a1", "Someone", "person", None, "other", 1))
    assert actor["known"] is True and actor["spans"] == []
    article = to_dict(ArticleRecord("a1", "a1", None, None, None, "en", 0, 0))
    assert {k: article[k] for k in ("original_language", "url", "agency", "dateline_place")} == {
        "original_language": None,
        "url": None,
        "agency": None,
        "dateline_place": None,
    }
    assert to_dict(FIGURE)["sentence_start"] == 6
    assert to_dict(EVENT)["trigger"] == "négociations"


def test_figure_json_round_trips_every_contract_field():
    back = json.loads(to_json(FIGURE))
    assert back == {
        "type": "figure",
        "article": "a1",
        "measure": "killed",
        "low": 1160.0,
        "high": 1160.0,
        "qualifier": "at_least",
        "unit": "people",
        "group": "people in Israel",
        "status": "reported",
        "scope": "incident",
        "attribution": "Israeli authorities",
        "as_of": "2023-10-07",
        "text": "more than 1,160",
        "start": 20,
        "end": 35,
        "sentence": "On October 7, more than 1,160 were killed.",
        "sentence_start": 6,
    }


def test_to_dict_is_asdict_with_type_first_and_copies_lists():
    """The quick to_dict gives what dataclasses.asdict gives, and never shares a list."""
    from dataclasses import asdict

    from briefing import config
    from briefing.articles import read_article
    from briefing.extract import extract_article
    from briefing.records import to_dict

    article = read_article(sorted(config.SEEDS_DIR.glob("*.txt"))[0])
    records = extract_article(article)
    assert {type(r).__name__ for r in records} >= {"ArticleRecord", "FigureRecord", "ActorRecord"}
    for record in records:
        as_dict = to_dict(record)
        assert next(iter(as_dict)) == "type"
        assert as_dict == {"type": record.type, **asdict(record)}
    actor = next(r for r in records if r.type == "actor" and r.spans)
    to_dict(actor)["spans"][0].append(99)
    assert 99 not in actor.spans[0]
