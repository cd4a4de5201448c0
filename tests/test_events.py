"""Negotiation events: stage, modality, dates against the publication date, venue, merging."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    assert events(extract, "Officials will press for an agreement before Ramadan.") == []


@pytest.mark.parametrize(
    "body",
    [
        "White House press secretary Karoline Leavitt said Israel had accepted the proposal.",
        "Press secretary Karoline Leavitt said Israel had accepted the proposal.",
        "Hamas told a press conference in Doha that it had accepted the proposal.",
        "A Hamas official told the Associated Press that the group accepted the proposal.",
    ],
)
def test_press_as_a_noun_is_no_goal(extract, body):
    """ "press" is a goal word ("press for a deal"), not in "press secretary" or a name."""
    assert [r["stage"] for r in events(extract, body)] == ["acceptance"]


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


# --- clause, date and place patterns (WEDNESDAY = 2024-03-06) -------------------------------


def test_a_dateline_neither_dates_nor_places_the_event(extract):
    found = events(extract, "4th March 2024 – (Beirut) The truce took effect on Sunday.")
    assert brief(found) == [("implementation", "actual", "2024-03-03", None)]


def test_a_parenthetical_reporting_verb_keeps_the_clause_before_it(extract):
    found = events(
        extract,
        "Air strikes killed 90 people across the Gaza Strip on Tuesday, officials said, "
        "shattering the truce.",
    )
    assert brief(found) == [("breakdown", "actual", "2024-03-05", "Gaza Strip")]


def test_a_clause_after_but_does_not_take_the_date_before_it(extract):
    found = events(
        extract,
        "The envoys left Doha on Monday, but technical teams are due to continue the "
        "discussions in Cairo in the coming days.",
    )
    assert brief(found) == [("talks", "planned", None, "Cairo")]


def test_an_appositive_participle_keeps_its_own_date(extract):
    found = events(
        extract, "The new envoy, appointed on Monday by the president, is expected in Doha."
    )
    assert [(r["date"], r["place"]) for r in found] == [(None, "Doha")]


def test_a_report_date_does_not_date_a_meeting(extract):
    found = events(
        extract, "The spokesman said on Monday that there had been no negotiations for weeks."
    )
    assert [(r["stage"], r["date"]) for r in found] == [("talks", None)]


def test_the_same_evening_refers_back_to_the_day_reported(extract):
    found = events(
        extract,
        "On Monday, twelve hostages were freed. An extension of the truce was announced "
        "the same evening by the mediators.",
    )
    assert ("extension", "2024-03-04") in [(r["stage"], r["date"]) for r in found]


def test_a_participle_of_a_noun_reports_the_proposal(extract):
    found = events(
        extract, "The talks rest on the plan announced by the mediators on Friday in Doha."
    )
    assert ("proposal", "2024-03-01", "Doha") in [
        (r["stage"], r["date"], r["place"]) for r in found
    ]


def test_an_agreement_participle_owns_its_date_across_the_comma(extract):
    found = events(
        extract,
        "The agreement, announced on Friday in Doha and approved by the cabinet on "
        "Saturday, provides for three phases.",
    )
    assert brief(found) == [
        ("agreement", "actual", "2024-03-01", "Doha"),
        ("acceptance", "actual", "2024-03-02", None),
    ]


def test_meeting_conditions_is_no_meeting(extract):
    assert events(extract, "The group said the new text meets the army's conditions.") == []


def test_a_speech_to_parliament_does_not_make_talks_internal(extract):
    found = events(
        extract, "After a speech to the Knesset, the president co-chaired a summit in Cairo."
    )
    assert [(r["stage"], r["place"]) for r in found] == [("talks", "Cairo")]


def test_a_coordinated_object_is_not_the_subject_of_the_next_verb(extract):
    found = events(
        extract, "Israel accused Hamas of violating the agreement and announced new strikes."
    )
    assert [r["stage"] for r in found] == ["violation"]


def test_a_breach_takes_place_where_the_fire_killed(extract):
    found = events(
        extract,
        "Hamas accused Israel on Monday of breaching the ceasefire, saying fire had killed "
        "three people in Rafah.",
    )
    assert brief(found) == [("violation", "actual", "2024-03-04", "Rafah")]


def test_mutual_accusations_are_two_violations(extract):
    found = events(
        extract,
        "On Tuesday, Israel accused Hamas of violating the truce. Hamas in turn accused "
        "Israel of breaching the truce on Tuesday.",
    )
    assert [r["stage"] for r in found] == ["violation", "violation"]


def test_a_trip_to_a_state_is_placed_there(extract):
    found = events(extract, "The secretary of state will travel to Israel on Friday.")
    assert brief(found) == [("talks", "planned", "2024-03-08", "Israel")]


def test_a_background_arrival_of_a_person_is_not_an_event(extract):
    found = events(
        extract,
        "The envoy, who arrived in Israel on Tuesday evening, is due to meet the prime "
        "minister in Jerusalem today.",
    )
    assert brief(found) == [("talks", "planned", "2024-03-06", "Jerusalem")]


def test_an_opening_after_clause_does_not_own_the_main_clause(extract):
    found = events(
        extract,
        "Hours after the extension was announced, gunmen opened fire at the entrance to Jerusalem.",
    )
    assert [r["place"] for r in found if r["stage"] == "extension"] == [None]


@pytest.mark.parametrize(
    "body",
    [
        "Talks did not take place in Cairo on Tuesday.",
        "Egypt denied that talks were held in Cairo on Tuesday.",
        "No talks in Cairo this week, officials said.",
    ],
)
def test_denied_or_negated_talks_are_negated(extract, body):
    assert [r["modality"] for r in events(extract, body)] == ["negated"]


def test_timeline_keeps_a_denial_apart_from_the_event():
    events_df = pd.DataFrame(
        [
            {
                "article": "a",
                "stage": "talks",
                "date": pd.Timestamp("2024-03-05"),
                "date_precision": "day",
                "place": "Cairo",
                "modality": "actual",
                "actors": [],
                "text": "met",
                "start": 0,
            },
            {
                "article": "b",
                "stage": "talks",
                "date": pd.Timestamp("2024-03-05"),
                "date_precision": "day",
                "place": "Cairo",
                "modality": "negated",
                "actors": [],
                "text": "denied",
                "start": 0,
            },
        ]
    )
    articles = pd.DataFrame({"id": ["a", "b"], "outlet": ["A", "B"]})
    assert merge_timeline(events_df, articles)["modality"].tolist() == ["actual", "negated"]


def test_a_past_participle_dates_backwards_in_a_forward_looking_sentence(extract):
    found = events(
        extract,
        "Talks will build on the plan presented on March 1 by the mediators.",
        published=date(2024, 3, 6),
    )
    assert "2024-03-01" in [r["date"] for r in found if r["stage"] == "proposal"]


def test_the_day_before_is_counted_from_the_last_day_reported(extract):
    body = (
        "The envoys met on Monday in Doha. The mood was tense. "
        "The day before, in Cairo, the Egyptian side had met the Hamas delegation."
    )
    found = events(extract, body, published=date(2024, 3, 6))
    assert ("talks", "2024-03-03", "Cairo") in [(r["stage"], r["date"], r["place"]) for r in found]


_ANAPHORA = "the The THE same that That earlier later day Day evening night morning".split()
_ANAPHORA += "afternoon before previous a A after next following x é _ - , days".split()


@given(st.lists(st.tuples(st.sampled_from(_ANAPHORA), st.sampled_from([" ", "", "\n", ", "]))))
def test_day_anaphora_pattern_reads_as_the_plain_one(parts):
    """'the same day', 'the day before' and kin are found as the plain pattern finds them."""
    from briefing.events import _ANAPHORIC

    plain = re.compile(
        r"\b(?:the\s+same|that|(?:earlier|later)\s+that)\s+(?:day|evening|night|morning|afternoon)\b"
        # "the day before the war", "the day after he left": a day named, not counted
        r"|\b(?P<before>the\s+day\s+before(?!\s+\w)|the\s+previous\s+day|a\s+day\s+earlier)\b"
        r"|\b(?P<after>the\s+day\s+after(?!\s+\w)|the\s+next\s+day|the\s+following\s+day"
        r"|a\s+day\s+later)\b",
        re.I,
    )
    text = "".join(a + b for a, b in parts)

    def read(pattern):
        return [(m.span(), bool(m["before"]), bool(m["after"])) for m in pattern.finditer(text)]

    assert read(_ANAPHORIC) == read(plain)


_INTERNAL_TOKENS = "the The to at in before of cabinet Cabinet CABINET government Knesset".split()
_INTERNAL_TOKENS += "ministers parliament parliamentary x talks Kabinet ſ -".split()
_INTERNAL_TOKENS += ["to the", "At the", "in THE", "before the", "of the", "ofthe", "of  the"]


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_INTERNAL_TOKENS), st.sampled_from([" ", "  ", "", "\n"])),
        max_size=12,
    ),
    st.integers(0, 100),
)
def test_quick_internal_body_pattern_matches_the_plain_one(parts, start) -> None:
    """A cabinet or parliament before a trigger is found as the plain pattern finds it."""
    from briefing import events

    plain = re.compile(events._INTERNAL_PLAIN, re.I)
    text = "".join(a + b for a, b in parts)
    for at in range(min(start, len(text)) + 1):
        quick = events._INTERNAL.search(text, at, len(text))
        slow = plain.search(text, at, len(text))
        assert (quick and quick.span()) == (slow and slow.span())


# --- Patterns first met in tests/data/dev (written to measure unseen articles) ---------------


@pytest.mark.parametrize(
    "body",
    [
        "The State Department urged Hamas to accept the offer without delay.",
        "Egypt is pressing both sides to agree to a six-week pause.",
        "Blinken called on the movement on Monday to accept the plan quickly.",
        "He invited Hamas to accept it, describing the terms as generous.",
    ],
)
def test_urging_a_side_to_accept_is_a_demand_not_an_acceptance(extract, body):
    stages = [r["stage"] for r in events(extract, body)]
    assert "demand" in stages and "acceptance" not in stages


@pytest.mark.parametrize(
    "body",
    [
        "An Israeli official said Israel is not willing to accept an end to the war.",
        "Hamas said on Tuesday it will not accept any deal that leaves troops in Gaza.",
        "The cabinet refused to accept the amended proposal.",
    ],
)
def test_refusing_to_accept_is_a_rejection(extract, body):
    stages = [r["stage"] for r in events(extract, body)]
    assert stages.count("rejection") == 1 and "acceptance" not in stages


@pytest.mark.parametrize(
    "body",
    [
        "Qatar announced on Saturday that it had suspended its mediation between the sides.",
        "The United States recalled its negotiators from Doha for consultations on Thursday.",
        "Israel called back its delegation on Monday after the talks stalled.",
    ],
)
def test_a_mediator_stepping_back_or_a_recall_is_a_breakdown(extract, body):
    assert "breakdown" in [r["stage"] for r in events(extract, body)]


def test_a_delegation_arriving_with_a_day_between_is_a_round_of_talks(extract):
    found = events(extract, "A Hamas delegation arrived on Monday in Cairo to give its reply.")
    assert ("talks", "actual", "2024-03-04", "Cairo") in brief(found)


def test_a_body_meeting_in_a_city_is_where_it_sat_not_a_round_of_talks(extract):
    body = "The Security Council, meeting in New York on Monday, endorsed the ceasefire plan."
    assert brief(events(extract, body)) == [("acceptance", "actual", "2024-03-04", "New York")]


def test_laying_out_a_plan_is_a_proposal(extract):
    body = "Biden laid out a three-phase plan for a ceasefire on Friday."
    assert ("proposal", "actual", "2024-03-01", None) in brief(events(extract, body))


def test_a_date_after_until_ends_a_period_and_does_not_date_the_step(extract):
    body = "Under the proposal, the truce would last until 20 April."
    assert all(r["date"] is None for r in events(extract, body, published=date(2025, 3, 3)))


@pytest.mark.parametrize(
    "body",
    [
        "Hamas said on Tuesday that it had received the proposal and was studying it.",
        "Haniyeh confirmed the reception of the proposal in a statement on Tuesday.",
        "The movement is still examining the latest Egyptian offer.",
    ],
)
def test_receiving_or_studying_a_proposal_is_not_a_proposal(extract, body):
    assert "proposal" not in [r["stage"] for r in events(extract, body)]


def test_being_open_to_discuss_is_a_stance_not_a_round_of_talks(extract):
    body = "Hamas said on Tuesday it was open to discuss any serious initiative."
    assert "talks" not in [r["stage"] for r in events(extract, body)]


def test_insisting_that_a_deal_must_include_something_is_a_demand(extract):
    body = "Hamas rejected the ideas, insisting that any agreement must include a full withdrawal."
    assert [r["stage"] for r in events(extract, body)] == ["rejection", "demand"]


def test_a_recall_from_a_city_happens_at_that_venue(extract):
    body = "Israel recalled its negotiators from Doha on Thursday."
    assert ("breakdown", "actual", "2024-02-29", "Doha") in brief(events(extract, body))


def test_a_truce_entering_into_force_on_a_date_is_its_implementation(extract):
    body = "The first phase of the truce, which entered into force on 19 January, has ended."
    found = brief(events(extract, body, published=date(2025, 3, 3)))
    assert ("implementation", "actual", "2025-01-19", None) in found


def test_adopting_a_proposal_is_an_acceptance(extract):
    body = "The Israeli government adopted on Sunday the proposal of the US envoy."
    assert ("acceptance", "actual", "2024-03-03", None) in brief(events(extract, body))


@pytest.mark.parametrize(
    "body",
    [
        "Israel adopted a plan of Witkoff to prolong the truce through Ramadan.",
        "Egypt floated a proposal of its own, drafted by its intelligence chief, to extend the"
        " pause by two days.",
    ],
)
def test_what_a_plan_would_do_is_a_term_not_a_step(extract, body):
    assert "extension" not in [r["stage"] for r in events(extract, body)]


def test_a_verb_joined_by_and_shares_the_occasion_of_the_step_before(extract):
    # Written for this test, not taken from an article: the urging was in Cairo on Monday.
    found = events(
        extract,
        "The Egyptian envoy met Hamas leaders in Cairo on Monday and urged them to accept "
        "the truce proposal.",
    )
    assert ("demand", "actual", "2024-03-04", "Cairo") in brief(found)


def test_a_new_subject_after_and_keeps_its_own_occasion(extract):
    found = events(
        extract,
        "Israel accepted the proposal in Doha on Monday and Hamas rejected it.",
    )
    assert ("rejection", "actual", None, None) in brief(found)


def test_what_a_draft_provides_for_is_a_term_not_a_step(extract):
    found = events(
        extract,
        "The draft on the table provides for a 45-day truce during which Hamas would free "
        "twelve hostages and hand over the remains of eight others.",
    )
    assert [r["stage"] for r in found] == ["proposal"]


def test_a_draft_cited_as_a_source_is_not_a_proposal(extract):
    found = events(
        extract,
        "According to a draft seen by the AFP agency, the movement proposes a truce in two phases.",
    )
    assert not [r for r in found if "draft" in r["text"]]


def test_travel_in_the_coming_days_is_planned(extract):
    found = events(
        extract,
        'A Hamas delegation must travel to Cairo "in the coming days" to discuss the offer.',
    )
    assert ("talks", "planned", None, "Cairo") in brief(found)


def test_an_undated_planned_step_does_not_take_the_facts_of_a_later_meeting(extract):
    found = events(
        extract,
        "Mediators were expected to discuss the next steps. "
        "The CIA director met Qatari officials in Doha on Monday.",
    )
    assert ("talks", "actual", "2024-03-04", "Doha") in brief(found)


def test_with_or_without_an_agreement_weighs_outcomes_and_is_no_step(extract):
    found = events(
        extract,
        'The army will enter the city, the minister said, "with or without an agreement".',
    )
    assert "agreement" not in [r["stage"] for r in found]


def test_welcoming_a_resolution_is_accepting_it(extract):
    found = events(extract, "The movement said on Tuesday that it welcomed the UN resolution.")
    assert brief(found) == [("acceptance", "actual", "2024-03-05", None)]


def test_revised_maps_answer_the_proposal_on_the_table(extract):
    found = events(extract, "Last week, the Israeli side presented revised maps of its withdrawal.")
    assert brief(found) == [("counterproposal", "actual", "2024-02-28", None)]


def test_talks_said_to_continue_are_a_step_of_their_own(extract):
    found = events(
        extract,
        "The negotiators met in Doha on Monday. The mediators said the discussions would "
        "continue in the coming days.",
    )
    assert [r["stage"] for r in found] == ["talks", "talks"]
    assert brief(found)[0] == ("talks", "actual", "2024-03-04", "Doha")
    assert brief(found)[1][1] != "actual" and brief(found)[1][2:] == (None, None)


def test_talks_mentioned_again_are_the_same_step(extract):
    found = events(
        extract,
        "The negotiators met in Doha on Monday. Hamas is waiting to see what the mediators "
        "will get out of the talks.",
    )
    assert brief(found) == [("talks", "actual", "2024-03-04", "Doha")]


@pytest.mark.parametrize(
    ("body", "modality"),
    [
        ("Hamas will never accept the proposal, its spokesman said.", "actual"),
        ("Israel did not accept the offer.", "actual"),
        ('An official said that Israel "in no case" will accept to end the war.', "actual"),
        ("Hamas denied that it had rejected the proposal.", "negated"),
    ],
)
def test_refusing_to_accept_is_a_rejection_and_its_own_negation_does_not_deny_it(
    extract, body, modality
):
    found = events(extract, body)
    assert [(r["stage"], r["modality"]) for r in found] == [("rejection", modality)]


def test_a_denial_of_one_step_does_not_deny_a_demand_further_on(extract):
    found = events(
        extract,
        "The spokeswoman denied that Israel had agreed to free the senior prisoners Hamas had "
        "demanded.",
    )
    assert ("demand", "actual") in [(r["stage"], r["modality"]) for r in found]


def test_receiving_a_side_is_talks_receiving_a_text_is_not(extract):
    hosted = events(extract, "Egypt received on Tuesday in Cairo the leaders of the movement.")
    assert brief(hosted) == [("talks", "actual", "2024-03-05", "Cairo")]
    assert events(extract, "Hamas said it received the proposal on Tuesday.") == []
    bodies = events(extract, "Israel received the bodies of four hostages on Tuesday.")
    assert "talks" not in [r["stage"] for r in bodies]


def test_meeting_ones_family_is_not_talks(extract):
    found = events(extract, "The envoy met the families of the hostages in Tel Aviv on Monday.")
    assert "talks" not in [r["stage"] for r in found]


def test_at_the_white_house_is_in_washington(extract):
    found = events(extract, "Trump met Netanyahu at the White House on Tuesday.")
    assert brief(found) == [("talks", "actual", "2024-03-05", "Washington")]


def test_agreeing_with_a_side_to_free_a_hostage_is_an_agreement(extract):
    found = events(extract, "Hamas had agreed with Washington to free the soldier.")
    assert [r["stage"] for r in found] == ["agreement"]


def test_it_is_time_for_a_side_to_accept_is_a_demand(extract):
    found = events(extract, '"It is time for Hamas to accept as well," he wrote.')
    assert [r["stage"] for r in found] == ["demand"]


def test_the_month_may_is_not_the_modal(extract):
    found = events(extract, "CAIRO, May 12 (Reuters) - Hamas released the hostage on Monday.")
    assert found and {(r["stage"], r["modality"]) for r in found} == {("implementation", "actual")}


def test_a_passive_with_its_own_agent_after_and_is_another_occasion(extract):
    found = events(
        extract,
        "The plan announced by Biden on May 31 and endorsed by the Security Council holds.",
    )
    assert ("acceptance", "actual", None, None) in brief(found)


@pytest.mark.parametrize(
    ("body", "stages"),
    [
        ("Qatar called on both sides to respect the ceasefire.", ["demand"]),
        ("The envoy pressed Egypt to receive more wounded from Gaza.", ["demand"]),
        ("Blinken called on the Israelis to show restraint.", []),
        ("Biden asked the Israelis on Tuesday to allow aid into Gaza.", ["demand"]),
    ],
)
def test_calls_to_do_a_step_of_the_negotiation_are_demands(extract, body, stages):
    assert [r["stage"] for r in events(extract, body)] == stages


def test_an_exchange_foreseen_for_a_weekday_is_planned(extract):
    found = events(extract, "The fifth exchange is foreseen for Saturday.")
    assert brief(found) == [("implementation", "planned", "2024-03-09", None)]


def test_a_relative_clause_keeps_its_place_and_date_to_itself(extract):
    found = events(
        extract,
        "In January, a deal that seemed close failed, and the families, who rally weekly in "
        "Tel Aviv, asked the government to act.",
    )
    assert ("breakdown", "actual", "2024-01-01", None) in brief(found)


def test_a_relative_clause_on_the_talks_dates_them(extract):
    found = events(
        extract,
        "The negotiations on a truce and the release of the hostages, which resumed on "
        "Saturday in Cairo, ended without a breakthrough.",
    )
    assert ("talks", "actual", "2024-03-02", "Cairo") in brief(found)


def test_approving_a_military_plan_is_no_acceptance(extract):
    found = events(extract, "The cabinet approved on Friday a plan to expand the offensive.")
    assert "acceptance" not in [r["stage"] for r in found]
    found = events(extract, "The cabinet approved on Friday the plan for a truce.")
    assert "acceptance" in [r["stage"] for r in found]


def test_not_abandoning_mediation_is_a_negated_breakdown(extract):
    found = events(extract, "The emir assured that Qatar will not abandon its mediation.")
    assert [(r["stage"], r["modality"]) for r in found] == [("breakdown", "negated")]


def test_rejecting_a_displacement_plan_is_a_rejection(extract):
    found = extract(
        "Jordan and Egypt rejected on Sunday any displacement of the Palestinians from their land.",
        kind="event",
    )
    assert [e["stage"] for e in found] == ["rejection"]


def test_a_release_due_on_a_weekday_is_dated_forward(extract):
    # Published on a Thursday: "due to be freed on Saturday" is the coming Saturday, while
    # "were freed on Saturday" is the one before.
    thursday = date(2025, 2, 13)
    found = events(
        extract, "The three hostages due to be freed on Saturday will be released.", thursday
    )
    assert [(e["stage"], e["date"]) for e in found] == [("implementation", "2025-02-15")]
    found = events(extract, "Three hostages were freed on Saturday.", thursday)
    assert [(e["stage"], e["date"]) for e in found] == [("implementation", "2025-02-08")]


def test_a_demonstration_takes_place_where_people_gathered(extract):
    found = events(
        extract,
        "On Saturday thousands of people demonstrated in Tel Aviv, demanding a deal to "
        "free the hostages.",
    )
    assert ("demand", "2024-03-02", "Tel Aviv") in [
        (e["stage"], e["date"], e["place"]) for e in found
    ]
    # Where people are held is not where the event is.
    found = events(extract, "Hamas demanded a truce for the hostages held in Gaza City.")
    assert [e["place"] for e in found] == [None]


def test_a_participle_of_presence_tells_where_and_when(extract):
    found = events(
        extract,
        "The Egyptian president on Sunday presented a new truce plan, speaking beside King "
        "Abdullah in Amman after the two leaders held talks.",
    )
    assert brief(found) == [
        ("proposal", "actual", "2024-03-03", "Amman"),
        ("talks", "actual", "2024-03-03", "Amman"),
    ]
    # Without the participle, the second clause is an occasion of its own.
    found = events(
        extract,
        "The Egyptian president on Sunday presented a new truce plan, while in Amman the "
        "two leaders held talks.",
    )
    assert ("proposal", "actual", "2024-03-03", None) in brief(found)


def test_an_ultimatum_is_a_demand_dated_when_it_was_made(extract):
    found = events(
        extract,
        "On Monday the minister warned that if Hamas does not free the captives by Friday "
        "noon, the army will resume the offensive.",
    )
    assert [(e["stage"], e["date"]) for e in found] == [("demand", "2024-03-04")]
    found = events(
        extract, "Unless the hostages are released by 10 March, there will be no truce, he said."
    )
    assert [e["stage"] for e in found][:1] == ["demand"]
    assert "2024-03-10" not in [e["date"] for e in found]  # a deadline, not the day of it
    found = events(
        extract, "By Saturday Hamas must release the hostages, the president said on Monday."
    )
    assert [(e["stage"], e["date"]) for e in found] == [("demand", None)]
    found = events(
        extract, "Hamas must release the hostages by noon on Saturday, the president said."
    )
    assert [(e["stage"], e["date"]) for e in found] == [("demand", None)]


def test_a_meeting_of_one_government_is_no_round_of_talks(extract):
    found = events(extract, "After a meeting of the war cabinet on Sunday, Israel said nothing.")
    assert [e["stage"] for e in found] == []
    found = events(extract, "After a meeting of the mediators on Sunday, Israel said nothing.")
    assert [e["stage"] for e in found] == ["talks"]


@pytest.mark.parametrize(
    "body",
    [
        "Hamas agrees to the Egyptian proposal for a truce.",
        "Israel is accepting the new offer, an official said.",
        "The ministers voted on Sunday, approving the framework for a ceasefire.",
    ],
)
def test_present_forms_of_acceptance(extract, body):
    assert "acceptance" in [e["stage"] for e in events(extract, body)]


def test_a_condition_trailing_another_step_is_no_ultimatum(extract):
    found = events(
        extract,
        "The minister ordered the army on Monday to draw up plans for a wider offensive if "
        "the movement does not respect the truce.",
    )
    assert "demand" not in [e["stage"] for e in found]
    found = events(
        extract,
        "The president warned on Monday that there would be a heavy price if the captives "
        "are not released before the summit.",
    )
    assert [(e["stage"], e["date"]) for e in found] == [("demand", "2024-03-04")]
    found = events(
        extract,
        "The envoy, who has warned Hamas before, said Israel would draw up plans for an "
        "offensive if the movement does not respect the truce.",
    )
    assert "demand" not in [e["stage"] for e in found]


def test_a_reported_ultimatum_takes_the_date_of_its_report(extract):
    found = events(
        extract,
        "Egypt rejected the plan on Sunday, while the envoy warned on Monday that if "
        "Hamas does not disarm, the truce will end.",
    )
    assert ("demand", "actual", "2024-03-04", None) in brief(found)


def test_leaving_in_protest_against_a_deal_is_a_rejection(extract):
    found = events(
        extract,
        "The police minister resigned on Sunday in protest against the ceasefire agreement, "
        "and his party demands that the offensive resume.",
    )
    assert brief(found) == [
        ("rejection", "actual", "2024-03-03", None),
        ("demand", "actual", None, None),
    ]


def test_a_step_told_with_the_talks_shares_their_occasion(extract):
    found = events(
        extract,
        "Three days of talks in Cairo ended on Monday, with the Egyptians presenting a new "
        "proposal to both sides.",
    )
    assert brief(found) == [
        ("talks", "actual", "2024-03-04", "Cairo"),
        ("proposal", "actual", "2024-03-04", "Cairo"),
    ]
    # A noun in -ing after "with" tells no step on that occasion.
    from briefing.events import _present

    text = "The talks ended, with the fighting in Gaza going on."
    assert not _present(text, (text.index(","), len(text)))
    text = "The talks ended, with Egypt presenting a new proposal."
    assert _present(text, (text.index(","), len(text)))


def test_a_future_reported_with_would_is_planned(extract):
    found = events(
        extract,
        "The mediators said in a statement that the delegations would meet again in Doha "
        "next week.",
    )
    assert [(e["stage"], e["modality"]) for e in found] == [("talks", "planned")]
    found = events(
        extract,
        "The official said Israel would accept the deal if the hostages were freed first.",
    )
    assert [(e["stage"], e["modality"]) for e in found] == [("acceptance", "hypothetical")]
    found = events(extract, "Without guarantees, the delegations would meet again in Doha.")
    assert [(e["stage"], e["modality"]) for e in found] == [("talks", "hypothetical")]
    found = events(
        extract,
        "The mediators said the delegations would meet again in Doha as long as the strikes stop.",
    )
    assert [(e["stage"], e["modality"]) for e in found] == [("talks", "hypothetical")]


def test_a_trigger_that_makes_no_event_leaves_its_clause_to_the_next(extract):
    # The government meeting by itself is no round of talks; what it is due to do is.
    found = events(extract, "The government is due to meet on Friday to approve the agreement.")
    assert brief(found) == [("acceptance", "planned", "2024-03-08", None)]


def test_a_truce_in_force_since_a_date_took_effect_that_day(extract):
    found = events(extract, "The truce, in force since 24 November, allowed aid convoys in.")
    assert brief(found) == [("implementation", "actual", "2023-11-24", None)]
    found = events(
        extract,
        "Since the truce took effect on 2 March, 40 hostages have been freed.",
        published=date(2024, 3, 20),
    )
    assert ("implementation", "actual", "2024-03-02", None) in brief(found)


def test_what_a_side_must_accept_is_demanded_of_it(extract):
    found = events(extract, "The envoy said on Sunday that Hamas must accept the deal.")
    assert brief(found) == [("demand", "actual", "2024-03-03", None)]


def test_a_cabinet_that_describes_a_person_does_not_hide_the_talks(extract):
    found = events(
        extract,
        "Benny Gantz, a member of the war cabinet, was received on Monday in Washington "
        "by the vice-president.",
    )
    assert brief(found) == [("talks", "actual", "2024-03-04", "Washington")]
    found = events(extract, "The war cabinet met on Monday in Jerusalem.")
    assert brief(found) == []


def test_refusing_to_negotiate_until_something_happens_is_a_demand(extract):
    found = events(
        extract, "The movement said it will hold no talks on a new exchange until the raids stop."
    )
    assert [(e["stage"], e["modality"]) for e in found] == [("demand", "actual")]
    found = events(extract, "Israel says it will not stop fighting until Hamas is disarmed.")
    assert [e["stage"] for e in found] == ["demand"]
    found = events(extract, "The movement said it will hold no talks with Israel.")
    assert [(e["stage"], e["modality"]) for e in found] == [("talks", "negated")]


@pytest.mark.parametrize(
    "body",
    [
        "Late on Sunday, Qatar announced that an understanding had been reached.",
        "The two sides reached an understanding on Sunday.",
        "On Sunday a deal has been reached, officials said.",
    ],
)
def test_an_understanding_reached_is_an_agreement(extract, body):
    assert [(e["stage"], e["date"]) for e in events(extract, body)] == [("agreement", "2024-03-03")]


@pytest.mark.parametrize(
    "body",
    [
        "Hamas accuses Israel of having broken the agreement.",
        "Israel said Hamas had reneged on its commitments under the deal.",
    ],
)
def test_breaking_or_reneging_on_a_deal_is_a_violation(extract, body):
    assert [e["stage"] for e in events(extract, body)] == ["violation"]


def test_a_position_against_a_plan_is_a_rejection(extract):
    found = events(
        extract, "The king wrote that his country's position against the plan is unchanged."
    )
    assert [e["stage"] for e in found] == ["rejection"]


def test_a_delegation_going_somewhere_goes_for_talks(extract):
    found = events(extract, "His office said a delegation will go to Cairo on Saturday.")
    assert brief(found) == [("talks", "planned", "2024-03-09", "Cairo")]


def test_a_headline_step_joins_the_lead_that_tells_it_in_full():
    from briefing.articles import parse_article
    from briefing.extract import extract_article
    from briefing.records import to_dict

    article = parse_article(
        "Israel and Hamas sign truce deal; hostages to go free\n\n"
        "Israel and Hamas signed an agreement on Thursday in Doha after a week of talks. "
        "Last month the two sides came close to a deal, which collapsed in Cairo.",
        "t",
    )
    article.published = date(2024, 3, 8)
    found = [to_dict(r) for r in extract_article(article) if r.__class__.__name__ == "EventRecord"]
    agreements = [(e["date"], e["place"], e["text"]) for e in found if e["stage"] == "agreement"]
    # One agreement, traced to the lead's full sentence rather than to the headline's words.
    assert agreements == [
        (
            "2024-03-07",
            "Doha",
            "Israel and Hamas signed an agreement on Thursday in Doha after a week of talks",
        )
    ]
    assert [e["start"] for e in found] == sorted(e["start"] for e in found)


def test_what_should_have_happened_did_not(extract):
    found = events(
        extract,
        "The negotiations on the second phase, which should have started on 3 March, have "
        "not yet really begun.",
    )
    assert [(e["stage"], e["modality"]) for e in found] == [("talks", "negated")]
    found = events(extract, "The talks should resume on Monday, officials said.")
    assert [(e["stage"], e["modality"]) for e in found] == [("talks", "hypothetical")]
    # What should have happened is another clause's step, not the acceptance.
    found = events(extract, "Hamas accepted the deal, which Israel should have rejected.")
    assert ("acceptance", "actual") in [(e["stage"], e["modality"]) for e in found]


def test_a_list_of_conditions_is_a_demand(extract):
    found = events(
        extract,
        "On Sunday the prime minister published a list of five conditions for any deal.",
    )
    assert brief(found)[:1] == [("demand", "actual", "2024-03-03", None)]


def test_derailing_the_talks_is_a_breakdown(extract):
    found = events(extract, "The strike on Monday derailed the negotiations, Qatar said.")
    assert [(e["stage"], e["modality"]) for e in found] == [("breakdown", "actual")]


def test_a_day_counted_from_the_last_one_reported(extract):
    found = events(
        extract,
        "On 14 February the envoy handed Hamas a draft. Four days later the movement "
        "delivered its answer.",
    )
    assert ("counterproposal", "actual", "2024-02-18", None) in brief(found)
    # A day named in the step's own words wins over a count in a clause about another step.
    found = events(
        extract,
        "On 29 February Hamas accepted a proposal which Egypt had put to it two days earlier.",
    )
    assert brief(found)[0] == ("acceptance", "actual", "2024-02-29", None)


def test_no_releases_until_something_happens_is_a_demand(extract):
    found = events(extract, "Hamas insists that no more hostages will be freed until the war ends.")
    assert [(e["stage"], e["modality"]) for e in found] == [("demand", "actual")]
    found = events(extract, "No more hostages were freed on Sunday.")
    assert [(e["stage"], e["modality"]) for e in found] == [("implementation", "negated")]


def test_a_place_in_what_is_demanded_is_not_where_the_demand_was_made(extract):
    found = events(extract, "Israel demands full freedom of military action in Lebanon.")
    assert brief(found) == [("demand", "actual", None, None)]
    found = events(extract, "In Cairo, Hamas demanded a full withdrawal.")
    assert brief(found) == [("demand", "actual", None, "Cairo")]


def test_a_step_named_in_an_opening_phrase_gives_way_to_the_clause(extract):
    found = events(
        extract,
        "In its reply on Friday evening, Hamas said it agreed to release all the captives.",
    )
    assert brief(found) == [("acceptance", "actual", "2024-03-01", None)]
    found = events(
        extract,
        "In early March Hamas had accepted a proposal to start talks, dropping a demand.",
    )
    assert ("acceptance", "actual", "2024-03-01", None) in brief(found)


@pytest.mark.parametrize(
    "body",
    [
        "On Friday morning, Trump gave Hamas until Sunday evening to accept his plan.",
        "The families called on the government to open negotiations immediately.",
        "Israel must stop the bombing now, the president wrote.",
        'Trump said Hamas had "three or four days" to respond to the plan.',
        "Blinken stressed the need for an immediate ceasefire of at least six weeks.",
        "Israel said the withdrawal was conditional on the Lebanese army deploying.",
    ],
)
def test_deadlines_calls_and_musts_are_demands(extract, body):
    assert [e["stage"] for e in events(extract, body)][:1] == ["demand"]


def test_a_call_for_restraint_is_no_negotiation_demand(extract):
    found = events(extract, "Blinken called on the Israelis to show restraint.")
    assert [e["stage"] for e in found] == []


def test_people_who_had_arrived_somewhere_are_described_not_meeting(extract):
    found = events(
        extract,
        "Soldiers opened fire on suspects who had arrived in vehicles in the south, which the "
        "army called a breach of the agreement.",
    )
    assert [e["stage"] for e in found] == ["violation"]


def test_a_truce_which_began_on_a_day_is_dated_by_its_start(extract):
    found = events(
        extract,
        "The first phase of the truce, which began on 19 January, ends on Saturday.",
        published=date(2025, 2, 27),
    )
    assert brief(found) == [("implementation", "actual", "2025-01-19", None)]


def test_vehicles_and_freed_prisoners_arriving_make_no_visit(extract):
    found = events(extract, "Buses carrying the freed prisoners arrived in Ramallah on Monday.")
    assert "talks" not in [e["stage"] for e in found]
    found = events(extract, "Aid envoy David Satterfield arrived in Cairo on Monday for talks.")
    assert brief(found) == [("talks", "actual", "2024-03-04", "Cairo")]
    found = events(extract, "Israel is sending a delegation to Cairo today for talks.")
    assert brief(found) == [("talks", "planned", "2024-03-06", "Cairo")]


def test_a_deal_named_in_passing_keeps_its_place_to_itself(extract):
    found = events(
        extract,
        "Israel halted all deliveries into Gaza on 2 March, a step Hamas called a violation "
        "of the agreement reached in Doha on 15 January.",
        published=date(2025, 4, 18),
    )
    assert ("violation", "actual", "2025-03-02", "Gaza Strip") in brief(found)
    assert ("agreement", "actual", "2025-01-15", "Doha") in brief(found)
    found = events(extract, "Talks concluded in Cairo on Monday without a breakthrough.")
    assert brief(found) == [("talks", "actual", "2024-03-04", "Cairo")]


@pytest.mark.parametrize(
    "body",
    [
        "On Sunday the prime minister told his cabinet that Hamas would have to lay down its "
        "weapons.",
        "In a video statement on Sunday, the prime minister insisted that Hamas would be disarmed.",
    ],
)
def test_what_a_side_would_have_to_do_is_demanded(extract, body):
    assert [(e["stage"], e["date"]) for e in events(extract, body)] == [("demand", "2024-03-03")]


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        ("18 March – Israel resumes air strikes across Gaza, ending the ceasefire.", "breakdown"),
        ("The Rafah crossing reopened on Monday for the wounded.", "implementation"),
    ],
)
def test_timeline_present_and_crossings(extract, body, stage):
    assert stage in [e["stage"] for e in events(extract, body)]


def test_the_day_after_an_event_is_no_day_counted(extract):
    found = events(
        extract,
        "On 18 February he gave the prime minister until 8 March to approve a plan for the "
        "day after the war.",
        published=date(2024, 3, 9),
    )
    assert brief(found) == [("demand", "actual", "2024-02-18", None)]
    found = events(
        extract, "The envoy met Sisi in Cairo on Monday. The day after, he met the Emir in Doha."
    )
    assert ("talks", "actual", "2024-03-05", "Doha") in brief(found)


def test_hostages_freed_by_special_units_were_rescued_not_released(extract):
    found = events(extract, "Israeli special units freed on Saturday four hostages in Nuseirat.")
    assert "implementation" not in [e["stage"] for e in found]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Under the 20-point plan, which Trump presented at the White House on Monday,"
            " Hamas would disarm.",
            [("proposal", "2024-03-04", "Washington")],
        ),
        (
            "Hamas rejected a proposal which Egypt and Qatar had put to it on Monday.",
            [("rejection", None, None), ("proposal", "2024-03-04", None)],
        ),
        ("The plan that the minister described was vague.", []),
        (  # the same step told in the passive
            "The framework had been drawn up on Monday in Paris by the CIA director.",
            [("proposal", "2024-03-04", "Paris")],
        ),
        ("The plan was rejected by Hamas on Monday.", [("rejection", "2024-03-04", None)]),
        (  # a document makes a proposal in a passage about the truce
            "Hamas is studying the truce terms. The document was passed to it on Monday.",
            [("proposal", "2024-03-04", None)],
        ),
    ],
)
def test_a_step_told_in_a_relative_clause(extract, body, expected):
    found = events(extract, body)
    assert [(r["stage"], r["date"], r["place"]) for r in found] == expected


@pytest.mark.parametrize(
    "body",
    [
        "An Israeli delegation has been in Doha since Monday for the first talks since the"
        " truce expired on 1 March.",
        "Israeli technical teams have been in the Qatari capital since Monday, an official said.",
        "A Hamas delegation has been holding talks in Doha since Monday with Qatari officials.",
    ],
)
def test_a_delegation_staying_somewhere_since_a_day_is_talks_from_that_day(extract, body):
    found = events(extract, body, published=date(2025, 3, 14))
    assert [(r["stage"], r["date"], r["place"]) for r in found][:1] == [
        ("talks", "2025-03-10", "Doha")
    ]


def test_expected_to_take_effect_on_friday_looks_forward(extract):
    """A participle before "to" ("is expected to") is no past tense; "was expected to" is."""
    thursday = date(2025, 10, 9)
    found = events(extract, "The ceasefire is expected to take effect on Friday.", thursday)
    assert brief(found) == [("implementation", "planned", "2025-10-10", None)]
    found = events(
        extract, "The ceasefire was expected to take effect on Friday, but it slipped.", thursday
    )
    assert [r["date"] for r in found] == ["2025-10-03"]


def test_a_phase_that_ran_out_without_agreement_is_no_breakdown(extract):
    found = events(
        extract,
        "The first phase of the truce expired on March 1 without agreement on the second.",
        published=date(2025, 3, 14),
    )
    assert brief(found) == [("agreement", "negated", "2025-03-01", None)]
    found = events(
        extract,
        "The first phase expired on Saturday without Israel and Hamas having agreed the terms.",
        published=date(2025, 3, 3),
    )
    assert brief(found) == [("agreement", "negated", "2025-03-01", None)]
    found = events(extract, "The truce expired on March 1.", published=date(2025, 3, 14))
    assert brief(found) == [("breakdown", "actual", "2025-03-01", None)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "On Tuesday the office said that the negotiating team was being recalled from Doha.",
            [("breakdown", "actual", "2024-03-05", "Doha")],
        ),
        (
            "Ministers from 30 countries failed to agree on a joint statement in Cairo on Monday.",
            [("agreement", "negated", "2024-03-04", "Cairo")],
        ),
        (
            "On Monday, Russia and China vetoed a US draft resolution.",
            [("rejection", "actual", "2024-03-04", None)],
        ),
        ("A Russian amendment was voted down.", [("rejection", "actual", None, None)]),
        (
            "A Russian amendment that would have restored the wording was blocked by an"
            " American veto.",
            [("rejection", "actual", None, None)],
        ),
        (
            "In an article published on Monday he set three conditions for peace: Hamas must"
            " be destroyed and Gaza demilitarised.",
            [("demand", "actual", "2024-03-04", None)],
        ),
        (
            "Israel wants the hostages freed first. Hamas rejects that.",
            [("rejection", "actual", None, None)],
        ),
        (
            "The negotiating team met the mediators in Doha on Monday.",
            [("talks", "actual", "2024-03-04", "Doha")],
        ),
    ],
)
def test_recalls_failures_vetoes_and_a_rejection_of_that(extract, body, expected):
    assert brief(events(extract, body)) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Hamas released a statement calling on the international community to act.",
        "Hamas released two statements on Friday about the talks.",
        "Israel freed hundreds of acres of land for aid.",
    ],
)
def test_releasing_statements_or_land_is_no_release_of_people(extract, body):
    assert "implementation" not in [r["stage"] for r in events(extract, body)]


def test_a_release_of_people_counted_in_words_and_a_renewed_call(extract):
    found = events(
        extract,
        "On Friday, Hamas had released two US citizens, a mother and her daughter. "
        "Guterres renewed his call for an immediate humanitarian ceasefire.",
    )
    assert [(r["stage"], r["date"]) for r in found] == [
        ("implementation", "2024-03-01"),
        ("demand", None),
    ]


def test_talks_under_way_when_reported_take_the_report_date_and_place(extract):
    found = events(
        extract,
        "Majed al-Ansari told reporters in Doha on Tuesday that the negotiations were continuing.",
    )
    assert brief(found) == [("talks", "actual", "2024-03-05", "Doha")]


def test_a_since_date_bounds_its_phrase(extract):
    """ "since October" ends at its date: "in Cairo on Thursday" are the step's own."""
    found = events(
        extract,
        "Blinken ended his fourth trip since October in Cairo on Thursday, where he met Sisi.",
        published=date(2024, 1, 13),
    )
    assert brief(found) == [("talks", "actual", "2024-01-11", "Cairo")]
    found = events(
        extract,
        "The ministry said 1,691 people had been killed since 18 March, when Israel resumed"
        " its offensive and the truce collapsed.",
        published=date(2025, 4, 20),
    )
    assert brief(found) == [("breakdown", "actual", "2025-03-18", None)]
    found = events(
        extract,
        "Since the ceasefire took effect on 19 January, Hamas has freed 33 hostages.",
        published=date(2025, 2, 13),
    )
    assert brief(found)[:1] == [("implementation", "actual", "2025-01-19", None)]


