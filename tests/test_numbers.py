"""Numerals in text: what an analyst would count, and what must never be counted.

Every expected value below is worked out from the extraction contract
(/work/shared/extraction-contract.md), not copied from the code's output.
"""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.numbers import Quantity, find_quantities, parse_digits, parse_words


def quantities(text: str) -> list[tuple[str, float, float, str]]:
    """(surface, low, high, qualifier) of every quantity in ``text``."""
    return [(text[q.start : q.end], q.low, q.high, q.qualifier) for q in find_quantities(text)]


def only(text: str) -> Quantity:
    """The single quantity in ``text``."""
    found = find_quantities(text)
    assert len(found) == 1, [text[q.start : q.end] for q in found]
    return found[0]


# --- parse_digits: thousands separators vs decimal points --------------------------------


@pytest.mark.parametrize(
    ("digits", "value"),
    [
        ("29,514", 29514),
        ("29.514", 29514),  # European thousands dot, as in translated text
        ("1,160", 1160),
        ("1.160", 1160),
        ("1,234,567", 1234567),
        ("3.000.000", 3000000),
        ("2.5", 2.5),
        ("2,5", 2.5),  # European decimal comma
        ("1.75", 1.75),
        ("12.3456", 12.3456),  # four digits after the dot: not a thousands group
        ("42", 42),
        ("0", 0),
    ],
)
def test_parse_digits(digits: str, value: float) -> None:
    assert parse_digits(digits) == value


def test_parse_digits_rejects_non_numbers() -> None:
    assert parse_digits("abc") is None


# --- parse_words: number words --------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("three", 3),
        ("twenty-five", 25),
        ("twenty five", 25),
        ("a million", 1_000_000),
        ("two dozen", 24),
        ("a dozen", 12),
        ("half a million", 500_000),
        ("one hundred and five", 105),
        ("a hundred", 100),
        ("a", 1),  # "a week"
    ],
)
def test_parse_words(words: str, value: float) -> None:
    assert parse_words(words) == value


def test_parse_words_rejects_non_numbers() -> None:
    assert parse_words("hostages") is None


# --- find_quantities: numbers with separators and scales -----------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("29,514 people have been killed", "29,514", 29514),
        ("29.514 people have been killed", "29.514", 29514),
        ("the toll passed 40.005 on Sunday", "40.005", 40005),
        ("1.160 dead in Israel", "1.160", 1160),
        ("2.5 million people are displaced", "2.5 million", 2_500_000),
        ("1,7 million people fled south", "1,7 million", 1_700_000),
        ("1.9 million displaced", "1.9 million", 1_900_000),
        ("3.000.000 people", "3.000.000", 3_000_000),
    ],
)
def test_digits_in_text(text: str, surface: str, value: float) -> None:
    q = only(text)
    assert (text[q.start : q.end], q.low, q.high, q.qualifier) == (surface, value, value, "exact")


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("three hostages were freed", "three", 3),
        ("twenty-five prisoners were released", "twenty-five", 25),
        ("a million people fled", "a million", 1_000_000),
        ("two dozen hostages were freed", "two dozen", 24),
        ("half a million people are starving", "half a million", 500_000),
        ("one hundred and five hostages", "one hundred and five", 105),
        ("Thirteen Israelis were freed", "Thirteen", 13),
    ],
)
def test_number_words_in_text(text: str, surface: str, value: float) -> None:
    q = only(text)
    assert (text[q.start : q.end], q.low, q.high, q.qualifier) == (surface, value, value, "exact")


def test_number_offsets_point_at_the_number() -> None:
    text = "Officials said more than 1,160 people died."
    q = only(text)
    assert (q.start, q.end) == (text.index("more"), text.index(" people"))
    assert text[q.num_start : q.num_end] == "1,160"


# --- qualifiers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "qualifier"),
    [
        ("at least 30 people died", "at least 30", 30, "at_least"),
        ("more than 1,160 people died", "more than 1,160", 1160, "at_least"),
        ("over 100 hostages remain", "over 100", 100, "at_least"),
        ("upwards of 500 trucks", "upwards of 500", 500, "at_least"),
        ("up to 40 hostages", "up to 40", 40, "at_most"),
        ("fewer than 50 trucks entered", "fewer than 50", 50, "at_most"),
        ("less than 20 trucks entered", "less than 20", 20, "at_most"),
        ("no more than 40 hostages", "no more than 40", 40, "at_most"),
        ("around 600 trucks entered", "around 600", 600, "approximately"),
        ("about 1,200 people", "about 1,200", 1200, "approximately"),
        ("nearly 1,200 people", "nearly 1,200", 1200, "approximately"),
        ("almost 250 hostages", "almost 250", 250, "approximately"),
        ("some 130 hostages", "some 130", 130, "approximately"),
        ("roughly 700 people", "roughly 700", 700, "approximately"),
        ("More than 1.160 people", "More than 1.160", 1160, "at_least"),
        ("nearly two million people", "nearly two million", 2_000_000, "approximately"),
    ],
)
def test_prefix_qualifiers(text: str, surface: str, value: float, qualifier: str) -> None:
    assert quantities(text) == [(surface, value, value, qualifier)]


