"""Resolving written dates against a fixed publication date.

Calendar facts used below (checked by hand):
2024-02-08 Thursday, 2024-03-04 Monday, 2024-03-03 Sunday, 2024-01-01 Monday,
2024-01-02 Tuesday, 2024-01-05 Friday, 2023-12-30 Saturday, 2025-01-15 Wednesday;
2024 is a leap year (29 February).
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.dates import DateMention, resolve_dates

THU_2024_02_08 = date(2024, 2, 8)


def one(text: str, published: date | None, future: bool = False) -> DateMention:
    """The single date mention in ``text``."""
    found = resolve_dates(text, published, future=future)
    assert len(found) == 1, [(text[m.start : m.end], m.date) for m in found]
    return found[0]


def resolved(text: str, published: date | None, future: bool = False) -> tuple[date, str]:
    mention = one(text, published, future)
    return mention.date, mention.precision


# --- weekdays ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Negotiators met on Tuesday in Cairo.", date(2024, 2, 6)),
        ("Negotiators met on Monday in Cairo.", date(2024, 2, 5)),
        ("Negotiators met on Friday in Cairo.", date(2024, 2, 2)),  # previous week
        ("Negotiators met on Thursday in Cairo.", date(2024, 2, 8)),  # publication day
        ("Negotiators met on Sunday in Cairo.", date(2024, 2, 4)),
        ("The talks ended Tuesday night.", date(2024, 2, 6)),
    ],
)
def test_past_weekday_is_latest_on_or_before_publication(text: str, expected: date) -> None:
    assert resolved(text, THU_2024_02_08) == (expected, "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Negotiators will meet on Tuesday.", date(2024, 2, 13)),
        ("Negotiators will meet on Friday.", date(2024, 2, 9)),
        ("Negotiators will meet on Thursday.", date(2024, 2, 8)),  # on or after
    ],
)
def test_future_weekday_is_next_on_or_after_publication(text: str, expected: date) -> None:
    assert resolved(text, THU_2024_02_08, future=True) == (expected, "day")


def test_weekday_span_covers_the_weekday() -> None:
    text = "Negotiators met on Tuesday in Cairo."
    mention = one(text, THU_2024_02_08)
    assert "Tuesday" in text[mention.start : mention.end]
    assert text[mention.start : mention.end].strip() in ("Tuesday", "on Tuesday")


@pytest.mark.parametrize(
    ("published", "text", "future", "expected"),
    [
        # across a month boundary, in a leap year: Monday 4 March -> Tuesday 27 February
        (date(2024, 3, 4), "They met on Tuesday.", False, date(2024, 2, 27)),
        # across a year boundary: Tuesday 2 January -> Friday 29 December
        (date(2024, 1, 2), "They met on Friday.", False, date(2023, 12, 29)),
        (date(2024, 1, 1), "They met on Sunday.", False, date(2023, 12, 31)),
        # scheduled, across a year boundary: Saturday 30 December -> Tuesday 2 January
        (date(2023, 12, 30), "They will meet on Tuesday.", True, date(2024, 1, 2)),
        (date(2023, 12, 30), "They will meet on Saturday.", True, date(2023, 12, 30)),
    ],
)
def test_weekday_across_boundaries(
    published: date, text: str, future: bool, expected: date
) -> None:
    assert resolved(text, published, future) == (expected, "day")


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (THU_2024_02_08, date(2024, 2, 9)),  # Friday after
        (date(2024, 3, 3), date(2024, 3, 1)),  # a Sunday: the Friday before, same week
        (date(2024, 1, 1), date(2024, 1, 5)),  # a Monday
        (date(2023, 12, 30), date(2023, 12, 29)),  # a Saturday
        (date(2024, 1, 5), date(2024, 1, 5)),  # a Friday: that very day
    ],
)
def test_this_friday_is_the_friday_of_the_publication_week(published: date, expected: date) -> None:
    assert resolved("A meeting is set for this Friday.", published) == (expected, "day")
    assert resolved("A meeting is set for this Friday.", published, future=True) == (
        expected,
        "day",
    )


def test_this_monday_and_this_sunday_bound_the_week() -> None:
    assert resolved("this Monday", THU_2024_02_08) == (date(2024, 2, 5), "day")
    assert resolved("this Sunday", THU_2024_02_08) == (date(2024, 2, 11), "day")


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (THU_2024_02_08, date(2024, 2, 2)),
        (date(2024, 1, 5), date(2023, 12, 29)),  # published on a Friday: the one before
        (date(2024, 1, 2), date(2023, 12, 29)),
    ],
)
def test_last_friday(published: date, expected: date) -> None:
    assert resolved("Talks broke down last Friday.", published) == (expected, "day")


def test_next_tuesday_is_strictly_after() -> None:
    assert resolved("Talks resume next Tuesday.", THU_2024_02_08) == (date(2024, 2, 13), "day")


def test_weekday_needs_a_publication_date() -> None:
    assert resolve_dates("Negotiators met on Tuesday.", None) == []


# --- relative days and weeks -------------------------------------------------------------


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (THU_2024_02_08, date(2024, 2, 7)),
        (date(2024, 1, 1), date(2023, 12, 31)),
        (date(2024, 3, 1), date(2024, 2, 29)),
    ],
)
def test_yesterday(published: date, expected: date) -> None:
    assert resolved("Talks ended yesterday.", published) == (expected, "day")


def test_yesterday_needs_a_publication_date() -> None:
    assert resolve_dates("Talks ended yesterday.", None) == []


def test_tomorrow() -> None:
    assert resolved("Talks resume tomorrow.", date(2023, 12, 31)) == (date(2024, 1, 1), "day")


@pytest.mark.parametrize(
    ("published", "expected"),
    [(THU_2024_02_08, date(2024, 2, 1)), (date(2024, 1, 2), date(2023, 12, 26))],
)
def test_last_week_is_seven_days_before_and_approximate(published: date, expected: date) -> None:
    mention = one("Talks stalled last week.", published)
    assert (mention.date, mention.approximate) == (expected, True)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Earlier in the week, Hamas met mediators.", THU_2024_02_08, date(2024, 2, 5)),
        ("Hamas met mediators earlier this week.", THU_2024_02_08, date(2024, 2, 5)),
        # a Sunday: Monday of the same Monday-Sunday week, across the month boundary
        ("Earlier in the week, Hamas met mediators.", date(2024, 3, 3), date(2024, 2, 26)),
    ],
)
def test_earlier_in_the_week_is_the_monday(text: str, published: date, expected: date) -> None:
    mention = one(text, published)
    assert (mention.date, mention.approximate) == (expected, True)


# --- months and years ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The truce collapsed in November 2023.", THU_2024_02_08, date(2023, 11, 1)),
        ("The truce collapsed in November 2023.", None, date(2023, 11, 1)),
        # a month without a year, reported in the past: the latest such month
        ("The truce collapsed in December.", THU_2024_02_08, date(2023, 12, 1)),
        ("Talks began in January.", THU_2024_02_08, date(2024, 1, 1)),
        ("Talks began in February.", THU_2024_02_08, date(2024, 2, 1)),
    ],
)
def test_month_is_first_of_month(text: str, published: date | None, expected: date) -> None:
    assert resolved(text, published) == (expected, "month")


def test_future_month_is_the_next_such_month() -> None:
    assert resolved("Elections are due in January.", THU_2024_02_08, future=True) == (
        date(2025, 1, 1),
        "month",
    )


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("A deal was close at the end of January.", THU_2024_02_08, date(2024, 1, 31)),
        ("A deal was close at the end of February.", date(2024, 3, 4), date(2024, 2, 29)),
        ("A deal was close at the end of November.", THU_2024_02_08, date(2023, 11, 30)),
    ],
)
def test_end_of_month_is_last_day(text: str, published: date, expected: date) -> None:
    assert resolved(text, published) == (expected, "month")


def test_month_without_year_needs_a_publication_date() -> None:
    assert resolve_dates("The truce collapsed in December.", None) == []


@pytest.mark.parametrize("published", [THU_2024_02_08, None])
def test_year_has_year_precision(published: date | None) -> None:
    text = "Hamas has ruled Gaza since 2007."
    mention = one(text, published)
    assert (mention.date, mention.precision) == (date(2007, 1, 1), "year")
    assert "2007" in text[mention.start : mention.end]


# --- full and named dates -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["on 24 February 2024", "on February 24, 2024", "on 24th February 2024", "2024-02-24"]
)
def test_full_dates_need_no_publication_date(text: str) -> None:
    assert resolved(text, None) == (date(2024, 2, 24), "day")


@pytest.mark.parametrize(
    "text",
    [
        "since October 7 more than a year has passed",
        "since 7 October more than a year has passed",
        "since 7th October",
        "since Oct. 7",
        "the October 7 attack",
    ],
)
@pytest.mark.parametrize("published", [date(2025, 1, 15), date(2025, 10, 9), None])
def test_october_7_is_2023(text: str, published: date | None) -> None:
    assert resolved(text, published) == (date(2023, 10, 7), "day")


def test_other_month_day_is_latest_before_publication() -> None:
    # Not a named date: "October 8" written in January 2025 is October 2024.
    assert resolved("The talks of October 8 failed.", date(2025, 1, 15)) == (
        date(2024, 10, 8),
        "day",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Hamas may accept the proposal.",
        "The deal may collapse, officials warned.",
        "Former prime minister Theresa May said the talks mattered.",
    ],
)
def test_may_as_a_verb_or_a_name_is_not_a_date(text: str) -> None:
    assert resolve_dates(text, THU_2024_02_08) == []


def test_may_with_a_preposition_is_the_month() -> None:
    assert resolved("Talks collapsed in May.", date(2025, 1, 15)) == (date(2024, 5, 1), "month")


def test_may_as_verb_leaves_the_weekday() -> None:
    text = "Talks may resume on Monday."
    mention = one(text, date(2025, 1, 15))
    assert mention.date == date(2025, 1, 13)


def test_mentions_are_in_text_order() -> None:
    text = "After the truce of November 2023, talks resumed on Tuesday and again yesterday."
    found = resolve_dates(text, THU_2024_02_08)
    assert [m.date for m in found] == [date(2023, 11, 1), date(2024, 2, 6), date(2024, 2, 7)]
    assert [m.start for m in found] == sorted(m.start for m in found)


_TOKENS = "2024 2024-01-05 1 12 31 45 3rd 21st of in since from May may MAY Sept. sept Sep".split()
_TOKENS += "September october oct. Jan june Juneau x - é ٣ ١٢ , ſept 1999 20 05 _ Mayo".split()


@given(st.lists(st.tuples(st.sampled_from(_TOKENS), st.sampled_from(["", " ", ", ", "-"]))))
def test_quick_date_patterns_match_what_the_plain_ones_match(parts):
    """Date patterns that open with their first characters read dates as the plain ones do."""
    from briefing import dates

    day, month, year = dates._DAY, dates._MONTH, dates._YEAR
    plain = {
        "iso": re.compile(r"\b(?P<iso>\d{4}-\d{2}-\d{2})\b"),
        "dmy": re.compile(rf"\b(?=\d){day}\s+(?:of\s+)?{month},?\s+{year}\b", re.I),
        "mdy": re.compile(rf"\b{month}\s+{day},?\s+{year}\b", re.I),
        "dm": re.compile(rf"\b(?=\d){day}\s+(?:of\s+)?{month}(?![\w-])", re.I),
        "md": re.compile(rf"\b{month}\s+{day}(?![\w-])(?!,?\s+\d{{4}})", re.I),
        "year": re.compile(rf"\b(?:in|since|of|by|until|from)\s+{year}\b", re.I),
    }
    text = "".join(a + b for a, b in parts)
    found = dates._find(text, 0, len(text))
    for kind, pattern in plain.items():
        expected = [(m.span(), m.group(*_GROUPS[kind])) for m in pattern.finditer(text)]
        quick = [(m.span(), m.group(*_GROUPS[kind])) for k, m, _ in found if k == kind]
        assert quick == expected, kind


_GROUPS = {
    "iso": ("iso", "iso"),
    "dmy": ("day", "month", "year"),
    "mdy": ("month", "day", "year"),
    "dm": ("day", "month"),
    "md": ("month", "day"),
    "year": ("year", "year"),
}


@pytest.mark.parametrize(
    ("written", "when"),
    [
        ("31/12/2024", date(2024, 12, 31)),
        ("31.12.2024", date(2024, 12, 31)),
        ("5/3/2024", date(2024, 3, 5)),  # day first, as most of the world writes it
        ("12/31/2024", date(2024, 12, 31)),  # only month first makes a date
    ],
)
def test_numeric_dates(written, when):
    text = f"Hamas accepted the proposal on {written}, mediators said."
    (found,) = resolve_dates(text, date(2025, 1, 5))
    assert (text[found.start : found.end], found.date, found.precision) == (written, when, "day")


@pytest.mark.parametrize("text", ["on 45/45/2024", "ratio 3/4/2024/5", "version 10.30.2024x"])
def test_numbers_that_only_look_like_numeric_dates(text):
    assert resolve_dates(text, date(2025, 1, 5)) == []


@pytest.mark.parametrize(
    ("text", "written", "when"),
    [
        (
            "Hamas handed over four coffins on Thursday (20/2).",
            "on Thursday (20/2)",
            date(2025, 2, 20),
        ),
        ("The talks resumed (3/1) in Cairo.", "(3/1)", date(2025, 1, 3)),
        (
            "The prisoners were freed on Saturday (28/12).",
            "on Saturday (28/12)",
            date(2024, 12, 28),
        ),
    ],
)
def test_day_and_month_in_brackets(text, written, when):
    # Published on a Thursday: the weekday alone would be that day; the bracket says which.
    (found,) = resolve_dates(text, date(2025, 2, 27))
    assert (text[found.start : found.end], found.date) == (written, when)


def test_brackets_that_hold_no_day_and_month_are_no_date():
    assert resolve_dates("a ratio of (45/13) and (7/31)", date(2025, 2, 27)) == []


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("The truce took effect on the tenth of October.", date(2025, 10, 10)),
        ("Talks resumed on the twenty-first of March.", date(2025, 3, 21)),
        ("It ends on the Thirty First of December.", date(2024, 12, 31)),
    ],
)
def test_days_spelt_out_as_ordinals(text, when):
    (found,) = resolve_dates(text, date(2025, 10, 29))
    assert (found.date, found.precision) == (when, "day")


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        # scheduled, but the day is two weeks past: not almost a year ahead
        ("after the killing on 2 January", True, date(2024, 1, 2)),
        ("talks on 20 January", True, date(2024, 1, 20)),
        # not scheduled: the last such day, even a year back ("the truce that took effect on
        # 19 January", read on Christmas Day, is last January's)
        ("the deadline of 20 January", False, date(2023, 1, 20)),
        ("talks on 5 December", False, date(2023, 12, 5)),
    ],
)
def test_a_scheduled_day_two_weeks_past_is_not_moved_a_year_ahead(
    text: str, future: bool, expected: date
) -> None:
    found = resolve_dates(text, date(2024, 1, 13), future=future)
    assert [m.date for m in found] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the truce took effect on 27.11. at four o'clock", [date(2024, 11, 27)]),
        ("the fighting resumed on 18.1. in the south", [date(2025, 1, 18)]),
        ("exports rose by 2.5.", []),  # a decimal ending a sentence
        ("the index fell to 3.4. Then it rose.", []),
    ],
)
def test_a_day_and_month_with_dots_after_a_preposition(text: str, expected: list[date]) -> None:
    assert [m.date for m in resolve_dates(text, date(2025, 1, 27))] == expected