def test_a_refusal_until_is_a_demand_dated_when_stated(extract):
    found = events(
        extract,
        "Haniyeh said in a statement on Thursday that the movement would not discuss any new"
        " exchange «until the aggression stops completely».",
        published=date(2023, 12, 26),
    )
    assert brief(found) == [("demand", "actual", "2023-12-21", None)]


def test_a_decision_that_a_delegation_would_not_travel_is_negated_talks(extract):
    found = events(
        extract,
        "Netanyahu decided on Monday that the delegation would not travel to Washington.",
    )
    assert brief(found) == [("talks", "negated", "2024-03-04", "Washington")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # "was held in" tells where the round was, not where the hostages are
            "The latest round of talks on the release of the hostages was held in Cairo.",
            [("talks", "actual", None, "Cairo")],
        ),
        (  # what is rejected is no demand of its own
            'Israel will not give in to Hamas\'s "delusional demands".',
            [("rejection", "actual", None, None)],
        ),
        ("Hamas rejected Israel's demands for disarmament.", [("rejection", "actual", None, None)]),
        (
            "Israel rejected the proposal, and Hamas demands a full withdrawal.",
            [("rejection", "actual", None, None), ("demand", "actual", None, None)],
        ),
        (  # mediation that freed them tells how, not a round of talks
            "Two women were freed for humanitarian reasons, following mediation by Qatar.",
            [("implementation", "actual", None, None)],
        ),
    ],
)
def test_venues_objects_of_a_rejection_and_mediation_as_manner(extract, body, expected):
    assert brief(events(extract, body)) == expected