@pytest.mark.parametrize(
    ("text", "surface", "qualifier"),
    [
        ("50 or more hostages", "50 or more", "at_least"),
        ("100-plus hostages", "100-plus", "at_least"),
        ("1,000 or so people", "1,000 or so", "approximately"),
        ("100-odd people", "100-odd", "approximately"),
    ],
)
def test_suffix_qualifiers(text: str, surface: str, qualifier: str) -> None:
    # Regression: at commit 80771a1 the suffix regex was anchored with "^" and used with
    # pattern.match(text, pos), so no suffix qualifier ever matched.
    q = only(text)
    assert (text[q.start : q.end], q.qualifier) == (surface, qualifier)


@pytest.mark.parametrize(
    "text",
    ["Hamas handed over 33 hostages", "Israel handed over 90 prisoners"],
)
def test_handed_over_is_not_a_qualifier(text: str) -> None:
    # Regression: at 80771a1 "handed over 33" was read as "more than 33" (at_least).
    q = only(text)
    assert q.qualifier == "exact"
    assert text[q.start : q.end] == text.split()[-2]


def test_handed_over_more_than_keeps_its_real_qualifier() -> None:
    assert quantities("Hamas handed over more than 30 hostages") == [
        ("more than 30", 30, 30, "at_least")
    ]


def test_qualifier_is_not_taken_from_the_previous_sentence() -> None:
    text = "The war is not over. 130 hostages are still held."
    assert quantities(text) == [("130", 130, 130, "exact")]


def test_qualifier_search_stays_inside_the_range() -> None:
    # Regression: at 80771a1 a headline ending in "over" lent its qualifier (and its words)
    # to a number opening the next paragraph, outside the searched range.
    text = "Netanyahu says the war is not over\n\n130 hostages are still held."
    body = text.index("130")
    found = find_quantities(text, body, len(text))
    assert [(q.start, q.low, q.qualifier) for q in found] == [(body, 130, "exact")]


# --- ranges ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "low", "high"),
    [
        ("200 to 300 prisoners", "200 to 300", 200, 300),
        ("35-40 hostages", "35-40", 35, 40),
        ("35–40 hostages", "35–40", 35, 40),
        ("35 to 40 hostages", "35 to 40", 35, 40),
        ("between 500 and 800 people", "between 500 and 800", 500, 800),
        ("from 200 to 300 prisoners", "from 200 to 300", 200, 300),
        ("three or four days", "three or four", 3, 4),
        ("five to six weeks", "five to six", 5, 6),
    ],
)
def test_ranges(text: str, surface: str, low: float, high: float) -> None:
    assert quantities(text) == [(surface, low, high, "range")]


def test_two_counts_joined_by_and_are_not_a_range() -> None:
    assert quantities("freed 81 Israelis and 24 foreigners") == [
        ("81", 81, 81, "exact"),
        ("24", 24, 24, "exact"),
    ]


def test_number_after_and_is_not_swallowed() -> None:
    # Regression: at 80771a1 "N and M" was scanned as a failed range and M was lost.
    assert quantities("Hamas killed 1,200 and 240 were taken hostage") == [
        ("1,200", 1200, 1200, "exact"),
        ("240", 240, 240, "exact"),
    ]


# --- vague amounts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "low", "high"),
    [
        ("dozens of people were killed", "dozens", 24, 99),
        ("Dozens of people were killed", "Dozens", 24, 99),
        ("hundreds of people were wounded", "hundreds", 200, 999),
        ("thousands of people fled", "thousands", 2000, 9999),
        ("hundreds of thousands of people fled", "hundreds of thousands", 200_000, 999_999),
        ("tens of thousands of people fled", "tens of thousands", 20_000, 99_999),
    ],
)
def test_vague_amounts(text: str, surface: str, low: float, high: float) -> None:
    q = only(text)
    assert (text[q.start : q.end], q.low, q.high, q.qualifier) == (
        surface,
        low,
        high,
        "approximately",
    )
    assert q.vague


