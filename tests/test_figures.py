"""The figures ledger: the hard cases of this news, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest


def figures(extract, body, **kwargs):
    return extract(body, kind="figure", **kwargs)


def one(extract, body, **kwargs):
    found = figures(extract, body, **kwargs)
    assert len(found) == 1, found
    return found[0]


def summary(records):
    return [(r["measure"], r["low"], r["high"], r["qualifier"]) for r in records]


def test_two_measures_in_one_clause(extract):
    found = figures(
        extract, "Gunmen shot dead 45 villagers and seized 12 hostages near the border."
    )
    assert summary(found) == [
        ("killed", 45, 45, "exact"),
        ("hostages_taken", 12, 12, "exact"),
    ]


def test_held_versus_dead_through_of_whom(extract):
    found = figures(
        extract, "Officials said 87 hostages are still held, 31 of whom are believed dead."
    )
    assert [r["measure"] for r in found] == ["hostages_held", "hostages_dead"]
    assert [r["low"] for r in found] == [87, 31]


def test_measure_carries_across_coordination(extract):
    found = figures(
        extract, "The exchange freed 16 hostages and 48 Palestinian detainees on Sunday."
    )
    assert summary(found) == [
        ("hostages_released", 16, 16, "exact"),
        ("prisoners_released", 48, 48, "exact"),
    ]


def test_list_after_a_dash_inherits_the_measure(extract):
    found = figures(extract, "In all, 60 hostages were freed – 41 Israelis and 19 Thai workers.")
    assert [r["measure"] for r in found] == ["hostages_released"] * 3
    assert [r["low"] for r in found] == [60, 41, 19]


def test_european_thousands_dot_and_qualifier(extract):
    record = one(extract, "At least 31.045 people have been killed in Gaza since October 7.")
    assert (record["low"], record["qualifier"], record["scope"]) == (
        31045,
        "at_least",
        "cumulative",
    )
    assert record["text"] == "At least 31.045"


def test_range_and_proposed_terms(extract):
    found = figures(
        extract,
        "Under the draft, between 400 and 600 prisoners would be freed in return for 30-35"
        " hostages.",
    )
    assert summary(found) == [
        ("prisoners_released", 400, 600, "range"),
        ("hostages_released", 30, 35, "range"),
    ]
    assert {r["status"] for r in found} == {"proposed"}


def test_vague_amount_is_an_approximate_range(extract):
    record = one(extract, "Tens of thousands of displaced families crowded into tents.")
    assert (record["measure"], record["low"], record["high"]) == ("displaced", 20000, 99999)
    assert record["qualifier"] == "approximately"


def test_durations_in_days(extract):
    record = one(extract, "The mediators floated a two-week pause in the fighting.")
    assert (record["measure"], record["low"], record["unit"]) == ("duration", 14, "days")
    assert record["status"] == "proposed"


def test_a_week_long_truce_is_seven_days(extract):
    found = figures(extract, "A week-long truce in November allowed the release of 105 hostages.")
    assert [(r["measure"], r["low"], r["unit"], r["text"]) for r in found] == [
        ("duration", 7, "days", "week-long"),
        ("hostages_released", 105, "people", "105"),
    ]


def test_phases_and_their_length(extract):
    found = figures(extract, "The plan would unfold in four stages, each lasting 30 days.")
    assert [(r["measure"], r["low"], r["unit"]) for r in found] == [
        ("phases", 4, "count"),
        ("duration", 30, "days"),
    ]


def test_length_of_talks_or_war_is_not_a_truce_duration(extract):
    assert figures(extract, "After three days of talks in Cairo, the delegations went home.") == []
    assert figures(extract, "The ceasefire ended nine months of war.") == []


def test_reported_total_versus_single_strike(extract):
    found = figures(
        extract,
        "The ministry said 32,100 people had been killed since the war began. "
        "A strike on a school in Deir al-Balah killed 17 people on Tuesday.",
        published=date(2024, 3, 6),
    )
    assert [(r["low"], r["scope"]) for r in found] == [(32100, "cumulative"), (17, "incident")]
    assert found[0]["as_of"] == "2024-03-06"
    assert found[1]["as_of"] == "2024-03-05"


def test_figure_in_a_period(extract):
    record = one(extract, "At least 76 people were killed in the past 24 hours, rescuers said.")
    assert record["scope"] == "period"


def test_attribution_resolved_to_a_canonical_actor(extract):
    record = one(
        extract, "According to the Gaza health ministry, 210 people were wounded overnight."
    )
    assert record["measure"] == "injured"
    assert record["attribution"] == "Gaza Ministry of Health"


def test_attribution_kept_as_written_for_a_tally(extract):
    record = one(
        extract,
        "Some 1,190 people died in the assault, according to a Reuters tally of official data.",
    )
    assert record["attribution"] == "Reuters tally of official data"
    assert record["qualifier"] == "approximately"


def test_attribution_from_the_subject_of_a_reporting_verb(extract):
    record = one(extract, "The Israeli army said 14 soldiers were killed in the ambush.")
    assert record["attribution"] == "Israel Defense Forces"


@pytest.mark.parametrize(
    "body",
    [
        "The talks resumed on 12 March 2024 in Doha.",
        "Hamas has governed Gaza since 2007.",
        "It was the third round of talks this year.",
        "The convoy left at 6 a.m. and returned by 14:30.",
        "A 9-year-old boy was among the wounded.",
        "The donors pledged $2 billion for reconstruction.",
        "The Security Council passed Resolution 2728 with 14 votes.",
        "Around 60% of buildings have been damaged.",
    ],
)
def test_not_figures(extract, body):
    assert figures(extract, body) == []


def test_figure_in_the_headline_is_found_with_headline_offsets(extract):
    from briefing.articles import parse_article
    from briefing.extract import extract_article

    article = parse_article("Strike kills 22 in Rafah\n\nRescuers searched the rubble.", "h")
    found = [r for r in extract_article(article) if r.type == "figure"]
    assert [(r.measure, r.low, r.start) for r in found] == [("killed", 22, 13)]
    assert article.text[found[0].start : found[0].end] == "22"


def test_every_figure_is_traceable(extract):
    body = (
        "More than 2,000 trucks entered. Around 250 people were abducted on October 7, "
        "and nearly 130 remain in captivity."
    )
    from briefing.articles import parse_article
    from briefing.extract import extract_article

    article = parse_article("Headline\n\n" + body, "x")
    for record in extract_article(article):
        if record.type == "figure":
            assert article.text[record.start : record.end] == record.text
            assert record.text in record.sentence


def test_bare_number_before_a_second_verb(extract):
    found = figures(extract, "Militants killed 1,200 and abducted 253 on that day.")
    assert [(r["measure"], r["low"]) for r in found] == [("killed", 1200), ("hostages_taken", 253)]


@pytest.mark.parametrize(
    "body",
    ["Talks between 2019 and 2023 produced nothing.", "A 12-year old girl was among them."],
)
def test_year_spans_and_loose_ages_are_not_figures(extract, body):
    assert figures(extract, body) == []


# --- Status: the cue nearest the figure, and whose deal a term belongs to ---------------


def test_a_past_release_stays_reported_next_to_in_exchange_for(extract):
    found = figures(
        extract,
        "Under the accord, militants freed 12 captives on Tuesday in exchange for 36 detainees.",
    )
    assert [(r["measure"], r["status"], r["scope"]) for r in found] == [
        ("hostages_released", "reported", "incident"),
        ("prisoners_released", "reported", "incident"),
    ]
    assert found[0]["as_of"] == "2024-03-05"  # the Tuesday before a Wednesday paper


def test_a_term_takes_the_deal_of_the_sentence_before(extract):
    signed = figures(
        extract,
        "The ceasefire deal was signed in Cairo on Monday. "
        "Under it, 40 hostages are to be freed in exchange for 120 Palestinian prisoners.",
    )
    tabled = figures(
        extract,
        "Mediators tabled a new proposal on Monday. "
        "It would see 40 hostages freed in exchange for 120 Palestinian prisoners.",
    )
    assert [(r["status"], r["scope"], r["as_of"]) for r in signed] == [("agreed", None, None)] * 2
    assert [r["status"] for r in tabled] == ["proposed", "proposed"]


def test_a_toll_is_never_a_term(extract):
    record = one(
        extract,
        "The draft plan was debated as officials said 31,000 people have been killed "
        "in Gaza since October 7.",
    )
    assert (record["measure"], record["status"], record["scope"]) == (
        "killed",
        "reported",
        "cumulative",
    )


def test_truce_length_elapsed_or_agreed(extract):
    elapsed = one(extract, "The pause, which had held for five days, collapsed on Friday.")
    started = one(extract, "A three-day truce took effect on Sunday morning.")
    assert (elapsed["low"], elapsed["status"]) == (5, "reported")
    assert (started["low"], started["status"]) == (3, "agreed")


# --- Scope and date --------------------------------------------------------------------


def test_since_a_later_day_is_a_period_since_the_war_a_running_total(extract):
    later = one(extract, "At least 52 people have been killed since the truce collapsed.")
    war = one(extract, "At least 31,200 people have been killed since the war began.")
    assert (later["scope"], later["as_of"]) == ("period", "2024-03-06")
    assert (war["scope"], war["as_of"]) == ("cumulative", "2024-03-06")


def test_a_relative_clause_about_the_attack_is_its_own_incident(extract):
    found = figures(
        extract,
        "The war, triggered by the raid of October 7 in which 1,139 people were killed, has "
        "killed 30,000 Palestinians, according to the health ministry in Gaza.",
    )
    attack, war = found
    assert (attack["low"], attack["scope"], attack["as_of"], attack["attribution"]) == (
        1139,
        "incident",
        "2023-10-07",
        None,
    )
    assert (war["scope"], war["attribution"]) == ("cumulative", "Gaza Ministry of Health")


def test_a_reported_release_is_one_handover_unless_a_truce_frames_it(extract):
    handover = one(extract, "On Monday, Israel released 42 Palestinian prisoners from Ofer.")
    truce = one(extract, "Over the course of the truce, 97 hostages were freed.")
    assert handover["scope"] == "incident"
    assert truce["scope"] == "period"


# --- Attribution -----------------------------------------------------------------------


def test_source_after_an_apposition_and_through_it_said(extract):
    found = figures(
        extract,
        "The Gaza health ministry, run by Hamas, said 47 people were killed in a strike on "
        "Tuesday. At least 76 more were killed in the past 24 hours, it said.",
    )
    assert [r["attribution"] for r in found] == ["Gaza Ministry of Health"] * 2
    assert [r["scope"] for r in found] == ["incident", "period"]


def test_a_trailing_source_covers_its_own_clause(extract):
    found = figures(
        extract,
        "More than 72,000 people have been killed in Gaza, according to the Gaza health "
        "ministry, and about 8,000 are missing under the rubble, according to the civil defence.",
    )
    assert found[0]["attribution"] == "Gaza Ministry of Health"
    assert "civil defence" in found[1]["attribution"].lower()


# --- What is counted -------------------------------------------------------------------


def test_bare_numbers_listed_after_a_figure_count_the_same_thing(extract):
    bodies = figures(
        extract, "The group has returned nine bodies, five on Sunday and four on Monday."
    )
    swap = figures(
        extract, "Each soldier is to be swapped for 50 prisoners and each civilian for 30."
    )
    assert [r["measure"] for r in bodies] == ["remains_returned"] * 3
    assert [r["measure"] for r in swap] == ["prisoners_released"] * 2


def test_alive_or_dead_settles_no_measure(extract):
    found = figures(
        extract, "The plan would free 18 hostages, alive or dead, in exchange for 600 prisoners."
    )
    assert [r["measure"] for r in found] == ["hostages_released", "prisoners_released"]


def test_of_whom_dead_counts_dead_hostages(extract):
    found = figures(
        extract,
        "Some 60 hostages remain in Gaza, of whom Israel believes 25 to be alive and 35 dead.",
    )
    assert [r["measure"] for r in found] == ["hostages_held", "hostages_alive", "hostages_dead"]
    assert {r["attribution"] for r in found} == {"Israel"}


def test_a_rate_and_a_numbered_plan_are_no_durations_or_counts(extract):
    record = one(extract, "The 12-point plan foresees 500 trucks a day during the truce.")
    assert (record["measure"], record["low"]) == ("aid_trucks", 500)


def test_wounding_is_an_injury_verb(extract):
    found = figures(
        extract, "Gunmen opened fire on a bus, killing two people and wounding five others."
    )
    assert [(r["measure"], r["low"], r["scope"]) for r in found] == [
        ("killed", 2, "incident"),
        ("injured", 5, "incident"),
    ]


def test_headline_participle_after_a_bare_number(extract):
    record = one(extract, "Israel says 1,200 killed on October 7")
    assert (record["measure"], record["low"], record["attribution"]) == ("killed", 1200, "Israel")


def test_a_participle_after_the_noun_describes_it(extract):
    record = one(extract, "Under the plan, 24 hostages held in Rafah would be freed first.")
    assert record["measure"] == "hostages_released"


def test_a_new_phrase_after_and_is_not_part_of_the_noun(extract):
    found = figures(extract, "The shelling killed 412 residents and wounded more than 900.")
    assert [(r["measure"], r["low"]) for r in found] == [("killed", 412), ("injured", 900)]


def test_conjuncts_share_their_verb(extract):
    found = figures(extract, "By then 12 Israeli hostages and four Nepali workers had been freed.")
    assert [r["measure"] for r in found] == ["hostages_released", "hostages_released"]


def test_crowds_are_counted_but_not_as_hostages(extract):
    record = one(extract, "Tens of thousands of people took to the streets of Haifa.")
    assert record["measure"] == "other"


def test_bodies_of_palestinians_are_not_hostage_remains(extract):
    record = one(extract, "Israel handed over 30 bodies of Palestinians on Monday.")
    assert record["measure"] == "other"


def test_remains_still_held_are_dead_hostages(extract):
    record = one(extract, "Officials say the remains of 11 hostages are still in Gaza.")
    assert record["measure"] == "hostages_dead"


def test_a_figure_after_instead_of_counts_the_same_thing(extract):
    found = figures(extract, "Only 250 aid trucks a day may enter, instead of the 600 agreed.")
    assert [(r["measure"], r["low"]) for r in found] == [("aid_trucks", 250), ("aid_trucks", 600)]


# --- Patterns first met in tests/data/dev (written to measure unseen articles) ---------------


def test_deaths_and_wounded_in_one_list_are_two_measures(extract):
    body = "The offensive has caused 34,654 deaths and 77,908 wounded since the start of the war."
    assert summary(figures(extract, body)) == [
        ("killed", 34654, 34654, "exact"),
        ("injured", 77908, 77908, "exact"),
    ]


def test_a_bare_number_listed_after_a_figure_still_counts_the_same_thing(extract):
    body = "Hamas returned eight bodies, four on Monday and four more on Tuesday."
    assert [r["measure"] for r in figures(extract, body)] == ["remains_returned"] * 3


def test_hostages_rescued_by_an_army_are_freed(extract):
    body = "On Saturday, Israeli forces rescued four hostages from the Nuseirat refugee camp."
    assert summary(figures(extract, body)) == [("hostages_released", 4, 4, "exact")]


def test_people_rescued_from_rubble_are_not_released_prisoners(extract):
    body = "Civil defence teams rescued 12 people from under the rubble in Jabalia."
    assert "prisoners_released" not in [r["measure"] for r in figures(extract, body)]


def test_of_which_refers_back_like_of_whom(extract):
    body = "Israel says 132 hostages remain in Gaza, of which 28 are believed to be dead."
    assert summary(figures(extract, body)) == [
        ("hostages_held", 132, 132, "exact"),
        ("hostages_dead", 28, 28, "exact"),
    ]


@pytest.mark.parametrize(
    ("body", "measure"),
    [
        ("More than 80 people, most of them infants, have died of malnutrition.", "other"),
        ("At least 30 children have starved to death in the north, the agency said.", "other"),
        ("At least 30 people died in the strikes on Khan Younis.", "killed"),
    ],
)
def test_deaths_from_hunger_are_counted_apart_from_those_killed(extract, body, measure):
    assert one(extract, body)["measure"] == measure


def test_a_part_of_the_hostages_taken_still_held_is_held(extract):
    found = figures(
        extract,
        "By Israeli count, 64 of the 240 people kidnapped in the raid are still in Gaza.",
    )
    assert [(r["measure"], r["low"]) for r in found] == [
        ("hostages_held", 64),
        ("hostages_taken", 240),
    ]


def test_a_number_that_remains_in_captivity_counts_hostages_held(extract):
    found = figures(
        extract, "Of some 240 people seized that day, officials say 110 remain in captivity."
    )
    assert ("hostages_held", 110) in [(r["measure"], r["low"]) for r in found]


@pytest.mark.parametrize(
    ("body", "measure"),
    [
        (
            "The text foresees that Hamas frees on the first day of the truce the 48 hostages "
            "still held, in exchange for prisoners.",
            "hostages_released",
        ),
        ("After the soldier's release, 58 hostages remain in Gaza.", "hostages_held"),
        ("After the release, the 58 hostages still held wait.", "hostages_held"),
        ("Cairo weighs the offer of 40 hostages for six weeks of truce.", "hostages_released"),
        ("The deal under discussion: 40 hostages during a six-week truce.", "hostages_released"),
        ("Cairo says 40 hostages are held in tunnels.", "hostages_held"),
    ],
)
def test_hostages_freed_or_still_held(extract, body, measure):
    assert figures(extract, body)[0]["measure"] == measure


def test_a_count_broken_down_by_a_list_takes_the_verb_after_the_list(extract):
    found = figures(
        extract, "So far 24 hostages, 17 Israelis and seven Nepalis, have been freed by Hamas."
    )
    assert [(r["measure"], r["low"]) for r in found] == [
        ("hostages_released", 24),
        ("hostages_released", 17),
        ("hostages_released", 7),
    ]


def test_terms_of_a_ceasefire_in_force_are_agreed(extract):
    found = figures(
        extract,
        "The ceasefire, in force since 19 January, foresees in its first phase the liberation "
        "of 33 hostages in exchange for about 1,900 Palestinian prisoners.",
        published=date(2025, 2, 6),
    )
    assert [(r["measure"], r["status"]) for r in found] == [
        ("hostages_released", "agreed"),
        ("prisoners_released", "agreed"),
    ]


def test_a_count_the_army_affirms_is_the_armys(extract):
    found = one(extract, "The Israeli army affirms that it has killed more than 17,000 fighters.")
    assert found["attribution"] == "Israel Defense Forces"


def test_the_press_of_a_country_is_not_its_state(extract):
    found = one(
        extract,
        "According to the Israeli press, the text foresees the release of 48 hostages.",
    )
    assert found["attribution"] not in (None, "Israel")


def test_the_verb_two_conjuncts_share_is_looked_for_in_their_own_sentence(extract):
    found = figures(
        extract,
        "At the end of the four and a half months, the parties would reach an agreement? "
        "Israel would then release 1,500 Palestinian prisoners.",
    )
    assert summary(found) == [("prisoners_released", 1500, 1500, "exact")]


def test_people_who_had_to_leave_their_homes_are_displaced(extract):
    found = figures(
        extract, "Nearly 1.9 million inhabitants have had to leave their homes, the UN says."
    )
    assert summary(found) == [("displaced", 1_900_000, 1_900_000, "approximately")]


def test_the_phases_of_a_framework_are_counted(extract):
    found = figures(extract, "The mediators discussed a three-phase framework laid out in May.")
    assert summary(found) == [("phases", 3, 3, "exact")]


def test_the_part_and_the_whole_of_a_partitive_keep_their_own_verbs(extract):
    found = figures(
        extract,
        "In Gaza, 60 of the 240 hostages who were taken on 7 October are still held.",
    )
    assert {(r["measure"], r["low"]) for r in found} == {
        ("hostages_held", 60),
        ("hostages_taken", 240),
    }
    found = figures(extract, "Of the 59 hostages still held in Gaza, 24 are believed alive.")
    assert {(r["measure"], r["low"]) for r in found} == {
        ("hostages_held", 59),
        ("hostages_alive", 24),
    }


def test_crew_members_freed_by_their_captors_are_hostages(extract):
    found = figures(
        extract, "The Houthis released the 25 crew members of the ship after Omani mediation."
    )
    assert [(r["measure"], r["low"]) for r in found] == [("hostages_released", 25)]


def test_people_forced_to_move_are_displaced(extract):
    found = figures(
        extract, "Aid agencies say some 300,000 people have been forced to move again this month."
    )
    assert [(r["measure"], r["low"]) for r in found] == [("displaced", 300000)]


def test_a_truce_length_after_a_date_is_no_rate(extract):
    found = figures(extract, "The truce began on 19 January and lasts 42 days.")
    assert [(r["measure"], r["low"]) for r in found] == [("duration", 42)]
    found = figures(extract, "The truce began on January 19 and lasted 42 days.")
    assert [(r["measure"], r["low"]) for r in found] == [("duration", 42)]
    found = figures(extract, "The deal allows 600 trucks a day into Gaza.")
    assert ("duration", 1) not in [(r["measure"], r["low"]) for r in found]


def test_a_plan_in_phases_and_a_deadline_to_respond(extract):
    found = figures(extract, "Hamas is studying the three-phase plan presented by Biden.")
    assert [(r["measure"], r["low"]) for r in found] == [("phases", 3)]
    found = figures(extract, "Trump said Hamas had three or four days to respond to the plan.")
    assert "duration" not in [r["measure"] for r in found]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Hamas has returned 33 Israeli hostages, 25 of them alive and eight dead.",
            [("hostages_released", 33), ("hostages_released", 25), ("remains_returned", 8)],
        ),
        (
            "Hamas handed over 33 hostages, eight of them dead.",
            [("hostages_released", 33), ("remains_returned", 8)],
        ),
        (  # parts of those still held stay alive and dead
            "Hamas still holds 59 hostages, 24 of them alive and 35 dead.",
            [("hostages_held", 59), ("hostages_alive", 24), ("hostages_dead", 35)],
        ),
    ],
)
def test_parts_of_a_release_are_released_people_and_remains(extract, body, expected):
    assert [(r["measure"], r["low"]) for r in figures(extract, body)] == expected


def test_a_figure_in_quotes_counts_the_noun_after_the_quotes(extract):
    found = figures(
        extract,
        "Hagari said on Saturday that the army knows of „fewer than 100“ Palestinian victims.",
        published=date(2024, 6, 9),
    )
    assert [(r["measure"], r["low"], r["qualifier"], r["attribution"]) for r in found] == [
        ("killed", 100, "at_most", "Hagari")
    ]


def test_what_a_deal_provides_for_of_people_is_their_release(extract):
    found = figures(
        extract,
        "His text provides for 10 living hostages and 19 bodies in exchange for a truce. "
        "The plan provides for 20,000 troops.",
    )
    assert [(r["measure"], r["low"], r["status"]) for r in found] == [
        ("hostages_released", 10, "proposed"),
        ("remains_returned", 19, "proposed"),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Death toll in Gaza: 32,333.", [("killed", 32333, None)]),
        ("- Hostages still held: 134", [("hostages_held", 134, None)]),
        (
            "- Killed in Gaza since 7 October: 32,333, according to the Gaza health ministry.",
            [("killed", 32333, "Gaza Ministry of Health")],
        ),
        ("Israel: 5 soldiers.", []),  # a label that says nothing of what happened
    ],
)
def test_a_figure_after_a_label_and_a_colon(extract, body, expected):
    found = figures(extract, body)
    assert [(r["measure"], r["low"], r["attribution"]) for r in found] == expected


def test_the_verb_of_a_whole_comes_after_its_part_set_off_by_commas(extract):
    found = figures(
        extract,
        "5.087 Palestinians, among them 2.055 children, have been killed and 15.273 wounded.",
    )
    assert [(r["measure"], r["low"]) for r in found] == [
        ("killed", 5087),
        ("killed", 2055),
        ("injured", 15273),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The first phase would last 6.5 weeks.", [("duration", 45.5)]),
        (
            "Hostages from Thailand (10), Nepal (1) and the Philippines (1) were freed.",
            [("hostages_released", 10), ("hostages_released", 1), ("hostages_released", 1)],
        ),
        (  # the part has a verb of its own: the whole keeps its own reading
            "The 33 hostages, among them eight who are dead, are still held in Gaza.",
            [("hostages_held", 33), ("hostages_dead", 8)],
        ),
        ("Prisoners released in first phase: 1,900.", [("prisoners_released", 1900)]),
        ("Deaths: 32,333; injuries: 74,694.", [("killed", 32333), ("injured", 74694)]),
    ],
)
def test_fractions_of_time_places_with_counts_parts_with_verbs_and_labels(extract, body, expected):
    assert [(r["measure"], r["low"]) for r in figures(extract, body)] == expected


def test_a_whole_with_a_part_set_off_is_read_to_its_verb_for_scope(extract):
    found = figures(
        extract,
        "The ministry said more than 14,800 people, including more than 6,000 children, have"
        " been killed since October 7.",
        published=date(2023, 11, 30),
    )
    assert [(r["low"], r["scope"]) for r in found] == [(14800, "cumulative"), (6000, "cumulative")]


def test_a_week_long_tour_is_no_truce_length(extract):
    assert (
        figures(extract, "Blinken's week-long tour of the region aims to secure a ceasefire.") == []
    )


def test_two_sides_counting_in_two_clauses(extract):
    found = figures(
        extract, "Israel says 59 hostages remain in Gaza, and Hamas says that 24 are alive."
    )
    assert [(r["measure"], r["low"], r["attribution"]) for r in found] == [
        ("hostages_held", 59, "Israel"),
        ("hostages_alive", 24, "Hamas"),
    ]


def test_stages_after_counted_people_are_phases_not_a_rate(extract):
    found = figures(
        extract,
        "The text provides for a 60-day ceasefire and the release of 10 living hostages and 18 "
        "bodies in two stages.",
    )
    assert [(f["measure"], f["low"]) for f in found if f["measure"] == "phases"] == [("phases", 2)]
    found = figures(extract, "The ceasefire allows 600 trucks a day into Gaza.")
    assert not [f for f in found if f["measure"] == "duration"]


def test_people_a_hostage_taker_holds_are_hostages_and_those_killed_in_strikes_are_killed(
    extract,
):
    found = figures(
        extract,
        "The Qassam Brigades said that they were holding between 200 and 250 people, and that "
        "22 of them had been killed in Israeli air strikes.",
    )
    assert [(f["measure"], f["low"], f["high"]) for f in found] == [
        ("hostages_held", 200, 250),
        ("killed", 22, 22),
    ]
    found = figures(extract, "Hamas holds 59 hostages, 24 of them believed alive and 35 dead.")
    assert [f["measure"] for f in found] == ["hostages_held", "hostages_alive", "hostages_dead"]
    assert figures(extract, "Israel is holding 5,000 people in its prisons.") == []


@pytest.mark.parametrize(
    "body",
    [
        "Hamas said the Israeli army was holding 9,000 Palestinians in its prisons.",
        "Hezbollah said Israel is holding 10 Lebanese fishermen.",
    ],
)
def test_people_held_by_the_other_side_are_no_hostages(extract, body):
    assert [f["measure"] for f in figures(extract, body)] == []


def test_phases_of_an_offensive_are_no_phases_of_a_deal_and_strike_deaths_are_killed(extract):
    found = figures(
        extract, "Israel has dropped 2,000 bombs in two phases of the offensive during the truce."
    )
    assert "phases" not in [f["measure"] for f in found]
    found = figures(
        extract,
        "Hamas said it was holding 130 hostages, 30 of whom had been killed in Israeli air "
        "strikes.",
    )
    assert [f["measure"] for f in found] == ["hostages_held", "killed"]


def test_prisoners_of_war_swapped_are_prisoners_released(extract):
    found = figures(extract, "Russia and Ukraine swapped 195 POWs on Wednesday.")
    assert [(f["measure"], f["low"]) for f in found] == [("prisoners_released", 195)]