def test_a_stance_in_a_later_that_clause_is_dated_and_placed_by_its_report(extract):
    found = events(
        extract,
        "Al-Ansari told reporters in Doha on Tuesday that the negotiations were continuing and"
        " that Qatar welcomed the resolution.",
    )
    assert brief(found) == [
        ("talks", "actual", "2024-03-05", "Doha"),
        ("acceptance", "actual", "2024-03-05", "Doha"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "A WHO team has been in northern Gaza since Monday.",
        "The delegation, one member recalled, waited for hours.",
        "The court set conditions for his bail.",
        "Residents had only hours to respond to the evacuation order.",
        "The doctor stressed the need for more blood donations.",
        "Israel launched the operation without agreement from Washington.",
    ],
)
def test_cues_of_talks_recalls_demands_and_failed_deals_need_their_context(extract, body):
    assert events(extract, body) == []


def test_a_gap_in_a_cue_does_not_cross_a_comma(extract):
    found = events(
        extract, "Israel struck Gaza without warning, having agreed to a truce days earlier."
    )
    assert [(r["stage"], r["modality"]) for r in found] == [("agreement", "actual")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Israel's evacuation plan, which the army announced on Monday, orders residents out.", []),
        (
            "The offer which Hamas rejected on Monday was presented by Egypt.",
            [("proposal", "actual", None, None), ("rejection", "actual", "2024-03-04", None)],
        ),
        (
            "An official said on Thursday that the delegation was planning to travel to Cairo.",
            [("talks", "planned", None, "Cairo")],
        ),
    ],
)
def test_relative_steps_need_a_deal_and_intentions_are_not_under_way(extract, body, expected):
    assert brief(events(extract, body)) == expected