# --- compounds ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("a six-week truce", "six-week", 6, "week"),
        ("a 42-day pause", "42-day", 42, "day"),
        ("a four-day truce", "four-day", 4, "day"),
        ("a three-phase deal", "three-phase", 3, "phase"),
        # one unit with no number written
        ("the week-long truce", "week-long", 1, "week"),
        ("a Month-long pause", "Month-long", 1, "month"),
    ],
)
def test_compounds_carry_their_unit(text: str, surface: str, value: float, unit: str) -> None:
    q = only(text)
    assert (text[q.start : q.end], q.low, q.high, q.unit) == (surface, value, value, unit)


# --- things that are not quantities --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the war that began in 2023",  # year
        "talks held in 1948 and in 2014",  # years
        "the attack on October 7 changed everything",  # date
        "the attack on 7 October changed everything",  # date
        "on Oct. 7 militants crossed",  # abbreviated date
        "7 October 2023",  # full date
        "the truce was extended for the 7th time",  # ordinal
        "the 2nd round of talks",  # ordinal
        "the truce began at 7 a.m. local time",  # clock time
        "the truce began at 7am",  # clock time
        "the meeting started at 10:30",  # clock time
        "a 12-year-old boy was freed",  # age
        "a 12 year old boy was freed",  # age
        "men over 50 were held",  # age
        "Samira, 54, said she fled",  # age apposition
        "Noa Argamaniová (26) and Šlomi Ziv (41) were kidnapped",  # ages in parentheses
        "they were killed on 27.11. in Gaza",  # a day and month with dots
        "some 0.5 hostages",  # a fraction of a person is no count
        "a $1 billion reconstruction plan",  # money
        "€50 million in aid",  # money
        "70% of homes were damaged",  # percentage
        "70 percent of homes were damaged",  # percentage
        "Resolution 2735 was adopted",  # label
        "a convoy 100 km long",  # distance
    ],
)
def test_not_quantities(text: str) -> None:
    assert quantities(text) == []


@pytest.mark.parametrize("text", ["nine in ten Gazans are displaced", "1 in 3 children"])
def test_ratios_are_not_quantities(text: str) -> None:
    # Regression: at 80771a1 the denominator ("ten", "3") was reported as a count.
    assert quantities(text) == []


def test_age_apposition_is_told_apart_from_a_count_after_a_place() -> None:
    # "Gaza, 40 people" is a count after a place name, not an age.
    assert quantities("In Gaza, 40 people died overnight") == [("40", 40, 40, "exact")]


def test_age_apposition_in_a_list() -> None:
    assert quantities("Kfir, 4, and Ariel were taken") == []


def test_round_number_that_looks_like_a_year() -> None:
    # Regression: at 80771a1 every 4-digit 19xx/20xx number was dropped as a year.
    assert quantities("more than 2000 people were killed") == [
        ("more than 2000", 2000, 2000, "at_least")
    ]


# Regression: a year after "in" was read as a count when a counted noun followed it.
@pytest.mark.parametrize(
    "text",
    ["In 2014 Palestinians were killed in a war", "In 2023 hostages were taken to Gaza"],
)
def test_year_after_in_is_not_a_count_even_before_a_noun(text: str) -> None:
    assert quantities(text) == []


# Regression: an age after "aged" was a quantity.
@pytest.mark.parametrize(
    "text", ["The oldest hostage, aged 85, was freed", "a woman aged 85 was freed"]
)
def test_aged_n_is_an_age(text: str) -> None:
    assert quantities(text) == []


# Regression: "took over 240 hostages" lost its at_least qualifier.
def test_took_over_before_people_is_a_qualifier() -> None:
    assert quantities("Hamas took over 240 hostages") == [("over 240", 240, 240, "at_least")]


def test_phrasal_over_before_things_is_not_a_qualifier() -> None:
    assert quantities("Hamas took over 30 towns") == [("30", 30, 30, "exact")]


# --- invariants on a realistic paragraph -------------------------------------------------


def test_quantities_are_ordered_and_do_not_overlap() -> None:
    text = (
        "Between 200 and 300 prisoners would be freed for 35-40 hostages during a six-week "
        "truce, while more than 1,160 people were killed and dozens of others were wounded."
    )
    found = find_quantities(text)
    assert [text[q.start : q.end] for q in found] == [
        "Between 200 and 300",
        "35-40",
        "six-week",
        "more than 1,160",
        "dozens",
    ]
    for before, after in itertools.pairwise(found):
        assert before.end <= after.start
    for q in found:
        assert q.start <= q.num_start < q.num_end <= q.end
        assert q.low <= q.high


