"""The gazetteer: how names, titles and places are found in text, and how bad files are refused.

A small gazetteer is written for these tests; expected values follow the field rules in the
header of data/gazetteer.yaml and data/places.yaml and the docstrings of briefing.gazetteer.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from briefing.gazetteer import Description, Gazetteer, GazetteerError, load_gazetteer

ACTORS = """
- name: United States
  kind: state
  role: mediator
  aliases: [United States, US]
  metonyms: [Washington]
- name: France
  kind: state
  role: other
  aliases: [France]
- name: Agence France-Presse
  kind: media
  role: source
  aliases: [Agence France-Presse, AFP]
- name: Hamas
  kind: organization
  role: party
  aliases: [Hamas]
- name: Gaza Ministry of Health
  kind: organization
  role: source
  affiliation: Hamas
  aliases: [Gaza Ministry of Health, Hamas Ministry of Health]
- name: Mossad
  kind: organization
  role: party
  aliases: [Mossad]
  descriptions: [Israel's spy agency]
- name: Yossi Cohen
  kind: person
  role: party
  descriptions:
    - {text: Mossad chief, until: 2021-06-01}
- name: David Barnea
  kind: person
  role: party
  aliases: [David Barnea]
  descriptions:
    - {text: Mossad chief, from: 2021-06-01}
- name: William Burns
  kind: person
  role: mediator
  aliases: [William Burns, Bill Burns]
"""

PLACES = """
- name: Gaza Strip
  country: Palestinian territories
  aliases: [Gaza, the enclave]
- name: Gaza City
  country: Palestinian territories
- name: Cairo
  country: Egypt
  aliases: [the Egyptian capital]
"""


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def small(tmp_path: Path) -> Gazetteer:
    return load_gazetteer(
        write(tmp_path, "actors.yaml", ACTORS), write(tmp_path, "places.yaml", PLACES)
    )


def found(gazetteer: Gazetteer, text: str, when: date | None = None) -> list[tuple[str, str, str]]:
    """(surface, actor, how) of every match in ``text``."""
    return [(text[m.start : m.end], m.actor, m.how) for m in gazetteer.find(text, when)]


def test_aliases_are_case_sensitive_and_descriptions_are_not(small):
    assert found(small, "The US told us so.") == [("US", "United States", "alias")]
    assert found(small, "mossad officials") == []
    assert found(small, "ISRAEL'S SPY AGENCY and Mossad") == [
        ("ISRAEL'S SPY AGENCY", "Mossad", "description"),
        ("Mossad", "Mossad", "alias"),
    ]
    # A metonym is found as such; a curly apostrophe matches a straight one, offsets intact.
    assert found(small, "Washington backs Israel’s spy agency") == [
        ("Washington", "United States", "metonym"),
        ("Israel’s spy agency", "Mossad", "description"),
    ]


def test_names_are_whole_words_and_hyphens_bind_names_together(small):
    # "France" inside the agency's hyphenated name is not France.
    assert found(small, "Agence France-Presse reported") == [
        ("Agence France-Presse", "Agence France-Presse", "alias")
    ]
    # An alias before a lower-case hyphenated word still names the actor.
    assert found(small, "a US-brokered truce") == [("US", "United States", "alias")]
    # A hyphenated prefix makes it part of another word; so does a longer word.
    assert found(small, "anti-Hamas protests in the USA") == []
    # A title joined to another word by a hyphen is not the title.
    assert found(small, "the Mossad chief-designate", date(2020, 1, 1)) == [
        ("Mossad", "Mossad", "alias")
    ]


def test_dated_title_designates_the_holder_of_the_day(small):
    text = "The Mossad chief flew in."
    holder = {
        when: [a for _, a, how in found(small, text, when) if how == "description"]
        for when in (date(2020, 5, 1), date(2021, 6, 1), date(2023, 1, 1), None)
    }
    assert holder == {
        date(2020, 5, 1): ["Yossi Cohen"],
        date(2021, 6, 1): ["David Barnea"],  # handover day: the later window wins
        date(2023, 1, 1): ["David Barnea"],
        None: ["David Barnea"],  # undated article: the current holder
    }


def test_description_valid_on_includes_both_bounds():
    title = Description("X", "envoy", start=date(2024, 1, 1), until=date(2024, 1, 31))
    assert [
        title.valid_on(d)
        for d in (date(2023, 12, 31), date(2024, 1, 1), date(2024, 1, 31), date(2024, 2, 1))
    ] == [False, True, True, False]
    assert title.valid_on(None) is False
    assert Description("X", "envoy").valid_on(None) is True


def test_resolve_picks_the_longest_name_and_ignores_metonyms(small):
    assert small.resolve("the Hamas Ministry of Health") == "Gaza Ministry of Health"
    assert small.resolve("Hamas officials") == "Hamas"
    assert small.resolve("Washington") is None
    assert small.resolve("the Mossad chief", date(2019, 1, 1)) == "Yossi Cohen"
    assert small.resolve("nobody in particular") is None


def test_find_places_keeps_the_longest_match(small):
    text = "The enclave: strikes on Gaza City, Gazans fled, talks in the Egyptian capital."
    assert [(text[a:b], place) for a, b, place in small.find_places(text)] == [
        ("The enclave", "Gaza Strip"),
        ("Gaza City", "Gaza City"),
        ("the Egyptian capital", "Cairo"),
    ]


def test_spelling_index_holds_distinctive_single_words(small):
    # Surnames of people and one-word names of six letters or more; "Burns", "Cohen",
    # "Hamas", "AFP" and "US" are too short, multi-word names of non-persons are left out.
    assert small.spelling_index() == {
        "France": "France",
        "Mossad": "Mossad",
        "Barnea": "David Barnea",
    }


@pytest.mark.parametrize(
    ("actors", "places", "message"),
    [
        (None, PLACES, "actors.yaml: file not found"),
        ("name: Hamas\n", PLACES, "actors.yaml: expected a list of entries"),
        ("- [unclosed\n", PLACES, "actors.yaml: not valid YAML"),
        ("- kind: state\n", PLACES, "actors.yaml: entry 1: every entry needs a name"),
        (
            "- {name: Qatar, kind: state}\n- {name: Doha, kind: city}\n",
            PLACES,
            "actors.yaml: entry 2 (Doha): kind 'city' is not one of",
        ),
        (
            "- {name: Qatar, kind: state, role: broker}\n",
            PLACES,
            "actors.yaml: entry 1 (Qatar): role 'broker' is not one of",
        ),
        (
            "- {name: Qatar, kind: state}\n- {name: Qatar, kind: state}\n",
            PLACES,
            "actors.yaml: entry 2: duplicate name 'Qatar'",
        ),
        (
            "- {name: Kan, kind: media, affiliation: Israel}\n",
            PLACES,
            "actors.yaml: Kan: affiliation 'Israel' is not an entry",
        ),
        (
            "- {name: Envoy, kind: person, descriptions: [{text: envoy, from: June 2021}]}\n",
            PLACES,
            "actors.yaml: entry 1: 'June 2021' is not an ISO date",
        ),
        (
            "- {name: Envoy, kind: person, descriptions: [{from: 2021-06-01}]}\n",
            PLACES,
            "actors.yaml: entry 1 (Envoy): a description needs text",
        ),
        (ACTORS, "- {country: Egypt}\n", "places.yaml: entry 1: every place needs a name"),
    ],
)
def test_load_errors_name_the_file_and_entry(tmp_path, actors, places, message):
    actors_path = tmp_path / "actors.yaml"
    if actors is not None:
        write(tmp_path, "actors.yaml", actors)
    places_path = write(tmp_path, "places.yaml", places)
    with pytest.raises(GazetteerError) as error:
        load_gazetteer(actors_path, places_path)
    assert str(error.value).startswith(str(tmp_path / message.split(":")[0]))
    assert message in str(error.value)


def test_places_within_a_window_are_those_of_the_window_read_alone():
    """The venue of an event is looked up in its window; reading the whole article once must
    give what reading the window alone gives, also when the window's edge cuts a name."""
    import random

    from briefing import config
    from briefing.articles import read_article
    from briefing.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    rng = random.Random(3)
    for path in sorted(config.SEEDS_DIR.glob("*.txt")):
        text = read_article(path).text
        edges = [m for m in range(len(text)) if text.startswith(("Gaza", "Cairo", "Doha"), m)]
        windows = [(rng.randrange(len(text)), rng.randrange(40, 400)) for _ in range(150)]
        windows += [(e + cut, 300) for e in edges for cut in (0, 2)]  # edges inside names
        windows += [(max(0, e - 200), 202) for e in edges]
        for start, length in windows:
            end = min(len(text), start + length)
            alone = [
                (a + start, b + start, p) for a, b, p in gazetteer.find_places(text[start:end])
            ]
            assert gazetteer.places_within(text, start, end) == alone, (path.name, start, end)


def test_project_gazetteer_dates_titles_of_the_lebanon_and_houthi_fronts():
    """Offices whose holder changed in 2024-2025 name the holder of the day; a deputy's title
    does not name the leader, and the Houthi leader's name does not name the group."""
    from briefing.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()

    def titled(text: str, when: date) -> list[str]:
        return [m.actor for m in gazetteer.find(text, when) if m.how == "description"]

    assert titled("the Lebanese prime minister", date(2024, 11, 27)) == ["Najib Mikati"]
    assert titled("the Lebanese prime minister", date(2025, 3, 1)) == ["Nawaf Salam"]
    assert titled("the Hezbollah chief", date(2024, 9, 1)) == ["Hassan Nasrallah"]
    assert titled("the Hezbollah chief", date(2025, 1, 5)) == ["Naim Qassem"]
    assert titled("the deputy leader of Hezbollah", date(2024, 10, 1)) == ["Naim Qassem"]
    assert titled("the US vice president", date(2025, 2, 1)) == ["JD Vance"]
    assert [m.actor for m in gazetteer.find("Abdul-Malik al-Houthi said", None)] == [
        "Abdul-Malik al-Houthi"
    ]