def test_a_title_case_headline_keeps_its_goal_words(extract):
    assert events(extract, "Netanyahu Seeks To Sign Hostage Deal Before Ramadan") == []


def test_a_release_promised_only_if_is_a_demand_not_a_release(extract):
    found = events(extract, "Hamas says it will release them only if Israel leaves the Gaza Strip.")
    assert [r["stage"] for r in found] == ["demand"]


def test_what_a_delay_would_be_is_hypothetical(extract):
    found = events(
        extract,
        "Hezbollah warned that any Israeli delay would be ”a flagrant violation” of the deal.",
    )
    assert [(r["stage"], r["modality"]) for r in found] == [("violation", "hypothetical")]


def test_those_talks_are_the_talks_told_before(extract):
    found = events(
        extract,
        "The deal followed talks in Doha with US officials. Israel was not part of those talks.",
    )
    assert brief(found) == [("talks", "actual", None, "Doha")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The truce, brokered by Qatar, took effect on 24 November, was extended twice and "
            "collapsed on 1 December.",
            [
                ("implementation", "actual", "2023-11-24", None),
                ("extension", "actual", None, None),
                ("breakdown", "actual", "2023-12-01", None),
            ],
        ),
        (
            "The ceasefire began on Sunday and was extended on Tuesday.",
            [
                ("implementation", "actual", "2024-03-03", None),
                ("extension", "actual", "2024-03-05", None),
            ],
        ),
    ],
)
def test_a_chain_of_predicates_shares_its_subject_and_not_its_dates(extract, body, expected):
    published = date(2023, 12, 26) if "November" in body else WEDNESDAY
    assert brief(events(extract, body, published)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "UN Secretary-General Antonio Guterres called on 16 August for polio pauses.",
            [("demand", "actual", "2023-08-16", None)],  # the August before
        ),
        ("UNICEF made the same request on Monday.", [("demand", "actual", "2024-03-04", None)]),
        (
            # an extension of nothing named: no step (with "of the truce" it is one)
            "The government of Najib Mikati confirmed the extension on Sunday.",
            [],
        ),
        ("He asked for forgiveness from the families.", []),
        ("The office confirmed the arrangement.", []),
    ],
)
def test_calls_requests_and_confirmed_extensions(extract, body, expected):
    assert brief(events(extract, body)) == expected


