"""Restatements: one step told several times becomes one event; distinct steps stay apart."""

from __future__ import annotations

from briefing.records import EventRecord
from briefing.restatements import Found, add


def event(
    stage: str,
    text: str = "",
    *,
    modality: str = "actual",
    date: str | None = None,
    place: str | None = None,
    actors: tuple[str, ...] = (),
) -> EventRecord:
    return EventRecord(
        article="a1",
        stage=stage,
        modality=modality,
        cameo=None,
        date=date,
        date_precision="day" if date else None,
        place=place,
        actors=list(actors),
        text=text,
        start=0,
        end=len(text),
    )


def told(*items: tuple[int, EventRecord, str | None]) -> list[Found]:
    """Add each (sentence, event, subject) in turn; return the steps kept."""
    found: list[Found] = []
    for sentence, record, subject in items:
        add(found, Found(sentence, record, subject))
    return found


def test_the_talks_again_join_the_round_already_reported():
    found = told(
        (0, event("talks", date="2024-02-23", place="Paris", actors=("Israel", "Qatar")), None),
        (4, event("talks", actors=("Qatar", "Egypt")), None),
    )
    assert len(found) == 1
    merged = found[0].event
    assert (merged.date, merged.place) == ("2024-02-23", "Paris")
    assert merged.actors == ["Israel", "Qatar", "Egypt"]
    assert found[0].sentence == 0


def test_a_restatement_fills_the_facts_the_step_was_missing():
    found = told(
        (0, event("talks", place="Cairo"), None),
        (1, event("talks", date="2024-03-03", place="Cairo"), "Hamas"),
    )
    assert len(found) == 1
    step = found[0]
    assert (step.event.date, step.event.date_precision, step.event.place) == (
        "2024-03-03",
        "day",
        "Cairo",
    )
    assert step.subject == "Hamas"


def test_steps_with_different_places_or_dates_stay_apart():
    found = told(
        (0, event("talks", place="Doha"), None),
        (1, event("talks", place="Cairo"), None),
        (2, event("agreement", date="2024-01-10"), None),
        (3, event("agreement", date="2024-01-15"), None),
    )
    assert [(f.event.stage, f.event.place, f.event.date) for f in found] == [
        ("talks", "Doha", None),
        ("talks", "Cairo", None),
        ("agreement", None, "2024-01-10"),
        ("agreement", None, "2024-01-15"),
    ]


def test_positions_of_different_sides_or_objects_stay_apart():
    found = told(
        (0, event("demand", "Hamas demands a full withdrawal"), "Hamas"),
        (1, event("demand", "Israel demands a full withdrawal"), "Israel"),
        (2, event("demand", "Hamas demands an end to the war"), "Hamas"),
        (3, event("demand", "Hamas again demanded a withdrawal of troops"), "Hamas"),
    )
    assert [(f.sentence, f.subject) for f in found] == [(0, "Hamas"), (1, "Israel"), (2, "Hamas")]


def test_a_denial_and_the_event_it_denies_stay_apart():
    found = told(
        (0, event("proposal", "did not present proposals", modality="negated"), None),
        (1, event("proposal", "yielded a blueprint"), None),
    )
    assert [f.event.modality for f in found] == ["negated", "actual"]
    hypothetical = told(
        (0, event("talks", "talks could resume", modality="hypothetical"), None),
        (1, event("talks", "a delegation flew to Cairo", place="Cairo"), None),
    )
    assert len(hypothetical) == 2


def test_an_undated_restatement_joins_only_a_nearby_step():
    near = told((0, event("proposal"), None), (3, event("proposal"), None))
    far = told((0, event("proposal"), None), (4, event("proposal"), None))
    assert (len(near), len(far)) == (1, 2)


def test_a_restatement_joins_the_step_with_its_place_before_the_latest():
    found = [
        Found(0, event("talks", date="2024-02-23", place="Doha"), None),
        Found(1, event("talks", date="2024-02-20"), None),
    ]
    add(found, Found(2, event("talks", place="Doha", actors=("Egypt",)), None))
    assert [(f.event.place, f.event.actors) for f in found] == [("Doha", ["Egypt"]), (None, [])]
