"""Who a sentence says a figure comes from."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("body", "source"),
    [
        (
            "According to the Gaza health ministry, 210 people were wounded.",
            "Gaza Ministry of Health",
        ),
        ("Gaza toll rises to 30,000, health ministry says.", "health ministry"),
        ("The Israeli army said 14 soldiers were killed in the ambush.", "Israel Defense Forces"),
        ("Hamas' figures show 31,000 people have been killed.", "Hamas"),
        (
            "Some 1,190 people died, according to a Reuters tally of official data.",
            "Reuters tally of official data",
        ),
        ("The toll stands at 30,000 people killed.", None),
        (
            "The war has killed 26,637 people, according to the last count published on Monday"
            " by the Ministry of Health of Gaza.",
            "Gaza Ministry of Health",
        ),
        (
            "The strikes killed 48,388 people, according to the health authorities of Gaza.",
            "Gaza Ministry of Health",
        ),
    ],
)
def test_sources(extract, body, source):
    figures = extract(body, kind="figure")
    assert [f["attribution"] for f in figures] == [source]


def test_a_source_named_by_its_kind_is_the_last_actor_of_that_kind(extract):
    records = extract(
        "Gaza's health ministry reported new strikes on Monday. The Israeli army said it hit "
        "a command post. At least 40 people were killed, the ministry said. Two soldiers "
        "were wounded, according to the army.",
        kind="figure",
    )
    sources = {(r["measure"], r["low"]): r["attribution"] for r in records}
    assert sources[("killed", 40)] == "Gaza Ministry of Health"
    assert sources[("injured", 2)] == "Israel Defense Forces"


def test_a_source_named_by_its_kind_with_no_such_actor_before_it_stays_as_written(extract):
    records = extract("At least 40 people were killed, the ministry said.", kind="figure")
    assert [r["attribution"] for r in records] == ["ministry"]


def test_a_health_ministry_is_its_own_source_not_its_state(extract):
    records = extract(
        "At least five people were killed in the strike, Lebanon's health ministry said.",
        kind="figure",
    )
    assert [r["attribution"] for r in records] == ["Lebanese Ministry of Public Health"]
    records = extract(  # a ministry the gazetteer does not know stays as written
        "At least five people were killed in the strike, Yemen's health ministry said.",
        kind="figure",
    )
    assert [r["attribution"] for r in records] == ["Yemen's health ministry"]
    records = extract(
        "Ten more hostages will be freed, the Qatari foreign ministry said.", kind="figure"
    )
    assert [r["attribution"] for r in records] == ["Qatar"]


def test_figures_that_a_body_published_come_from_that_body(extract):
    records = extract(
        "According to figures that the Gaza health ministry published on Tuesday, 30,000 "
        "people have been killed.",
        kind="figure",
    )
    assert [r["attribution"] for r in records] == ["Gaza Ministry of Health"]


def test_a_source_named_by_its_kind_must_be_that_kind_of_actor(extract):
    records = extract(
        "Gaza's health ministry said 20 people were killed. Three hostages will be freed on "
        "Sunday, the foreign ministry said.",
        kind="figure",
    )
    sources = {(r["measure"], r["low"]): r["attribution"] for r in records}
    assert sources[("hostages_released", 3)] != "Gaza Ministry of Health"
    records = extract(
        "The Israeli army said it hit a post. The Qassam Brigades, Hamas's military wing, fired "
        "rockets. Two soldiers were wounded, the military said.",
        kind="figure",
    )
    assert [r["attribution"] for r in records] == ["Israel Defense Forces"]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        (
            "Casualties: Gaza's health ministry says more than 48,400 people have been killed.",
            "Gaza Ministry of Health",
        ),
        (
            "Gaza's health ministry reported strikes. The ministry puts the toll since October "
            "at more than 69,400.",
            "Gaza Ministry of Health",
        ),
        (
            "Gaza's Government Media Office said 3,203 trucks had entered by the end of October.",
            "Government Media Office in Gaza",
        ),
        (
            "The Hostages and Missing Families Forum met the minister. Some 120 hostages are "
            "still held in Gaza, the forum said.",
            "Hostages and Missing Families Forum",
        ),
    ],
)
def test_more_ways_of_naming_a_source(extract, body, source):
    records = extract(body, kind="figure")
    assert [r["attribution"] for r in records] == [source]


def test_according_to_it_is_the_body_named_before(extract):
    records = extract(
        "On Sunday the Ministry of Health of the Gaza Strip raised the toll to 274 dead; "
        "according to it, there are dozens of children among the dead.",
        kind="figure",
    )
    assert {r["attribution"] for r in records} == {"Gaza Ministry of Health"}
    records = extract("According to it, 40 people were killed on Sunday.", kind="figure")
    assert [r["attribution"] for r in records] == [None]


def test_details_reported_by_the_media_come_from_the_media(extract):
    records = extract(
        "According to details reported by Israeli media, the plan foresees a 60-day truce.",
        kind="figure",
    )
    assert [(r["measure"], r["attribution"]) for r in records] == [("duration", "Israeli media")]


def test_a_relative_clause_between_a_source_and_its_verb(extract):
    records = extract(
        "Gaza's health ministry, which does not distinguish between civilians and fighters, "
        "said that 274 people were killed.",
        kind="figure",
    )
    assert [r["attribution"] for r in records] == ["Gaza Ministry of Health"]


@pytest.mark.parametrize(
    ("body", "sources"),
    [
        # present tense of saying and counting
        ("A Hamas official tells Reuters that 10 hostages would be freed.", ["Hamas"]),
        ("Israel counts 58 hostages in Gaza.", ["Israel"]),
        # a clause opened by "while" speaks for its own figures, not for those before it
        (
            "Israeli officials believe 20 hostages are alive, while Trump has spoken of 21.",
            ["Israel", "Donald Trump"],
        ),
        # a fronted "while" clause: its figure is its own source's
        (
            "While Gaza's health ministry says 34,000 people have been killed, Israel says"
            " 13,000 were militants.",
            ["Gaza Ministry of Health", "Israel"],
        ),
        # an outlet's kind before its name: the outlet, not its country
        ("The Lebanese channel Al-Mayadeen reported that 14 people were killed.", ["Al-Mayadeen"]),
        ("Israel's public broadcaster Kan reported that 20 hostages are alive.", ["Kan"]),
    ],
)
def test_sources_in_present_tense_clauses_and_outlets(extract, body, sources):
    assert [f["attribution"] for f in extract(body, kind="figure")] == sources


def test_the_same_reports_are_the_source_named_before(extract):
    figures = extract(
        "According to details reported by Israeli media, 10 hostages would be freed. "
        "According to the same reports, Israel would free 125 prisoners.",
        kind="figure",
    )
    assert [f["attribution"] for f in figures] == ["Israeli media", "Israeli media"]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("According to Dr Rik Peeperkorn, the pauses last three days.", "Rik Peeperkorn"),
        (
            "A convoy of 20 trucks passed through the crossing, Anadolu Agency's correspondent"
            " reported.",
            "Anadolu Agency",
        ),
        ("The deal, according to Israeli media: 40 hostages for a truce.", "Israeli media"),
    ],
)
def test_titles_correspondents_and_a_colon_end_a_source(extract, body, source):
    assert [f["attribution"] for f in extract(body, kind="figure")][:1] == [source]


def test_these_sources_are_the_sources_named_before(extract):
    figures = extract(
        "Egyptian sources told the paper that the plan has three stages. According to these"
        " sources, the first stage foresees a pause of two weeks.",
        kind="figure",
    )
    assert [f["attribution"] for f in figures] == ["Egypt", "Egypt"]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("According to figures released by the agency Tuesday, 12 people were killed.", "agency"),
        ("According to Sheikh Mohammed, 33 hostages would be freed.", "Sheikh Mohammed"),
        ("According to Dr. Munir al-Bursh, 40 people died.", "Munir al-Bursh"),
    ],
)
def test_days_after_a_source_and_titles_before_one_word(extract, body, source):
    assert [f["attribution"] for f in extract(body, kind="figure")][:1] == [source]


def test_a_surname_source_is_given_the_full_name_it_stands_for(extract):
    found = extract(
        "Army spokesman Daniel Hagari spoke on Sunday. Hagari said fewer than 100 people were "
        "killed in the operation.",
        kind="figure",
    )
    assert [f["attribution"] for f in found] == ["Daniel Hagari"]


def test_a_source_that_names_a_state_in_passing_is_not_the_state(extract):
    found = extract(
        "At least 866 people have been killed, according to the Sudan Doctors' Union. Between "
        "385,000 and 600,000 people died, according to a research team at Ghent University in "
        "Belgium. The Egyptian Foreign Ministry said 20 trucks had crossed.",
        kind="figure",
    )
    assert [f["attribution"] for f in found] == [
        "Sudan Doctors' Union",
        "research team at Ghent University in Belgium",
        "Egypt",
    ]


def test_a_surname_stands_for_a_known_person_only_once_named_in_full(extract):
    found = extract(
        "Iran's Abbas Araghchi visited Beirut. Abbas said 30 people were killed in the strikes.",
        kind="figure",
    )
    assert [f["attribution"] for f in found] == ["Abbas"]