def test_leaders_meeting_somewhere_hold_talks_and_a_rival_draft_answers_a_draft(extract):
    found = events(extract, "Arab leaders meeting in Cairo on Tuesday endorsed the Egyptian plan.")
    assert [(r["stage"], r["date"], r["place"]) for r in found] == [
        ("talks", "2024-03-05", "Cairo"),
        ("acceptance", "2024-03-05", "Cairo"),
    ]
    found = events(extract, "Moscow had circulated a rival draft last week.")
    assert [r["stage"] for r in found] == ["counterproposal"]


def test_a_timeline_in_the_present_frees_and_a_text_that_foresees_holds_terms(extract):
    found = events(extract, "12 May – Hamas frees Edan Alexander, the last living hostage.")
    assert brief(found) == [("implementation", "actual", "2023-05-12", None)]
    found = events(
        extract,
        "The text, transmitted by Washington through the mediators, foresees that Hamas frees "
        "the 48 hostages on the first day.",
    )
    assert [r["stage"] for r in found] == []


def test_an_extension_announced_as_a_noun_is_an_extension(extract):
    found = events(
        extract,
        "2 August – Grundberg announces a second two-month extension, until 2 October, with a "
        "commitment by both sides to negotiate an expanded truce.",
        published=date(2022, 10, 3),
    )
    assert ("extension", "actual", "2022-08-02", None) in brief(found)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Saudi Arabia and the United States announced on Thursday that they had suspended "
            "the talks.",
            [("breakdown", "actual", "2024-02-29", None)],
        ),
        (
            "The army accused the Rapid Support Forces of not respecting the truce.",
            [("violation", "actual", None, None)],
        ),
        (
            "Hamas accused Israel of failing to comply with the ceasefire agreement.",
            [("violation", "actual", None, None)],
        ),
    ],
)
def test_suspended_talks_and_terms_not_kept(extract, body, expected):
    assert brief(events(extract, body)) == expected