def test_search_window_is_respected() -> None:
    text = "12 hostages. 30 prisoners. 40 trucks."
    start = text.index("30")
    end = text.index(" prisoners")
    assert [(q.start, q.low) for q in find_quantities(text, start, end)] == [(start, 30)]


def test_absurd_numbers_are_not_counts() -> None:
    assert quantities("99999999999999999999 people and 10^400 trucks") == []


_VAGUE_TOKENS = """dozens Dozens DOZENS scores hundreds thousands-strong tens of thousands several
 hundred a few dozen A Few Thousand millions dozen of ſcores x - _ 5 é""".split()


@given(
    st.lists(
        st.tuples(st.sampled_from(_VAGUE_TOKENS), st.sampled_from(["", " ", "  ", "\n", "-", ", "]))
    )
)
def test_quick_vague_pattern_matches_what_the_plain_one_matches(parts) -> None:
    """The vague amounts, opening with their first letters, read as the plain pattern does."""
    from briefing.numbers import _vague_pattern
    from briefing.vocab import phrase_pattern

    quick, ranges = _vague_pattern()
    plain = re.compile(rf"\b(?P<v>{phrase_pattern(list(ranges))})\b(?!-)", re.I)
    text = "".join(a + b for a, b in parts)
    assert [m.span() for m in quick.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "between 10 and 1" + "0" * 400 + " people were killed",
        "10 to 1" + "0" * 30 + " hostages",
        "some 1" + "0" * 400 + " trucks",
    ],
)
def test_a_number_beyond_any_count_is_not_a_quantity_at_either_end_of_a_range(text):
    # Read as a float, such a number is infinity: the JSON output would say "Infinity".
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("٢٬٥٠٠ people were killed", 2500),  # Arabic-Indic digits, Arabic thousands separator
        ("٢٫٥ million people fled", 2_500_000),  # Arabic decimal separator
        ("1,160 people", 1160),
    ],
)
def test_arabic_separators_group_digits(text: str, value: float) -> None:
    q = only(text)
    assert (q.low, q.high) == (value, value)


@pytest.mark.parametrize(
    "text",
    [
        "the file 0001 was opened",  # a leading zero makes a code, not a count
        "agent 007 of the service",
        "a rate of 1E+22 people",  # scientific notation
        "dated 2024-13-45 in the log",  # a date-like code, even an impossible one
        "about 1⁄3 of them",  # a fraction: neither part is a count
    ],
)
def test_codes_and_notations_are_not_counts(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Between 2 and 3 million people are sheltering", 2_000_000, 3_000_000),
        ("1-1.5 million people fled", 1_000_000, 1_500_000),
        ("10–12 thousand people", 10_000, 12_000),
        ("two to three million people", 2_000_000, 3_000_000),
        ("between two and three hundred thousand people", 200_000, 300_000),
        ("between 500 and 3 million people", 500, 3_000_000),  # the low end has its own size
        ("two million to three million people", 2_000_000, 3_000_000),
    ],
)
def test_a_range_shares_the_scale_written_after_its_high_end(text, low, high) -> None:
    q = only(text)
    assert (q.low, q.high, q.qualifier) == (low, high, "range")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.5m people fled", 1_500_000),
        ("40k people fled", 40_000),
        ("1.2M people fled", 1_200_000),
        ("over 1.7 mln people fled", 1_700_000),
        ("1.5 millions people fled", 1_500_000),
        ("30\u202f000 people were killed", 30_000),  # narrow no-break space, as in French
        ("30'000 people were killed", 30_000),  # Swiss
        ("19 453 people have died", 19_453),  # a plain space, as translations often keep it
    ],
)
def test_newsroom_shorthand_and_other_digit_groupings(text, value) -> None:
    q = only(text)
    assert (q.low, q.high) == (value, value)


def test_a_change_and_a_new_total_are_not_a_range() -> None:
    found = find_quantities("The death toll rose by 150 to 30,000 on Sunday")
    assert [(q.low, q.high, q.qualifier) for q in found] == [
        (150, 150, "exact"),
        (30_000, 30_000, "exact"),
    ]


def test_a_date_next_to_a_count_is_not_one_spaced_number() -> None:
    found = find_quantities("Of the 229 people abducted on October 6 112 are still held")
    assert [q.low for q in found] == [229, 112]  # "6" is the day of the date