def test_would_be_before_a_participle_is_a_passive_not_an_assessment(extract):
    found = events(
        extract, "Riyadh and Washington announced on Monday that the ceasefire would be extended."
    )
    assert [(r["stage"], r["modality"]) for r in found] == [("extension", "planned")]


def test_talks_named_only_as_a_topic_are_no_round_of_talks(extract):
    assert events(extract, "Where this leaves the talks is unclear.") == []
    assert events(extract, "The wider negotiations on a new exchange remain blocked.") == []
    found = events(extract, "Talks between Israel and Hamas stalled.")
    assert [(r["stage"], r["actors"]) for r in found] == [("talks", ["Israel", "Hamas"])]


def test_every_step_an_offer_holds_is_a_term_of_it(extract):
    found = events(
        extract,
        "Hamas replied with an offer to free only Alexander and to hand over the bodies of four "
        "hostages.",
    )
    assert [r["stage"] for r in found] == ["counterproposal"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("It also renewed its agreement to hand over the administration of Gaza.", []),
        ("Hamas handed over its answer to the mediators.", ["counterproposal"]),
        ("The mediators renewed the truce for two more days.", ["extension"]),
        ("Hamas will hand over three hostages to the Red Cross on Saturday.", ["implementation"]),
    ],
)
def test_what_is_handed_over_or_renewed_decides_the_step(extract, body, expected):
    assert [r["stage"] for r in events(extract, body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Weeks after the ceasefire with Hezbollah took hold, the Lebanese parliament met in "
            "Beirut on Thursday, and approved the appointment of a new army chief.",
            ["implementation", "talks"],
        ),
        ("The agreement was signed and took effect on Sunday.", None),
    ],
)
def test_a_verb_with_its_own_object_is_no_link_of_a_chain(extract, body, expected):
    found = events(extract, body)
    if expected is not None:
        assert "acceptance" not in [r["stage"] for r in found]
    else:  # a date both verbs share stays with both
        assert [(r["stage"], r["date"]) for r in found] == [
            ("agreement", "2024-03-03"),
            ("implementation", "2024-03-03"),
        ]


@pytest.mark.parametrize(
    ("body", "date_"),
    [
        ("Israel said on Monday that it had released 30 prisoners in November.", "2023-11-01"),
        ("Hamas said on Monday that it had handed over four hostages on Thursday.", "2024-02-29"),
        ("The Houthis said on Friday that they would extend the truce.", None),
    ],
)
def test_a_step_reported_by_its_author_keeps_a_date_of_its_own(extract, body, date_):
    assert [r["date"] for r in events(extract, body)] == [date_]


@pytest.mark.parametrize(
    "body",
    [
        "The UN called on residents of Rafah for patience.",
        "The ministry requests that journalists register before entering the hospital.",
        "A court in Tel Aviv frees a settler accused of attacking Palestinians.",
        "The deal frees up 6 billion dollars in Iranian funds.",
        "The court gave Israel a one-month extension to respond.",
        "Sanctions on Hamas officials will remain in force until the hostages are released.",
        "Health ministers meeting in Geneva discussed the polio campaign.",
    ],
)
def test_cue_words_out_of_the_negotiations_make_no_step(extract, body):
    assert events(extract, body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Israel must immediately stop the bombing of Gaza, he added.", ["demand"]),
        ("The WHO said hospitals must immediately stop admitting new patients.", []),
        ("The forum urged the government to respond firmly to the hostage deal delay.", ["demand"]),
        ("Residents were urged not to move from their shelters.", []),
        ("The minister told reporters to accept the result.", []),
        ("Israel told the mediators it refused to release Marwan Barghouti.", ["rejection"]),
    ],
)
def test_a_side_told_what_to_do_is_asked_for_it(extract, body, expected):
    assert [r["stage"] for r in events(extract, body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The bilateral ceasefire was signed in Havana on 9 June.",
            [("agreement", "actual", "2023-06-09", "Havana")],
        ),
        (
            "The truce was agreed on Tuesday in Luanda, at a meeting of the two ministers.",
            [("agreement", "actual", "2024-03-05", "Luanda")],
        ),
        ("The minister said it was agreed that schools would reopen on Sunday.", []),
        (
            "The Jeddah talks ended without agreeing on a ceasefire.",
            [("agreement", "negated", None, "Jeddah")],
        ),
    ],
)
def test_agreements_told_in_the_passive_or_failed(extract, body, expected):
    assert brief(events(extract, body)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Agam Berger was held captive until she was released on Thursday.", ["implementation"]),
        ("Israel released 30 security prisoners on Monday.", ["implementation"]),
        ("Israel and Hamas renewed their truce agreement on Monday for two days.", ["extension"]),
        (
            "After the plan was approved, Hamas began on Sunday to hand over the first hostages.",
            ["acceptance", "implementation"],
        ),
    ],
)
def test_releases_and_extensions_the_review_found_lost(extract, body, expected):
    assert [r["stage"] for r in events(extract, body)] == expected


def test_close_to_agreeing_is_not_yet_an_agreement(extract):
    found = events(extract, "Negotiators were close to agreeing on a deal, officials said.")
    assert [(r["stage"], r["modality"]) for r in found] == [("agreement", "hypothetical")]


def test_a_release_by_another_side_lends_no_place(extract):
    found = events(
        extract,
        "Israel freed 30 prisoners on Sunday. The Houthis freed 50 detainees in Aden on Sunday.",
    )
    assert [r["place"] for r in found if r["actors"][:1] == ["Israel"]] == [None]
